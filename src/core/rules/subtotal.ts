// Rule `subtotal`: a 类 or 款 row equals the sum of its 款 or 项 rows, column by column.
import type { Finding } from '../findings';
import type { Table } from '../recognize/model';
import type { Rule, RuleContext } from './rule';
import { amountColumns, hierarchyOf, orderedChildren } from './hierarchy';
import { checkRowSum } from './sum-check';
import { HIERARCHY_KINDS, hasCodeHierarchy } from './kinds';

export const subtotal: Rule = {
  meta: {
    id: 'subtotal',
    group: 'hierarchy',
    severity: 'error',
    title: { zh: '上下级科目', en: 'Parent = Σ children' },
    description: { zh: '上级科目金额等于其下级科目金额之和（类 = Σ款，款 = Σ项；项目类别 = Σ一级项目，一级项目 = Σ二级项目）', en: 'A parent equals the sum of its children (类 = Σ款, 款 = Σ项; project type = Σ 一级, 一级 = Σ 二级)' },
    needs: [...HIERARCHY_KINDS, 'project-expenditure'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.kind === 'project-expenditure') {
        findings.push(...projects(ctx, table));
        continue;
      }
      if (!hasCodeHierarchy(table)) continue;
      const h = hierarchyOf(table);
      const columns = amountColumns(table);
      const parents = h.parents;
      for (let i = 0; i < parents.length; i++) {
        const parent = parents[i]!;
        const found = checkRowSum({ rule: 'subtotal', table, parent, children: h.childrenOf(parent.code!, parent.unit), policy: ctx.rounding, messageId: 'subtotal.mismatch', columns });
        if (found.length > 0) findings.push(...found);
      }
    }
    return findings;
  },
};

/** Project tables: 合计 = Σ types, type = Σ 一级项目, 一级项目 = Σ 二级项目. */
function projects(ctx: RuleContext, table: Table): Finding[] {
  return orderedChildren(table).flatMap(({ parent, children }) =>
    checkRowSum({ rule: 'subtotal', table, parent, children, policy: ctx.rounding, messageId: 'subtotal.projects' }),
  );
}
