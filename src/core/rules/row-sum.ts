// Rule `row-sum`: within a row, a total column equals the sum of its part columns (合计 = 基本 + 项目 …).
import type { Finding } from '../findings';
import type { TableKind } from '../recognize/kinds';
import type { ColumnRole, Table } from '../recognize/model';
import type { Rule } from './rule';
import { checkSum, columnLabel, rowLabel } from './sum-check';

/** A row identity: the `total` column equals the sum of the `parts` columns the table has. */
export interface RowIdentity {
  readonly kinds: readonly TableKind[];
  readonly total: ColumnRole;
  readonly parts: readonly ColumnRole[];
}

/** The row identities of the domain brief, as data. */
export const ROW_IDENTITIES: readonly RowIdentity[] = [
  {
    kinds: ['expenditure-summary', 'government-fund-expenditure', 'state-capital-expenditure'],
    total: 'total',
    parts: ['basic', 'project', 'operating', 'remit-upper', 'subsidy-affiliated'],
  },
  { kinds: ['general-budget-expenditure'], total: 'total', parts: ['basic', 'project'] },
  { kinds: ['general-budget-expenditure'], total: 'basic', parts: ['basic-personnel', 'basic-public'] },
  { kinds: ['general-budget-expenditure', 'expenditure-summary'], total: 'basic', parts: ['basic-wages', 'basic-household', 'basic-goods', 'basic-capital'] },
  { kinds: ['general-budget-basic-expenditure'], total: 'total', parts: ['basic-personnel', 'basic-public'] },
];

/** The sheet column of the first column with a role, or undefined. */
function columnOf(table: Table, role: ColumnRole): number | undefined {
  return table.columns.find((c) => c.role === role)?.col;
}

export const rowSum: Rule = {
  meta: {
    id: 'row-sum',
    group: 'row',
    severity: 'error',
    title: { zh: '行内合计', en: 'Row total' },
    description: { zh: '每行的合计等于各组成部分之和（合计 = 基本支出 + 项目支出 …；基本支出 = 人员经费 + 公用经费）', en: 'In every row a total equals the sum of its parts (total = basic + project …; basic = personnel + public)' },
    needs: [...new Set(ROW_IDENTITIES.flatMap((i) => i.kinds))],
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const identity of ROW_IDENTITIES) {
        if (!identity.kinds.includes(table.kind)) continue;
        const totalCol = columnOf(table, identity.total);
        const partCols = identity.parts.map((p) => columnOf(table, p)).filter((c): c is number => c !== undefined);
        if (totalCol === undefined || partCols.length < 2) continue;
        for (const row of table.rows) {
          // Name only the parts this row fills, so the sentence stays short.
          const filled = partCols.filter((c) => row.amounts.get(c)?.value !== undefined);
          const parts = (filled.length > 0 ? filled : partCols).map((c) => columnLabel(table, c)).join(' + ');
          const f = checkSum({
            rule: 'row-sum',
            table,
            checked: { row, col: totalCol },
            terms: partCols.map((col) => ({ row, col })),
            policy: ctx.rounding,
            messageId: 'row-sum.mismatch',
            data: { row: rowLabel(row), parts },
            fixConfidence: 0.5,
            fixReason: { id: 'fix.reason.total-from-parts', data: {} },
          });
          if (f) findings.push(f);
        }
      }
    }
    return findings;
  },
};
