// verifyCandidates: fixes on unrelated cells are re-checked together; a batch that creates a finding is
// split until the culprit is alone; verdicts are the same as checking each fix on its own.
import type { Edit, Finding, Fix } from '../../src/core/findings';
import { ConstraintSet } from '../../src/core/fix/constraints';
import type { Candidate } from '../../src/core/fix/suggest';
import { solvesAlone, verifyCandidates } from '../../src/core/fix/verify';
import { Money } from '../../src/core/money/money';

const finding = (id: string, cells: string[]): Finding => ({
  id,
  rule: 'r',
  severity: 'error',
  message: { id: 'x', data: {} },
  cells: cells.map((address, i) => ({ sheet: 'S', address, role: i === 0 ? 'checked' : 'evidence' })),
  fixes: [],
});
const fix = (address: string, after = '1.00'): Fix => ({ title: { id: 'x', data: {} }, confidence: 0.9, edits: [{ sheet: 'S', address, before: '', after }] });

/** A fake workbook: finding `F<n>` (on cell A<n>) goes away when A<n> is written; writing B<n> creates `new<n>`. */
function recheckOf(n: number, runs: { count: number }) {
  return (edits: readonly Edit[]): Finding[] => {
    runs.count++;
    const written = new Set(edits.map((e) => e.address));
    const out: Finding[] = [];
    for (let i = 0; i < n; i++) {
      if (!written.has(`A${i}`)) out.push(finding(`F${i}`, [`A${i}`]));
      if (written.has(`B${i}`)) out.push(finding(`new${i}`, [`B${i}`]));
    }
    return out;
  };
}

describe('verifyCandidates', () => {
  const n = 12;
  const findings = Array.from({ length: n }, (_, i) => finding(`F${i}`, [`A${i}`]));
  const baseline = new Set(findings.map((f) => f.id));

  it('checks fixes on unrelated cells in one run, with the verdicts each would get alone', () => {
    const runs = { count: 0 };
    const candidates: Candidate[] = findings.map((f, i) => ({ finding: f, fix: fix(`A${i}`) }));
    // One more candidate per finding that fixes nothing: it touches the finding's cell set, so another batch.
    candidates.push(...findings.map((f, i) => ({ finding: f, fix: fix(`C${i}`) })));
    const verdicts = verifyCandidates(candidates, baseline, recheckOf(n, runs), new ConstraintSet(), 100);
    expect(verdicts).toEqual([...findings.map(() => true), ...findings.map(() => false)]);
    expect(runs.count).toBe(2);
  });

  it('splits a batch that creates a finding until the fix that did it is alone', () => {
    const runs = { count: 0 };
    const candidates: Candidate[] = findings.map((f, i) => ({ finding: f, fix: i === 5 ? { ...fix(`A${i}`), edits: [...fix(`A${i}`).edits, ...fix(`B${i}`).edits] } : fix(`A${i}`) }));
    const verdicts = verifyCandidates(candidates, baseline, recheckOf(n, runs), new ConstraintSet(), 100);
    expect(verdicts).toEqual(findings.map((_, i) => i !== 5));
    expect(runs.count).toBeLessThan(n);
  });

  it('verifies nothing more once the runs are spent', () => {
    const runs = { count: 0 };
    const candidates: Candidate[] = findings.map((f, i) => ({ finding: f, fix: fix(`A${i}`) }));
    candidates.push(...findings.map((f, i) => ({ finding: f, fix: fix(`C${i}`) })));
    const verdicts = verifyCandidates(candidates, baseline, recheckOf(n, runs), new ConstraintSet(), 1);
    expect(runs.count).toBe(1);
    expect(verdicts.filter(Boolean)).toHaveLength(n);
  });
});

describe('solvesAlone', () => {
  // T = x + y holds (10 = 4 + 6); U = x fails (5 ≠ 4).
  const set = new ConstraintSet();
  const m = (v: number) => new Money(v);
  set.add({ rule: 'r', findingId: 'sum@T', total: 'S!T', terms: ['S!x', 'S!y'], bound: m(0.01) }, [['S!T', m(10)], ['S!x', m(4)], ['S!y', m(6)]]);
  set.add({ rule: 'r', findingId: 'eq@U', total: 'S!U', terms: ['S!x'], bound: m(0.01) }, [['S!U', m(5)], ['S!x', m(4)]]);
  const edit = (address: string, after: string): Edit => ({ sheet: 'S', address, before: '', after });

  it('says yes when the finding holds and nothing that held breaks', () => {
    expect(solvesAlone(set, [edit('U', '4.00')], 'eq@U')).toBe(true);
  });
  it('says no when an identity that held breaks, or the finding still fails', () => {
    expect(solvesAlone(set, [edit('x', '5.00')], 'eq@U')).toBe(false);
    expect(solvesAlone(set, [edit('U', '4.50')], 'eq@U')).toBe(false);
  });
  it('cannot tell for a finding that is not a recorded identity, or an edit that is not an amount', () => {
    expect(solvesAlone(set, [edit('U', '4.00')], 'other@Z')).toBeUndefined();
    expect(solvesAlone(set, [edit('U', '四')], 'eq@U')).toBeUndefined();
  });
});
