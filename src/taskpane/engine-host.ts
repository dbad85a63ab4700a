// The engine's side of the pane: holds the opened workbook and answers the page's requests (open a file,
// read or set cells, lay out a sheet for the preview, check). It runs in the engine worker, so that neither
// reading a large file nor checking it blocks the page; where no worker starts, the page runs it itself.
import type { CellState } from '../core/grid/cells';
import { gridState, setCells } from '../core/grid/cells';
import type { Rect, Workbook } from '../core/grid/grid';
import { checkWorkbook, type EngineOptions, type EngineResult } from './engine';
import { layoutSheet, type PreviewLayout } from './preview';
import type { Lang } from './strings';

/** Reads .xlsx bytes into a workbook; may tell how far it is. */
export type ReadBytes = (bytes: ArrayBuffer, name: string, onProgress?: (done: number, total: number) => void) => Promise<Workbook>;

/** What the page asks. */
export type HostRequest =
  | { readonly type: 'open'; readonly bytes: ArrayBuffer; readonly name: string }
  /** The whole opened workbook (tests and the Excel port's callers; the pane itself never needs it). */
  | { readonly type: 'read' }
  | { readonly type: 'cells'; readonly cells: ReadonlyArray<{ readonly sheet: string; readonly address: string }> }
  | { readonly type: 'set'; readonly changes: ReadonlyArray<{ readonly sheet: string; readonly address: string; readonly state: CellState }> }
  | { readonly type: 'sheet'; readonly name: string }
  /** Checks `workbook` (Excel: read on the page) or, without one, the opened workbook. */
  | { readonly type: 'check'; readonly lang: Lang; readonly options: EngineOptions; readonly workbook?: Workbook };

/** The opened workbook as the page knows it: its name and sheets, not its cells. */
export interface OpenedWorkbook {
  readonly name: string;
  readonly sheets: readonly string[];
}

/** One sheet laid out for the preview, with its merges (to select inside a merged area). */
export interface SheetView {
  readonly name: string;
  readonly layout: PreviewLayout;
  readonly merges: readonly Rect[];
}

export interface HostAnswers {
  open: OpenedWorkbook;
  read: Workbook;
  cells: Array<CellState | undefined>;
  set: OpenedWorkbook;
  sheet: SheetView | undefined;
  check: EngineResult;
}

/** How far a long request is: reading the file, running the rules, re-checking copies to verify fixes. */
export type HostProgress =
  | { readonly phase: 'read' | 'analyze'; readonly done: number; readonly total: number }
  | { readonly phase: 'verify'; readonly rechecks: number };

/** Nothing is open (never opened, or lost when the worker was stopped): the page opens the file again. */
export class NoDocument extends Error {
  override readonly name = 'NoDocument';
}

/** The reader of src/file/xlsx.ts, loaded on first use (its own chunk). */
const defaultRead: ReadBytes = async (bytes, name, onProgress) => {
  const { readWorkbookBytes } = await import(/* webpackChunkName: "xlsx" */ '../file/xlsx');
  // A reader that reports progress takes a third argument; one that does not ignores it.
  const read = readWorkbookBytes as unknown as ReadBytes;
  return read(bytes, name, onProgress);
};

const opened = (wb: Workbook): OpenedWorkbook => ({ name: wb.name, sheets: wb.sheets.map((s) => s.name) });

/** A request handler with its own opened workbook. */
export function createEngineHost(read: ReadBytes = defaultRead) {
  let doc: Workbook | undefined;
  let opens = 0;
  const need = (): Workbook => {
    if (!doc) throw new NoDocument('no workbook is open');
    return doc;
  };
  return async function handle<R extends HostRequest>(request: R, progress: (p: HostProgress) => void = () => undefined): Promise<HostAnswers[R['type']]> {
    type A = HostAnswers[R['type']];
    switch (request.type) {
      case 'open': {
        // A later open wins, even when an earlier, slower one finishes after it.
        const mine = ++opens;
        doc = undefined;
        const wb = await read(request.bytes, request.name, (done, total) => progress({ phase: 'read', done, total }));
        if (mine === opens) doc = wb;
        return opened(wb) as A;
      }
      case 'read':
        return need() as A;
      case 'cells': {
        const wb = need();
        return request.cells.map((c) => gridState(wb, c.sheet, c.address)) as A;
      }
      case 'set':
        doc = setCells(need(), request.changes);
        return opened(doc) as A;
      case 'sheet': {
        const sheet = need().sheets.find((s) => s.name === request.name);
        return (sheet ? { name: sheet.name, layout: layoutSheet(sheet), merges: sheet.merges } : undefined) as A;
      }
      case 'check': {
        const wb = request.workbook ?? need();
        // The rules run once for the check, then again for every re-check that verifies fixes: the
        // percentage follows the first run only; the re-checks are counted.
        let first = true;
        const result = checkWorkbook(wb, request.lang, request.options, {
          onProgress: (done, total) => {
            if (!first) return;
            progress({ phase: 'analyze', done, total });
            if (done === total) first = false;
          },
          onVerify: (rechecks) => progress({ phase: 'verify', rechecks }),
        });
        return result as A;
      }
    }
  };
}

export type EngineHost = ReturnType<typeof createEngineHost>;
