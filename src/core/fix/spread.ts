// Error localization for a mistake that no single cell explains: a figure that is wrong in a row and
// was carried into every total above it, so the table adds up and only another table disagrees.
//
// Such a change is a set of cells moving by the same amount: the row's cell, the cells of the same row
// that sum it (or that it sums, when only one of them is filled) and every total above, found by walking
// the table's own identities. Which rows moved is read from the soft constraints (correspondences
// that usually hold, such as 30108 ↔ 2080505): when the differences of some rows against their
// counterparts add up to exactly the difference of a total, those rows are the culprits. Inequalities between
// tables (bounds.ts: 一般公共预算 ≤ 支出总表 row by row) are evidence too: a violated one names a row that may carry
// the slip, and a repair that ends it is likelier than one that leaves it. Where a row's 合计 sums several filled
// columns (基本 + 项目), each column is tried: the other tables tell them apart, or the repairs stay balanced.
import { parseA1 } from '../grid/grid';
import { ZERO, type Money } from '../money/money';
import type { Message } from '../findings';
import { boundHolds, boundsOf, excess, type Bound } from './bounds';
import { cellsOf, difference, holds, overlay, splitKey, type CellKey, type Constraint, type ConstraintSet, type Values } from './constraints';

/** One cell of a repair. */
export interface CellChange {
  readonly cell: CellKey;
  readonly before: Money | undefined;
  readonly after: Money;
}

/** Several cells changed together: the rows where the difference starts, and the totals that carry it. */
export interface Repair {
  /** The cells where the difference starts (one per wrong row), then the cells that carry it. */
  readonly changes: readonly CellChange[];
  /** How many of the changes are where the difference starts. */
  readonly origins: number;
  /** Ids of the failing findings the repair makes hold. */
  readonly explains: readonly string[];
  readonly confidence: number;
  readonly reason: Message;
}

/** Most cells one spread may move (a row, its own row sums and the totals above it). */
const MAX_SPREAD = 64;
/** Most starting points tried, and most of them combined. */
const MAX_OPTIONS = 16;
const MAX_COMBINED = 3;
/** Most filled parts of a row's total tried one by one, and most ways one starting point may spread. */
const MAX_PARTS = 6;
const MAX_WAYS = 8;

type Deltas = Map<CellKey, Money>;

const sheetOf = (k: CellKey) => splitKey(k).sheet;

const A1 = /^[A-Z]+\d+$/;

/** Sheet, then row, then column: the order a reader scans the cells in. */
function byPlace(a: CellKey, b: CellKey): number {
  const x = splitKey(a);
  const y = splitKey(b);
  if (x.sheet !== y.sheet) return x.sheet < y.sheet ? -1 : 1;
  if (!A1.test(x.address) || !A1.test(y.address)) return x.address < y.address ? -1 : x.address > y.address ? 1 : 0;
  const p = parseA1(x.address);
  const q = parseA1(y.address);
  return p.r0 - q.r0 || p.c0 - q.c0;
}

/** No values: an inequality is then judged on the values its rule read. */
const NO_VALUES: Values = new Map();

/** Values after moving the given cells (blank + Δ is Δ). */
function shifted(values: Values, deltas: Deltas): Values {
  return overlay(values, new Map([...deltas].map(([k, d]) => [k, (values.get(k) ?? ZERO).plus(d)])));
}

interface Option {
  readonly origin: CellKey;
  readonly deltas: Deltas;
}

interface Scored {
  readonly options: readonly Option[];
  readonly deltas: Deltas;
  readonly hardFixed: readonly Constraint[];
  readonly softFixed: readonly Constraint[];
  /** Soft constraints and inequalities made to hold, minus those made to fail. */
  readonly softGain: number;
  /** Inequalities between tables made to hold. */
  readonly boundFixed: number;
}

/**
 * Multi-cell repairs for failing identities (and the correspondences they settle), best first per finding id. Only identities that hold now
 * inside one sheet carry a change; a repair must break no identity that holds and make at least one
 * failing identity hold. Deterministic for a given constraint set.
 */
