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
