// The workbook's identities as linear constraints over cells: what error localization reasons about.
import { a1 } from '../grid/grid';
import { ZERO, type Money } from '../money/money';

/** `sheet!A1`: a cell's key across the workbook. */
export type CellKey = string;

export const cellKey = (sheet: string, address: string): CellKey => `${sheet}!${address}`;

/** Keys of the cells of a row of a recognized table, by column: each made once, however many identities use it. */
const ROW_KEYS = new WeakMap<object, CellKey[]>();

/**
 * The key of a cell of a table row (`row` is the recognized row object, which lives on one sheet): the same
 * string object every time, so that building constraints allocates no key and hashes each once.
 */
export function rowCellKey(sheet: string, row: { readonly row: number }, col: number): CellKey {
  let keys = ROW_KEYS.get(row);
  if (keys === undefined) ROW_KEYS.set(row, (keys = []));
  return (keys[col] ??= cellKey(sheet, a1(row.row, col)));
}

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
}

/** Collects constraints and the values of the cells they mention. */
export class ConstraintSet implements ConstraintSink {
  readonly constraints: Constraint[] = [];
  readonly values = new Map<CellKey, Money | undefined>();
  /** The constraints recorded so far by their total cell, to drop one recorded twice (by two rules). */
  private readonly byTotal = new Map<CellKey, Constraint[]>();

  add(c: Constraint, values: ReadonlyArray<[CellKey, Money | undefined]>): void {
    const same = this.byTotal.get(c.total);
    if (same === undefined) this.byTotal.set(c.total, [c]);
    else {
      for (const o of same) if (sameIdentity(o, c)) return;
      same.push(c);
    }
    this.constraints.push(c);
    for (const [k, v] of values) this.values.set(k, v);
  }
}

/** Same total, same terms (in any order), both soft or both hard. */
function sameIdentity(a: Constraint, b: Constraint): boolean {
  if (Boolean(a.soft) !== Boolean(b.soft) || a.terms.length !== b.terms.length) return false;
  let inOrder = true;
  for (let k = 0; k < a.terms.length; k++) {
    if (a.terms[k] !== b.terms[k]) {
      inOrder = false;
      break;
    }
  }
  if (inOrder) return true;
  const x = [...a.terms].sort();
  const y = [...b.terms].sort();
  return x.every((t, k) => t === y[k]);
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
  let terms = ZERO;
  for (const t of c.terms) {
    const v = values.get(t);
    // A blank counts as +0, which changes nothing but the sign of a −0 total.
    if (v !== undefined) terms = terms.plus(v);
    else if (terms.isZero()) terms = terms.plus(ZERO);
  }
  return valueOf(values, c.total).minus(terms);
}

/** Whether the constraint holds within its rounding bound. */
export function holds(c: Constraint, values: Values): boolean {
  return difference(c, values).abs().lte(c.bound);
}
