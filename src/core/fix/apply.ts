// Applies edits to a copy of a workbook grid (for verifying fixes, and for the file adapter's output).
import { parseA1, type Cell, type Sheet, type Workbook } from '../grid/grid';
import type { Edit } from '../findings';
import { parseAmountText } from '../money/money';

/**
 * The value an edit writes: a number when `after` is an amount with decimals (`548.27`,
 * `1,000.00`: fixes always write two), else the text as it is (names, and codes like `2010301`).
 */
export function editValue(after: string): string | number {
  const n = parseAmountText(after);
  return n !== undefined && /^-?[\d,]*\.\d+$/.test(after.trim()) ? n.toNumber() : after;
}

/** A new workbook with the edits applied; the input is not changed. Edits to unknown sheets are ignored. */
export function applyEdits(wb: Workbook, edits: readonly Edit[]): Workbook {
  const bySheet = new Map<string, Edit[]>();
  for (const e of edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  return {
    ...wb,
    sheets: wb.sheets.map((sheet): Sheet => {
      const mine = bySheet.get(sheet.name);
      if (!mine) return sheet;
      const cells = sheet.cells.map((row) => (row ? [...row] : row));
      let { rowCount, colCount } = sheet;
      for (const e of mine) {
        const { r0: row, c0: col } = parseA1(e.address);
        const line = (cells[row] ??= []);
        const old = line[col];
        const cell: Cell = { row, col, value: editValue(e.after), ...(e.formula !== undefined ? { formula: e.formula } : {}), ...(old?.numFmt ? { numFmt: old.numFmt } : {}) };
        (line as (Cell | undefined)[])[col] = cell;
        rowCount = Math.max(rowCount, row + 1);
        colCount = Math.max(colCount, col + 1);
      }
      return { ...sheet, cells, rowCount, colCount };
    }),
  };
}
