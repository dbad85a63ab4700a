// How much of a workbook the checks covered: per table, the amount cells that at least one identity read.
// A table with low coverage is one whose columns or rows Gouji did not understand: the report says so.
import { a1 } from './grid/grid';
import { cellKey, termAt, termCount, type CellKey, type ConstraintSink, type SumCell, type SumRow, type SumTerms } from './fix/constraints';
import type { Table } from './recognize/model';

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

/** Per printed table (the two sides of a summary counted together), the amount cells and those covered. */
/** What coverage reads: every cell a check read, as a row object and column, or as a key. */
export interface CellsRead {
  eachCell(cell: (row: SumRow, col: number) => void, key: (k: CellKey) => void): void;
}

/**
 * A sink that only notes which cells the checks read, for a check without fix suggestion (no constraints kept:
 * a large workbook checked for its findings alone pays for a mark per cell, not for an identity each).
 */
export class CoverageSink implements ConstraintSink, CellsRead {
  private readonly cols = new Map<SumRow, Set<number>>();
  private readonly keys = new Set<CellKey>();

  private mark(row: SumRow, col: number): void {
    let cols = this.cols.get(row);
    if (!cols) this.cols.set(row, (cols = new Set()));
    cols.add(col);
  }

  recordSum(_rule: string, sheet: string, checked: SumCell, terms: SumTerms): void {
    this.mark(checked.row, checked.col);
    const n = termCount(terms);
    for (let k = 0; k < n; k++) {
      const t = termAt(terms, k, sheet);
      this.mark(t.row, t.col);
    }
  }

  add(c: { total: CellKey; terms: readonly CellKey[] }): void {
    this.keys.add(c.total);
    for (const t of c.terms) this.keys.add(t);
  }

  touch(keys: readonly CellKey[]): void {
    for (const k of keys) this.keys.add(k);
  }

  eachCell(cell: (row: SumRow, col: number) => void, key: (k: CellKey) => void): void {
    for (const [row, cols] of this.cols) for (const col of cols) cell(row, col);
    for (const k of this.keys) key(k);
  }
}

export function coverageOf(tables: readonly Table[], constraints: CellsRead): TableCoverage[] {
  // Rows and columns the recorded sums read (row objects of the recognized tables), and keys of the rest.
  const readCols = new Map<object, Set<number>>();
  const readKeys = new Set<string>();
  constraints.eachCell(
    (row, col) => {
      let cols = readCols.get(row);
      if (!cols) readCols.set(row, (cols = new Set()));
      cols.add(col);
    },
    (k) => readKeys.add(k),
  );
  const byPrinted = new Map<string, { table: Table; cells: number; covered: number }>();
  for (const t of tables) {
    if (t.kind === 'narrative' || t.kind === 'project-performance' || t.kind === 'department-performance') continue;
    const key = `${t.sheet}\u0000${t.rect.r0}\u0000${t.rect.c0}`;
    const entry = byPrinted.get(key) ?? { table: t, cells: 0, covered: 0 };
    byPrinted.set(key, entry);
    for (const row of t.rows) {
      const cols = readCols.get(row);
      for (const [col, cell] of row.amounts) {
        if (cell.value === undefined) continue;
        entry.cells++;
        if (cols?.has(col) || (readKeys.size > 0 && readKeys.has(cellKey(t.sheet, a1(row.row, col))))) entry.covered++;
      }
    }
  }
  return [...byPrinted.values()];
}

/** The share covered, 0..1 (1 for a table without amounts: nothing was left unchecked). */
export function share(c: { cells: number; covered: number }): number {
  return c.cells === 0 ? 1 : c.covered / c.cells;
}
