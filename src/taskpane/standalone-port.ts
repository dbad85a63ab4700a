// The browser port: a .xlsx file chosen by the user, read and held by the engine host (engine-host.ts, in
// the engine worker: reading a large file never blocks the page), shown in a preview a sheet at a time.
// Fixes change the host's grid; the downloads write them into a copy of the file's bytes (src/file/write.ts,
// lazily loaded), so the original file is never touched. 取消 stops the worker; the workbook is then read
// again from the bytes, with the fixes applied since, when next needed.
import type { CellState } from '../core/grid/cells';
import type { Workbook } from '../core/grid/grid';
import type { JsonFinding } from '../core/report-json';
import type { CheckResult } from './check';
import { Cancelled, createEngineClient, HostFailure, type EngineClient } from './engine-client';
import type { OpenedWorkbook, ReadBytes, SheetView } from './engine-host';
import { addBatch, EMPTY_JOURNAL, netEdits, newBatchId, planUndo, staleEdit, type Journal } from './journal';
import { PortError, type WorkbookPort } from './port';
import type { Lang } from './strings';

export type { ReadBytes, SheetView };

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
  /** The opened workbook: its name and sheets (the cells stay with the engine); `version` counts the changes since it was read. */
  readonly workbook?: OpenedWorkbook & { readonly version: number };
  readonly journal: Journal;
  readonly selection?: PreviewSelection;
  readonly loading: boolean;
  /** How far reading the file is, in percent, while loading (when the reader says). */
  readonly progress?: number;
  /** Why the last open failed. */
  readonly error?: PortError;
  /** The user stopped reading the last file. */
  readonly cancelled?: boolean;
}

export interface FilePort extends WorkbookPort {
  readonly source: 'file';
  /** Reads a chosen file; resolves with its sheets, rejects with PortError `unreadable` (or Cancelled). */
  open(file: NamedBlob): Promise<OpenedWorkbook>;
  /** One sheet laid out for the preview (undefined when there is no such sheet). */
  sheet(name: string): Promise<SheetView | undefined>;
  /** Stops reading or checking under way (the engine worker): they reject with Cancelled. */
  cancel(): void;
  /** For useSyncExternalStore: the state changes on open, select, apply and undo. */
  subscribe(listener: () => void): () => void;
  getState(): FilePortState;
  /** The opened file with the applied fixes written into it (the original bytes otherwise untouched). */
  fixedCopy(): Promise<Uint8Array>;
  /** The fixed copy with each finding's cell filled by severity and given a note. */
  annotatedCopy(findings: readonly JsonFinding[], lang: Lang): Promise<Uint8Array>;
}

/** Why an empty file cannot be opened, in the user's words. */
const EMPTY_FILE = { zh: '文件是空的（0 字节），不是 Excel 工作簿。', en: 'The file is empty (0 bytes): it is not an Excel workbook.' };

export interface FilePortDeps {
  /** The engine (default: a worker of its own, or the page where none starts). */
  readonly client?: EngineClient;
  /** A reader for tests: the engine host then runs on the page with it. */
  readonly readBytes?: ReadBytes;
  readonly now?: () => Date;
}

/** The writers of src/file/write.ts (the package patcher), in their own chunk. */
const loadWriter = () => import(/* webpackChunkName: "write" */ '../file/write');

export function isFilePort(port: WorkbookPort): port is FilePort {
  return port.source === 'file' && typeof (port as Partial<FilePort>).open === 'function';
}

type CellChange = { readonly sheet: string; readonly address: string; readonly state: CellState };
const cellKey = (sheet: string, address: string) => `${sheet}!${address}`;

