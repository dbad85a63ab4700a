// localizeSpread: a difference carried from a row into every total above it, found through the correspondences.
import { ConstraintSet, type Constraint } from '../../src/core/fix/constraints';
import { recordBound } from '../../src/core/fix/bounds';
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

// Sheet A, one table with a 合计 column B = 基本 C + 项目 D and a total row 1 over rows 2 and 3. Row 2's 项目 was
// 4 and was typed 2, carried into B2, D1 and B1 (as formulas would); sheet S states the true total 17 and, row by
// row, 9 and 8.
const GRID = { 'A!B1': 15, 'A!C1': 7, 'A!D1': 8, 'A!B2': 7, 'A!C2': 5, 'A!D2': 2, 'A!B3': 8, 'A!C3': 2, 'A!D3': 6, 'S!B1': 17, 'S!B2': 9, 'S!B3': 8 };
const GRID_TABLE: Array<[string, string[], boolean?]> = [
  ['A!B1', ['A!C1', 'A!D1']],
  ['A!B2', ['A!C2', 'A!D2']],
  ['A!B3', ['A!C3', 'A!D3']],
  ['A!B1', ['A!B2', 'A!B3']],
  ['A!C1', ['A!C2', 'A!C3']],
  ['A!D1', ['A!D2', 'A!D3']],
  ['A!B1', ['S!B1']],
  ['A!B2', ['S!B2'], true],
  ['A!B3', ['S!B3'], true],
];

describe('localizeSpread, a row whose 合计 sums several filled columns', () => {
  it('tries each column; with nothing to tell them apart, both are offered as balanced', () => {
    const repairs = localizeSpread(set(GRID, GRID_TABLE)).get('f@A!B1')!;
    expect(repairs.slice(0, 2).map((r) => shown(r)[0]).sort()).toEqual(['A!C2:5→7', 'A!D2:2→4']);
    for (const r of repairs) expect(r.confidence).toBeLessThanOrEqual(0.5);
  });

  it('takes the column another table confirms', () => {
    // S also states the 项目 total, 10: only the 项目 column fits it.
    const s = set({ ...GRID, 'S!D1': 10 }, [...GRID_TABLE, ['A!D1', ['S!D1']]]);
    const [best] = localizeSpread(s).get('f@A!B1')!;
    expect(shown(best!)[0]).toBe('A!D2:2→4');
    expect(shown(best!).slice(1).sort()).toEqual(['A!B1:15→17', 'A!B2:7→9', 'A!D1:8→10'].sort());
    expect(best!.confidence).toBe(0.8);
  });

  it('takes the column an inequality between tables points at', () => {
    // A general-budget table G says its 项目 spending on row 2 is 4, which may not exceed A's: A's 2 is too small.
    const s = set({ ...GRID, 'G!D2': 4 }, GRID_TABLE);
    recordBound(s, { rule: 'b', findingId: 'b@G!D2', cell: 'G!D2', terms: ['A!D2'], relation: 'at-most', tolerance: new Money('0.01'), values: new Map([['G!D2', new Money(4)], ['A!D2', new Money(2)]]) });
    const [best, ...others] = localizeSpread(s).get('f@A!B1')!;
    expect(shown(best!)[0]).toBe('A!D2:2→4');
    expect(best!.confidence).toBe(0.8);
    for (const r of others) expect(r.confidence).toBeLessThan(0.5);
  });

  it('starts from the row an inequality names when no correspondence does, by the difference of the total', () => {
    const values = { ...GRID, 'G!D2': 4 };
    const s = set(values, GRID_TABLE.filter(([, , soft]) => !soft));
    recordBound(s, { rule: 'b', findingId: 'b@G!D2', cell: 'G!D2', terms: ['A!D2'], relation: 'at-most', tolerance: new Money('0.01'), values: new Map([['G!D2', new Money(4)], ['A!D2', new Money(2)]]) });
    const [best] = localizeSpread(s).get('f@A!B1')!;
    expect(shown(best!)[0]).toBe('A!D2:2→4');
    expect(best!.confidence).toBe(0.8);
  });

  it('an inequality that holds is no evidence', () => {
    const s = set({ ...GRID, 'G!D2': 1 }, GRID_TABLE);
    recordBound(s, { rule: 'b', findingId: 'b@G!D2', cell: 'G!D2', terms: ['A!D2'], relation: 'at-most', tolerance: new Money('0.01'), values: new Map([['G!D2', new Money(1)], ['A!D2', new Money(2)]]) });
    for (const r of localizeSpread(s).get('f@A!B1')!) expect(r.confidence).toBeLessThanOrEqual(0.5);
  });
});
