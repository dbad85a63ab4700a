// The subset of the Excel JavaScript API that the port uses, as plain interfaces.
// Excel's own classes satisfy them structurally (host.ts hands Excel's RequestContext to code typed
// with these, so tsc checks it), and so does the fake in test/excel/, which is how the port is tested
// without Office.

/** Excel.RequestContext, reduced to what we call. */
export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<void>;
}

export interface XlWorkbook {
  /** ExcelApi 1.7. */
  readonly name: string;
  /** ExcelApi 1.8: open read-only. */
  readonly readOnly: boolean;
  /** ExcelApi 1.7. */
  readonly protection: XlProtection;
  readonly worksheets: XlWorksheetCollection;
  /** ExcelApi 1.5. */
  readonly customXmlParts: XlCustomXmlPartCollection;
  load(propertyNames: string): unknown;
}

export interface XlProtection {
  readonly protected: boolean;
  load(propertyNames: string): unknown;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): unknown;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  /** ExcelApi 1.9: any cell of any sheet changed. */
  readonly onChanged: XlEventSource<XlChangedEventArgs>;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly visibility: string;
  /** ExcelApi 1.2. */
  readonly protection: XlProtection;
  /** ExcelApi 1.7. */
  readonly freezePanes: { freezeRows(count?: number): void };
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  getRange(address?: string): XlRange;
  activate(): void;
  delete(): void;
  load(propertyNames: string): unknown;
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Setting values parses text the way typing does (`=…` a formula, `'…` text, `12` a number). */
  values: unknown[][];
  readonly valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** ExcelApi 1.7. */
  hyperlink: XlHyperlink;
  readonly format: XlRangeFormat;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: XlConditionalFormatCollection;
  load(propertyNames: string): unknown;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** ExcelApi 1.9. */
  getSpecialCellsOrNullObject(cellType: 'Visible'): XlRangeAreas;
  select(): void;
}

export interface XlHyperlink {
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface XlRangeFormat {
  readonly fill: { color: string; load(propertyNames: string): unknown };
  readonly font: { bold: boolean; color: string };
  columnWidth: number;
  wrapText: boolean;
  verticalAlignment: string;
}

export interface XlConditionalFormatCollection {
  readonly items: XlConditionalFormat[];
  load(propertyNames: string): unknown;
  add(type: 'Custom'): XlConditionalFormat;
}

export interface XlConditionalFormat {
  readonly type: string;
  /** Only for type Custom (ExcelApi 1.6). */
  readonly custom: {
    readonly rule: { formula: string; load(propertyNames: string): unknown };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
  priority: number;
  delete(): void;
}

export interface XlCustomXmlPartCollection {
  add(xml: string): XlCustomXmlPart;
  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): XlCustomXmlPart };
}

export interface XlCustomXmlPart {
  readonly isNullObject: boolean;
  readonly id: string;
  load(propertyNames: string): unknown;
  getXml(): { readonly value: string };
  setXml(xml: string): void;
  delete(): void;
}

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  readonly areas: { readonly items: ReadonlyArray<{ readonly address: string }> };
  load(propertyNames: string): unknown;
}

export interface XlChangedEventArgs {
  readonly worksheetId: string;
  readonly address: string;
  /** ExcelApi 1.14: `ThisLocalAddin` when this add-in made the change. */
  readonly triggerSource?: string;
}

export interface XlEventSource<T> {
  add(handler: (args: T) => Promise<unknown>): XlEventHandlerResult;
}

export interface XlEventHandlerResult {
  /** The context the handler was added in: remove it in a batch run on that context. */
  readonly context: unknown;
  remove(): void;
}

/** How the port reaches Excel: `Excel.run` and the requirement-set check, injected. */
export interface ExcelHost {
  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
  /** `Excel.run(context, batch)`: a batch on an earlier context (to remove an event handler). */
  runIn<T>(context: unknown, batch: (context: XlContext) => Promise<T>): Promise<T>;
  /** Whether the host supports ExcelApi `version` (e.g. `'1.13'`). */
  supports(version: string): boolean;
}
