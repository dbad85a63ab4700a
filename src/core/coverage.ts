// How much of a workbook the checks covered: per table, the amount cells that at least one identity read.
// A table with low coverage is one whose columns or rows Gouji did not understand: the report says so.
import { a1 } from './grid/grid';
import { cellKey, type CellKey, type ConstraintSink, type SumCell, type SumRow, type SumTerms } from './fix/constraints';
import type { Table } from './recognize/model';
import { AmountCells, amountList } from './recognize/tables';

export interface TableCoverage {
  /** The table (the income side, for a two-sided summary read as two). */
  readonly table: Table;
  /** Amount cells holding a number (blank cells are not counted). */
  readonly cells: number;
  /** Of those, the cells at least one checked identity read. */
  readonly covered: number;
}

/** Below this share of covered amount cells a table is flagged: its layout may not have been understood. */
export const LOW_COVERAGE = 0.5;

/**
 * A sink that only notes which cells the checks read: given the checks' sums directly when no fixes are suggested
 * (no constraints kept: a mark per cell, not an identity each), or by the constraint set that records them.
 */
export class CoverageSink implements ConstraintSink {
  /** The cells of the recorded sums (coverageOf reads these marks as they are, once: it gives back their slots). */
  readonly marks = new RowMarks();
  /** The other cells read, as keys. */
  readonly keys = new Set<CellKey>();

  recordSum(_rule: string, _sheet: string, checked: SumCell, terms: SumTerms): void {
    const marks = this.marks;
    marks.add(checked.row, checked.col);
    // Each shape walked as it is (a mark needs only the term's row and column: no object per term).
    if ('cells' in terms) {
      const cells = terms.cells;
      for (let k = 0; k < cells.length; k++) marks.add(cells[k]!.row, cells[k]!.col);
    } else if ('rows' in terms) {
      const rows = terms.rows;
      for (let k = 0; k < rows.length; k++) marks.add(rows[k]!, terms.col);
    } else {
      const cols = terms.cols;
      for (let k = 0; k < cols.length; k++) marks.add(terms.row, cols[k]!);
    }
  }

  add(c: { total: CellKey; terms: readonly CellKey[]; minus?: readonly CellKey[] }): void {
    this.keys.add(c.total);
    for (const t of c.terms) this.keys.add(t);
    if (c.minus) for (const t of c.minus) this.keys.add(t);
  }

  touch(keys: readonly CellKey[]): void {
    for (const k of keys) this.keys.add(k);
  }
}

/** Columns < 30 of a row kept as the bits of one small integer (no Set per row); other columns in a Set. */
const BITS = 30;

/**
 * Marked cells as row objects and columns: a bit mask per row (a large workbook has a mark on every row and some
 * million marks to make). The mask lives on the row's amount cells when they are recognition's own and no other
 * RowMarks holds their slot (no hashing per mark); in a Map otherwise.
 */
class RowMarks {
  /** What this RowMarks writes into the slots it holds (a small object: a row never keeps the marks alive). */
  private readonly token = {};
  /** Rows whose slot this holds, in the order first marked. */
  private readonly slotted: SumRow[] = [];
  private readonly low = new Map<SumRow, number>();
  private readonly high = new Map<SumRow, Set<number>>();

  add(row: SumRow, col: number): void {
    if (col >= 0 && col < BITS) {
      const a = row.amounts;
      if (a instanceof AmountCells) {
        if (a.markedBy === this.token) {
          a.marks |= 1 << col;
          return;
        }
        if (a.markedBy === undefined) {
          a.markedBy = this.token;
          a.marks = 1 << col;
          this.slotted.push(row);
          return;
        }
      }
      this.low.set(row, (this.low.get(row) ?? 0) | (1 << col));
      return;
    }
    let cols = this.high.get(row);
    if (!cols) this.high.set(row, (cols = new Set()));
    cols.add(col);
  }

  /** The bits of a row's columns below 30. */
  lowBits(row: SumRow): number {
    const a = row.amounts;
    if (a instanceof AmountCells && a.markedBy === this.token) return a.marks;
    return this.low.get(row) ?? 0;
  }

  has(row: SumRow, col: number): boolean {
    if (col >= 0 && col < BITS) return (this.lowBits(row) & (1 << col)) !== 0;
    return this.high.get(row)?.has(col) ?? false;
  }

  /** Gives back the slots this holds (their rows can be marked by the next RowMarks). */
  release(): void {
    const slotted = this.slotted;
    for (let i = 0; i < slotted.length; i++) (slotted[i]!.amounts as AmountCells).markedBy = undefined;
    this.slotted.length = 0;
  }
}

/**
 * Per printed table (the two sides of a summary, or the two halves of a list, counted together), the amount
 * cells and those covered.
 */
export function coverageOf(tables: readonly Table[], read: CoverageSink): TableCoverage[] {
  // Rows and columns the recorded sums read (row objects of the recognized tables), and keys of the rest.
  const readCols = read.marks;
  const readKeys = read.keys;
  const byPrinted = new Map<string, { table: Table; cells: number; covered: number }>();
  for (const t of tables) {
    if (t.kind === 'narrative' || t.kind === 'project-performance' || t.kind === 'department-performance') continue;
    const key = `${t.sheet}\u0000${t.rect.r0}\u0000${t.rect.c0}`;
    const entry = byPrinted.get(key) ?? { table: t, cells: 0, covered: 0 };
    byPrinted.set(key, entry);
    const rows = t.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const bits = readCols.lowBits(row);
      const cells = amountList(row.amounts);
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k]!;
        const col = cell.col;
        if (cell.value === undefined) continue;
        entry.cells++;
        const read = col >= 0 && col < BITS ? (bits & (1 << col)) !== 0 : readCols.has(row, col);
        if (read || (readKeys.size > 0 && readKeys.has(cellKey(t.sheet, a1(row.row, col))))) entry.covered++;
      }
    }
  }
  // The rows' mark slots are free again (a later count on the same tables marks them anew).
  readCols.release();
  return [...byPrinted.values()];
}

/** The share covered, 0..1 (1 for a table without amounts: nothing was left unchecked). */
export function share(c: { cells: number; covered: number }): number {
  return c.cells === 0 ? 1 : c.covered / c.cells;
}
