// Rule `cross-basic-vs-general-budget`: 一般公共预算基本支出表 合计 / 人员经费 / 公用经费 = 一般公共预算支出表
// 合计 row's 基本支出 小计 / 人员经费 / 公用经费 (the same money, by economic and by functional subject).
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { colOf, columnsLabel, crossSum, firstTable, label, personnelCols, publicCols, tableData, tablesOf, totalCells, totalRowOf } from './cross-shared';

const ID = 'cross-basic-vs-general-budget';

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
    for (const basic of tablesOf(ctx, 'general-budget-basic-expenditure')) {
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
