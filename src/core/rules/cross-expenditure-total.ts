// Rule `cross-expenditure-total`: 支出总表 合计 row, 合计 column = 收支总表 支出总计 (its total column, or
// 当年/编制预算 + 上年结转 when the side prints no total column).
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { lineItems } from '../recognize/line-items';
import { colOf, columnsLabel, crossSum, firstTable, hasMoney, label, sideColumns, sideTotalLine, tableData, tablesOf, totalRowOf } from './cross-shared';

const ID = 'cross-expenditure-total';

export const crossExpenditureTotal: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '支出总表与收支总表总额', en: 'Expenditure total across summaries' },
    description: {
      zh: '支出总表“合计”行的合计数等于收支总表的支出总计（本年 + 上年结转）。',
      en: 'The total of the expenditure summary equals total expenditure in the income and expenditure summary (current year + carry-over).',
    },
    needs: ['expenditure-summary', 'income-expense-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const side = firstTable(ctx, 'income-expense-summary', 'expenditure');
    if (!side) return findings;
    // 支出总计 includes 结转下年; when that line carries money, 支出总表 equals 本年支出合计 instead.
    const items = lineItems(side);
    const carriesForward = items.some((i) => i.kind === 'carry' && hasMoney(i.row));
    const line = (carriesForward ? [...items].reverse().find((i) => i.kind === 'year-total')?.row : undefined) ?? sideTotalLine(side);
    const cols = sideColumns(side);
    if (!line || cols.length === 0) return findings;
    for (const es of tablesOf(ctx, 'expenditure-summary')) {
      const row = totalRowOf(es);
      const col = colOf(es, 'total');
      if (!row || col === undefined) continue;
      const f = crossSum({
        rule: ID,
        ctx,
        checked: { table: es, row, col },
        terms: cols.map((c) => ({ row: line, col: c, table: side })),
        messageId: `${ID}.mismatch`,
        data: { ...tableData(es, 'table'), ...tableData(side, 'other'), row: label(row), otherRow: label(line), otherColumns: columnsLabel(side, cols) },
      });
      if (f) findings.push(f);
    }
    return findings;
  },
};
