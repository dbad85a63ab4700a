// localize: the fewest cells whose change makes every identity hold, and which of equals the other tables back.
import { recordBound } from '../../src/core/fix/bounds';
import { ConstraintSet, type Constraint } from '../../src/core/fix/constraints';
import { localize } from '../../src/core/fix/localize';
import { Money } from '../../src/core/money/money';

/** A set over `values`: each constraint as [total, terms, soft?]. */
function set(values: Record<string, number>, cs: Array<[string, string[], boolean?]>): ConstraintSet {
  const s = new ConstraintSet();
  for (const [total, terms, soft] of cs) {
    const c: Constraint = { rule: 'r', findingId: `f@${total}`, total, terms, bound: new Money('0.01'), ...(soft ? { soft } : {}) };
    s.add(c, [total, ...terms].map((k) => [k, values[k] === undefined ? undefined : new Money(values[k]!)]));
  }
  return s;
}

// A!T = A!x + A!y + A!z fails by 5: any of the four cells could be the slip.
const VALUES = { 'A!T': 20, 'A!x': 8, 'A!y': 7, 'A!z': 10 };
const TABLE: Array<[string, string[], boolean?]> = [['A!T', ['A!x', 'A!y', 'A!z']]];

describe('localize, equals told apart by other tables', () => {
  it('is balanced when nothing else speaks', () => {
    const [first] = localize(set(VALUES, TABLE)).get('f@A!T')!;
    expect(first!.reason.id).toBe('fix.reason.balanced');
    expect(first!.confidence).toBeLessThanOrEqual(0.5);
  });

  it('takes the cell whose change also makes a correspondence with another table hold', () => {
    const s = set({ ...VALUES, 'B!y': 2 }, [...TABLE, ['A!y', ['B!y'], true]]);
    const [first, ...others] = localize(s).get('f@A!T')!;
    expect(first).toMatchObject({ cell: 'A!y', reason: { id: 'fix.reason.backed' } });
    expect(first!.confidence).toBeGreaterThanOrEqual(0.8); // sure (a one-digit slip adds a little)
    expect(first!.after.toString()).toBe('2');
    for (const o of others) expect(o.confidence).toBeLessThan(0.3);
  });

  it('takes the cell whose change ends a violated inequality with another table', () => {
    // Another table bounds x by 3.5 (x ≤ C!x): x = 8 violates it, and only x − 5 = 3 ends the violation.
    const s = set(VALUES, TABLE);
    recordBound(s, { rule: 'b', findingId: 'b@A!x', cell: 'A!x', terms: ['C!x'], relation: 'at-most', tolerance: new Money('0.01'), values: new Map([['A!x', new Money(8)], ['C!x', new Money('3.5')]]) });
    const [first] = localize(s).get('f@A!T')!;
    expect(first).toMatchObject({ cell: 'A!x', reason: { id: 'fix.reason.backed' } });
    expect(first!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(first!.after.toString()).toBe('3');
  });

  it('a correspondence that fails either way is no evidence', () => {
    const s = set({ ...VALUES, 'B!y': 100 }, [...TABLE, ['A!y', ['B!y'], true]]);
    const [first] = localize(s).get('f@A!T')!;
    expect(first!.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('localize, with a balance (cells subtracted)', () => {
  // A row of a 决算: 年末 E = 年初 B + 收入 C − 支出 D, and each column a subtotal over the rows 1 and 2 (P = parent).
  const values = { 'A!E1': 5, 'A!B1': 12, 'A!C1': 10, 'A!D1': 20, 'A!B2': 0, 'A!BP': 9, 'A!EP': 5, 'A!E2': 0, 'A!CP': 10, 'A!C2': 0, 'A!DP': 20, 'A!D2': 0 };
  function balanced(v: Record<string, number>): ConstraintSet {
    const s = set(v, [
      ['A!BP', ['A!B1', 'A!B2']],
      ['A!CP', ['A!C1', 'A!C2']],
      ['A!DP', ['A!D1', 'A!D2']],
      ['A!EP', ['A!E1', 'A!E2']],
    ]);
    const money = (k: string) => new Money(v[k]!);
    s.add({ rule: 'row-balance', findingId: 'bal@A!E1', total: 'A!E1', terms: ['A!B1', 'A!C1'], minus: ['A!D1'], bound: new Money('0.04') }, ['A!E1', 'A!B1', 'A!C1', 'A!D1'].map((k) => [k, money(k)]));
    return s;
  }

  it('finds the opening carry-over both its row and its column point at, and the value that balances both', () => {
    // B1 = 12 breaks its row (12 + 10 − 20 = 2, not 5) and its column (BP says 15): 15 settles both.
    const s = balanced({ ...values, 'A!B1': 12, 'A!BP': 15 });
    const suspects = localize(s);
    expect(suspects.get('bal@A!E1')?.[0]).toMatchObject({ cell: 'A!B1', explains: expect.arrayContaining(['bal@A!E1', 'f@A!BP']) });
    expect(suspects.get('bal@A!E1')![0]!.after.toString()).toBe('15');
  });

  it('solves for a subtracted cell: spending the balance and its column both want', () => {
    // D1 = 20 breaks its row (12 + 10 − 20 = 2, not 5) and its column (DP says 17): 17 settles both.
    const s = balanced({ ...values, 'A!B1': 12, 'A!BP': 12, 'A!DP': 17 });
    const [first] = localize(s).get('f@A!DP')!;
    expect(first).toMatchObject({ cell: 'A!D1', explains: expect.arrayContaining(['bal@A!E1', 'f@A!DP']) });
    expect(first!.after.toString()).toBe('17');
  });
});
