// Rule `meta-unit`: every table states the workbook's unit of measure (万元 or 元).
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type CellRef, type Finding, type Fix, type Severity } from '../findings';
import { Money } from '../money/money';
import { hasAmounts, metaTexts, printedTables } from '../narrative/tables';
import type { TableKind } from '../recognize/kinds';
import { TABLE_KINDS } from '../recognize/kinds';
import type { Table } from '../recognize/model';
import type { Rule } from './rule';
import { amountList } from '../recognize/tables';

const ID = 'meta-unit';

/** Tables whose cells are amounts in the stated unit (performance tables state theirs in their row labels). */
const UNIT_KINDS: readonly TableKind[] = TABLE_KINDS.filter((k) => k !== 'narrative' && k !== 'project-performance' && k !== 'department-performance');

/** The non-zero amounts of a table, two decimals. */
function amountSet(t: Table): Set<string> {
  const out = new Set<string>();
  for (const r of t.rows) for (const a of amountList(r.amounts)) if (a.value !== undefined && !a.value.isZero()) out.add(a.value.toFixed(2));
  return out;
}

/**
 * Whether a table's amounts are in the unit it states or in the others' unit: how many of them
 * appear as they are in the other tables, and how many appear once converted (÷ or × 10,000).
 */
function evidenceOfUnit(t: Table, others: ReadonlySet<string>, factor: Money): 'label-wrong' | 'really-other' | 'unknown' | 'empty' {
  const mine = amountSet(t);
  if (mine.size === 0) return 'empty';
  let same = 0;
  let scaled = 0;
  for (const v of mine) {
    const m = new Money(v);
    if (m.abs().gte(1) && others.has(v)) same++;
    const converted = m.dividedBy(factor);
    if (converted.abs().gte('0.01') && others.has(converted.toFixed(2)) && converted.toDecimalPlaces(2).eq(converted)) scaled++;
  }
  if (same > scaled) return 'label-wrong';
  if (scaled > same) return 'really-other';
  return 'unknown';
}

export const metaUnit: Rule = {
  meta: {
    id: ID,
    group: 'metadata',
    severity: 'error',
    title: { zh: '计量单位', en: 'Unit of measure' },
    description: {
      zh: '各表应注明同一计量单位（万元或元）：在万元表中间标为元而数额仍按万元列示为错误；写了“单位：”却没写单位为警告；数额确按元列示但与其他表单位不同为警告；整张表没有单位行为提示。',
      en: 'Every table should state the same unit of measure (万元 or 元): a table labelled 元 whose amounts are in 万元 like the others is an error; a `单位：` with nothing after it is a warning; a table really in 元 among tables in 万元 is a warning; a table with no unit line at all is a note.',
    },
    needs: UNIT_KINDS,
  },
  check(ctx) {
    const majority = ctx.meta.unit;
    if (!majority) return [];
    const tables = printedTables(ctx.tables).filter((t) => UNIT_KINDS.includes(t.kind));
    const stating = tables.filter((t) => t.meta.unit === majority && t.meta.unitCell);
    const evidence: CellRef[] = stating.map((t) => cellRef(t.sheet, t.meta.unitCell!.row, t.meta.unitCell!.col, 'evidence'));
    // Every amount of the tables in the majority's unit: collected only when a table states another unit.
    let others: Set<string> | undefined;
    const othersOf = (): Set<string> => {
      if (!others) {
        others = new Set<string>();
        for (const t of stating) for (const v of amountSet(t)) others.add(v);
      }
      return others;
    };
    const findings: Finding[] = [];
    countCompared(ctx.rounding, Math.max(0, tables.length - 1));
    for (const t of tables) {
      const cell = t.meta.unitCell;
      if (t.meta.unit === majority) continue;
      if (!cell) {
        // No unit line at all: a note, and only where the table holds amounts.
        if (t.meta.unit !== undefined || !hasAmounts(t) || !t.titleCell) continue;
        findings.push({
          id: `${ID}@${t.sheet}!${a1(t.titleCell.row, t.titleCell.col)}`,
          rule: ID,
          severity: 'info',
          message: { id: `${ID}.missing`, data: { title: t.title, majority, count: String(stating.length) } },
          cells: [cellRef(t.sheet, t.titleCell.row, t.titleCell.col, 'checked'), ...evidence],
          fixes: [],
        });
        continue;
      }
      const address = a1(cell.row, cell.col);
      const text = metaTexts(t).unitText;
      if (t.meta.unit === undefined) {
        const fixes: Fix[] =
          text !== undefined && /[:：]\s*$/.test(text)
            ? [{ title: { id: `${ID}.fix.fill`, data: { after: `${text.trimEnd()}${majority}` } }, confidence: 0.8, reason: { id: `${ID}.fix.reason.fill`, data: { count: String(stating.length) } }, edits: [{ sheet: t.sheet, address, before: text, after: `${text.trimEnd()}${majority}` }] }]
            : [];
        findings.push({
          id: `${ID}@${t.sheet}!${address}`,
          rule: ID,
          severity: 'warning',
          message: { id: `${ID}.blank`, data: { title: t.title, majority, count: String(stating.length) } },
          cells: [cellRef(t.sheet, cell.row, cell.col, 'checked'), ...evidence],
          fixes,
        });
        continue;
      }
      // Another unit: do the amounts follow the label (10,000 times the others') or the other tables?
      const factor = t.meta.unit === '元' ? new Money(10000) : new Money('0.0001');
      const kind = evidenceOfUnit(t, othersOf(), factor);
      const severity: Severity = kind === 'label-wrong' ? 'error' : 'warning';
      const fixes: Fix[] =
        kind === 'label-wrong' && text !== undefined && text.includes(t.meta.unit)
          ? [{ title: { id: `${ID}.fix.align`, data: { after: majority } }, confidence: 0.7, reason: { id: `${ID}.fix.reason.align`, data: {} }, edits: [{ sheet: t.sheet, address, before: text, after: text.replace(t.meta.unit === '元' ? /(?<!万)元/ : /万元/, majority) }] }]
          : [];
      findings.push({
        id: `${ID}@${t.sheet}!${address}`,
        rule: ID,
        severity,
        message: { id: `${ID}.other.${kind}`, data: { title: t.title, unit: t.meta.unit, majority, count: String(stating.length) } },
        cells: [cellRef(t.sheet, cell.row, cell.col, 'checked'), ...evidence],
        fixes,
      });
    }
    return findings;
  },
};
