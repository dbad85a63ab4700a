// The subset of the Excel JavaScript API that the port uses, as plain interfaces.
// Excel's own classes satisfy them structurally (checked in office.ts), and so does the
// hand-written fake in test/excel/, which is how the port is tested without Office.

/** Excel.RequestContext, reduced to what we call. */
export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

export interface XlWorkbook {
  /** ExcelApi 1.7. */
  readonly name: string;
  readonly worksheets: XlWorksheetCollection;
  load(propertyNames: string): unknown;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): unknown;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XlWorksheet;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly visibility: string;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  getRange(address?: string): XlRange;
  activate(): void;
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly values: unknown[][];
  readonly valueTypes: string[][];
  readonly formulas: unknown[][];
  readonly numberFormat: unknown[][];
  load(propertyNames: string): unknown;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** ExcelApi 1.9. */
  getSpecialCellsOrNullObject(cellType: 'Visible'): XlRangeAreas;
  select(): void;
}

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  readonly areas: { readonly items: ReadonlyArray<{ readonly address: string }> };
  load(propertyNames: string): unknown;
}

/** How the port reaches Excel: `Excel.run` and the requirement-set check, injected. */
export interface ExcelHost {
  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
  /** Whether the host supports ExcelApi `version` (e.g. `'1.13'`). */
  supports(version: string): boolean;
}
