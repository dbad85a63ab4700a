// Rule `subtotal`: a 类 or 款 row equals the sum of its 款 or 项 rows, column by column.
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { amountColumns, hierarchyOf } from './hierarchy';
import { checkSum, rowLabel } from './sum-check';
import { CODED_KINDS } from './kinds';

export const subtotal: Rule = {
  meta: {
    id: 'subtotal',
    group: 'hierarchy',
    severity: 'error',
    title: { zh: '上下级科目', en: 'Parent = Σ children' },
    description: { zh: '上级科目金额等于其下级科目金额之和（类 = Σ款，款 = Σ项）', en: 'A parent subject equals the sum of its child subjects (类 = Σ款, 款 = Σ项)' },
    needs: CODED_KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!CODED_KINDS.includes(table.kind)) continue;
      const h = hierarchyOf(table);
      const cols = amountColumns(table);
      for (const parent of h.parents) {
        const children = h.childrenOf(parent.code!, parent.unit);
        for (const col of cols) {
          const f = checkSum({
            rule: 'subtotal',
            table,
            checked: { row: parent, col },
            terms: children.map((row) => ({ row, col })),
            policy: ctx.rounding,
            messageId: 'subtotal.mismatch',
            data: { row: rowLabel(parent) },
            fixConfidence: 0.6,
            fixReason: { id: 'fix.reason.parent-from-children', data: {} },
          });
          if (f) findings.push(f);
        }
      }
    }
    return findings;
  },
};
