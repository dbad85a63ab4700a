// The neutral workbook model: what both adapters (Excel, .xlsx file) produce and the engine reads.

/** A cell's value as Excel holds it. Errors (`#REF!`) are kept as `{ error }`. */
export type CellValue = string | number | boolean | null | { error: string };

/** One non-empty cell. Rows and columns are 0-based. */
export interface Cell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  /** The formula without the leading `=`, when the cell has one. */
  readonly formula?: string;
  /** Excel's number format code, e.g. `#,##0.00`. */
  readonly numFmt?: string;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** One worksheet: sparse cells plus the structure a reader needs. */
export interface Sheet {
  readonly name: string;
  /** cells[row][col]; missing rows/cells are empty. */
  readonly cells: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly merges: readonly Rect[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenCols: ReadonlySet<number>;
  /** Number of rows and columns of the used range, counted from A1. */
  readonly rowCount: number;
  readonly colCount: number;
}

export interface Workbook {
  /** The file name or the workbook's title, for reports. */
  readonly name: string;
  readonly sheets: readonly Sheet[];
}

/** Column index (0-based) → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → column index (0-based): A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based cell position, without `$`. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 range of a rectangle (`A1:I20`; a single cell is just `A1`). */
export function rectA1(r: Rect): string {
  const start = a1(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? start : `${start}:${a1(r.r1, r.c1)}`;
}

/** Parses `B7`, `$B$7` or `B7:D9` into a rectangle; throws on anything else. */
export function parseA1(ref: string): Rect {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`gouji: not an A1 reference: ${ref}`);
  const r0 = Number(m[2]) - 1;
  const c0 = columnIndex(m[1]);
  const r1 = m[4] !== undefined ? Number(m[4]) - 1 : r0;
  const c1 = m[3] !== undefined ? columnIndex(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** The cell at a position, or undefined when empty. */
export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.cells[row]?.[col];
}

/** A cell's value as display text (numbers in their shortest form, errors as `#REF!`). */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'object') return v.error;
  return String(v);
}

/** Whether a cell shows something: its text is not blank (a number always shows; no text made for it). */
export function hasContent(cell: Cell | undefined): boolean {
  if (!cell) return false;
  const v = cell.value;
  if (v === null) return false;
  if (typeof v === 'number' || typeof v === 'boolean') return true;
  return cellText(cell).trim() !== '';
}

/** Whether a row has no visible content within columns c0..c1. */
export function isBlankRow(sheet: Sheet, row: number, c0 = 0, c1 = sheet.colCount - 1): boolean {
  // Only the cells the row has: a sheet whose used range is 16,384 columns wide costs nothing more.
  const line = sheet.cells[row];
  if (!line) return true;
  for (let c = Math.max(0, c0); c <= Math.min(c1, line.length - 1); c++) if (hasContent(line[c])) return false;
  return true;
}

/** Builds a Sheet from a dense array of values (tests, generated workbooks). */
export function sheetFromRows(name: string, rows: ReadonlyArray<ReadonlyArray<CellValue | undefined>>, merges: Rect[] = []): Sheet {
  const cells: (Cell | undefined)[][] = [];
  let colCount = 0;
  rows.forEach((values, r) => {
    const line: (Cell | undefined)[] = [];
    values.forEach((value, c) => {
      if (value === undefined || value === null || value === '') return;
      line[c] = { row: r, col: c, value };
      colCount = Math.max(colCount, c + 1);
    });
    cells[r] = line;
  });
  return { name, cells, merges, hiddenRows: new Set(), hiddenCols: new Set(), rowCount: rows.length, colCount };
}
