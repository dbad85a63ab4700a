// The browser port: a .xlsx file chosen by the user, read with ExcelJS (a lazily loaded chunk), shown in a preview.
import type { Workbook } from '../core/grid/grid';
import { errorDetail, PortError, type WorkbookPort } from './port';

/** What a file input hands us (a File), reduced to what we use. */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The cell the preview shows; `seq` changes on every select, even of the same cell. */
export interface PreviewSelection {
  readonly sheet: string;
  readonly address: string;
  readonly seq: number;
}

export interface FilePortState {
  readonly file?: { readonly name: string; readonly size: number };
  readonly workbook?: Workbook;
  readonly selection?: PreviewSelection;
  readonly loading: boolean;
  /** Why the last open failed. */
  readonly error?: PortError;
}

export interface FilePort extends WorkbookPort {
  readonly source: 'file';
  /** Reads a chosen file; resolves with its workbook, rejects with PortError `unreadable`. */
  open(file: NamedBlob): Promise<Workbook>;
  /** For useSyncExternalStore: the state changes on open and select. */
  subscribe(listener: () => void): () => void;
  getState(): FilePortState;
}

/** Reads .xlsx bytes into a workbook. */
export type ReadBytes = (bytes: ArrayBuffer, name: string) => Promise<Workbook>;

/** The default reader: src/file/xlsx.ts (and ExcelJS with it) in its own chunk, fetched on first use. */
const readWithExcelJS: ReadBytes = async (bytes, name) => {
  const { readWorkbookBytes } = await import(/* webpackChunkName: "xlsx" */ '../file/xlsx');
  return readWorkbookBytes(bytes, name);
};

export function isFilePort(port: WorkbookPort): port is FilePort {
  return port.source === 'file' && typeof (port as Partial<FilePort>).open === 'function';
}

/** A port over files the user opens. `readBytes` is injectable for tests. */
export function createFilePort(readBytes: ReadBytes = readWithExcelJS): FilePort {
  let state: FilePortState = { loading: false };
  let seq = 0;
  let openSeq = 0;
  const listeners = new Set<() => void>();
  const set = (next: FilePortState) => {
    state = next;
    for (const l of listeners) l();
  };
  return {
    source: 'file',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    async open(file) {
      const mine = ++openSeq;
      set({ file: { name: file.name, size: file.size }, loading: true });
      try {
        const workbook = await readBytes(await file.arrayBuffer(), file.name);
        if (mine === openSeq) set({ file: state.file!, workbook, loading: false });
        return workbook;
      } catch (e) {
        const error = new PortError('unreadable', errorDetail(e));
        if (mine === openSeq) set({ file: state.file!, loading: false, error });
        throw error;
      }
    },
    async read() {
      if (!state.workbook) throw new PortError('no-file');
      return state.workbook;
    },
    async select(sheet, address) {
      const wb = state.workbook;
      if (!wb) throw new PortError('no-file');
      if (!wb.sheets.some((s) => s.name === sheet)) throw new PortError('sheet-not-found', sheet);
      set({ ...state, selection: { sheet, address: address.replace(/\$/g, '').toUpperCase(), seq: ++seq } });
    },
  };
}
