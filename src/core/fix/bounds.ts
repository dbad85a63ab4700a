// Inequalities between tables (一般公共预算 ≤ 支出总表 row by row, 公务接待费 ≥ 30217 …) kept beside the
// constraint set: not identities, so no single-cell fix is read from them, but evidence of which row carries a
// slip that spread into its totals (a repair that ends a violation is likelier than one that leaves it).
import { ZERO, type Money } from '../money/money';
import { ConstraintSet, type CellKey, type Values } from './constraints';

/** cell ≤ Σ terms (at-most) or cell ≥ Σ terms (at-least), within `tolerance`. */
export interface Bound {
  readonly rule: string;
  readonly findingId: string;
  readonly cell: CellKey;
  readonly terms: readonly CellKey[];
  readonly relation: 'at-most' | 'at-least';
  readonly tolerance: Money;
  /** The cells' values as the rule read them (blank: undefined). */
  readonly values: ReadonlyMap<CellKey, Money | undefined>;
}

const BOUNDS = new WeakMap<ConstraintSet, Bound[]>();

/** Notes an inequality a rule compared, when its sink collects constraints for error localization. */
export function recordBound(sink: unknown, bound: Bound): void {
  if (!(sink instanceof ConstraintSet)) return;
  let list = BOUNDS.get(sink);
  if (!list) BOUNDS.set(sink, (list = []));
  list.push(bound);
}

export function boundsOf(set: ConstraintSet): readonly Bound[] {
  return BOUNDS.get(set) ?? [];
}

/** By how much the inequality is violated over these values (≤ 0: it holds), tolerance aside. */
export function excess(b: Bound, values: Values): Money {
  const at = (k: CellKey): Money | undefined => values.get(k) ?? b.values.get(k);
  let limit: Money | undefined;
  for (const t of b.terms) {
    const v = at(t);
    if (v !== undefined) limit = limit === undefined ? v : limit.plus(v);
  }
  const x = at(b.cell) ?? ZERO;
  const l = limit ?? ZERO;
  return b.relation === 'at-most' ? x.minus(l) : l.minus(x);
}

/** Whether the inequality holds over these values (within its tolerance). */
export function boundHolds(b: Bound, values: Values): boolean {
  return excess(b, values).lte(b.tolerance);
}
