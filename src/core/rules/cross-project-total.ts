// Rule `cross-project-total`: 项目支出表 合计 row, 合计 column = 支出总表 合计 row, 项目支出 column.
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { colOf, crossSum, firstTable, label, tableData, tablesOf, totalRowOf } from './cross-shared';

const ID = 'cross-project-total';

export const crossProjectTotal: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '项目支出表与支出总表', en: 'Project total vs expenditure summary' },
    description: {
      zh: '项目支出表“合计”行的合计数等于支出总表“合计”行的项目支出。',
      en: 'The total of the project expenditure table equals the project expenditure of the expenditure summary.',
    },
    needs: ['project-expenditure', 'expenditure-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const es = firstTable(ctx, 'expenditure-summary');
    const esTotal = es && totalRowOf(es);
    const esCol = es ? colOf(es, 'project') : undefined;
    if (!es || !esTotal || esCol === undefined) return findings;
    for (const projects of tablesOf(ctx, 'project-expenditure')) {
      const row = totalRowOf(projects);
      const col = colOf(projects, 'total');
      if (!row || col === undefined) continue;
      const f = crossSum({
        rule: ID,
        ctx,
        checked: { table: projects, row, col },
        terms: [{ row: esTotal, col: esCol, table: es }],
        messageId: `${ID}.mismatch`,
        data: { ...tableData(projects, 'table'), ...tableData(es, 'other'), row: label(row), otherRow: label(esTotal) },
      });
      if (f) findings.push(f);
    }
    return findings;
  },
};
