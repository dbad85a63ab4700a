// The sums a check records are kept a column per field, in chunks, and become objects only when asked for: what the
// set answers must not depend on that. Several thousand sums of every shape, across chunk boundaries.
import { boundHolds, CellBound } from '../../src/core/fix/bounds';
import { ConstraintSet, rowCellKey, termCount, type SumCell, type SumRow, type SumTerms } from '../../src/core/fix/constraints';
import { parseA1 } from '../../src/core/grid/grid';
import { Money } from '../../src/core/money/money';
import { AmountCells } from '../../src/core/recognize/tables';
import { parseAmount } from '../../src/core/money/money';

const PER_TERM = new Money('0.01');

function rowAt(r: number): SumRow {
  return { row: r, amounts: new AmountCells([0, 1, 2, 3].map((col) => ({ col, parsed: parseAmount(r + col), value: new Money(r + col) }))) };
}

/** A deterministic sequence of numbers below 2^31 (xorshift32: no Math.random in a test). */
function numbers(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % 2147483648;
  };
}

const ROWS = 20_000;

interface Made {
  total: string;
  terms: string[];
  held: boolean;
  soft: boolean;
}

/** Records n sums of the three shapes (on two sheets, a soft one now and then); returns what each is. */
function recordMany(set: ConstraintSet, n: number, seed: number): Made[] {
  const next = numbers(seed);
  // Many rows: nearly every sum reads cells no other sum reads, so a sum answered for another shows. A row lives
  // on one sheet (as a recognized row does): each sheet has its own.
  const sheets = new Map(['表一', '表二', '表三'].map((name) => [name, Array.from({ length: ROWS }, (_, r) => rowAt(r))]));
  const made: Made[] = [];
  for (let i = 0; i < n; i++) {
    const sheet = next() % 2 === 0 ? '表一' : '表二';
    const rows = sheets.get(sheet)!;
    const other = sheets.get('表三')!;
    const checked = rows[next() % ROWS]!;
    const col = next() % 4;
    const held = next() % 7 !== 0;
    const soft = next() % 11 === 0;
    const shape = next() % 3;
    let terms: SumTerms;
    let keys: string[];
    if (shape === 0) {
      const picked = [rows[next() % ROWS]!, rows[next() % ROWS]!];
      terms = { rows: picked, col };
      keys = picked.map((r) => rowCellKey(sheet, r, col));
    } else if (shape === 1) {
      const row = rows[next() % ROWS]!;
      terms = { row, cols: [0, 2] };
      keys = [0, 2].map((c) => rowCellKey(sheet, row, c));
    } else {
      const cells: SumCell[] = [{ row: other[next() % ROWS]!, col: 1, table: { sheet: '表三' } }, { row: rows[next() % ROWS]!, col: 3 }];
      terms = { cells };
      keys = cells.map((c) => rowCellKey(c.table?.sheet ?? sheet, c.row, c.col));
    }
    set.recordSum!('subtotal', sheet, { row: checked, col }, terms, PER_TERM, undefined, held, soft);
    made.push({ total: rowCellKey(sheet, checked, col), terms: keys, held, soft });
  }
  return made;
}

