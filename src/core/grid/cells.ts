// Reading and setting cells of an immutable grid: what a fix changes, and undo restores.
import { parseA1, type Cell, type CellValue, type Sheet, type Workbook } from './grid';

/** What a cell holds: its value and, when it has one, its formula (without `=`). */
export interface CellState {
  readonly value: CellValue;
  readonly formula?: string;
}

/** The state of a grid cell. */
export function stateOf(cell: Cell | undefined): CellState {
  if (!cell) return { value: null };
  return { value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) };
}

/** The state of `sheet!address` in a workbook; undefined when the sheet is gone. */
export function gridState(wb: Workbook, sheet: string, address: string): CellState | undefined {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) return undefined;
  const { r0, c0 } = parseA1(address);
  return stateOf(s.cells[r0]?.[c0]);
}

/** A new workbook with cells set to the given states (number formats kept); unchanged sheets stay the same objects. */
export function setCells(wb: Workbook, changes: readonly { sheet: string; address: string; state: CellState }[]): Workbook {
  const bySheet = new Map<string, { sheet: string; address: string; state: CellState }[]>();
  for (const c of changes) {
    const list = bySheet.get(c.sheet);
    if (list) list.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  return {
    ...wb,
    sheets: wb.sheets.map((sheet): Sheet => {
      const mine = bySheet.get(sheet.name);
      if (!mine) return sheet;
      const cells = sheet.cells.map((row) => (row ? [...row] : row));
      let { rowCount, colCount } = sheet;
      for (const c of mine) {
        const { r0: row, c0: col } = parseA1(c.address);
        const line = (cells[row] ??= []) as (Cell | undefined)[];
        const old = line[col];
        if (c.state.value === null && c.state.formula === undefined) {
          line[col] = undefined;
          continue;
        }
        line[col] = { row, col, value: c.state.value, ...(c.state.formula !== undefined ? { formula: c.state.formula } : {}), ...(old?.numFmt ? { numFmt: old.numFmt } : {}) };
        rowCount = Math.max(rowCount, row + 1);
        colCount = Math.max(colCount, col + 1);
      }
      return { ...sheet, cells, rowCount, colCount };
    }),
  };
}
