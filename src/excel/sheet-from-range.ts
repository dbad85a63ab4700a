// Builds the core's Sheet from what Excel returned for one worksheet's used range (pure, no Office calls).
import { parseA1, type Cell, type CellValue, type Rect, type Sheet } from '../core/grid/grid';

/** The loaded data of one used range, plus its merged and visible areas. */
export interface UsedRangeData {
  /** 0-based position of the used range's top-left cell. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
  /** Addresses of merged areas (`Sheet1!A1:C1`); undefined when the API cannot tell. */
  readonly merges?: readonly string[];
  /**
   * Addresses of the visible areas of the used range; `null` when nothing in it is visible,
   * undefined when the API cannot tell (then nothing is reported hidden).
   */
  readonly visible?: readonly string[] | null;
}

/** `'My Sheet'!B2:C3` → the rectangle of `B2:C3`; undefined for whole rows/columns or junk. */
export function rectOfAddress(address: string): Rect | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1);
  try {
    return parseA1(local);
  } catch {
    return undefined;
  }
}

/** Excel's value + value type → the core's CellValue (`''`/Empty → null, Error → `{ error }`). */
export function cellValueOf(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (valueType === 'Error') return { error: String(value) };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** The formula without `=` when `formula` is one (a text constant equal to its value is not). */
export function formulaOf(formula: unknown, value: unknown): string | undefined {
  if (typeof formula !== 'string' || !formula.startsWith('=') || formula === value) return undefined;
  return formula.slice(1);
}

/** Rows and columns of the used range not covered by any visible area. */
function hiddenOf(data: UsedRangeData): { rows: Set<number>; cols: Set<number> } {
  const rows = new Set<number>();
  const cols = new Set<number>();
  if (data.visible === undefined) return { rows, cols };
  const shownRows = new Set<number>();
  const shownCols = new Set<number>();
  for (const address of data.visible ?? []) {
    const r = rectOfAddress(address);
    if (!r) continue;
    for (let i = r.r0; i <= r.r1; i++) shownRows.add(i);
    for (let j = r.c0; j <= r.c1; j++) shownCols.add(j);
  }
  for (let i = data.rowIndex; i < data.rowIndex + data.rowCount; i++) if (!shownRows.has(i)) rows.add(i);
  for (let j = data.columnIndex; j < data.columnIndex + data.columnCount; j++) if (!shownCols.has(j)) cols.add(j);
  return { rows, cols };
}

/** Converts one worksheet's used range into a Sheet; `data` undefined means an empty sheet. */
export function sheetFromUsedRange(name: string, data: UsedRangeData | undefined): Sheet {
  if (!data) return { name, cells: [], merges: [], hiddenRows: new Set(), hiddenCols: new Set(), rowCount: 0, colCount: 0 };
  const cells: (Cell | undefined)[][] = [];
  for (let r = 0; r < data.rowCount; r++) {
    for (let c = 0; c < data.columnCount; c++) {
      const raw = data.values[r]?.[c];
      const value = cellValueOf(raw, data.valueTypes[r]?.[c]);
      const formula = formulaOf(data.formulas[r]?.[c], raw);
      if (value === null && formula === undefined) continue;
      const row = data.rowIndex + r;
      const col = data.columnIndex + c;
      const fmt = data.numberFormat[r]?.[c];
      const numFmt = typeof fmt === 'string' && fmt !== '' && fmt !== 'General' ? fmt : undefined;
      (cells[row] ??= [])[col] = { row, col, value, ...(formula !== undefined ? { formula } : {}), ...(numFmt !== undefined ? { numFmt } : {}) };
    }
  }
  let rowCount = data.rowIndex + data.rowCount;
  let colCount = data.columnIndex + data.columnCount;
  const merges: Rect[] = [];
  const seen = new Set<string>();
  for (const address of data.merges ?? []) {
    const rect = rectOfAddress(address);
    const key = rect && `${rect.r0},${rect.c0},${rect.r1},${rect.c1}`;
    if (!rect || !key || seen.has(key) || (rect.r0 === rect.r1 && rect.c0 === rect.c1)) continue;
    seen.add(key);
    merges.push(rect);
    rowCount = Math.max(rowCount, rect.r1 + 1);
    colCount = Math.max(colCount, rect.c1 + 1);
  }
  merges.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const hidden = hiddenOf(data);
  return { name, cells, merges, hiddenRows: hidden.rows, hiddenCols: hidden.cols, rowCount, colCount };
}
