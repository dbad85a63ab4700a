// Coverage counts the amount cells some checked sum read: the same count however the marks are kept (on the rows'
// own slots, or aside when another count holds them), and the same count when made again on the same tables.
import fc from 'fast-check';
import { CoverageSink, coverageOf } from '../../src/core/coverage';
import { ConstraintSet } from '../../src/core/fix/constraints';
import { Money, parseAmount } from '../../src/core/money/money';
import type { AmountCell, Row, Table } from '../../src/core/recognize/model';
import { AmountCells } from '../../src/core/recognize/tables';

const ONE = new Money(1);

/** A table of `rows` rows with amount cells at the given columns (some of them blank). */
function table(rows: number, cols: readonly number[], blank: (r: number, c: number) => boolean): Table {
  const list: Row[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: AmountCell[] = cols.map((col) => (blank(r, col) ? { col, parsed: parseAmount(null), value: undefined } : { col, parsed: parseAmount(1), value: ONE }));
    list.push({ row: r + 2, name: `行${r}`, level: undefined, isTotal: false, amounts: new AmountCells(cells) });
  }
  return { sheet: '表', kind: 'expenditure-summary', title: '支出总表', rect: { r0: 0, c0: 0, r1: rows + 1, c1: 40 }, meta: {}, columns: [], rows: list } as unknown as Table;
}

/** Sums over one column of some rows, recorded into a sink; returns the cells they read. */
function record(sink: CoverageSink | ConstraintSet, t: Table, sums: ReadonlyArray<{ rows: number[]; col: number }>): Set<string> {
  const read = new Set<string>();
  for (const s of sums) {
    const rows = s.rows.filter((r) => r < t.rows.length).map((r) => t.rows[r]!);
    if (rows.length < 2) continue;
    const [checked, ...terms] = rows;
    sink.recordSum!('subtotal', t.sheet, { row: checked!, col: s.col }, { rows: terms, col: s.col }, new Money('0.01'), undefined, true);
    for (const r of rows) read.add(`${r.row}:${s.col}`);
  }
  return read;
}

/** The count made by hand: filled amount cells, and those among the cells read. */
function expected(t: Table, read: ReadonlySet<string>): { cells: number; covered: number } {
  let cells = 0;
  let covered = 0;
  for (const row of t.rows) {
    for (const [col, cell] of row.amounts) {
      if (cell.value === undefined) continue;
      cells++;
      if (read.has(`${row.row}:${col}`)) covered++;
    }
  }
  return { cells, covered };
}

const arbSums = fc.array(fc.record({ rows: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 2, maxLength: 5 }), col: fc.constantFrom(1, 3, 29, 30, 35) }), { maxLength: 8 });

describe('coverageOf', () => {
  it('counts the same cells given directly or through a constraint set, again on the same tables, and beside another count holding the rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), arbSums, arbSums, fc.integer(), (rows, sumsA, sumsB, seed) => {
        const t = table(rows, [1, 3, 29, 30, 35], (r, c) => (r * 31 + c + seed) % 5 === 0);
        // A count whose marks sit on the rows' slots while the second is made: that one keeps its marks aside.
        const first = new CoverageSink();
        const readA = record(first, t, sumsA);
        // The second through a constraint set, as a check that suggests fixes records its sums.
        const second = new CoverageSink();
        const readB = record(new ConstraintSet(second), t, sumsB);
        const strip = (c: { cells: number; covered: number }[]) => c.map(({ cells, covered }) => ({ cells, covered }));
        expect(strip(coverageOf([t], second))).toEqual([expected(t, readB)]);
        expect(strip(coverageOf([t], first))).toEqual([expected(t, readA)]);
        // Made again (a count reads its sink's marks once): the slots were given back, and the counts do not change.
        const again = new CoverageSink();
        record(new ConstraintSet(again), t, sumsB);
        expect(strip(coverageOf([t], again))).toEqual([expected(t, readB)]);
        const third = new CoverageSink();
        const readC = record(third, t, sumsB);
        expect(strip(coverageOf([t], third))).toEqual([expected(t, readC)]);
      }),
      { numRuns: 300 },
    );
  });

  it('hears from a constraint set every sum, constraint and touched cell it is given, as a sink given them directly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), arbSums, fc.array(fc.integer({ min: 2, max: 13 }), { maxLength: 4 }), fc.integer(), (rows, sums, touched, seed) => {
        const t = table(rows, [1, 3, 29, 30, 35], (r, c) => (r * 31 + c + seed) % 5 === 0);
        // A constraint given with its cells' keys (a correspondence), and cells only touched (a percentage's parts).
        const constraint = { rule: 'x', findingId: 'x', total: '表!B3', terms: ['表!D4'], minus: ['表!AD5'], bound: new Money('0.01') };
        const keys = touched.map((r) => `表!AJ${r + 1}`);
        const heard = new CoverageSink();
        const set = new ConstraintSet(heard);
        record(set, t, sums);
        set.add(constraint, []);
        set.touch(keys);
        const direct = new CoverageSink();
        record(direct, t, sums);
        direct.add(constraint);
        direct.touch(keys);
        const strip = (c: { cells: number; covered: number }[]) => c.map(({ cells, covered }) => ({ cells, covered }));
        const throughSet = strip(coverageOf([t], heard));
        expect(strip(coverageOf([t], direct))).toEqual(throughSet);
      }),
      { numRuns: 300 },
    );
  });
});