describe('ConstraintSet with many recorded sums', () => {
  const N = 9_000;

  it('answers failing, failing cells, coverage and neighbourhoods as the sums say', () => {
    // The coverage hears of every cell of every sum as the set records it.
    let cells = 0;
    const set = new ConstraintSet({
      add: () => undefined,
      recordSum: (_rule, _sheet, _checked, terms) => {
        cells += 1 + termCount(terms);
      },
    });
    const made = recordMany(set, N, 7);
    const hardFailing = made.filter((m) => !m.held && !m.soft);
    expect(hardFailing.length).toBeGreaterThan(0);
    expect(set.anyHardFailing()).toBe(true);
    expect([...set.failingCells()].sort()).toEqual([...new Set(hardFailing.flatMap((m) => [m.total, ...m.terms]))].sort());

    expect(cells).toBe(made.reduce((n, m) => n + 1 + m.terms.length, 0));

    // Around some cells (a checked cell, a term on another sheet): every sum that reads one, each identity once,
    // as the same objects the whole set gives.
    const probes = new Set([made[4_500]!.total, made.find((m, i) => i > 6_000 && m.terms.some((t) => t.startsWith('表三!')))!.terms.find((t) => t.startsWith('表三!'))!]);
    const around = set.around(probes);
    const identity = (soft: boolean, total: string, terms: readonly string[]) => `${soft}|${total}|${[...terms].sort().join(',')}`;
    const expectedAround = new Set(made.filter((m) => [m.total, ...m.terms].some((k) => probes.has(k))).map((m) => identity(m.soft, m.total, m.terms)));
    expect(new Set(around.constraints.map((c) => identity(Boolean(c.soft), c.total, c.terms)))).toEqual(expectedAround);
    expect(around.constraints.length).toBe(expectedAround.size);
    const all = set.constraints;
    for (const c of around.constraints) expect(all).toContain(c);
  });

  it('gives the sums that read a cell of some sheets, and the failing ones, each identity once and in order', () => {
    const set = new ConstraintSet();
    const made = recordMany(set, N, 13);
    const identity = (soft: boolean, total: string, terms: readonly string[]) => `${soft}|${total}|${[...terms].sort().join(',')}`;
    const firsts = (list: Made[]) => [...new Map(list.map((m) => [identity(m.soft, m.total, m.terms), m] as const)).keys()];
    const onThree = set.onSheets(new Set(['表三']));
    expect(onThree.map((c) => identity(Boolean(c.soft), c.total, c.terms))).toEqual(firsts(made.filter((m) => [m.total, ...m.terms].some((k) => k.startsWith('表三!')))));
    // Each cell's value as its constraint recorded it (rowAt: row r, column c holds r + c).
    for (const c of onThree.slice(0, 50)) {
      for (const k of [c.total, ...c.terms]) {
        const { r0, c0 } = parseA1(k.slice(k.indexOf('!') + 1));
        expect(set.valueIn(c, k)?.toString()).toBe(String(r0 + c0));
      }
    }
    expect(set.failing().map((c) => identity(Boolean(c.soft), c.total, c.terms))).toEqual(firsts(made.filter((m) => !m.held)));
  });

  it('keeps every sum in the order recorded, with its own total, terms and outcome', () => {
    const set = new ConstraintSet();
    const made = recordMany(set, N, 11);
    // Distinct identities only: the order of first appearance, duplicates dropped.
    const seen = new Map<string, Made>();
    for (const m of made) {
      const key = `${m.soft}|${m.total}|${[...m.terms].sort().join(',')}`;
      if (!seen.has(key)) seen.set(key, m);
    }
    const kept = set.constraints;
    // Nearly every sum is its own identity (a sum answered for another would show).
    expect(seen.size).toBeGreaterThan(N * 0.9);
    expect(kept.map((c) => [c.total, c.terms.join(','), set.holds(c), Boolean(c.soft)])).toEqual([...seen.values()].map((m) => [m.total, m.terms.join(','), m.held, m.soft]));
  });

  it('says nothing fails when every sum held', () => {
    const set = new ConstraintSet();
    const rows = [rowAt(1), rowAt(2), rowAt(3)];
    for (let i = 0; i < 5_000; i++) set.recordSum!('row-sum', '表', { row: rows[0]!, col: i % 4 }, { rows: rows.slice(1), col: i % 4 }, PER_TERM, undefined, true);
    expect(set.anyHardFailing()).toBe(false);
    expect(set.failingCells().size).toBe(0);
  });
});

describe('CellBound', () => {
  it('names its cells, tolerance and values as the rule read them, across tables', () => {
    const a = rowAt(4);
    const b = rowAt(9);
    const bound = new CellBound('cross-general-budget-vs-summary', '一般公共预算支出表', { row: a, col: 2 }, [{ row: b, col: 1, table: { sheet: '支出总表' } }, { row: b, col: 3 }], 'at-most', PER_TERM);
    expect(bound.cell).toBe('一般公共预算支出表!C5');
    expect(bound.findingId).toBe('cross-general-budget-vs-summary@一般公共预算支出表!C5');
    expect(bound.terms).toEqual(['支出总表!B10', '一般公共预算支出表!D10']);
    expect(bound.tolerance.toString()).toBe('0.02');
    expect([...bound.values].map(([k, v]) => [k, v?.toString()])).toEqual([
      ['一般公共预算支出表!C5', '6'],
      ['支出总表!B10', '10'],
      ['一般公共预算支出表!D10', '12'],
    ]);
    expect(boundHolds(bound, new Map())).toBe(true);
    expect(boundHolds(bound, new Map([['一般公共预算支出表!C5', new Money(23)]]))).toBe(false);
  });
});
