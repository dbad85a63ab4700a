// Verifying fixes before they are offered: each must remove its finding and create no new one, on a
// re-checked copy of the workbook. Re-checking once per fix is slow on a large workbook with many
// findings, so fixes that touch unrelated cells are checked together, and a batch that creates a
// finding is split until the fix that did it is alone.
import type { Edit, Finding } from '../findings';
import { parseAmountText, type Money } from '../money/money';
import { cellKey, cellsOf, holds, overlay, type CellKey, type Constraint, type ConstraintSet } from './constraints';
import type { Candidate } from './suggest';

interface Group {
  readonly edits: readonly Edit[];
  /** Indexes of the candidates that offer these edits. */
  readonly members: number[];
  /** The cells the edits write and the cells of the findings they are offered for. */
  readonly cells: Set<string>;
}

/** The constraints by the finding they produce and by the cells they mention, built once per verification. */
export interface ConstraintIndex {
  readonly byFinding: ReadonlyMap<string, readonly Constraint[]>;
  readonly byCell: ReadonlyMap<CellKey, readonly Constraint[]>;
  /** The values of the cells of the indexed constraints. */
  readonly values: ReadonlyMap<CellKey, Money | undefined>;
}

/**
 * The constraints by finding and by cell. With `only`, just those of the given findings and cells: the
 * constraints around those cells (`around`, which must include the findings' checked cells) are looked at.
 */
export function indexConstraints(set: ConstraintSet, only?: { findings: ReadonlySet<string>; cells: ReadonlySet<CellKey>; around: ReadonlySet<CellKey> }): ConstraintIndex {
  const byFinding = new Map<string, Constraint[]>();
  const byCell = new Map<CellKey, Constraint[]>();
  const scope = only ? set.around(only.around) : { constraints: set.constraints, values: set.values };
  for (const c of scope.constraints) {
    if (c.soft) continue;
    if (!only || only.findings.has(c.findingId)) {
      const list = byFinding.get(c.findingId);
      if (list) list.push(c);
      else byFinding.set(c.findingId, [c]);
    }
    const add = (k: CellKey) => {
      if (only && !only.cells.has(k)) return;
      let list = byCell.get(k);
      if (!list) byCell.set(k, (list = []));
      if (list[list.length - 1] !== c) list.push(c); // once per constraint, however often it names the cell
    };
    for (const k of cellsOf(c)) add(k);
  }
  return { byFinding, byCell, values: scope.values };
}

/**
 * Whether the edits alone make the finding's own identities hold and break no identity that holds, by
 * arithmetic on the recorded constraints; undefined when that cannot be told (the finding is not a
 * recorded identity, or an edit writes something else than an amount of a recorded cell).
 */
export function solvesAlone(set: ConstraintSet, edits: readonly Edit[], findingId: string, index: ConstraintIndex = indexConstraints(set)): boolean | undefined {
  const own = index.byFinding.get(findingId) ?? [];
  if (own.length === 0) return undefined;
  const values = new Map<CellKey, Money | undefined>();
  for (const e of edits) {
    const key = cellKey(e.sheet, e.address);
    const v = parseAmountText(e.after);
    if (!index.values.has(key) || v === undefined) return undefined;
    values.set(key, v);
  }
  const view = overlay(index.values, values);
  if (!own.every((c) => holds(c, view))) return false;
  const touched = new Set([...values.keys()].flatMap((k) => index.byCell.get(k) ?? []));
  return ![...touched].some((c) => set.holds(c) && !holds(c, view));
}

/**
 * Verdicts, one per candidate. `recheck` runs the rules on a copy of the workbook with the edits applied;
 * `baseline` holds the ids of the findings before any fix. At most `maxRuns` re-checks: candidates left
 * over are not verified.
 */
export function verifyCandidates(
  candidates: readonly Candidate[],
  baseline: ReadonlySet<string>,
  recheck: (edits: readonly Edit[]) => readonly Finding[],
  set: ConstraintSet,
  maxRuns: number,
): boolean[] {
  const verdicts = candidates.map(() => false);
  if (candidates.length === 0) return verdicts;
  // Only the candidates' findings and the cells their edits write are looked up.
  const cells = new Set(candidates.flatMap((c) => c.fix.edits.map((e) => cellKey(e.sheet, e.address))));
  const index = indexConstraints(set, {
    findings: new Set(candidates.map((c) => c.finding.id)),
    cells,
    // A finding's identities have the cell its id names (`rule@sheet!A1`, its checked cell) as their total.
    around: new Set([...cells, ...candidates.map((c) => c.finding.id.slice(c.finding.id.indexOf('@') + 1))]),
  });
  const alone = candidates.map((c) => solvesAlone(set, c.fix.edits, c.finding.id, index));
  const groups = new Map<string, Group>();
  candidates.forEach((c, i) => {
    if (alone[i] === false) return; // arithmetic already says no
    const key = JSON.stringify(c.fix.edits);
    let g = groups.get(key);
    if (!g) {
      g = { edits: c.fix.edits, members: [], cells: new Set(c.fix.edits.map((e) => `${e.sheet}!${e.address}`)) };
      groups.set(key, g);
    }
    g.members.push(i);
    for (const r of c.finding.cells) g.cells.add(`${r.sheet}!${r.address}`);
  });

  // Pack groups that share no cell into batches, in the order they come (errors first).
  const batches: Group[][] = [];
  const used: Array<Set<string>> = [];
  for (const g of groups.values()) {
    let b = used.findIndex((cells) => ![...g.cells].some((k) => cells.has(k)));
    if (b < 0) {
      b = batches.length;
      batches.push([]);
      used.push(new Set());
    }
    batches[b]!.push(g);
    for (const k of g.cells) used[b]!.add(k);
  }

  let runs = 0;
  const run = (batch: readonly Group[]): void => {
    if (batch.length === 0 || runs >= maxRuns) return;
    runs++;
    const again = recheck(batch.flatMap((g) => g.edits));
    const created = again.some((f) => f.severity !== 'info' && !baseline.has(f.id));
    if (created && batch.length > 1) {
      // Some fix of the batch created a finding: find out which, half by half.
      const half = Math.ceil(batch.length / 2);
      run(batch.slice(0, half));
      run(batch.slice(half));
      return;
    }
    if (created) return;
    const remaining = new Set(again.map((f) => f.id));
    for (const g of batch) for (const i of g.members) verdicts[i] = !remaining.has(candidates[i]!.finding.id) && alone[i] !== false;
  };
  for (const b of batches) run(b);
  return verdicts;
}
