// Rule `total-row`: the 合计 row equals the sum of the top-level (类) rows, or of the unit rows
// in a table grouped by unit, where each unit row equals the sum of its block's top-level rows.
import type { Finding } from '../findings';
import type { Row, Table } from '../recognize/model';
import type { Rule, RuleContext } from './rule';
import { hierarchyOf } from './hierarchy';
import { checkRowSum } from './sum-check';
import { HIERARCHY_KINDS, hasCodeHierarchy } from './kinds';

function compare(ctx: RuleContext, table: Table, parent: Row, children: readonly Row[], messageId: string): Finding[] {
  return checkRowSum({ rule: 'total-row', table, parent, children, policy: ctx.rounding, messageId });
}

export const totalRow: Rule = {
  meta: {
    id: 'total-row',
    group: 'hierarchy',
    severity: 'error',
    title: { zh: '合计行', en: 'Total row' },
    description: { zh: '合计行等于各类科目之和（分单位列示时，合计等于各单位之和，单位行等于其下各类之和）', en: 'The total row equals the sum of the top-level subjects (or of the unit rows, each unit row the sum of its subjects)' },
    needs: HIERARCHY_KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!hasCodeHierarchy(table)) continue;
      const h = hierarchyOf(table);
      const total = table.rows.find((r) => r.isTotal);
      if (h.unitRows.length > 0) {
        if (total) findings.push(...compare(ctx, table, total, h.unitRows, 'total-row.units'));
        for (const u of h.unitRows) {
          const top = h.childrenOf('', u.unitCode);
          if (top.length > 0) findings.push(...compare(ctx, table, u, top, 'total-row.unit'));
        }
        continue;
      }
      const top = h.childrenOf('');
      if (total && top.length > 0) findings.push(...compare(ctx, table, total, top, 'total-row.mismatch'));
    }
    return findings;
  },
};
