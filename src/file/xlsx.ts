// The .xlsx adapter: reads a workbook file into the core's grid model with the values-only reader
// (src/file/read: the package's XML scanned directly, no spreadsheet object model).
import type { Workbook } from '../core/grid/grid';
import { readWorkbook } from './read/workbook';

export { MAX_MERGE_CELLS, WorkbookReadError } from './read/errors';

/** Reads .xlsx bytes into a Workbook. Throws WorkbookReadError (zh-CN and en-US) when the bytes are not a readable workbook. */
export async function readWorkbookBytes(data: ArrayBuffer | Uint8Array, name: string): Promise<Workbook> {
  return readWorkbook(data instanceof Uint8Array ? data : new Uint8Array(data), name);
}
