// AmountCells, a row's amount cells by column, answers as the Map it replaces, whatever the columns.
import fc from 'fast-check';
import { AmountCells, CentsTable, eachAmountCell } from '../../src/core/recognize/tables';
import type { AmountCell, Row } from '../../src/core/recognize/model';
import { Money, parseAmount } from '../../src/core/money/money';

const cell = (col: number): AmountCell => ({ col, parsed: parseAmount(col), value: undefined });

describe('AmountCells', () => {
  it('gets, has, sets and iterates as a Map (columns in order or not, below 31 or not)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }), fc.array(fc.integer({ min: -1, max: 42 }), { maxLength: 6 }), fc.boolean(), (cols, more, sorted) => {
        const order = sorted ? [...cols].sort((a, b) => a - b) : cols;
        const cells = order.map(cell);
        const mine = new AmountCells(cells.slice());
        const map = new Map(cells.map((c) => [c.col, c]));
        for (const col of more) {
          const c = cell(col);
          mine.set(col, c);
          map.set(col, c);
        }
        for (let col = -2; col <= 44; col++) {
          expect(mine.get(col)).toBe(map.get(col));
          expect(mine.has(col)).toBe(map.has(col));
        }
        expect(mine.size).toBe(map.size);
        expect([...mine]).toEqual([...map]);
        expect([...mine.keys()]).toEqual([...map.keys()]);
        expect([...mine.values()]).toEqual([...map.values()]);
        expect([...mine.entries()]).toEqual([...map.entries()]);
        expect([...mine.copy()]).toEqual([...map]);
      }),
      { numRuns: 500 },
    );
  });

  it('are visited row by row in their own order by eachAmountCell, whether a row keeps them as AmountCells or as a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }), fc.boolean()), { maxLength: 6 }), (lines) => {
        const rows: Row[] = lines.map(([cols, plain], r) => {
          const cells = cols.map(cell);
          return { row: r, name: '', isTotal: false, amounts: plain ? new Map(cells.map((c) => [c.col, c])) : new AmountCells(cells) };
        });
        const seen: Array<[number, AmountCell]> = [];
        eachAmountCell(rows, (row, c) => seen.push([row.row, c]));
        expect(seen).toEqual(rows.flatMap((row) => [...row.amounts.values()].map((c): [number, AmountCell] => [row.row, c])));
      }),
      { numRuns: 200 },
    );
  });
});

describe('CentsTable', () => {
  // Counts of cents as amounts have them: small, round (many trailing zero bits, which a weak hash piles up), negative,
  // zero and the largest allowed; many of them, so that the table grows several times.
  const cents = fc.oneof(
    fc.integer({ min: -2000, max: 2000 }),
    fc.integer({ min: -(2 ** 30) + 1, max: 2 ** 30 - 1 }),
    fc.integer({ min: -1000, max: 1000 }).map((k) => k * 1_000_000),
    fc.integer({ min: 0, max: 12 }).map((k) => (2 ** 30 - 1) >> k),
    fc.constantFrom(0, -0, 2 ** 30 - 1, -(2 ** 30) + 1),
  );

  it('finds what was added under each count of cents, as a Map does, through its growth', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 9_000, maxLength: 20_000 }), fc.array(cents, { maxLength: 200 }), (added, asked) => {
        const table = new CentsTable();
        const map = new Map<number, Money>();
        // Counted, not expected one by one: tens of thousands of look-ups per run.
        let wrong = 0;
        for (const k of added) {
          const have = table.get(k);
          if (have !== map.get(k)) wrong++;
          if (have === undefined) {
            const m = new Money(k, 2);
            table.add(k, m);
            map.set(k, m);
          }
        }
        for (const k of [...added, ...asked]) if (table.get(k) !== map.get(k)) wrong++;
        expect(wrong).toBe(0);
        expect(table.size).toBe(map.size);
      }),
      { numRuns: 30, endOnFailure: true },
    );
  });
});
