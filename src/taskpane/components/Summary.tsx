// The workbook summary after a check: 预算单位, 年度, 单位 and the recognized tables as chips. Each chip
// opens a menu to set the kind of its table(s) by hand (the check runs again with kindOverrides).
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
import { ArrowReset20Regular, Edit12Regular } from '@fluentui/react-icons';
import { TABLE_KINDS } from '../../core/recognize/kinds';
import type { JsonWorkbook } from '../../core/report-json';
import { kindLabel, tableChips, type ChipTable, type TableChip } from '../display';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  department: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, wordBreak: 'break-all' },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  tablesHead: { color: tokens.colorNeutralForeground3 },
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

function ChipMenu({ strings: s, chip, onKind }: { strings: Strings; chip: TableChip; onKind: (key: string, kind: string | undefined) => void }) {
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
          aria-label={`${s.summary.kindMenu(chip.label)}${overridden ? ` (${s.summary.overridden})` : ''}`}
          title={s.summary.sheets(chip.sheets.join('、'))}
          data-testid="table-chip"
        >
          {chip.label}
          {chip.count > 1 && <span className={styles.count}>×{chip.count}</span>}
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

export function Summary({ strings: s, report, overrides, onKind }: { strings: Strings; report: JsonWorkbook; overrides: Readonly<Record<string, string>>; onKind: (key: string, kind: string | undefined) => void }) {
  const styles = useStyles();
  const chips = tableChips(report.tables, s.lang, overrides);
  const { department, year, unit } = report.meta;
  return (
    <section className={styles.root} aria-label={s.summary.heading} data-testid="summary">
      <div>
        <Caption1 className={styles.term}>{s.summary.department}</Caption1>
        <Text as="p" block className={styles.department} style={{ margin: 0 }}>
          {department ?? s.summary.unknown}
        </Text>
      </div>
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
      <Caption1 className={styles.tablesHead} title={s.summary.kindHint}>
        {s.summary.tables(report.tables.length)}
      </Caption1>
      {chips.length > 0 && (
        <ul className={styles.chips}>
          {chips.map((chip) => (
            <li key={chip.kind}>
              <ChipMenu strings={s} chip={chip} onKind={onKind} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
