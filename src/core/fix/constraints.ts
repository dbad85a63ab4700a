// The workbook's identities as linear constraints over cells: what error localization reasons about.
import { sum, ZERO, type Money } from '../money/money';

/** `sheet!A1`: a cell's key across the workbook. */
export type CellKey = string;

export const cellKey = (sheet: string, address: string): CellKey => `${sheet}!${address}`;

export function splitKey(key: CellKey): { sheet: string; address: string } {
  const i = key.lastIndexOf('!');
  return { sheet: key.slice(0, i), address: key.slice(i + 1) };
}

/** total = Σ terms, as one rule checked it, with the values it saw (blank → undefined). */
export interface Constraint {
  readonly rule: string;
  /** The finding id this constraint produced when it failed. */
  readonly findingId: string;
  readonly total: CellKey;
  readonly terms: readonly CellKey[];
  /** Allowed |difference| before it counts as failed (the rounding bound). */
  readonly bound: Money;
  /** A correspondence that usually holds (its failure is a warning), not an identity: evidence only. */
  readonly soft?: boolean;
}

/** Where constraints go as rules check them; values of cells go alongside. */
export interface ConstraintSink {
  add(c: Constraint, values: ReadonlyArray<[CellKey, Money | undefined]>): void;
  /** Cells a check read that is no linear sum (a percentage recomputed from two amounts): coverage only. */
  touch?(keys: readonly CellKey[]): void;
}

/** Collects constraints and the values of the cells they mention. */
export class ConstraintSet implements ConstraintSink {
  readonly constraints: Constraint[] = [];
  readonly values = new Map<CellKey, Money | undefined>();
  /** Cells read by checks that are not linear sums. */
  readonly touched = new Set<CellKey>();
  private readonly seen = new Set<string>();

  touch(keys: readonly CellKey[]): void {
    for (const k of keys) this.touched.add(k);
  }

  add(c: Constraint, values: ReadonlyArray<[CellKey, Money | undefined]>): void {
    const id = `${c.soft ? '~' : ''}${c.total}=${[...c.terms].sort().join('+')}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.constraints.push(c);
    for (const [k, v] of values) this.values.set(k, v);
  }
}

/** Values of cells, as constraints read them (blank: undefined). */
export interface Values {
  get(k: CellKey): Money | undefined;
}

/** `base` with some cells changed, without copying it (a large workbook has many values). */
export function overlay(base: Values, changed: ReadonlyMap<CellKey, Money | undefined>): Values {
  return { get: (k) => (changed.has(k) ? changed.get(k) : base.get(k)) };
}

export const valueOf = (values: Values, k: CellKey): Money => values.get(k) ?? ZERO;

/** total − Σ terms over these values (blank counts as zero). */
export function difference(c: Constraint, values: Values): Money {
  return valueOf(values, c.total).minus(sum(c.terms.map((t) => valueOf(values, t))));
}

/** Whether the constraint holds within its rounding bound. */
export function holds(c: Constraint, values: Values): boolean {
  return difference(c, values).abs().lte(c.bound);
}
