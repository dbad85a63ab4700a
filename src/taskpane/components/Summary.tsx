// The workbook summary after a check, compact so that the first finding shows on the first screen of a
// 350 px pane: 预算单位, 年度 and 单位 in two lines, and the recognized tables folded behind 识别到 N 张表.
// Each chip opens a menu to set the kind of its table(s) by hand (the check runs again with kindOverrides).
import {
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
  type MenuProps,
} from '@fluentui/react-components';
import { ArrowReset20Regular, ChevronDown12Regular, ChevronUp12Regular, Edit12Regular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';
import { TABLE_KINDS } from '../../core/recognize/kinds';
import { LOW_COVERAGE } from '../../core/coverage';
import type { JsonWorkbook } from '../../core/report-json';
import { kindLabel, tableChips, type ChipTable, type TableChip } from '../display';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  department: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, wordBreak: 'break-all' },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: 0 },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, margin: 0 },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  toggle: { minWidth: 0, padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, height: '24px' },
  low: { color: tokens.colorPaletteDarkOrangeForeground2 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0 },
  chip: {
    minWidth: 0,
    minHeight: '24px',
    height: 'auto',
    padding: `1px ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'normal',
    textAlign: 'start',
  },
  chipOverridden: { borderTopColor: tokens.colorBrandStroke1, borderRightColor: tokens.colorBrandStroke1, borderBottomColor: tokens.colorBrandStroke1, borderLeftColor: tokens.colorBrandStroke1, color: tokens.colorBrandForeground1 },
  count: { marginLeft: tokens.spacingHorizontalXXS, color: tokens.colorNeutralForeground3 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  menu: { maxHeight: '60vh', overflowY: 'auto' },
});

/** The kinds a table can be given, as radio items named `key` (one group per table). */
function KindItems({ strings: s, table }: { strings: Strings; table: ChipTable }) {
  return (
    <>
      {TABLE_KINDS.map((k) => (
        <MenuItemRadio key={k} name={table.key} value={k}>
          {kindLabel(k, s.lang)}
        </MenuItemRadio>
      ))}
    </>
  );
}

function ChipMenu({ strings: s, chip, hintId, onKind }: { strings: Strings; chip: TableChip; hintId: string; onKind: (key: string, kind: string | undefined) => void }) {
  const styles = useStyles();
  const overridden = chip.tables.some((t) => t.overridden);
  const checked = Object.fromEntries(chip.tables.map((t) => [t.key, [chip.kind]]));
  const onChange: MenuProps['onCheckedValueChange'] = (_, d) => {
    const kind = d.checkedItems[0];
    if (kind !== undefined && kind !== chip.kind) onKind(d.name, kind);
  };
  const reset = (t: ChipTable) =>
    t.overridden && (
      <MenuItem icon={<ArrowReset20Regular />} onClick={() => onKind(t.key, undefined)}>
        {s.summary.resetKind}
      </MenuItem>
    );
  return (
    <Menu checkedValues={checked} onCheckedValueChange={onChange} positioning={{ autoSize: true }}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="outline"
          className={overridden ? `${styles.chip} ${styles.chipOverridden}` : styles.chip}
          icon={overridden ? <Edit12Regular /> : undefined}
          // The name is what the chip shows (what a speech user says to press); what it does is its description.
          aria-describedby={hintId}
          title={s.summary.sheets(chip.sheets.join('、'))}
          data-testid="table-chip"
          data-overridden={overridden ? 'true' : undefined}
        >
          {chip.label}
          {chip.count > 1 && <span className={styles.count}>×{chip.count}</span>}
          {overridden && <span className={styles.hidden}>（{s.summary.overridden}）</span>}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList className={styles.menu}>
          {chip.tables.length === 1 ? (
            <MenuGroup>
              <MenuGroupHeader>{s.summary.table(chip.tables[0]!.sheet, chip.tables[0]!.range)}</MenuGroupHeader>
              <KindItems strings={s} table={chip.tables[0]!} />
              {chip.tables[0]!.overridden && <MenuDivider />}
              {reset(chip.tables[0]!)}
            </MenuGroup>
          ) : (
            chip.tables.map((t) => (
              <Menu key={t.key} checkedValues={{ [t.key]: [chip.kind] }} onCheckedValueChange={onChange}>
                <MenuTrigger disableButtonEnhancement>
                  <MenuItem icon={t.overridden ? <Edit12Regular /> : undefined} secondaryContent={t.overridden ? s.summary.overridden : undefined}>
                    {s.summary.table(t.sheet, t.range)}
                  </MenuItem>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList className={styles.menu}>
                    <KindItems strings={s} table={t} />
                    {t.overridden && <MenuDivider />}
                    {reset(t)}
                  </MenuList>
                </MenuPopover>
              </Menu>
            ))
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export interface SummaryProps {
  strings: Strings;
  report: JsonWorkbook;
  overrides: Readonly<Record<string, string>>;
  onKind: (key: string, kind: string | undefined) => void;
  /** Shown at the top right (重新检查 when nothing changed since the check). */
  action?: ReactNode;
}

export function Summary({ strings: s, report, overrides, onKind, action }: SummaryProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const chipsId = useId();
  const hintId = useId();
  const chips = tableChips(report.tables, s.lang, overrides);
  const { department, year, unit } = report.meta;
  const lowCoverage = report.tables.filter((t) => t.coverage && t.coverage.cells > 0 && t.coverage.share < LOW_COVERAGE);
  return (
    <section className={styles.root} aria-label={s.summary.heading} data-testid="summary">
      <div className={styles.top}>
        <Text as="p" block className={styles.department} style={{ margin: 0 }} title={`${s.summary.department}：${department ?? s.summary.unknown}`}>
          {department ?? s.summary.unknown}
        </Text>
        {action}
      </div>
      <div className={styles.line}>
        <dl className={styles.facts}>
          <div className={styles.fact}>
            <dt className={styles.term}>{s.summary.year}</dt>
            <dd className={styles.value}>{year ?? s.summary.unknown}</dd>
          </div>
          <div className={styles.fact}>
            <dt className={styles.term}>{s.summary.unit}</dt>
            <dd className={styles.value}>{unit ?? s.summary.unknown}</dd>
          </div>
        </dl>
        {chips.length > 0 ? (
          <Button
            size="small"
            appearance="transparent"
            className={styles.toggle}
            icon={open ? <ChevronUp12Regular /> : <ChevronDown12Regular />}
            iconPosition="after"
            aria-expanded={open}
            aria-controls={open ? chipsId : undefined}
            onClick={() => setOpen(!open)}
            data-testid="tables-toggle"
          >
            {s.summary.tables(report.tables.length)}
          </Button>
        ) : (
          <Caption1 className={styles.term}>{s.summary.tables(report.tables.length)}</Caption1>
        )}
      </div>
      {report.coverage && report.coverage.cells > 0 && (
        <Caption1 className={styles.term} data-testid="coverage">
          {s.summary.coverage(Math.floor((report.coverage.covered / report.coverage.cells) * 100))}
        </Caption1>
      )}
      {lowCoverage.length > 0 && (
        <Caption1 className={styles.low} data-testid="low-coverage">
          {s.summary.lowCoverage(lowCoverage.map((t) => `${t.sheet} ${Math.round(t.coverage!.share * 100)}%`).join(s.lang === 'zh-CN' ? '、' : ', '))}
        </Caption1>
      )}
      <span id={hintId} className={styles.hidden}>
        {s.summary.kindHint}
      </span>
      {open && chips.length > 0 && (
        <ul className={styles.chips} id={chipsId} data-testid="chips">
          {chips.map((chip) => (
            <li key={chip.kind}>
              <ChipMenu strings={s} chip={chip} hintId={hintId} onKind={onKind} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
