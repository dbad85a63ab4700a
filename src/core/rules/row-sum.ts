// Rule `row-sum`: within a row, a total column equals the sum of its part columns, as the header
// states them (合计 = 基本支出 + 项目支出 …; 基本支出/小计 = 人员经费 + 公用经费; 合计 = 本年 + 结转).
import type { Finding } from '../findings';
import { columnIdentities } from '../recognize/column-tree';
import type { TableKind } from '../recognize/kinds';
import { TABLE_KINDS } from '../recognize/kinds';
import type { Rule } from './rule';
import { checkSum, columnLabel, rowLabel } from './sum-check';

/** Kinds whose columns add up; performance tables and narratives do not. */
export const ROW_SUM_KINDS: readonly TableKind[] = TABLE_KINDS.filter((k) => k !== 'project-performance' && k !== 'department-performance' && k !== 'narrative');

const TOTAL_FROM_PARTS = { id: 'fix.reason.total-from-parts', data: {} };

export const rowSum: Rule = {
  meta: {
    id: 'row-sum',
    group: 'row',
    severity: 'error',
    title: { zh: '行内合计', en: 'Row total' },
    description: {
      zh: '每行的合计等于表头所列各组成部分之和（合计 = 基本支出 + 项目支出；小计 = 人员经费 + 公用经费；合计 = 当年预算 + 上年结转 …）',
      en: 'In every row a total column equals the sum of the parts its header lists (total = basic + project; subtotal = personnel + public; total = current year + carry-over …)',
    },
    needs: ROW_SUM_KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!ROW_SUM_KINDS.includes(table.kind)) continue;
      for (const identity of columnIdentities(table)) {
        // The row being checked: `data` is called, only when a sum fails, within checkSum of that row (one
        // function per identity, not one per row).
        let row = table.rows[0]!;
        // Name only the parts this row fills, so the sentence stays short (made only when the sum fails).
        const data = () => {
          const filled = identity.parts.filter((c) => row.amounts.get(c)?.value !== undefined);
          const parts = (filled.length > 0 ? filled : identity.parts).map((c) => columnLabel(table, c)).join(' + ');
          return { row: rowLabel(row), parts };
        };
        const rows = table.rows;
        for (let i = 0; i < rows.length; i++) {
          row = rows[i]!;
          const f = checkSum({
            rule: 'row-sum',
            table,
            checked: { row, col: identity.total },
            terms: { row, cols: identity.parts },
            policy: ctx.rounding,
            messageId: 'row-sum.mismatch',
            data,
            fixConfidence: 0.5,
            fixReason: TOTAL_FROM_PARTS,
          });
          if (f) findings.push(f);
        }
      }
    }
    return findings;
  },
};
