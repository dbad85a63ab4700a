// Rule `row-balance`: in final accounts (部门决算) money that is not spent is carried: on every row,
// 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 (政府性基金 / 国有资本经营 收入支出决算表, per fund and in total).
import { a1 } from '../grid/grid';
import { amountsOf, cellRef, classifyDifference, countCompared, type Finding } from '../findings';
import { rowCellKey } from '../fix/constraints';
import { displayAmount, sum, ZERO, type Money } from '../money/money';
import type { Column, Table } from '../recognize/model';
import { OTHER_FIGURE_ROLES } from '../recognize/roles';
import { labelKey } from '../text';
import type { Rule } from './rule';
import { ROW_SUM_KINDS } from './row-sum';
import { columnLabel, rowLabel } from './sum-check';

const ID = 'row-balance';

export const PARTS = {
  opening: /^年初(财政拨款)?结转和?结余$/,
  income: /^本年收入(合计)?$/,
  spending: /^本年支出(合计)?$/,
  closing: /^年末(财政拨款)?结转和?结余$/,
} as const;

/** The one column of the table's own figures whose item path matches (`本年支出` or `本年支出/合计`). */
export function columnOf(table: Table, re: RegExp): Column | undefined {
  const found = table.columns.filter((c) => {
    if (OTHER_FIGURE_ROLES.has(c.role)) return false;
    const item = (c.meaning?.item ?? c.path).map(labelKey);
    if (item.length === 0) return false;
    const [head, ...rest] = item;
    return re.test(head!) && (rest.length === 0 || (rest.length === 1 && /^(合计|小计)$/.test(rest[0]!)));
  });
  return found.length === 1 ? found[0] : undefined;
}

export const rowBalance: Rule = {
  meta: {
    id: ID,
    group: 'row',
    severity: 'error',
    title: { zh: '结转结余平衡', en: 'Carry-over balance' },
    description: {
      zh: '决算表每行：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。',
      en: 'On every row of the final accounts: opening carry-over + income of the year = spending of the year + closing carry-over.',
    },
    needs: ROW_SUM_KINDS,
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!ROW_SUM_KINDS.includes(table.kind)) continue;
      const cols = { opening: columnOf(table, PARTS.opening), income: columnOf(table, PARTS.income), spending: columnOf(table, PARTS.spending), closing: columnOf(table, PARTS.closing) };
      if (!cols.opening || !cols.income || !cols.spending || !cols.closing) continue;
      const { opening, income, spending, closing } = cols as Record<keyof typeof PARTS, Column>;
      for (const row of table.rows) {
        const v = (c: Column) => row.amounts.get(c.col);
        const cells = [v(opening), v(income), v(spending), v(closing)];
        if (cells.some((c) => c?.parsed.kind === 'text') || cells.every((c) => c?.value === undefined)) continue;
        countCompared(ctx.rounding);
        const address = a1(row.row, closing.col);
        // 年末 = 年初 + 本年收入 − 本年支出: a constraint like the sums', so that error localization can tell which of
        // the four cells a slip is in (the 年初 column's subtotal failing too points at 年初).
        const key = (c: Column) => rowCellKey(table.sheet, row, c.col);
        ctx.rounding.sink?.add(
          { rule: ID, findingId: `${ID}@${table.sheet}!${address}`, total: key(closing), terms: [key(opening), key(income)], minus: [key(spending)], bound: ctx.rounding.perTerm.times(4) },
          [closing, opening, income, spending].map((c): [string, Money | undefined] => [key(c), v(c)?.value]),
        );
        const val = (c: Column): Money => v(c)?.value ?? ZERO;
        const expected = sum([val(opening), val(income)]).minus(val(spending));
        const actual = val(closing);
        const kind = classifyDifference(actual.minus(expected), 4, ctx.rounding);
        if (kind === undefined) continue;
        const amounts = amountsOf(actual, expected);
        findings.push({
          id: `${ID}@${table.sheet}!${address}`,
          rule: ID,
          severity: kind === 'rounding' ? 'info' : 'error',
          message: {
            id: kind === 'rounding' ? `${ID}.mismatch.rounding` : `${ID}.mismatch`,
            data: {
              row: rowLabel(row),
              column: columnLabel(table, closing.col),
              actual: v(closing)?.value === undefined ? '@value.blank' : displayAmount(actual),
              expected: displayAmount(expected),
              difference: displayAmount(actual.minus(expected)),
              parts: `${columnLabel(table, opening.col)} + ${columnLabel(table, income.col)} − ${columnLabel(table, spending.col)}`,
            },
          },
          cells: [cellRef(table.sheet, row.row, closing.col, 'checked'), ...[opening, income, spending].map((c) => cellRef(table.sheet, row.row, c.col, 'evidence'))],
          ...amounts,
          fixes: [
            {
              title: { id: 'fix.set-value', data: { address, after: displayAmount(expected) } },
              // Any of the four may be the wrong one.
              confidence: kind === 'rounding' ? 0.4 : 0.5,
              reason: { id: `${ID}.fix-reason`, data: {} },
              edits: [{ sheet: table.sheet, address, before: v(closing)?.value !== undefined ? amounts.actual! : '', after: amounts.expected! }],
            },
          ],
        });
      }
    }
    return findings;
  },
};
