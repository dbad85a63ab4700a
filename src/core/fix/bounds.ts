// Inequalities between tables (一般公共预算 ≤ 支出总表 row by row, 公务接待费 ≥ 30217 …) kept beside the
// constraint set: not identities, so no single-cell fix is read from them, but evidence of which row carries a
// slip that spread into its totals (a repair that ends a violation is likelier than one that leaves it).
import { ZERO, type Money } from '../money/money';
import { ConstraintSet, rowCellKey, type CellKey, type SumCell, type Values } from './constraints';

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

/**
 * An inequality a rule compared between cells of recognized tables, as a Bound: its keys, tolerance and values are
 * made the first time it is read (a large workbook compares some 90,000 rows, and localization reads few of them).
 */
export class CellBound implements Bound {
  private made: { cell: CellKey; terms: CellKey[]; tolerance: Money; values: Map<CellKey, Money | undefined> } | undefined;

  constructor(
    readonly rule: string,
    /** The checked cell's sheet (the bounding cells' too, unless they name their table). */
    private readonly sheet: string,
    private readonly checked: SumCell,
    private readonly bounding: readonly SumCell[],
    readonly relation: 'at-most' | 'at-least',
    private readonly perTerm: Money,
  ) {}

  get findingId(): string {
    return `${this.rule}@${this.cell}`;
  }

  get cell(): CellKey {
    return this.parts.cell;
  }

  get terms(): readonly CellKey[] {
    return this.parts.terms;
  }

  get tolerance(): Money {
    return this.parts.tolerance;
  }

  get values(): ReadonlyMap<CellKey, Money | undefined> {
    return this.parts.values;
  }

  private get parts(): NonNullable<CellBound['made']> {
    if (this.made === undefined) {
      const cell = rowCellKey(this.sheet, this.checked.row, this.checked.col);
      const terms = this.bounding.map((t) => rowCellKey(t.table?.sheet ?? this.sheet, t.row, t.col));
      const valueOf = (t: SumCell) => t.row.amounts.get(t.col)?.value;
      this.made = {
        cell,
        terms,
        tolerance: this.perTerm.times(Math.max(1, this.bounding.length)),
        values: new Map([[cell, valueOf(this.checked)], ...terms.map((k, i): [CellKey, Money | undefined] => [k, valueOf(this.bounding[i]!)])]),
      };
    }
    return this.made;
  }
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
