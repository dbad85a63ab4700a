// Rule `of-which`: an "其中" (of which) amount is a part of the amount it belongs to, never all of a sum: it lies
// between 0 and its parent — a column 其中：财政拨款 under 一般公共预算 [小计 | 其中：财政拨款], or a line
// 其中：… under an item of a summary list. (Where 其中 lines enumerate a whole, list-total checks their sum.)
import { a1 } from '../grid/grid';
import { amountsOf, cellRef, classifyDifference, countCompared, type Finding } from '../findings';
import { cellKey } from '../fix/constraints';
import { displayAmount, ZERO, type Money } from '../money/money';
import { isTotalHeader } from '../recognize/column-tree';
import { lineItems, numbering } from '../recognize/line-items';
import type { Column, Row, Table } from '../recognize/model';
import { labelKey } from '../text';
import type { Rule, RuleContext } from './rule';
import { ROW_SUM_KINDS } from './row-sum';
import { LIST_KINDS } from './list-total';
import { columnLabel, rowLabel } from './sum-check';
import { amountList } from '../recognize/tables';

const ID = 'of-which';

const isOfWhich = (label: string) => /^其中/.test(label.replace(/\s+/g, ''));

/** Each "其中" column with the column it is part of: the 小计/合计 of its group, else the column just before it. */
function columnPairs(table: Table): Array<{ part: Column; whole: Column }> {
  const out: Array<{ part: Column; whole: Column }> = [];
  table.columns.forEach((c, i) => {
    const last = c.path[c.path.length - 1];
    if (last === undefined || !isOfWhich(last)) return;
    const group = c.path.slice(0, -1).join('/');
    const siblings = table.columns.filter((x) => x !== c && x.path.slice(0, -1).join('/') === group && x.path.length === c.path.length);
    const total = siblings.find((x) => isTotalHeader(x.path[x.path.length - 1]!));
    const before = table.columns[i - 1];
    const whole = total ?? (before && !isOfWhich(before.path[before.path.length - 1] ?? '') ? before : undefined);
    if (whole) out.push({ part: c, whole });
  });
  return out;
}

function check(ctx: RuleContext, table: Table, part: { row: Row; col: number }, whole: { row: Row; col: number }, data: () => Record<string, string>): Finding | undefined {
  const p = part.row.amounts.get(part.col);
  const w = whole.row.amounts.get(whole.col);
  if (p?.value === undefined || p.parsed.kind === 'text' || w?.parsed.kind === 'text') return undefined;
  countCompared(ctx.rounding);
  ctx.rounding.sink?.touch?.([cellKey(table.sheet, a1(part.row.row, part.col)), cellKey(table.sheet, a1(whole.row.row, whole.col))]);
  const limit: Money = w?.value ?? ZERO;
  const negative = p.value.isNegative() && !p.value.isZero();
  const excess = p.value.minus(limit);
  if (!negative && (excess.lte(0) || classifyDifference(excess, 2, ctx.rounding) !== 'real')) return undefined;
  const address = a1(part.row.row, part.col);
  const expected = negative ? ZERO : limit;
  return {
    id: `${ID}@${table.sheet}!${address}`,
    rule: ID,
    severity: 'error',
    message: { id: negative ? `${ID}.negative` : `${ID}.exceeds`, data: { ...data(), actual: displayAmount(p.value), expected: displayAmount(limit), difference: displayAmount(excess) } },
    cells: [cellRef(table.sheet, part.row.row, part.col, 'checked'), cellRef(table.sheet, whole.row.row, whole.col, 'evidence')],
    ...amountsOf(p.value, expected),
    fixes: [
      {
        title: { id: 'fix.set-value', data: { address, after: displayAmount(expected) } },
        // The most it can be, not necessarily what it is: never sure.
        confidence: 0.3,
        reason: { id: `${ID}.fix-reason`, data: {} },
        edits: [{ sheet: table.sheet, address, before: p.text ?? p.value.toFixed(2), after: expected.toFixed(2) }],
      },
    ],
  };
}

export const ofWhich: Rule = {
  meta: {
    id: ID,
    group: 'row',
    severity: 'error',
    title: { zh: '“其中”数', en: '"Of which" amounts' },
    description: {
      zh: '“其中”列或“其中”行的数是其所属合计的一部分：不小于 0，不大于该合计（如一般公共预算小计下的“其中：财政拨款”）。',
      en: 'An "of which" column or line is a part of the amount it belongs to: not below 0 and not above it (such as 其中：财政拨款 under the general budget subtotal).',
    },
    needs: ROW_SUM_KINDS,
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!ROW_SUM_KINDS.includes(table.kind)) continue;
      for (const { part, whole } of columnPairs(table)) {
        for (const row of table.rows) {
          const f = check(ctx, table, { row, col: part.col }, { row, col: whole.col }, () => ({ row: rowLabel(row), column: columnLabel(table, part.col), whole: columnLabel(table, whole.col) }));
          if (f) findings.push(f);
        }
      }
      if (!LIST_KINDS.includes(table.kind)) continue;
      // A lone 其中 line under an item (a 其中：（1）… enumeration that makes the whole is list-total's).
      for (const item of lineItems(table)) {
        if (!item.ofWhich || !item.parent || numbering(item.row.name).style !== 'none') continue;
        for (const { col } of amountList(item.row.amounts)) {
          const f = check(ctx, table, { row: item.row, col }, { row: item.parent, col }, () => ({ row: labelKey(item.row.name), column: columnLabel(table, col), whole: rowLabel(item.parent!) }));
          if (f) findings.push(f);
        }
      }
    }
    return findings;
  },
};
