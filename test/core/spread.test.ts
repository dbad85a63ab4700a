// localizeSpread: a difference carried from a row into every total above it, found through the correspondences.
import { ConstraintSet, type Constraint } from '../../src/core/fix/constraints';
import { localizeSpread } from '../../src/core/fix/spread';
import { Money } from '../../src/core/money/money';

const m = (x: number | undefined) => (x === undefined ? undefined : new Money(x));

/** A set over `values`: each constraint as [total, terms, soft?]. */
function set(values: Record<string, number | undefined>, cs: Array<[string, string[], boolean?]>): ConstraintSet {
  const s = new ConstraintSet();
  for (const [total, terms, soft] of cs) {
    const c: Constraint = { rule: 'r', findingId: `f@${total}`, total, terms, bound: new Money('0.01'), ...(soft ? { soft } : {}) };
    s.add(c, [total, ...terms].map((k) => [k, m(values[k])]));
  }
  return s;
}

// Table A: 合计 T = x + y, in two columns (合计 T/x/y, 人员 Tp/xp/yp, x = xp, y = yp, T = Tp).
// Table B says T should be 9 and, row by row, x 3 and y 6: x was typed 4 and carried into T.
const VALUES = { 'A!T': 10, 'A!x': 4, 'A!y': 6, 'A!Tp': 10, 'A!xp': 4, 'A!yp': 6, 'B!T': 9, 'B!x': 3, 'B!y': 6 };
const TABLE: Array<[string, string[], boolean?]> = [
  ['A!T', ['A!x', 'A!y']],
  ['A!Tp', ['A!xp', 'A!yp']],
  ['A!T', ['A!Tp']],
  ['A!x', ['A!xp']],
  ['A!y', ['A!yp']],
  ['A!T', ['B!T']],
];

const shown = (r: { changes: ReadonlyArray<{ cell: string; before?: Money; after: Money }> }) => r.changes.map((c) => `${c.cell}:${c.before}→${c.after}`);
const SOFT: Array<[string, string[], boolean?]> = [
  ['A!x', ['B!x'], true],
  ['A!y', ['B!y'], true],
];

describe('localizeSpread', () => {
  it('moves the row its correspondence points at, and every total above it, by the difference', () => {
    const s = set(VALUES, [...TABLE, ...SOFT]);
    const [best, ...others] = localizeSpread(s).get('f@A!T')!;
    // x is the 合计 of its row over one filled column (xp): the difference starts there.
    expect(shown(best!)[0]).toBe('A!xp:4→3');
    expect(shown(best!).slice(1).sort()).toEqual(['A!T:10→9', 'A!Tp:10→9', 'A!x:4→3'].sort());
    expect(best).toMatchObject({ origins: 1, confidence: 0.8, reason: { id: 'fix.reason.spread-backed' }, explains: ['f@A!T'] });
    // Table B could be the wrong one only by two unrelated slips (its x and its total): offered, but weak.
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r.confidence).toBeLessThan(0.5);
    // The correspondence offers the same repair first.
    expect(localizeSpread(s).get('f@A!x')![0]!.changes).toEqual(best!.changes);
  });

  it('calls it balanced when the other table could have carried the slip just as well', () => {
    // B adds up too (B!T = B!x + B!y): B's x moved into its total explains everything as well as A's does.
    const s = set(VALUES, [...TABLE, ['B!T', ['B!x', 'B!y']], ...SOFT]);
    const repairs = localizeSpread(s).get('f@A!T')!;
    expect(repairs.slice(0, 2).map((r) => shown(r)[0]).sort()).toEqual(['A!xp:4→3', 'B!x:3→4']);
    for (const r of repairs) expect(r.confidence).toBeLessThanOrEqual(0.5);
    expect(repairs[0]!.reason.id).toBe('fix.reason.balanced');
  });

  it('never breaks an identity that holds', () => {
    // A third table agrees with B's total: moving B's total would break that, so only A is offered.
    const s = set({ ...VALUES, 'C!T': 9 }, [...TABLE, ['B!T', ['B!x', 'B!y']], ['C!T', ['B!T']], ...SOFT]);
    const repairs = localizeSpread(s).get('f@A!T')!;
    for (const r of repairs) expect(r.changes.some((c) => c.cell.startsWith('B!'))).toBe(false);
    expect(repairs[0]).toMatchObject({ confidence: 0.8 });
  });

  it('offers nothing confident when no correspondence says which row moved', () => {
    const repairs = localizeSpread(set(VALUES, TABLE)).get('f@A!T') ?? [];
    for (const r of repairs) expect(r.confidence).toBeLessThan(0.75);
  });
});
