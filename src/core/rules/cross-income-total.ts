// Rule `cross-income-total`: 收入总表 合计 row, 合计 column = 收支总表 收入总计 (its total column, or
// 当年/编制预算 + 上年结转 when the side prints no total column).
import type { Finding } from '../findings';
import { lineItems } from '../recognize/line-items';
import type { Rule } from './rule';
import { colOf, columnTail, columnsLabel, crossSum, firstTable, label, sideColumns, sideTotalLine, tableData, tablesOf, totalRowOf } from './cross-shared';

const ID = 'cross-income-total';

export const crossIncomeTotal: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '收入总表与收支总表总额', en: 'Income total across summaries' },
    description: {
      zh: '收入总表“合计”行的合计数等于收支总表的收入总计（本年 + 上年结转）。',
      en: 'The total of the income summary equals total income in the income and expenditure summary (current year + carry-over).',
    },
    needs: ['income-summary', 'income-expense-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const side = firstTable(ctx, 'income-expense-summary', 'income');
    const cols = side ? sideColumns(side) : [];
    if (!side || cols.length === 0) return findings;
    for (const income of tablesOf(ctx, 'income-summary')) {
      // The 合计 row; a table without one is checked on its department (first unit) row.
      const row = totalRowOf(income) ?? income.rows.find((r) => r.unitCode !== undefined);
      const col = colOf(income, 'total');
      if (!row || col === undefined) continue;
      // A total of this year's income only (收入决算表: 本年收入合计) is the summary's 本年收入合计, not its 总计.
      const yearOnly = /^本年收入合计$/.test(columnTail(income, col));
      const line = yearOnly ? lineItems(side).find((i) => i.kind === 'year-total')?.row : sideTotalLine(side);
      if (!line) continue;
      const f = crossSum({
        rule: ID,
        ctx,
        checked: { table: income, row, col },
        terms: cols.map((c) => ({ row: line, col: c, table: side })),
        messageId: `${ID}.mismatch`,
        data: { ...tableData(income, 'table'), ...tableData(side, 'other'), row: label(row), otherRow: label(line), otherColumns: columnsLabel(side, cols) },
      });
      if (f) findings.push(f);
    }
    return findings;
  },
};
