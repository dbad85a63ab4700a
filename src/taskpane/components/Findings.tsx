// The findings, grouped by severity (错误/警告/提示) with counts; each card names its rule, cell, amounts,
// evidence cells and fixes, each fix with its reason, a before → after preview and an 应用 (or 撤销)
// button. A cause shows the identities it also breaks folded (另影响 N 处勾稽关系), a class of similar
// findings its members; two balanced fixes are both shown, for the user to choose. Every link and
// button is on the Tab path.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowUndo16Regular,
  Branch16Regular,
  Checkmark16Regular,
  ChevronDown12Regular,
  ChevronUp12Regular,
  ErrorCircle16Filled,
  Info16Filled,
  Lightbulb16Regular,
  QuestionCircle16Regular,
  ShieldCheckmark16Regular,
  TextBulletListSquare16Regular,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useEffect, useRef, useState, type MouseEvent, type ReactElement } from 'react';
import type { DisplayFinding, DisplayFix, SeverityGroup } from '../display';
import type { JournalFix } from '../journal';
import type { Severity, Strings } from '../strings';

export const ICONS: Record<Severity, ReactElement> = {
  error: <ErrorCircle16Filled />,
  warning: <Warning16Filled />,
  info: <Info16Filled />,
};

/** Evidence cells listed on a card before `+N`. */
const EVIDENCE_SHOWN = 6;

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexGrow: 1, minWidth: 0 },
  headerIcon: { display: 'inline-flex', flexShrink: 0 },
  headerText: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', flexShrink: 0 },
  headerHint: { color: tokens.colorNeutralForeground3, marginLeft: 'auto', paddingRight: tokens.spacingHorizontalXS, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  panel: { margin: `0 0 ${tokens.spacingVerticalM} 0` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    minWidth: 0,
    scrollMarginTop: '48px',
    scrollMarginBottom: '120px',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    ':focus': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, borderTopColor: tokens.colorNeutralStroke1, borderRightColor: tokens.colorNeutralStroke1, borderBottomColor: tokens.colorNeutralStroke1 },
  },
  cardError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  cardWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  cardInfo: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  // Selected: a brand ring, the background kept (the badges' colours keep their contrast on it).
  selected: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    boxShadow: `0 0 0 1px ${tokens.colorBrandStroke1}`,
    ':hover': { borderTopColor: tokens.colorBrandStroke1, borderRightColor: tokens.colorBrandStroke1, borderBottomColor: tokens.colorBrandStroke1 },
  },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  rule: { flexGrow: 1, minWidth: 0, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  where: { flexShrink: 0, fontFamily: tokens.fontFamilyNumeric, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  message: { lineHeight: tokens.lineHeightBase400, wordBreak: 'break-word' },
  amounts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    margin: 0,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    columnGap: tokens.spacingHorizontalS,
  },
  amount: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  amountTerm: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  amountValue: {
    margin: 0,
    fontFamily: tokens.fontFamilyNumeric,
    fontVariantNumeric: 'tabular-nums',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  evidence: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, rowGap: '2px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  evidenceLink: { fontFamily: tokens.fontFamilyNumeric, fontSize: tokens.fontSizeBase200 },
  fix: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  fixHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  fixIcon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  fixTitle: { flexGrow: 1, flexShrink: 1, flexBasis: '12em', minWidth: 0, wordBreak: 'break-word' },
  changes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  change: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalXS,
    fontFamily: tokens.fontFamilyNumeric,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
  },
  changeCell: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  before: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  after: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground1, wordBreak: 'break-all' },
  fixActions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  more: { alignSelf: 'flex-start' },
  reason: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  balanced: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  choice: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  fold: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, fontWeight: tokens.fontWeightRegular },
  nested: {
    listStyleType: 'none',
    margin: 0,
    padding: `0 0 0 ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  nestedItem: { display: 'flex', flexDirection: 'column', gap: '2px', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderRadius: tokens.borderRadiusSmall, minWidth: 0 },
  nestedSelected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  nestedHead: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, minWidth: 0 },
  nestedRule: { flexGrow: 1, minWidth: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  nestedText: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, wordBreak: 'break-word', color: tokens.colorNeutralForeground2 },
  membersBadge: { flexShrink: 0 },
});

const CARD_SEVERITY = { error: 'cardError', warning: 'cardWarning', info: 'cardInfo' } as const;

/** Stops a click inside a card from also selecting the card's cell. */
const inner = (f: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  f();
};

export interface FindingActions {
  onSelect(f: DisplayFinding): void;
  onSelectCell(sheet: string, address: string): void;
  onApply(f: DisplayFinding, fix: DisplayFix): void;
  onUndo(fixIds: readonly string[]): void;
  /** Applied fixes by signature (what they wrote). */
  applied: ReadonlyMap<string, JournalFix>;
  /** A write is running: apply and undo wait. */
  busy: boolean;
}

/** After 应用: the card to focus (its key), once per `seq`. */
export interface FocusRequest {
  readonly key: string;
  readonly seq: number;
}

function FixBlock({ strings: s, finding, fix, actions, primary, choice }: { strings: Strings; finding: DisplayFinding; fix: DisplayFix; actions: FindingActions; primary: boolean; choice?: number }) {
  const styles = useStyles();
  const applied = actions.applied.get(fix.signature);
  return (
    <div className={styles.fix} data-testid="fix">
      <div className={styles.fixHead}>
        {choice !== undefined ? <span className={styles.choice}>{s.results.choice(choice)}</span> : <Lightbulb16Regular className={styles.fixIcon} aria-hidden />}
        <Caption1 className={styles.fixTitle}>{s.results.fix(fix.title)}</Caption1>
        <Badge size="small" appearance="tint" color={fix.percent >= 80 ? 'success' : 'subtle'}>
          {s.results.confidence(fix.percent)}
        </Badge>
        {fix.safe && (
          <Tooltip content={s.results.safeHint} relationship="description">
            <Badge size="small" appearance="outline" color="success" icon={<ShieldCheckmark16Regular />} tabIndex={0}>
              {s.results.safe}
            </Badge>
          </Tooltip>
        )}
      </div>
      {fix.reason && (
        <Caption1 className={styles.reason} title={fix.reason} data-testid="fix-reason">
          {fix.reason}
        </Caption1>
      )}
      {fix.edits.length > 0 && (
        <ul className={styles.changes}>
          {fix.edits.map((e) => (
            <li
              key={e.where}
              className={styles.change}
              aria-label={s.results.change(e.where, e.full?.before ?? (e.before || s.results.emptyCell), e.full?.after ?? e.after)}
              title={e.full ? `${e.full.before}\n→\n${e.full.after}` : undefined}
            >
              <span className={styles.changeCell} aria-hidden>
                {e.sheet === finding.sheet ? e.address : e.where}
              </span>
              <span className={styles.before} aria-hidden>
                {e.before || s.results.emptyCell}
              </span>
              <span aria-hidden>→</span>
              <span className={styles.after} aria-hidden>
                {e.after}
              </span>
            </li>
          ))}
        </ul>
      )}
      {fix.edits.length > 0 && (
        <div className={styles.fixActions}>
          {applied ? (
            <>
              <Badge appearance="filled" color="success" icon={<Checkmark16Regular />}>
                {s.results.applied}
              </Badge>
              <Button size="small" icon={<ArrowUndo16Regular />} disabled={actions.busy} onClick={inner(() => actions.onUndo([applied.id]))} aria-label={s.results.undoLabel(fix.title)} data-testid="undo-fix">
                {s.results.undo}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              appearance={primary ? 'primary' : 'secondary'}
              icon={<Checkmark16Regular />}
              disabled={actions.busy}
              onClick={inner(() => actions.onApply(finding, fix))}
              aria-label={s.results.applyLabel(fix.title)}
              data-testid="apply-fix"
            >
              {s.results.apply}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** A consequence or member inside a card: its rule, its cell (a link that selects it) and its sentence. */
function NestedFinding({ strings: s, finding: n, parent, selected, actions }: { strings: Strings; finding: DisplayFinding; parent: DisplayFinding; selected?: string; actions: FindingActions }) {
  const styles = useStyles();
  const isSelected = n.key === selected;
  return (
    <li className={mergeClasses(styles.nestedItem, isSelected && styles.nestedSelected)} data-testid="nested" data-where={n.where} data-key={n.key}>
      <div className={styles.nestedHead}>
        <span className={styles.nestedRule}>{n.ruleName}</span>
        {n.where !== '' && (
          <Link as="button" className={styles.evidenceLink} aria-label={s.results.locate(n.where)} aria-current={isSelected ? 'true' : undefined} onClick={inner(() => actions.onSelect(n))} data-testid="nested-locate">
            {n.sheet === parent.sheet ? n.address : n.where}
          </Link>
        )}
      </div>
      <span className={styles.nestedText}>{n.message}</span>
    </li>
  );
}

function FindingCard({ strings: s, finding: f, selected, focus, actions }: { strings: Strings; finding: DisplayFinding; selected?: string; focus?: FocusRequest; actions: FindingActions }) {
  const styles = useStyles();
  const [more, setMore] = useState(false);
  const [causes, setCauses] = useState(false);
  const [members, setMembers] = useState(false);
  const card = useRef<HTMLLIElement>(null);
  // Two balanced fixes are both shown; the rest behind 其他 N 个建议.
  const firstShown = f.balanced ? f.fixes.slice(0, 2) : f.fixes.slice(0, 1);
  const others = f.fixes.slice(firstShown.length);
  const shown = f.evidence.slice(0, EVIDENCE_SHOWN);
  const isSelected = f.key === selected;
  const focusSeq = focus?.key === f.key ? focus.seq : undefined;
  useEffect(() => {
    if (focusSeq === undefined) return;
    card.current?.focus({ preventScroll: true });
    card.current?.scrollIntoView({ block: 'nearest' });
  }, [focusSeq]);
  // A consequence or member selected opens its list.
  const nestedSelected = selected !== undefined && selected.startsWith(`${f.key}/`);
  return (
    <li
      ref={card}
      tabIndex={-1}
      className={mergeClasses(styles.card, styles[CARD_SEVERITY[f.severity]], isSelected && styles.selected)}
      data-testid="finding"
      data-where={f.where}
      data-id={f.id}
      data-key={f.key}
      onClick={() => actions.onSelect(f)}
    >
      <div className={styles.top}>
        <Caption1 className={styles.rule} title={f.ruleDescription}>
          {f.ruleName}
        </Caption1>
        {f.members.length > 0 && (
          <Badge size="small" appearance="tint" color="informative" className={styles.membersBadge} data-testid="members-count">
            {s.results.members(f.members.length)}
          </Badge>
        )}
        {f.where !== '' && (
          <Link
            as="button"
            className={styles.where}
            aria-label={s.results.locate(f.where)}
            aria-current={isSelected ? 'true' : undefined}
            data-testid="locate"
            onClick={inner(() => actions.onSelect(f))}
          >
            {f.where}
          </Link>
        )}
      </div>
      <Text as="p" size={300} className={styles.message} style={{ margin: 0 }}>
        {f.message}
      </Text>
      {f.expected !== undefined && (
        <dl className={styles.amounts}>
          <div className={styles.amount}>
            <dt className={styles.amountTerm}>{s.results.expected}</dt>
            <dd className={styles.amountValue}>{f.expected}</dd>
          </div>
          <div className={styles.amount}>
            <dt className={styles.amountTerm}>{s.results.actual}</dt>
            <dd className={styles.amountValue}>{f.actual}</dd>
          </div>
          <div className={styles.amount}>
            <dt className={styles.amountTerm}>{s.results.difference}</dt>
            <dd className={mergeClasses(styles.amountValue, styles[f.severity])}>{f.difference}</dd>
          </div>
        </dl>
      )}
      {shown.length > 0 && (
        <div className={styles.evidence} data-testid="evidence">
          <span>{s.results.evidence}</span>
          {shown.map((e) => (
            <Link key={e.where} as="button" data-where={e.where} className={styles.evidenceLink} aria-label={s.results.locate(e.where)} onClick={inner(() => actions.onSelectCell(e.sheet, e.address))}>
              {e.sheet === f.sheet ? e.address : e.where}
            </Link>
          ))}
          {f.evidence.length > shown.length && <span>{s.results.evidenceMore(f.evidence.length - shown.length)}</span>}
        </div>
      )}
      {f.consequences.length > 0 && (
        <>
          <Button
            size="small"
            appearance="transparent"
            className={styles.fold}
            icon={<Branch16Regular />}
            aria-expanded={causes || nestedSelected}
            onClick={inner(() => setCauses(!(causes || nestedSelected)))}
            data-testid="consequences-toggle"
          >
            {s.results.consequences(f.consequences.length)}
          </Button>
          {(causes || (nestedSelected && f.consequences.some((c) => c.key === selected))) && (
            <ul className={styles.nested} aria-label={s.results.consequencesLabel} data-testid="consequences">
              {f.consequences.map((c) => (
                <NestedFinding key={c.key} strings={s} finding={c} parent={f} {...(selected !== undefined ? { selected } : {})} actions={actions} />
              ))}
            </ul>
          )}
        </>
      )}
      {f.members.length > 0 && (
        <>
          <Button
            size="small"
            appearance="transparent"
            className={styles.fold}
            icon={<TextBulletListSquare16Regular />}
            aria-expanded={members || nestedSelected}
            onClick={inner(() => setMembers(!(members || nestedSelected)))}
            data-testid="members-toggle"
          >
            {s.results.membersToggle(f.members.length)}
          </Button>
          {(members || (nestedSelected && f.members.some((m) => m.key === selected))) && (
            <ul className={styles.nested} aria-label={s.results.membersLabel} data-testid="members">
              {f.members.map((m) => (
                <NestedFinding key={m.key} strings={s} finding={m} parent={f} {...(selected !== undefined ? { selected } : {})} actions={actions} />
              ))}
            </ul>
          )}
        </>
      )}
      {f.balanced && (
        <div className={styles.balanced} data-testid="balanced">
          <QuestionCircle16Regular aria-hidden />
          <span>{s.results.balanced}</span>
        </div>
      )}
      {firstShown.map((x, i) => (
        <FixBlock key={i} strings={s} finding={f} fix={x} actions={actions} primary={!f.balanced && f.severity !== 'info'} {...(f.balanced ? { choice: i + 1 } : {})} />
      ))}
      {others.length > 0 && (
        <>
          <Button
            size="small"
            appearance="transparent"
            className={styles.more}
            icon={more ? <ChevronUp12Regular /> : <ChevronDown12Regular />}
            aria-expanded={more}
            onClick={inner(() => setMore(!more))}
          >
            {s.results.otherFixes(others.length)}
          </Button>
          {more && others.map((x, i) => <FixBlock key={i} strings={s} finding={f} fix={x} actions={actions} primary={false} />)}
        </>
      )}
    </li>
  );
}

function FindingList({ strings, group, selected, focus, actions }: { strings: Strings; group: SeverityGroup; selected?: string; focus?: FocusRequest; actions: FindingActions }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {group.findings.map((f) => (
        <FindingCard key={f.key} strings={strings} finding={f} {...(selected !== undefined ? { selected } : {})} {...(focus ? { focus } : {})} actions={actions} />
      ))}
    </ul>
  );
}

const COUNTER_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export interface FindingsProps {
  strings: Strings;
  groups: readonly SeverityGroup[];
  selected?: string;
  /** After 应用: the card the focus goes to. */
  focus?: FocusRequest;
  actions: FindingActions;
}

export function Findings({ strings: s, groups, selected, focus, actions }: FindingsProps) {
  const styles = useStyles();
  return (
    <section aria-label={s.results.heading} data-testid="findings">
      <Accordion multiple collapsible defaultOpenItems={['error', 'warning', 'info']}>
        {groups.map((g) => (
          <AccordionItem key={g.severity} value={g.severity} data-testid={`group-${g.severity}`}>
            <AccordionHeader expandIconPosition="end" size="medium">
              <span className={styles.header}>
                <span className={mergeClasses(styles.headerIcon, styles[g.severity])}>{ICONS[g.severity]}</span>
                <span className={styles.headerText}>{s.results.severity[g.severity]}</span>
                <Badge size="small" shape="rounded" appearance="tint" color={COUNTER_COLOR[g.severity]}>
                  {g.findings.length}
                </Badge>
                <Caption1 className={styles.headerHint}>{s.results.severityHint[g.severity]}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <FindingList strings={s} group={g} {...(selected !== undefined ? { selected } : {})} {...(focus ? { focus } : {})} actions={actions} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
