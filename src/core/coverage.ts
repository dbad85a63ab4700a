// How much of a workbook the checks covered: per table, the amount cells that at least one identity read.
// A table with low coverage is one whose columns or rows Gouji did not understand: the report says so.
import { a1 } from './grid/grid';
import { cellKey, type ConstraintSet } from './fix/constraints';
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
export function coverageOf(tables: readonly Table[], constraints: ConstraintSet): TableCoverage[] {
  const read = new Set<string>(constraints.touched);
  for (const c of constraints.constraints) {
    read.add(c.total);
    for (const t of c.terms) read.add(t);
  }
  const byPrinted = new Map<string, { table: Table; cells: number; covered: number }>();
  for (const t of tables) {
    if (t.kind === 'narrative' || t.kind === 'project-performance' || t.kind === 'department-performance') continue;
    const key = `${t.sheet}\u0000${t.rect.r0}\u0000${t.rect.c0}`;
    const entry = byPrinted.get(key) ?? { table: t, cells: 0, covered: 0 };
    byPrinted.set(key, entry);
    for (const row of t.rows) {
      for (const [col, cell] of row.amounts) {
        if (cell.value === undefined) continue;
        entry.cells++;
        if (read.has(cellKey(t.sheet, a1(row.row, col)))) entry.covered++;
      }
    }
  }
  return [...byPrinted.values()];
}

/** The share covered, 0..1 (1 for a table without amounts: nothing was left unchecked). */
export function share(c: { cells: number; covered: number }): number {
  return c.cells === 0 ? 1 : c.covered / c.cells;
}
