// Rule `total-row`: the 合计 row equals the sum of the top-level (类) rows.
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { amountColumns, hierarchyOf } from './hierarchy';
import { checkSum } from './sum-check';
import { CODED_KINDS } from './kinds';

export const totalRow: Rule = {
  meta: {
    id: 'total-row',
    group: 'hierarchy',
    severity: 'error',
    description: { zh: '合计行等于各类科目之和', en: 'The total row equals the sum of the top-level subjects' },
    needs: CODED_KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!CODED_KINDS.includes(table.kind)) continue;
      const total = table.rows.find((r) => r.isTotal);
      const top = hierarchyOf(table).childrenOf('');
      if (!total || top.length === 0) continue;
      for (const col of amountColumns(table)) {
        const f = checkSum({
          rule: 'total-row',
          table,
          checked: { row: total, col },
          terms: top.map((row) => ({ row, col })),
          policy: ctx.rounding,
          messageId: 'total-row.mismatch',
          data: { row: total.name.replace(/\s+/g, '') },
          fixConfidence: 0.6,
          fixReason: { id: 'fix.reason.parent-from-children', data: {} },
        });
        if (f) findings.push(f);
      }
    }
    return findings;
  },
};
