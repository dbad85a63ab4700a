// Rule `final-vs-budget`: in final accounts the “三公” expenses are printed as 预算数 | 决算数 pairs; spending more
// than the year's budget on them is allowed only with an explanation, so 决算数 > 预算数 is a warning (never an error:
// the budget may have been adjusted during the year).
import { a1 } from '../grid/grid';
import { amountsOf, cellRef, countCompared, type Finding } from '../findings';
import { displayAmount } from '../money/money';
import type { Column, Table } from '../recognize/model';
import { labelKey } from '../text';
import type { Rule } from './rule';
import { columnLabel, rowLabel } from './sum-check';

const ID = 'final-vs-budget';

const itemKey = (c: Column) => (c.meaning?.item ?? c.path).map(labelKey).join('/');

/** Each 决算数 column with the 预算数 column of the same item. */
function pairs(table: Table): Array<{ final: Column; budget: Column }> {
  const out: Array<{ final: Column; budget: Column }> = [];
  for (const final of table.columns.filter((c) => c.meaning?.measure === 'final' && c.meaning.period === 'current')) {
    const budget = table.columns.filter((c) => c.role === 'reference' && c.meaning?.measure === 'budget' && itemKey(c) === itemKey(final));
    if (budget.length === 1) out.push({ final, budget: budget[0]! });
  }
  return out;
}

export const finalVsBudget: Rule = {
  meta: {
    id: ID,
    group: 'row',
    severity: 'warning',
    title: { zh: '决算数与预算数', en: 'Final accounts vs budget' },
    description: {
      zh: '决算中“三公”经费各项的决算数通常不超过预算数；超过的应在说明中解释（年中可能调整预算，故只作警告）。',
      en: 'In final accounts, each "three public" item usually does not exceed its budget; where it does, the narrative should explain (budgets may be adjusted during the year, so a warning only).',
    },
    needs: ['three-public-expenses'],
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== 'three-public-expenses' || table.basis !== 'final') continue;
      for (const { final, budget } of pairs(table)) {
        for (const row of table.rows) {
          const f = row.amounts.get(final.col)?.value;
          const b = row.amounts.get(budget.col)?.value;
          if (f === undefined || b === undefined) continue;
          countCompared(ctx.rounding);
          if (f.lte(b)) continue;
          const address = a1(row.row, final.col);
          findings.push({
            id: `${ID}@${table.sheet}!${address}`,
            rule: ID,
            severity: 'warning',
            message: { id: `${ID}.exceeds`, data: { row: rowLabel(row), column: columnLabel(table, final.col), actual: displayAmount(f), expected: displayAmount(b), difference: displayAmount(f.minus(b)), budget: columnLabel(table, budget.col) } },
            cells: [cellRef(table.sheet, row.row, final.col, 'checked'), cellRef(table.sheet, row.row, budget.col, 'evidence')],
            ...amountsOf(f, b),
            fixes: [],
          });
        }
      }
    }
    return findings;
  },
};
