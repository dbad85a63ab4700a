// Rule `cross-economic-summary`: 支出经济分类汇总表 合计 (all expenditure by economic class) = 支出总表 合计 (the
// same money by functional class). A summary titled for 一般公共预算 or 基本支出 only is compared with that table.
import type { Finding } from '../findings';
import type { TableKind } from '../recognize/kinds';
import type { Table } from '../recognize/model';
import { labelKey } from '../text';
import type { Rule } from './rule';
import { colOf, crossSum, firstTable, label, tableData, tablesOf, totalRowOf } from './cross-shared';

const ID = 'cross-economic-summary';

/** The table that states the same money by functional class, by what the summary's title says it covers. */
function counterpart(t: Table): TableKind {
  const title = labelKey(t.title);
  if (/基本支出/.test(title)) return 'general-budget-basic-expenditure';
  if (/一般公共预算/.test(title)) return 'general-budget-expenditure';
  return 'expenditure-summary';
}

export const crossEconomicSummary: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '支出经济分类汇总表与支出总表', en: 'Economic summary vs expenditure summary' },
    description: {
      zh: '支出经济分类汇总表“合计”行的合计数等于支出总表“合计”行的合计数（同一笔支出按经济分类和按功能分类汇总）；标题写明只含一般公共预算或基本支出的，与一般公共预算支出表或基本支出表比较。',
      en: 'The total of the expenditure by economic classification equals the total of the expenditure summary (the same money by economic and by functional class); a summary titled for the general budget or basic expenditure only is compared with that table.',
    },
    needs: ['economic-classification-summary', 'expenditure-summary', 'general-budget-expenditure', 'general-budget-basic-expenditure'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const summary of tablesOf(ctx, 'economic-classification-summary')) {
      const other = firstTable(ctx, counterpart(summary));
      const row = totalRowOf(summary);
      const col = colOf(summary, 'total');
      const otherRow = other && totalRowOf(other);
      const otherCol = other ? colOf(other, 'total') : undefined;
      if (!other || !row || col === undefined || !otherRow || otherCol === undefined) continue;
      const f = crossSum({
        rule: ID,
        ctx,
        checked: { table: summary, row, col },
        terms: [{ row: otherRow, col: otherCol, table: other }],
        messageId: `${ID}.mismatch`,
        data: { ...tableData(summary, 'table'), ...tableData(other, 'other'), row: label(row), otherRow: label(otherRow) },
      });
      if (f) findings.push(f);
    }
    return findings;
  },
};
