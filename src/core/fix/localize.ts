// Error localization (Fellegi–Holt style): the fewest cells whose change makes every identity hold.
import { sum, type Money } from '../money/money';
import type { Message } from '../findings';
import { boundHolds, boundsOf, type Bound } from './bounds';
import { cellsOf, holds, overlay, valueOf, type CellKey, type Constraint, type ConstraintSet, type Values } from './constraints';
import { typoOf, type Typo } from './typos';

/** A cell suspected of being wrong, and the value every identity it takes part in wants. */
export interface Suspect {
  readonly cell: CellKey;
  readonly before: Money | undefined;
  readonly after: Money;
  /** Ids of the failing findings this one change makes hold. */
  readonly explains: readonly string[];
  readonly confidence: number;
  readonly reason: Message;
  readonly typo?: Typo;
}


/** The value cell `x` must take for constraint `c` to hold exactly, the other cells unchanged. */
function required(c: Constraint, x: CellKey, values: Values): Money {
  const minus = sum((c.minus ?? []).filter((t) => t !== x).map((t) => valueOf(values, t)));
  if (c.total === x) return sum(c.terms.map((t) => valueOf(values, t))).minus(minus);
  // total = Σ terms − Σ minus: a subtracted cell is what the terms leave over the total.
  if (c.minus?.includes(x)) return sum(c.terms.map((t) => valueOf(values, t))).minus(minus).minus(valueOf(values, c.total));
  const others = sum(c.terms.filter((t) => t !== x).map((t) => valueOf(values, t)));
  return valueOf(values, c.total).minus(others).plus(minus);
}

/** The change would wipe out a non-zero value: set it to zero. */
function erases(c: Candidate, values: Values): boolean {
  const before = values.get(c.cell);
  return c.after.isZero() && before !== undefined && !before.isZero();
}

interface Candidate {
  cell: CellKey;
  after: Money;
  fixes: Constraint[];
  /** The cell is the total of some identity (a subtotal), not only a term (hand-entered data). */
  derived: boolean;
  /** Correspondences the change makes hold, minus those it makes fail. */
  backing: number;
}

/**
 * For every failing constraint, the cells whose single change makes it hold without breaking any
 * identity that holds now, best first: a change that explains more failures ranks higher; on a tie
 * a subtotal ranks above the data it sums (its value is recomputable, the data's is not).
 * Deterministic: ties keep the constraints' order. Rounding-level differences are not localized.
 */