/** A port over files the user opens. `readBytes` (or deps) are injectable for tests. */
export function createFilePort(deps: ReadBytes | FilePortDeps = {}): FilePort {
  const given: FilePortDeps = typeof deps === 'function' ? { readBytes: deps } : deps;
  const { now = () => new Date() } = given;
  const client =
    given.client ??
    (given.readBytes
      ? createEngineClient({ startWorker: () => undefined, localHost: async () => (await import(/* webpackChunkName: "engine" */ './engine-host')).createEngineHost(given.readBytes) })
      : createEngineClient());
  let state: FilePortState = { loading: false, openId: 0, journal: EMPTY_JOURNAL };
  let bytes: ArrayBuffer | undefined;
  /** Every cell set since the file was read: replayed when the workbook is read again after 取消. */
  let changes: CellChange[] = [];
  /** The engine no longer holds the workbook (the worker was stopped). */
  let lost = false;
  let seq = 0;
  let openSeq = 0;
  /** Applies and undos run one at a time, each on the grid the previous one left. */
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Set<() => void>();
  const set = (next: FilePortState) => {
    state = next;
    for (const l of listeners) l();
  };
  client.onReset(() => {
    lost = true;
  });
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const opened = () => {
    if (!state.workbook || !bytes) throw new PortError('no-file');
    return state.workbook;
  };
  /** Reads the file again (with the changes since) when the engine lost it. */
  const ensure = async () => {
    if (!lost) return;
    const wb = opened();
    await client.call({ type: 'open', bytes: bytes!.slice(0), name: wb.name });
    if (changes.length > 0) await client.call({ type: 'set', changes });
    lost = false;
  };
  const withDoc = async <T>(work: () => Promise<T>): Promise<T> => {
    await ensure();
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof HostFailure && e.noDocument)) throw e;
      lost = true;
      await ensure();
      return work();
    }
  };
  /** The states of some cells now (undefined: the sheet is gone). */
  const statesOf = async (cells: ReadonlyArray<{ sheet: string; address: string }>) => {
    const unique = [...new Map(cells.map((c) => [cellKey(c.sheet, c.address), { sheet: c.sheet, address: c.address }])).values()];
    const states = await withDoc(() => client.call({ type: 'cells', cells: unique }));
    const map = new Map(unique.map((c, i) => [cellKey(c.sheet, c.address), states[i]]));
    return (sheet: string, address: string) => map.get(cellKey(sheet, address));
  };
  const write = async (next: readonly CellChange[]) => {
    if (next.length === 0) return;
    await withDoc(() => client.call({ type: 'set', changes: next }));
    changes = [...changes, ...next];
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
      // No percentage until the reader says how far it is (a reader that does not just reads).
      set({ file: { name: file.name, size: file.size }, loading: true, openId: mine, journal: EMPTY_JOURNAL });
      try {
        const data = await file.arrayBuffer();
        if (data.byteLength === 0) throw new PortError('unreadable', undefined, undefined, EMPTY_FILE);
        // The engine gets a copy (it moves to the worker); the page keeps the bytes for the copies it writes.
        const info = await client.call({ type: 'open', bytes: data.slice(0), name: file.name }, (p) => {
          if (p.phase === 'read' && mine === openSeq) set({ ...state, progress: Math.floor((100 * p.done) / Math.max(1, p.total)) });
        });
        if (mine === openSeq) {
          bytes = data;
          changes = [];
          lost = false;
          set({ file: state.file!, openId: mine, workbook: { ...info, version: 0 }, journal: EMPTY_JOURNAL, loading: false });
        }
        return info;
      } catch (e) {
        if (mine === openSeq) {
          bytes = undefined;
          changes = [];
          if (e instanceof Cancelled) set({ openId: mine, journal: EMPTY_JOURNAL, loading: false, cancelled: true });
        }
        if (e instanceof Cancelled) throw e;
        // The reader's own sentences when it has them; never a library's message.
        const error = e instanceof PortError ? e : new PortError('unreadable', undefined, undefined, e instanceof HostFailure ? e.reason : undefined);
        if (mine === openSeq) set({ file: state.file!, openId: mine, journal: EMPTY_JOURNAL, loading: false, error });
        throw error;
      }
    },
    async read() {
      opened();
      return withDoc(() => client.call({ type: 'read' }));
    },
    async check(lang, options, onProgress): Promise<CheckResult> {
      const wb = opened();
      const result = await withDoc(() => client.call({ type: 'check', lang, options }, onProgress));
      return { ...result, sheets: wb.sheets };
    },
    async sheet(name) {
      opened();
      return withDoc(() => client.call({ type: 'sheet', name }));
    },
    cancel() {
      client.cancel();
    },
    async select(sheet, address) {
      const wb = opened();
      if (!wb.sheets.includes(sheet)) throw new PortError('sheet-not-found', undefined, sheet);
      set({ ...state, selection: { sheet, address: address.replace(/\$/g, '').toUpperCase(), seq: ++seq } });
    },
    async journal() {
      return state.journal;
    },
    apply(request) {
      return serial(async () => {
        const wb = opened();
        const openId = state.openId;
        const edits = request.fixes.flatMap((f) => f.edits);
        const current = await statesOf(edits);
        const stale = staleEdit(request, current);
        if (stale) {
          const gone = !wb.sheets.includes(stale.sheet);
          throw gone ? new PortError('sheet-not-found', undefined, stale.sheet) : new PortError('stale', undefined, `${stale.sheet}!${stale.address}`);
        }
        const journal = addBatch(state.journal, request, newBatchId(now()), now(), (sheet, address) => current(sheet, address) ?? { value: null });
        await write(edits.map((e) => ({ sheet: e.sheet, address: e.address, state: e.after })));
        // Another file opened meanwhile: this apply no longer has a workbook to change.
        if (state.openId !== openId) throw new PortError('no-file');
        set({ ...state, workbook: { ...wb, version: wb.version + 1 }, journal });
        return journal;
      });
    },
    undo(fixIds) {
      return serial(async () => {
        const wb = opened();
        const cells = state.journal.batches.flatMap((b) => b.fixes.flatMap((f) => f.edits));
        const plan = planUndo(state.journal, fixIds, await statesOf(cells));
        if (!plan.ok) {
          const subject = plan.sheet !== undefined ? `${plan.sheet}!${plan.address}` : undefined;
          throw new PortError(plan.reason === 'later-fix' ? 'undo-later' : 'undo-changed', undefined, subject);
        }
        await write(plan.restores);
        set({ ...state, workbook: { ...wb, version: wb.version + 1 }, journal: plan.journal });
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
