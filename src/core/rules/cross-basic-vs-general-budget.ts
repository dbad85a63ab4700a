// Rule `cross-basic-vs-general-budget`: 一般公共预算基本支出表 合计 / 人员经费 / 公用经费 = 一般公共预算支出表
// 合计 row's 基本支出 小计 / 人员经费 / 公用经费 (the same money, by economic and by functional subject).
import type { Finding } from '../findings';
import type { Rule } from './rule';
import type { Table } from '../recognize/model';
import type { RuleContext } from './rule';
import { colOf, columnsLabel, crossSum, crossSums, firstTable, label, personnelCols, printedGroups, publicCols, tableData, totalCells, totalRowOf } from './cross-shared';

const ID = 'cross-basic-vs-general-budget';

/**
 * A basic expenditure list printed in two halves (人员经费合计 left, 公用经费合计 right): the two totals together
 * equal the general budget table's 基本支出, and each its 人员经费 / 公用经费 where that table splits them.
 */
function checkHalves(ctx: RuleContext, halves: readonly Table[], gbe: Table): Finding[] {
  const totals = halves.flatMap((h) => {
    const row = totalRowOf(h);
    const col = colOf(h, 'total') ?? colOf(h, 'basic');
    return row && col !== undefined ? [{ table: h, row, col }] : [];
  });
  if (totals.length !== halves.length) return [];
  const out: Finding[] = [];
  const data = (theirs: number[], row: string) => ({ ...tableData(halves[0]!, 'table'), ...tableData(gbe, 'other'), row, otherColumns: columnsLabel(gbe, theirs) });
  const basicCol = colOf(gbe, 'basic');
  if (basicCol !== undefined) {
    const { cells, row: gbeTotal } = totalCells(gbe, [basicCol]);
    const f = crossSums(ID, ctx, totals, cells, `${ID}.mismatch`, { ...data([basicCol], totals.map((t) => label(t.row)).join(' + ')), otherRow: gbeTotal ? label(gbeTotal) : '@cross.rows.top' });
    if (f) out.push(f);
  }
  for (const t of totals) {
    const theirs = /人员经费/.test(t.row.name) ? personnelCols(gbe) : /公用经费/.test(t.row.name) ? publicCols(gbe) : [];
    if (theirs.length === 0) continue;
    const { cells, row: gbeTotal } = totalCells(gbe, theirs);
    const f = crossSum({ rule: ID, ctx, checked: t, terms: cells, messageId: `${ID}.mismatch`, data: { ...data(theirs, label(t.row)), otherRow: gbeTotal ? label(gbeTotal) : '@cross.rows.top' } });
    if (f) out.push(f);
  }
  return out;
}

export const crossBasicVsGeneralBudget: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '基本支出表与一般公共预算支出表', en: 'Basic expenditure vs general budget expenditure' },
    description: {
      zh: '一般公共预算基本支出表的合计、人员经费、公用经费分别等于一般公共预算支出表合计行的基本支出小计、人员经费、公用经费。',
      en: 'The total, personnel and public funds of the general budget basic expenditure table equal the basic subtotal, personnel and public funds on the total row of the general budget expenditure table.',
    },
    needs: ['general-budget-basic-expenditure', 'general-budget-expenditure'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const gbe = firstTable(ctx, 'general-budget-expenditure');
    if (!gbe) return findings;
    for (const halves of printedGroups(ctx, 'general-budget-basic-expenditure')) {
      if (halves.length > 1) {
        findings.push(...checkHalves(ctx, halves, gbe));
        continue;
      }
      const basic = halves[0]!;
      const row = totalRowOf(basic);
      if (!row) continue;
      const pairs: Array<{ mine: number | undefined; theirs: number[] }> = [
        { mine: colOf(basic, 'total') ?? colOf(basic, 'basic'), theirs: [colOf(gbe, 'basic')].filter((c): c is number => c !== undefined) },
        { mine: personnelCols(basic)[0], theirs: personnelCols(gbe) },
        { mine: publicCols(basic)[0], theirs: publicCols(gbe) },
      ];
      for (const { mine, theirs } of pairs) {
        if (mine === undefined || theirs.length === 0) continue;
        const { cells, row: gbeTotal } = totalCells(gbe, theirs);
        if (cells.length === 0) continue;
        const f = crossSum({
          rule: ID,
          ctx,
          checked: { table: basic, row, col: mine },
          terms: cells,
          messageId: `${ID}.mismatch`,
          data: {
            ...tableData(basic, 'table'),
            ...tableData(gbe, 'other'),
            row: label(row),
            otherRow: gbeTotal ? label(gbeTotal) : '@cross.rows.top',
            otherColumns: columnsLabel(gbe, theirs),
          },
        });
        if (f) findings.push(f);
      }
    }
    return findings;
  },
};
