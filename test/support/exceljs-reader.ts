// The former .xlsx reader (ExcelJS's full object model), kept for tests only: the reference the values-only
// reader (src/file/read) is compared with, wherever ExcelJS reads a workbook as Excel does.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseA1, type Cell, type CellValue, type Rect, type Sheet, type Workbook } from '../../src/core/grid/grid';
import { MAX_MERGE_CELLS, WorkbookReadError } from '../../src/file/read/errors';

/** ExcelJS's many value shapes → the core's CellValue and formula. */
function convertValue(v: ExcelJS.CellValue): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('error' in v) return { value: { error: String(v.error) } };
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const result = f.result === undefined ? null : convertValue(f.result as ExcelJS.CellValue).value;
      return { value: result, formula: f.formula ?? f.sharedFormula };
    }
    if ('text' in v) return { value: String((v as { text: unknown }).text) };
  }
  return { value: String(v) };
}

/** Converts one ExcelJS worksheet (already loaded) into a Sheet. */
export function sheetFromExcelJS(ws: ExcelJS.Worksheet): Sheet {
  const cells: (Cell | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.add(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Cells inside a merge other than its anchor repeat the anchor's value in ExcelJS: skip them.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const { value, formula } = convertValue(cell.value);
      if (value === null && formula === undefined) return;
      const c = colNumber - 1;
      const line = (cells[r] ??= []);
      const numFmt = cell.numFmt;
      line[c] = { row: r, col: c, value, ...(formula !== undefined ? { formula } : {}), ...(numFmt ? { numFmt } : {}) };
      rowCount = Math.max(rowCount, r + 1);
      colCount = Math.max(colCount, c + 1);
    });
  });
  const merges: Rect[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    const rect = parseA1(m);
    merges.push(rect);
    rowCount = Math.max(rowCount, rect.r1 + 1);
    colCount = Math.max(colCount, rect.c1 + 1);
  }
  // Only the columns that have a definition can be hidden (ws.columnCount walks every row: never in a loop).
  const columns = (ws as unknown as { _columns?: Array<{ hidden?: boolean } | undefined> })._columns ?? [];
  columns.forEach((col, i) => {
    if (col?.hidden) hiddenCols.add(i);
  });
  return { name: ws.name, cells, merges, hiddenRows, hiddenCols, rowCount, colCount };
}

/**
 * Refuses a workbook with a merged area too large to read, before ExcelJS expands it into cell
 * objects (A20:XFD1048576 would exhaust memory). Reads only the <mergeCell> refs of each sheet part.
 */
async function refuseHugeMerges(data: ArrayBuffer | Uint8Array, name: string): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return; // not a zip: ExcelJS will say so below
  }
  for (const part of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))) {
    let xml: string;
    try {
      xml = await zip.file(part)!.async('string');
    } catch {
      return; // a damaged part: ExcelJS will say so below
    }
    for (const m of xml.matchAll(/<mergeCell\s+ref="([A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+)"/g)) {
      const r = parseA1(m[1]!);
      if ((r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1) > MAX_MERGE_CELLS) {
        throw new WorkbookReadError(name, `无法读取此文件：合并单元格 ${m[1]} 过大，不像预算表`, `cannot read this file: the merged range ${m[1]} is too large for a budget table`);
      }
    }
  }
}

/** Reads .xlsx bytes into a Workbook with ExcelJS (the reference). Throws WorkbookReadError when the bytes are not a workbook. */
export async function readWorkbookBytesExcelJS(data: ArrayBuffer | Uint8Array, name: string): Promise<Workbook> {
  await refuseHugeMerges(data, name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data instanceof Uint8Array ? (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer) : data);
  } catch (e) {
    throw new WorkbookReadError(name, `无法读取此文件：它不是有效的 .xlsx 工作簿（${(e as Error).message}）`, `cannot read this file: it is not a valid .xlsx workbook (${(e as Error).message})`);
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'veryHidden') return;
    sheets.push(sheetFromExcelJS(ws));
  });
  return { name, sheets };
}