export function localize(set: ConstraintSet): Map<string, Suspect[]> {
  if (!set.anyHardFailing()) return new Map();
  // Only the identities through a cell of a failing identity are looked at, and the values of their cells.
  const near = set.failingCells();
  const around = set.around(near);
  const constraints = around.constraints.filter((c) => !c.soft);
  // Correspondences that usually hold (30108 ↔ 2080505): never a reason to suspect a cell, but between cells that
  // explain a difference equally well, the one whose change also makes its counterpart agree is the likelier.
  const softAt = new Map<CellKey, Constraint[]>();
  // So are inequalities between tables (一般公共预算 ≤ 支出总表 by row, 三公 ≥ 30217) a change ends or starts violating.
  const boundsAt = new Map<CellKey, Bound[]>();
  for (const b of boundsOf(set)) {
    for (const k of [b.cell, ...b.terms]) {
      if (!near.has(k)) continue;
      let list = boundsAt.get(k);
      if (!list) boundsAt.set(k, (list = []));
      list.push(b);
    }
  }
  for (const c of around.constraints) {
    if (!c.soft) continue;
    for (const k of cellsOf(c)) {
      let list = softAt.get(k);
      if (!list) softAt.set(k, (list = []));
      list.push(c);
    }
  }
  const failing = constraints.filter((c) => !set.holds(c));
  if (failing.length === 0) return new Map();
  const { values } = around;
  const byCell = new Map<CellKey, Constraint[]>();
  const index = (c: Constraint, k: CellKey) => {
    if (!near.has(k)) return;
    let list = byCell.get(k);
    if (!list) byCell.set(k, (list = []));
    list.push(c);
  };
  for (const c of constraints) for (const k of cellsOf(c)) index(c, k);
  const failingSet = new Set(failing);

  const candidates: Candidate[] = [];
  const seen = new Set<CellKey>();
  for (const f of failing) {
    for (const x of cellsOf(f)) {
      if (seen.has(x)) continue;
      seen.add(x);
      const mine = byCell.get(x) ?? [];
      // The value most failing identities through x ask for.
      const wanted = new Map<string, { value: Money; n: number }>();
      for (const c of mine.filter((c) => failingSet.has(c))) {
        const v = required(c, x, values);
        const w = wanted.get(v.toString()) ?? { value: v, n: 0 };
        w.n++;
        wanted.set(v.toString(), w);
      }
      const best = [...wanted.values()].sort((a, b) => b.n - a.n)[0];
      if (!best) continue;
      const trial = overlay(values, new Map([[x, best.value]]));
      if (mine.some((c) => set.holds(c) && !holds(c, trial))) continue; // would break a holding identity
      const fixes = mine.filter((c) => !set.holds(c) && holds(c, trial));
      if (fixes.length === 0) continue;
      let backing = 0;
      for (const c of softAt.get(x) ?? []) {
        const was = set.holds(c);
        const is = holds(c, trial);
        if (was !== is) backing += is ? 1 : -1;
      }
      for (const b of boundsAt.get(x) ?? []) {
        const was = boundHolds(b, values);
        const is = boundHolds(b, trial);
        if (was !== is) backing += is ? 1 : -1;
      }
      candidates.push({ cell: x, after: best.value, fixes, derived: mine.some((c) => c.total === x), backing });
    }
  }
  candidates.sort((a, b) => b.fixes.length - a.fixes.length || Number(b.derived) - Number(a.derived));

  const out = new Map<string, Suspect[]>();
  for (const f of failing) {
    const mine = candidates.filter((c) => c.fixes.includes(f));
    if (mine.length === 0) continue;
    const top = mine[0]!.fixes.length;
    let tied = mine.filter((c) => c.fixes.length === top);
    // A blank cell that should hold the sum beats erasing a value someone typed: filled first, the erasures after.
    const filled = tied.filter((c) => values.get(c.cell) === undefined);
    const blankWins = filled.length === 1 && tied.every((c) => c === filled[0] || erases(c, values));
    if (blankWins) {
      mine.splice(mine.indexOf(filled[0]!), 1);
      mine.unshift(filled[0]!);
      tied = [filled[0]!];
    }
    // Equals, but one of them alone also settles a correspondence with another table: that one.
    const most = Math.max(...tied.map((c) => c.backing));
    const backed = !blankWins && tied.length > 1 && most > 0 ? tied.filter((c) => c.backing === most) : [];
    if (backed.length === 1) {
      mine.splice(mine.indexOf(backed[0]!), 1);
      mine.unshift(backed[0]!);
    }
    const suspects = mine.map((c, i): Suspect => {
      const typo = typoOf(values.get(c.cell), c.after);
      let confidence: number;
      let reason: Message;
      if (c.fixes.length < top) {
        confidence = 0.2;
        reason = { id: 'fix.reason.weaker', data: { n: String(c.fixes.length) } };
      } else if (blankWins && i === 0) {
        confidence = 0.8;
        reason = { id: 'fix.reason.blank', data: {} };
      } else if (blankWins) {
        confidence = 0.2;
        reason = { id: 'fix.reason.erase', data: {} };
      } else if (backed.length === 1 && i === 0) {
        confidence = 0.8;
        reason = { id: 'fix.reason.backed', data: { n: String(tied.length) } };
      } else if (backed.length === 1) {
        confidence = 0.2;
        reason = { id: 'fix.reason.unbacked', data: {} };
      } else if (tied.length > 1) {
        confidence = Math.min(0.5, 1 / tied.length);
        reason = { id: 'fix.reason.balanced', data: { n: String(tied.length) } };
      } else if (top >= 2) {
        confidence = 0.9;
        reason = { id: 'fix.reason.explains-all', data: { n: String(top) } };
      } else {
        confidence = 0.75;
        reason = { id: 'fix.reason.only-cell', data: {} };
      }
      if (typo && i === 0) confidence = Math.min(0.95, Math.round((confidence + 0.05) * 100) / 100);
      return {
        cell: c.cell,
        before: values.get(c.cell),
        after: c.after,
        explains: c.fixes.map((x) => x.findingId),
        confidence,
        reason,
        ...(typo ? { typo } : {}),
      };
    });
    out.set(f.findingId, suspects);
  }
  return out;
}

