// The browser port: a .xlsx file chosen by the user, read by src/file/xlsx.ts (a lazily loaded chunk), shown in a
// preview. Fixes change the in-memory grid (the engine's applyEdits); the downloads write them into a copy
// of the file's bytes (src/file/write.ts, lazily loaded), so the original file is never touched.
import type { Workbook } from '../core/grid/grid';
import type { JsonFinding } from '../core/report-json';
import { loadEngine } from './check';
import { addBatch, EMPTY_JOURNAL, gridState, netEdits, newBatchId, planUndo, setCells, staleEdit, type Journal, type PlannedEdit } from './journal';
import { errorDetail, PortError, type WorkbookPort } from './port';
import type { Lang } from './strings';

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
  /** Changes with every file opened (not with fixes): the pane starts over when it changes. */
  readonly openId: number;
  /** The workbook as it is now, fixes included. */
  readonly workbook?: Workbook;
  readonly journal: Journal;
  readonly selection?: PreviewSelection;
  readonly loading: boolean;
  /** Why the last open failed. */
  readonly error?: PortError;
}

export interface FilePort extends WorkbookPort {
  readonly source: 'file';
  /** Reads a chosen file; resolves with its workbook, rejects with PortError `unreadable`. */
  open(file: NamedBlob): Promise<Workbook>;
  /** For useSyncExternalStore: the state changes on open, select, apply and undo. */
  subscribe(listener: () => void): () => void;
  getState(): FilePortState;
  /** The opened file with the applied fixes written into it (the original bytes otherwise untouched). */
  fixedCopy(): Promise<Uint8Array>;
  /** The fixed copy with each finding's cell filled by severity and given a note. */
  annotatedCopy(findings: readonly JsonFinding[], lang: Lang): Promise<Uint8Array>;
}

/** Reads .xlsx bytes into a workbook. */
export type ReadBytes = (bytes: ArrayBuffer, name: string) => Promise<Workbook>;

/** The default reader: src/file/xlsx.ts (the values-only reader, no ExcelJS) in its own chunk, fetched on first use. */
const readFile: ReadBytes = async (bytes, name) => {
  const { readWorkbookBytes } = await import(/* webpackChunkName: "xlsx" */ '../file/xlsx');
  return readWorkbookBytes(bytes, name);
};

/** The writers of src/file/write.ts (ExcelJS), in their own chunk. */
const loadWriter = () => import(/* webpackChunkName: "write" */ '../file/write');

/** The engine's applyEdits, from the engine chunk (already loaded by the check that offered the fix). */
const applyWithEngine = async (wb: Workbook, edits: readonly PlannedEdit[]) => (await loadEngine()).applyToGrid(wb, edits);

export interface FilePortDeps {
  readonly readBytes?: ReadBytes;
  readonly applyToGrid?: (wb: Workbook, edits: readonly PlannedEdit[]) => Promise<Workbook>;
  readonly now?: () => Date;
}

export function isFilePort(port: WorkbookPort): port is FilePort {
  return port.source === 'file' && typeof (port as Partial<FilePort>).open === 'function';
}

/** A port over files the user opens. `readBytes` (or deps) are injectable for tests. */
export function createFilePort(deps: ReadBytes | FilePortDeps = {}): FilePort {
  const { readBytes = readFile, applyToGrid = applyWithEngine, now = () => new Date() }: FilePortDeps = typeof deps === 'function' ? { readBytes: deps } : deps;
  let state: FilePortState = { loading: false, openId: 0, journal: EMPTY_JOURNAL };
  let bytes: ArrayBuffer | undefined;
  let seq = 0;
  let openSeq = 0;
  /** Applies and undos run one at a time, each on the grid the previous one left. */
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Set<() => void>();
  const set = (next: FilePortState) => {
    state = next;
    for (const l of listeners) l();
  };
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const opened = (): Workbook => {
    if (!state.workbook) throw new PortError('no-file');
    return state.workbook;
  };
  const fixedCopy = async (): Promise<Uint8Array> => {
    if (!bytes) throw new PortError('no-file');
    const edits = netEdits(state.journal);
    if (edits.length === 0) return new Uint8Array(bytes.slice(0));
    const { writeEdits } = await loadWriter();
    return writeEdits(bytes, edits);
  };
  return {
    source: 'file',
    capabilities: { persistentJournal: false, marks: false, reportSheet: false, watch: false, downloads: true },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    async open(file) {
      const mine = ++openSeq;
      set({ file: { name: file.name, size: file.size }, loading: true, openId: mine, journal: EMPTY_JOURNAL });
      try {
        const data = await file.arrayBuffer();
        const workbook = await readBytes(data, file.name);
        if (mine === openSeq) {
          bytes = data;
          set({ file: state.file!, openId: mine, workbook, journal: EMPTY_JOURNAL, loading: false });
        }
        return workbook;
      } catch (e) {
        const error = new PortError('unreadable', errorDetail(e));
        if (mine === openSeq) {
          bytes = undefined;
          set({ file: state.file!, openId: mine, journal: EMPTY_JOURNAL, loading: false, error });
        }
        throw error;
      }
    },
    async read() {
      return opened();
    },
    async select(sheet, address) {
      const wb = opened();
      if (!wb.sheets.some((s) => s.name === sheet)) throw new PortError('sheet-not-found', undefined, sheet);
      set({ ...state, selection: { sheet, address: address.replace(/\$/g, '').toUpperCase(), seq: ++seq } });
    },
    async journal() {
      return state.journal;
    },
    apply(request) {
      return serial(async () => {
        const wb = opened();
        const openId = state.openId;
        const stale = staleEdit(request, (sheet, address) => gridState(wb, sheet, address));
        if (stale) {
          const gone = !wb.sheets.some((s) => s.name === stale.sheet);
          throw gone ? new PortError('sheet-not-found', undefined, stale.sheet) : new PortError('stale', undefined, `${stale.sheet}!${stale.address}`);
        }
        const journal = addBatch(state.journal, request, newBatchId(now()), now(), (sheet, address) => gridState(wb, sheet, address) ?? { value: null });
        const edited = await applyToGrid(
          wb,
          request.fixes.flatMap((f) => f.edits),
        );
        // Another file opened meanwhile: this apply no longer has a workbook to change.
        if (state.openId !== openId) throw new PortError('no-file');
        set({ ...state, workbook: edited, journal });
        return journal;
      });
    },
    undo(fixIds) {
      return serial(async () => {
        const wb = opened();
        const plan = planUndo(state.journal, fixIds, (sheet, address) => gridState(wb, sheet, address));
        if (!plan.ok) {
          const subject = plan.sheet !== undefined ? `${plan.sheet}!${plan.address}` : undefined;
          throw new PortError(plan.reason === 'later-fix' ? 'undo-later' : 'undo-changed', undefined, subject);
        }
        set({ ...state, workbook: setCells(wb, plan.restores), journal: plan.journal });
        return plan.journal;
      });
    },
    fixedCopy,
    async annotatedCopy(findings, lang) {
      const base = await fixedCopy();
      const { writeAnnotations } = await loadWriter();
      return writeAnnotations(base, findings, lang);
    },
  };
}
