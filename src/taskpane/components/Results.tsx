// What the pane shows once a check ran (a lazily loaded chunk, fetched while the first check reads the
// workbook): the summary with its table chips, the actions (fix all safe, marks, export, downloads), the
// journal of applied fixes with undo, the filters and search, and the findings.
import {
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  SearchBox,
  Select,
  Subtitle2,
  ToggleButton,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownload16Regular,
  ArrowUndo16Regular,
  DocumentTable16Regular,
  DocumentText16Regular,
  Eraser20Regular,
  Filter16Regular,
  Highlight16Regular,
  Save16Regular,
  Share16Regular,
  Wand16Regular,
} from '@fluentui/react-icons';
import { useMemo, useState, type ReactNode } from 'react';
import { changeExcerpt, thousands } from '../display';
import { filterChoices, filterGroups, isFiltering, NO_FILTER, type FindingFilter } from '../filters';
import { appliedFixes, fixSignature, valueText, type CellState, type JournalFix } from '../journal';
import { markCounts, MARK_STYLE, SEVERITY_ORDER } from '../marks';
import type { Severity } from '../strings';
import { Findings, ICONS } from './Findings';
import type { Session } from './session';
import { NothingFound } from './States';
import { Summary } from './Summary';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  moreSafe: { flexBasis: '100%', color: tokens.colorPaletteGreenForeground1 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  cardHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cardTitle: { flexGrow: 1, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0 },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  swatch: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '20px',
    height: '16px',
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: '11px',
    fontWeight: tokens.fontWeightBold,
  },
  batch: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  batchHead: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  applied: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  appliedUndo: { flexShrink: 0, whiteSpace: 'nowrap' },
  appliedText: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  appliedTitle: { wordBreak: 'break-word', fontSize: tokens.fontSizeBase200 },
  appliedLink: { fontFamily: tokens.fontFamilyNumeric, fontSize: tokens.fontSizeBase200 },
  appliedChange: { fontFamily: tokens.fontFamilyNumeric, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  filterBar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  searchRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  search: { flexGrow: 1, minWidth: 0, maxWidth: 'none' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  count: { minWidth: 0, fontWeight: tokens.fontWeightRegular },
  countOff: { color: tokens.colorNeutralForeground4, textDecorationLine: 'line-through' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  selects: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(132px, 1fr))', gap: tokens.spacingHorizontalS },
  showing: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  noMatch: { color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalS} 0` },
});

/** A cell state as the journal lists it. */
function stateText(state: CellState, empty: string): string {
  if (state.formula !== undefined) return `=${state.formula}`;
  const text = valueText(state.value);
  if (text === '') return empty;
  return typeof state.value === 'number' ? thousands(String(state.value)) : text;
}

export function ResultsSummary({ session, action }: { session: Session; action?: ReactNode }) {
  const { result, strings, overrides, setKind } = session;
  if (!result) return null;
  return <Summary strings={strings} report={result.report} overrides={overrides} onKind={setKind} action={action} />;
}

function Actions({ session }: { session: Session }) {
  const styles = useStyles();
  const { strings: s, result, port, busy, journal, marks } = session;
  const safeCells = useMemo(() => new Set((result?.safe ?? []).flatMap((f) => f.edits.map((e) => `${e.sheet}!${e.address}`))).size, [result]);
  const caps = port.capabilities;
  const edits = appliedFixes(journal).length;
  const writing = busy !== undefined || session.state.phase === 'checking';
  // The last click was 一键修正可靠项 and the re-check found more: say so, the button alone is easy to miss.
  const moreSafe = !writing && safeCells > 0 && journal.batches[journal.batches.length - 1]?.kind === 'safe';
  return (
    <section className={styles.actions} aria-label={s.actions.heading} data-testid="actions">
      {moreSafe && (
        <Caption1 className={styles.moreSafe} role="status" data-testid="more-safe">
          {s.actions.moreSafe(safeCells)}
        </Caption1>
      )}
      <Tooltip content={safeCells > 0 ? s.actions.fixSafeHint : s.actions.noSafe} relationship="description">
        <Button size="small" appearance="secondary" icon={<Wand16Regular />} disabled={writing || safeCells === 0} onClick={session.applySafe} data-testid="fix-safe">
          {s.actions.fixSafe(safeCells)}
        </Button>
      </Tooltip>
      {caps.marks && (
        <Tooltip content={s.actions.markHint} relationship="description">
          <Button size="small" icon={<Highlight16Regular />} disabled={writing || marks.length === 0} onClick={session.mark} data-testid="mark">
            {s.actions.mark}
          </Button>
        </Tooltip>
      )}
      {caps.downloads && edits > 0 && (
        <Tooltip content={s.actions.downloadFixedHint} relationship="description">
          <Button size="small" appearance="primary" icon={<ArrowDownload16Regular />} disabled={busy !== undefined} onClick={session.downloadFixed} data-testid="download-fixed">
            {s.actions.downloadFixed}
          </Button>
        </Tooltip>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton size="small" icon={<Share16Regular />} disabled={busy !== undefined} data-testid="export">
            {s.actions.export}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {caps.downloads && (
              <MenuItem icon={<ArrowDownload16Regular />} onClick={session.downloadAnnotated} data-testid="download-annotated">
                {s.actions.downloadAnnotated}
              </MenuItem>
            )}
            {caps.reportSheet && (
              <MenuItem icon={<DocumentTable16Regular />} onClick={session.exportSheet} data-testid="export-sheet">
                {s.actions.exportSheet}
              </MenuItem>
            )}
            <MenuItem icon={<DocumentText16Regular />} onClick={session.saveText} data-testid="export-text">
              {s.actions.exportText}
            </MenuItem>
            <MenuItem icon={<Save16Regular />} onClick={session.saveCsv} data-testid="export-csv">
              {s.actions.exportCsv}
            </MenuItem>
            <MenuItem icon={<Save16Regular />} onClick={session.saveJson} data-testid="export-json">
              {s.actions.exportJson}
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
    </section>
  );
}

/** The colours of the marks, named (colour is never the only signal), with counts and 清除标记. */
function MarksCard({ session }: { session: Session }) {
  const styles = useStyles();
  const { strings: s, journal, busy } = session;
  const counts = markCounts(journal.marks);
  if (journal.marks.length === 0) return null;
  return (
    <section className={styles.card} aria-label={s.actions.legend} data-testid="marks">
      <div className={styles.cardHead}>
        <Subtitle2 as="h2" className={styles.cardTitle} style={{ margin: 0, fontSize: 'inherit' }}>
          {s.actions.marked(journal.marks.length)}
        </Subtitle2>
        <Button size="small" icon={<Eraser20Regular />} disabled={busy !== undefined} onClick={session.clearMarks} data-testid="clear-marks">
          {s.actions.clearMarks}
        </Button>
      </div>
      <ul className={styles.legend}>
        {SEVERITY_ORDER.map((sev) => (
          <li key={sev} className={styles.legendItem}>
            <span className={styles.swatch} style={{ backgroundColor: MARK_STYLE[sev].fill, color: MARK_STYLE[sev].font }} aria-hidden>
              {sev === 'error' ? '!' : sev === 'warning' ? '?' : 'i'}
            </span>
            <span>
              {s.results.severity[sev]} {counts[sev]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function JournalCard({ session }: { session: Session }) {
  const styles = useStyles();
  const { strings: s, journal, port, busy } = session;
  if (journal.batches.length === 0) return null;
  const note = port.source === 'file' ? s.journal.file : port.capabilities.persistentJournal ? s.journal.persistent : s.journal.session;
  const disabled = busy !== undefined || session.state.phase === 'checking';
  return (
    <section className={styles.card} aria-label={s.journal.heading} data-testid="journal">
      <div className={styles.cardHead}>
        <Subtitle2 as="h2" className={styles.cardTitle} style={{ margin: 0, fontSize: 'inherit' }}>
          {s.journal.heading}
        </Subtitle2>
        <Button size="small" icon={<ArrowUndo16Regular />} disabled={disabled} onClick={session.undoLast} data-testid="undo-last">
          {s.journal.undoLast}
        </Button>
      </div>
      {[...journal.batches].reverse().map((b) => (
        <div key={b.id}>
          <Caption1 className={styles.batchHead} block>
            {b.kind === 'safe' ? s.journal.batchSafe(b.fixes.length) : s.journal.batchOne} · {new Date(b.at).toLocaleTimeString(s.lang, { hour12: false })}
          </Caption1>
          <ul className={styles.batch}>
            {b.fixes.map((f) => (
              <li key={f.id} className={styles.applied} data-testid="applied-fix">
                <div className={styles.appliedText}>
                  <span className={styles.appliedTitle}>{f.title}</span>
                  {f.edits.map((e, i) => {
                    const change = changeExcerpt(stateText(e.before, s.results.emptyCell), stateText(e.after, s.results.emptyCell));
                    return (
                      <span key={i} className={styles.appliedChange}>
                        <Link as="button" className={styles.appliedLink} aria-label={s.results.locate(`${e.sheet}!${e.address}`)} onClick={() => session.selectCell(e.sheet, e.address)} data-testid="applied-cell">
                          {e.sheet}!{e.address}
                        </Link>
                        : {change.before} → {change.after}
                      </span>
                    );
                  })}
                </div>
                <Button size="small" appearance="subtle" className={styles.appliedUndo} icon={<ArrowUndo16Regular />} disabled={disabled} onClick={() => session.undo([f.id])} aria-label={s.results.undoLabel(f.title)} data-testid="undo-applied">
                  {s.results.undo}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <Caption1 className={styles.hint}>{note}</Caption1>
    </section>
  );
}

function FilterBar({ session, filter, onFilter, shown, total }: { session: Session; filter: FindingFilter; onFilter: (f: FindingFilter) => void; shown: number; total: number }) {
  const styles = useStyles();
  const { strings: s, counts, groups, result } = session;
  const [open, setOpen] = useState(false);
  const choices = useMemo(() => filterChoices(groups, result?.sheets ?? []), [groups, result]);
  const toggle = (sev: Severity) => onFilter({ ...filter, hidden: filter.hidden.includes(sev) ? filter.hidden.filter((x) => x !== sev) : [...filter.hidden, sev] });
  return (
    <div className={styles.filterBar}>
      <div className={styles.searchRow}>
        <SearchBox
          className={styles.search}
          size="medium"
          aria-label={s.filters.search}
          placeholder={s.filters.searchPlaceholder}
          value={filter.query}
          onChange={(_, d) => onFilter({ ...filter, query: d.value })}
          data-testid="search"
        />
        <ToggleButton icon={<Filter16Regular />} checked={open} aria-expanded={open} onClick={() => setOpen(!open)} data-testid="filter-toggle">
          {s.filters.toggle}
        </ToggleButton>
      </div>
      <div className={styles.counts} data-testid="counts" role="group" aria-label={s.filters.severity}>
        {SEVERITY_ORDER.map((sev) => {
          const on = !filter.hidden.includes(sev);
          return (
            <ToggleButton
              key={sev}
              size="small"
              appearance="subtle"
              checked={on}
              disabled={counts[sev] === 0}
              icon={<span className={styles[sev]}>{ICONS[sev]}</span>}
              className={mergeClasses(styles.count, !on && styles.countOff)}
              onClick={() => toggle(sev)}
              data-testid={`toggle-${sev}`}
            >
              <span className={counts[sev] > 0 && on ? styles[sev] : undefined}>
                {s.results.severity[sev]} <strong>{counts[sev]}</strong>
              </span>
            </ToggleButton>
          );
        })}
      </div>
      {open && (
        <div className={styles.selects}>
          <Field label={s.filters.sheet} size="small">
            <Select size="small" value={filter.sheet} onChange={(_, d) => onFilter({ ...filter, sheet: d.value })} data-testid="filter-sheet">
              <option value="">{s.filters.all}</option>
              {choices.sheets.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.filters.rule} size="small">
            <Select size="small" value={filter.rule} onChange={(_, d) => onFilter({ ...filter, rule: d.value })} data-testid="filter-rule">
              <option value="">{s.filters.all}</option>
              {choices.rules.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {isFiltering(filter) && (
        <div className={styles.showing} role="status">
          <Caption1>{s.filters.showing(shown, total)}</Caption1>
          <Button size="small" appearance="transparent" onClick={() => onFilter(NO_FILTER)}>
            {s.filters.clear}
          </Button>
        </div>
      )}
    </div>
  );
}

export function ResultsBody({ session }: { session: Session }) {
  const styles = useStyles();
  const { strings: s, result, groups, journal, busy, selected, focusAfterApply } = session;
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const shownGroups = useMemo(() => filterGroups(groups, filter), [groups, filter]);
  const applied = useMemo(() => new Map<string, JournalFix>(appliedFixes(journal).map(({ fix }) => [fixSignature(fix), fix])), [journal]);
  if (!result) return null;
  const total = result.report.findings.length;
  const shown = shownGroups.reduce((n, g) => n + g.findings.length, 0);
  return (
    <div className={styles.section}>
      {total > 0 && <Actions session={session} />}
      <MarksCard session={session} />
      <JournalCard session={session} />
      {total === 0 ? (
        <NothingFound strings={s} tables={result.report.tables.length} />
      ) : (
        <>
          <FilterBar session={session} filter={filter} onFilter={setFilter} shown={shown} total={total} />
          {shown === 0 ? (
            <Caption1 className={styles.noMatch}>{s.filters.noMatch}</Caption1>
          ) : (
            <Findings
              strings={s}
              groups={shownGroups}
              {...(selected !== undefined ? { selected } : {})}
              {...(focusAfterApply ? { focus: focusAfterApply } : {})}
              actions={{
                onSelect: session.selectFinding,
                onSelectCell: session.selectCell,
                onApply: session.applyFix,
                onUndo: session.undo,
                applied,
                busy: busy !== undefined || session.state.phase === 'checking',
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