export function localizeSpread(set: ConstraintSet): Map<string, Repair[]> {
  if (!set.anyHardFailing()) return new Map();
  const out = new Map<string, Repair[]>();
  const local = (c: Constraint) => cellsOf(c).every((k) => sheetOf(k) === sheetOf(c.total));
  // A repair starts at a failing correspondence, a failing identity across sheets or a violated inequality, and
  // walks only through identities inside a sheet: the constraints that read a cell of those sheets are all it can
  // meet (a large workbook records 400,000 sums, and its failures are mostly inside one table).
  const starts = new Set<string>();
  for (const c of set.failing()) if (c.soft || !local(c)) for (const k of cellsOf(c)) starts.add(sheetOf(k));
  for (const b of boundsOf(set)) if (!boundHolds(b, NO_VALUES)) for (const k of [b.cell, ...b.terms]) starts.add(sheetOf(k));
  if (starts.size === 0) return out;
  const constraints = set.onSheets(starts);
  const hard = constraints.filter((c) => !c.soft);
  const failingHard = hard.filter((c) => !set.holds(c));
  if (failingHard.length === 0) return out;

  // The identities a moved cell must carry the change through: inside one sheet, holding now.
  const carriers = new Map<CellKey, Constraint[]>();
  const touching = new Map<CellKey, Constraint[]>();
  const push = (m: Map<CellKey, Constraint[]>, k: CellKey, c: Constraint) => {
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(c);
  };
  for (const c of constraints) {
    // A balance (cells subtracted) is checked like any identity, but carries no change: the spread adds parts up.
    const carries = !c.soft && c.minus === undefined && local(c) && set.holds(c);
    for (const k of cellsOf(c)) {
      push(touching, k, c);
      if (carries) push(carriers, k, c);
    }
  }
  // A cell's value: the last one recorded for it by these constraints, looked up when asked (most never are).
  const known = new Map<CellKey, Money | undefined>();
  const values: Values = {
    get(k) {
      if (known.has(k)) return known.get(k);
      const list = touching.get(k);
      const v = list === undefined ? undefined : set.valueIn(list[list.length - 1]!, k);
      known.set(k, v);
      return v;
    },
  };
  const filled = (k: CellKey) => {
    const v = values.get(k);
    return v !== undefined && !v.isZero();
  };

  /** An identity inside one row (a row's 合计 over its columns): which of its parts moved can be tried one by one. */
  const rowSums = new Map<Constraint, boolean>();
  const inOneRow = (c: Constraint) => {
    let v = rowSums.get(c);
    if (v === undefined) {
      const row = (k: CellKey) => splitKey(k).address.replace(/^[A-Z]+/, '');
      const r = row(c.total);
      rowSums.set(c, (v = c.terms.every((t) => row(t) === r)));
    }
    return v;
  };

  /**
   * Moves `origin` by `delta` and carries it through every holding identity of its sheet. Where a row's total
   * moves and more than one of its parts is filled, each part is tried in turn (the columns are few, and the
   * evidence between tables tells them apart, or they stay balanced); a total over several rows whose parts are
   * not known to move ends the way. `start`: where the difference begins — below `origin` when `origin` is a
   * total whose part had to move with it (a row's 合计 over the column that holds the slip).
   */
  function spread(origin: CellKey, delta: Money): Array<{ deltas: Deltas; start: CellKey }> {
    const out: Array<{ deltas: Deltas; start: CellKey }> = [];
    const walk = (deltas: Deltas, queue: CellKey[], start: CellKey): void => {
      while (queue.length > 0) {
        const y = queue.pop()!;
        for (const c of carriers.get(y) ?? []) {
          let next: CellKey | undefined;
          if (c.total === y) {
            if (c.terms.some((t) => deltas.has(t))) continue;
            const parts = c.terms.filter(filled);
            if (parts.length === 0) return; // nothing below can have moved
            if (parts.length > 1) {
              if (!inOneRow(c) || parts.length > MAX_PARTS) return; // which part moved is not known
              // Each part in turn, the rest of the way walked for each.
              for (const part of parts) {
                if (out.length >= MAX_WAYS) return;
                if (deltas.has(part)) continue;
                const mine = new Map(deltas).set(part, delta);
                walk(mine, [...queue, y, part], y === start ? part : start);
              }
              return;
            }
            next = parts[0];
            if (y === start) start = next!;
          } else if (!deltas.has(c.total)) next = c.total;
          if (next === undefined || deltas.has(next)) continue;
          deltas.set(next, delta);
          if (deltas.size > MAX_SPREAD) return;
          queue.push(next);
        }
      }
      out.push({ deltas, start });
    };
    walk(new Map([[origin, delta]]), [origin], origin);
    return out;
  }

  // Starting points: both ends of every failing soft correspondence, and of every failing identity across sheets
  // (then the cells of violated inequalities, below).
  const options: Option[] = [];
  const seen = new Set<string>();
  const changes = new Set<string>();
  const tryStart = (origin: CellKey, delta: Money) => {
    const key = `${origin}:${delta.toString()}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const moved of spread(origin, delta)) {
      // Both ends of a row's 合计 lead to the same change: keep it once.
      const signature = [...moved.deltas].map(([k, d]) => `${k}:${d.toString()}`).sort().join('|');
      if (changes.has(signature)) continue;
      changes.add(signature);
      options.push({ origin: moved.start, deltas: moved.deltas });
    }
  };
  const consider = (c: Constraint) => {
    const d = difference(c, values);
    tryStart(c.total, d.negated());
    if (c.terms.length === 1) tryStart(c.terms[0]!, d);
  };
  for (const c of constraints) if (c.soft && !set.holds(c)) consider(c);
  for (const c of failingHard) if (!local(c)) consider(c);

  // Inequalities between tables: a violated one (一般公共预算 above 支出总表 on a row) names rows that may carry
  // the slip; by how much, only a failing identity across tables says. Tried after the correspondences.
  const bounds = boundsOf(set);
  const boundsAt = new Map<CellKey, Bound[]>();
  const violated = new Set<Bound>();
  for (const b of bounds) {
    if (!boundHolds(b, values)) violated.add(b);
    for (const k of [b.cell, ...b.terms]) {
      let list = boundsAt.get(k);
      if (!list) boundsAt.set(k, (list = []));
      list.push(b);
    }
  }
  if (violated.size > 0) {
    const sizes = new Map<string, Money>();
    for (const c of failingHard) {
      if (local(c)) continue;
      const d = difference(c, values).abs();
      sizes.set(d.toString(), d);
    }
    for (const b of violated) {
      const over = excess(b, values);
      for (const size of sizes.values()) {
        if (size.lt(over.minus(b.tolerance))) continue; // too small to end the violation
        // The bounded cell moves down (at-most) or up (at-least); a single bounding cell the other way.
        const down = b.relation === 'at-most' ? size.negated() : size;
        tryStart(b.cell, down);
        if (b.terms.length === 1) tryStart(b.terms[0]!, down.negated());
      }
    }
  }
  if (options.length === 0) return out;
  options.splice(MAX_OPTIONS);

  function score(chosen: readonly Option[]): Scored | undefined {
    const deltas: Deltas = new Map();
    for (const o of chosen) for (const [k, d] of o.deltas) deltas.set(k, (deltas.get(k) ?? ZERO).plus(d));
    for (const [k, d] of deltas) if (d.isZero()) deltas.delete(k);
    const after = shifted(values, deltas);
    const touched = new Set<Constraint>();
    for (const k of deltas.keys()) for (const c of touching.get(k) ?? []) touched.add(c);
    const hardFixed: Constraint[] = [];
    const softFixed: Constraint[] = [];
    let softGain = 0;
    let boundFixed = 0;
    const near = new Set<Bound>();
    for (const k of deltas.keys()) for (const b of boundsAt.get(k) ?? []) near.add(b);
    for (const b of near) {
      const was = !violated.has(b);
      const is = boundHolds(b, after);
      if (was === is) continue;
      if (is) boundFixed++;
      softGain += is ? 1 : -1;
    }
    for (const c of touched) {
      const was = set.holds(c);
      const is = holds(c, after);
      if (was === is) continue;
      if (!c.soft) {
        if (was) return undefined; // breaks an identity that holds
        hardFixed.push(c);
      } else if (is) {
        softGain++;
        softFixed.push(c);
      } else softGain--;
    }
    return hardFixed.length > 0 ? { options: chosen, deltas, hardFixed, softGain, softFixed, boundFixed } : undefined;
  }

  const scored: Scored[] = [];
  const pick = (from: number, chosen: Option[]) => {
    if (chosen.length > 0) {
      const s = score(chosen);
      if (s) scored.push(s);
    }
    if (chosen.length === MAX_COMBINED) return;
    for (let i = from; i < options.length; i++) {
      if (chosen.some((o) => o.deltas.has(options[i]!.origin))) continue;
      pick(i + 1, [...chosen, options[i]!]);
    }
  };
  pick(0, []);
  // As good an explanation: as many identities fixed, as much evidence, as few slips. How many cells carry a
  // slip depends on the table's layout, not on the evidence: it only orders equals.
  const evidence = (a: Scored, b: Scored) => b.hardFixed.length - a.hardFixed.length || b.softGain - a.softGain || a.options.length - b.options.length;
  scored.sort((a, b) => evidence(a, b) || a.deltas.size - b.deltas.size);

  // Every failing identity a repair fixes offers it, and so does every correspondence it settles.
  const failingSoft = constraints.filter((c) => c.soft && !set.holds(c));
  for (const f of [...failingHard, ...failingSoft]) {
    const mine = scored.filter((s) => s.hardFixed.includes(f) || s.softFixed.includes(f));
    if (mine.length === 0) continue;
    const top = mine[0]!;
    const tied = mine.filter((s) => evidence(s, top) === 0);
    out.set(
      f.findingId,
      mine.slice(0, 3).map((s, i): Repair => {
        // Sure only when each starting row is backed by its own correspondence and nothing else fits as well.
        const backed = s.softFixed.length + s.boundFixed >= s.options.length;
        // Or one row explains several failing identities at once, and nothing else explains them as well.
        const explains = s.options.length === 1 && s.hardFixed.length >= 2;
        let confidence: number;
        let reason: Message;
        if (i === 0 && tied.length === 1 && backed) {
          confidence = 0.8;
          reason = { id: 'fix.reason.spread-backed', data: { n: String(s.options.length) } };
        } else if (i === 0 && tied.length === 1 && explains) {
          confidence = 0.8;
          reason = { id: 'fix.reason.spread-explains', data: { n: String(s.hardFixed.length) } };
        } else if (tied.includes(s) && tied.length > 1) {
          confidence = Math.min(0.5, 1 / tied.length);
          reason = { id: 'fix.reason.balanced', data: { n: String(tied.length) } };
        } else {
          confidence = i === 0 ? 0.4 : 0.2;
          reason = { id: 'fix.reason.spread', data: {} };
        }
        const origins = s.options.map((o) => o.origin);
        const carried = [...s.deltas.keys()].filter((k) => !origins.includes(k)).sort(byPlace);
        const order = [...origins, ...carried];
        return {
          changes: order.map((cell) => ({ cell, before: values.get(cell), after: (values.get(cell) ?? ZERO).plus(s.deltas.get(cell)!) })),
          origins: origins.length,
          explains: s.hardFixed.map((c) => c.findingId),
          confidence,
          reason,
        };
      }),
    );
  }
  return out;
}
