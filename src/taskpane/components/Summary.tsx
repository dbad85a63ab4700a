// The workbook summary after a check: 预算单位, 年度, 单位 and the recognized tables as chips.
import { Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { JsonWorkbook } from '../../core/report-json';
import { tableChips } from '../display';
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
  chip: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, height: 'auto', minHeight: '20px', whiteSpace: 'normal' },
  count: { marginLeft: tokens.spacingHorizontalXXS, color: tokens.colorNeutralForeground3 },
});

export function Summary({ strings: s, report }: { strings: Strings; report: JsonWorkbook }) {
  const styles = useStyles();
  const chips = tableChips(report.tables, s.lang);
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
      <Caption1 className={styles.tablesHead}>{s.summary.tables(report.tables.length)}</Caption1>
      {chips.length > 0 && (
        <ul className={styles.chips}>
          {chips.map((chip) => (
            <li key={chip.kind} title={s.summary.sheets(chip.sheets.join('、'))}>
              <Badge appearance="outline" color="informative" shape="rounded" size="medium" className={styles.chip}>
                {chip.label}
                {chip.count > 1 && <span className={styles.count}>×{chip.count}</span>}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
