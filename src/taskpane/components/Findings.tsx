// The findings, grouped by severity (错误/警告/提示) with counts; each row names its rule, cell, amounts and first fix.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Lightbulb16Regular, Warning16Filled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { SEVERITIES, type DisplayFinding, type SeverityGroup } from '../display';
import type { Severity, Strings } from '../strings';

const ICONS: Record<Severity, ReactElement> = {
  error: <ErrorCircle16Filled />,
  warning: <Warning16Filled />,
  info: <Info16Filled />,
};

const useStyles = makeStyles({
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  count: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  zero: { color: tokens.colorNeutralForeground4 },
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
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, borderTopColor: tokens.colorNeutralStroke1, borderRightColor: tokens.colorNeutralStroke1, borderBottomColor: tokens.colorNeutralStroke1 },
  },
  cardError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  cardWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  cardInfo: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
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
  fix: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  fixIcon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  fixTitle: { minWidth: 0 },
});

function CountStrip({ strings: s, counts }: { strings: Strings; counts: Record<Severity, number> }) {
  const styles = useStyles();
  return (
    <div className={styles.counts} data-testid="counts">
      {SEVERITIES.map((sev) => (
        <span key={sev} className={mergeClasses(styles.count, counts[sev] === 0 ? styles.zero : styles[sev])}>
          {ICONS[sev]}
          <span>
            {s.results.severity[sev]} <strong>{counts[sev]}</strong>
          </span>
        </span>
      ))}
    </div>
  );
}

const CARD_SEVERITY = { error: 'cardError', warning: 'cardWarning', info: 'cardInfo' } as const;

function FindingCard({ strings: s, finding: f, selected, onSelect }: { strings: Strings; finding: DisplayFinding; selected: boolean; onSelect: (f: DisplayFinding) => void }) {
  const styles = useStyles();
  return (
    <li
      className={mergeClasses(styles.card, styles[CARD_SEVERITY[f.severity]], selected && styles.selected)}
      data-testid="finding"
      data-where={f.where}
      onClick={() => onSelect(f)}
    >
      <div className={styles.top}>
        <Caption1 className={styles.rule} title={f.ruleDescription}>
          {f.ruleName}
        </Caption1>
        {f.where !== '' && (
          <Link as="button" className={styles.where} aria-label={s.results.locate(f.where)} aria-current={selected ? 'true' : undefined}>
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
      {f.fix && (
        <div className={styles.fix}>
          <Lightbulb16Regular className={styles.fixIcon} aria-hidden />
          <Caption1 className={styles.fixTitle}>
            {s.results.fix(f.fix.title)}
          </Caption1>
          <Badge size="small" appearance="tint" color={f.fix.percent >= 80 ? 'success' : 'subtle'}>
            {s.results.confidence(f.fix.percent)}
          </Badge>
        </div>
      )}
    </li>
  );
}

function FindingList({ strings, group, selected, onSelect }: { strings: Strings; group: SeverityGroup; selected?: string; onSelect: (f: DisplayFinding) => void }) {
  const styles = useStyles();
  // One tab stop per list; ↑/↓ move between findings.
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  return (
    <ul className={styles.list} {...arrows}>
      {group.findings.map((f) => (
        <FindingCard key={f.key} strings={strings} finding={f} selected={f.key === selected} onSelect={onSelect} />
      ))}
    </ul>
  );
}

const COUNTER_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export interface FindingsProps {
  strings: Strings;
  groups: readonly SeverityGroup[];
  counts: Record<Severity, number>;
  selected?: string;
  onSelect: (f: DisplayFinding) => void;
}

export function Findings({ strings: s, groups, counts, selected, onSelect }: FindingsProps) {
  const styles = useStyles();
  return (
    <section aria-label={s.results.heading} data-testid="findings">
      <CountStrip strings={s} counts={counts} />
      <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.severity)}>
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
              <FindingList strings={s} group={g} {...(selected !== undefined ? { selected } : {})} onSelect={onSelect} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
