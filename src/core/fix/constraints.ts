// The workbook's identities as linear constraints over cells: what error localization reasons about.
import type { Money } from '../money/money';

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
}

/** Where constraints go as rules check them; values of cells go alongside. */
export interface ConstraintSink {
  add(c: Constraint, values: ReadonlyArray<[CellKey, Money | undefined]>): void;
}

/** Collects constraints and the values of the cells they mention. */
export class ConstraintSet implements ConstraintSink {
  readonly constraints: Constraint[] = [];
  readonly values = new Map<CellKey, Money | undefined>();
  private readonly seen = new Set<string>();

  add(c: Constraint, values: ReadonlyArray<[CellKey, Money | undefined]>): void {
    const id = `${c.total}=${[...c.terms].sort().join('+')}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.constraints.push(c);
    for (const [k, v] of values) this.values.set(k, v);
  }
}
