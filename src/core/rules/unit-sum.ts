// Rule `unit-sum`: in a 汇总 income summary, a department row equals the sum of its units
// (603 = 603001 + 603002), and the 合计 row the sum of the departments.
import type { Finding } from '../findings';
import type { Row } from '../recognize/model';
import type { Rule } from './rule';
import { checkRowSum } from './sum-check';

/** The nearest unit row whose code is a proper prefix of this one's, or undefined. */
function parentUnit(row: Row, units: readonly Row[]): Row | undefined {
  let best: Row | undefined;
  for (const u of units) {
    if (u !== row && row.unitCode!.startsWith(u.unitCode!) && u.unitCode!.length < row.unitCode!.length) {
      if (!best || u.unitCode!.length > best.unitCode!.length) best = u;
    }
  }
  return best;
}

export const unitSum: Rule = {
  meta: {
    id: 'unit-sum',
    group: 'hierarchy',
    severity: 'error',
    title: { zh: '单位汇总', en: 'Units add up' },
    description: {
      zh: '收入总表中，部门行等于所属各单位之和（603 = 603001 + 603002），合计行等于各部门之和',
      en: 'In the income summary a department row equals the sum of its units (603 = 603001 + 603002), and the total row the sum of the departments',
    },
    needs: ['income-summary'],
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== 'income-summary') continue;
      const units = table.rows.filter((r) => r.unitCode !== undefined);
      if (units.length < 2) continue;
      const groups: Array<{ parent: Row; children: Row[] }> = [];
      for (const u of units) {
        const p = parentUnit(u, units);
        if (!p) continue;
        const g = groups.find((x) => x.parent === p) ?? (groups.push({ parent: p, children: [] }), groups[groups.length - 1]!);
        g.children.push(u);
      }
      const total = table.rows.find((r) => r.isTotal);
      const roots = units.filter((u) => !parentUnit(u, units));
      if (total) groups.unshift({ parent: total, children: roots });
      for (const { parent, children } of groups) {
        const data: Record<string, string> = parent.unitCode ? { row: `${parent.unitCode} ${parent.name}` } : {};
        findings.push(...checkRowSum({ rule: 'unit-sum', table, parent, children, policy: ctx.rounding, messageId: 'unit-sum.mismatch', data }));
      }
    }
    return findings;
  },
};
