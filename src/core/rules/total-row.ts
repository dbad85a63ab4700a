// Rule `total-row`: the 合计 row equals the sum of the top-level (类) rows, or of the unit rows
// in a table grouped by unit, where each unit row equals the sum of its block's top-level rows.
import type { Finding } from '../findings';
import type { Row, Table } from '../recognize/model';
import type { Rule, RuleContext } from './rule';
import { hierarchyOf } from './hierarchy';
import { checkRowSum } from './sum-check';
import { HIERARCHY_KINDS, hasCodeHierarchy } from './kinds';
import { labelKey } from '../text';

function compare(ctx: RuleContext, table: Table, parent: Row, children: readonly Row[], messageId: string): Finding[] {
  return checkRowSum({ rule: 'total-row', table, parent, children, policy: ctx.rounding, messageId });
}

/** 人员经费 = 工资福利支出 (301) + 对个人和家庭的补助 (303); 公用经费 = the other 类 (302 商品和服务支出, 310 资本性支出 …). */
const PERSONNEL = new Set(['301', '303']);

/**
 * The 人员经费 and 公用经费 lines a basic expenditure list prints above their subjects (not the two totals of a list
 * printed in halves, which are its 合计 rows): each the sum of its 类 rows.
 */
function groupLines(ctx: RuleContext, table: Table, top: readonly Row[]): Finding[] {
  const line = (re: RegExp) => table.rows.find((r) => !r.isTotal && r.code === undefined && re.test(labelKey(r.name)));
  const out: Finding[] = [];
  const personnel = line(/^人员经费(合计)?$/);
  const personnelRows = top.filter((r) => PERSONNEL.has(r.code ?? ''));
  if (personnel && personnelRows.length > 0) out.push(...compare(ctx, table, personnel, personnelRows, 'total-row.personnel'));
  const publicCosts = line(/^(日常)?公用经费(合计)?$/);
  const publicRows = top.filter((r) => r.code !== undefined && !PERSONNEL.has(r.code));
  if (publicCosts && publicRows.length > 0) out.push(...compare(ctx, table, publicCosts, publicRows, 'total-row.public'));
  return out;
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
      if (table.kind === 'general-budget-basic-expenditure') findings.push(...groupLines(ctx, table, top));
    }
    return findings;
  },
};
