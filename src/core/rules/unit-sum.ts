// Rule `unit-sum`: in a 汇总 income summary, a department row equals the sum of its units
// (603 = 603001 + 603002), and the 合计 row the sum of the departments.
import type { Finding } from '../findings';
import type { Row } from '../recognize/model';
import type { Rule } from './rule';
import { checkRowSum } from './sum-check';

/**
 * Each unit row's parent: the unit row whose code is the longest proper prefix of its code (the first such row when
 * a code repeats), found by trying the code's prefixes, longest first (a 汇总 has thousands of units).
 */
export function parentUnits(units: readonly Row[]): Map<Row, Row> {
  const byCode = new Map<string, Row>();
  for (const u of units) if (!byCode.has(u.unitCode!)) byCode.set(u.unitCode!, u);
  const parents = new Map<Row, Row>();
  for (const u of units) {
    const code = u.unitCode!;
    for (let n = code.length - 1; n >= 1; n--) {
      const p = byCode.get(code.slice(0, n));
      if (p !== undefined) {
        parents.set(u, p);
        break;
      }
    }
  }
  return parents;
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
      const parents = parentUnits(units);
      // Groups in the order their parents are first met.
      const byParent = new Map<Row, { parent: Row; children: Row[] }>();
      for (const u of units) {
        const p = parents.get(u);
        if (!p) continue;
        let g = byParent.get(p);
        if (!g) byParent.set(p, (g = { parent: p, children: [] }));
        g.children.push(u);
      }
      const groups = [...byParent.values()];
      const total = table.rows.find((r) => r.isTotal);
      const roots = units.filter((u) => !parents.has(u));
      if (total) groups.unshift({ parent: total, children: roots });
      for (const { parent, children } of groups) {
        const data: Record<string, string> = parent.unitCode ? { row: `${parent.unitCode} ${parent.name}` } : {};
        findings.push(...checkRowSum({ rule: 'unit-sum', table, parent, children, policy: ctx.rounding, messageId: 'unit-sum.mismatch', data }));
      }
    }
    return findings;
  },
};
