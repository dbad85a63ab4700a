// Rule `row-percent`: a 增减% column is a percentage, checked as one: (本年 − 上年) / 上年 × 100, to the precision
// it is printed with. It is never summed (the hierarchy and total rules leave percentage columns alone).
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type Finding } from '../findings';
import { cellKey } from '../fix/constraints';
import { displayAmount, Money, toHalfWidth } from '../money/money';
import type { AmountCell, Column, ColumnRole, Table } from '../recognize/model';
import { OWN_AMOUNT_ROLES } from '../recognize/roles';
import { labelKey } from '../text';
import type { Rule } from './rule';
import { ROW_SUM_KINDS } from './row-sum';
import { columnLabel, rowLabel } from './sum-check';

const ID = 'row-percent';

/** An item path without its closing 合计/小计: the key under which a percentage finds its two amounts. */
function itemKey(c: Column): string {
  const item = (c.meaning?.item ?? c.path).map(labelKey);
  while (item.length > 0 && /^(合计|小计|总计)$/.test(item[item.length - 1]!)) item.pop();
  return item.join('/');
}

/** For each percentage column, this year's and last year's column of the same item, when each is unique. */
function triples(table: Table): Array<{ pct: Column; current: Column; prior: Column }> {
  const out: Array<{ pct: Column; current: Column; prior: Column }> = [];
  for (const pct of table.columns.filter((c) => c.role === 'change-pct')) {
    const key = itemKey(pct);
    const pick = (roles: ReadonlySet<ColumnRole>) => {
      const found = table.columns.filter((c) => roles.has(c.role) && itemKey(c) === key);
      return found.length === 1 ? found[0] : undefined;
    };
    const prior = pick(new Set<ColumnRole>(['prior']));
    const current = pick(OWN_AMOUNT_ROLES);
    if (prior && current) out.push({ pct, current, prior });
  }
  return out;
}


/** A printed percentage as the number of percent (3.1 for a cell 0.031 formatted `0.0%`, or 3.1 typed), and its decimals. */
export function percentOf(cell: AmountCell): { value: Money; decimals: number } | undefined {
  // A percentage stored as text, as shown: `2.9%`.
  const typed = cell.parsed.kind === 'text' ? /^\s*(-?\d+(?:\.(\d+))?)\s*[%％]\s*$/.exec(toHalfWidth(cell.parsed.text)) : null;
  if (typed) return { value: new Money(typed[1]!), decimals: typed[2]?.length ?? 0 };
  if (cell.value === undefined || cell.parsed.kind !== 'amount') return undefined;
  if (cell.numFmt?.includes('%')) {
    const decimals = /0\.(0+)%/.exec(cell.numFmt)?.[1]?.length ?? 0;
    return { value: cell.value.times(100), decimals };
  }
  return { value: cell.value, decimals: Math.max(0, cell.value.decimalPlaces()) };
}

export const rowPercent: Rule = {
  meta: {
    id: ID,
    group: 'row',
    severity: 'error',
    title: { zh: '增减百分比', en: 'Percentage change' },
    description: {
      zh: '增减（%）列等于（本年数 − 上年数）÷ 上年数 × 100，按其列印的小数位四舍五入；百分比列从不参与求和。',
      en: 'A change (%) column equals (this year − last year) ÷ last year × 100, rounded to the decimals it is printed with; percentages are never summed.',
    },
    needs: ROW_SUM_KINDS,
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!ROW_SUM_KINDS.includes(table.kind)) continue;
      for (const { pct, current, prior } of triples(table)) {
        for (const row of table.rows) {
          const cell = row.amounts.get(pct.col);
          const cur = row.amounts.get(current.col)?.value;
          const last = row.amounts.get(prior.col)?.value;
          if (!cell || cur === undefined || last === undefined || last.isZero()) continue;
          const stated = percentOf(cell);
          if (!stated) continue;
          countCompared(ctx.rounding);
          const keys = [pct.col, current.col, prior.col].map((c) => cellKey(table.sheet, a1(row.row, c)));
          ctx.rounding.sink?.touch?.(keys);
          const exact = cur.minus(last).dividedBy(last).times(100);
          const expected = exact.toDecimalPlaces(stated.decimals, Money.ROUND_HALF_UP);
          // Amounts are rounded too: one unit of the last printed digit either way is the same percentage.
          const unit = new Money(1).dividedBy(new Money(10).pow(stated.decimals));
          if (stated.value.minus(exact).abs().lte(unit)) continue;
          const address = a1(row.row, pct.col);
          const shown = (v: Money) => `${displayAmount(v, stated.decimals)}%`;
          const after = cell.numFmt?.includes('%') ? expected.dividedBy(100).toFixed(stated.decimals + 2) : cell.parsed.kind === 'text' ? `${expected.toFixed(stated.decimals)}%` : expected.toFixed(stated.decimals);
          findings.push({
            id: `${ID}@${table.sheet}!${address}`,
            rule: ID,
            severity: 'error',
            message: {
              id: `${ID}.mismatch`,
              data: {
                row: rowLabel(row),
                column: columnLabel(table, pct.col),
                actual: shown(stated.value),
                expected: shown(expected),
                current: `${columnLabel(table, current.col)} ${displayAmount(cur)}`,
                prior: `${columnLabel(table, prior.col)} ${displayAmount(last)}`,
              },
            },
            cells: [cellRef(table.sheet, row.row, pct.col, 'checked'), cellRef(table.sheet, row.row, current.col, 'evidence'), cellRef(table.sheet, row.row, prior.col, 'evidence')],
            expected: expected.toFixed(stated.decimals),
            actual: stated.value.toFixed(stated.decimals),
            difference: stated.value.minus(expected).toFixed(stated.decimals),
            fixes: [
              {
                title: { id: 'fix.set-value', data: { address, after: shown(expected) } },
                // Never safe: the percentage may be right and an amount beside it wrong.
                confidence: 0.5,
                reason: { id: `${ID}.fix-reason`, data: {} },
                edits: [{ sheet: table.sheet, address, before: cell.text ?? '', after }],
              },
            ],
          });
        }
      }
    }
    return findings;
  },
};
