// The task pane's one way into a workbook: read it, point at a cell, (later) write fixes back.
import type { Workbook } from '../core/grid/grid';

/** One cell change, as the engine's fixes describe it (`after` is the new value as text). */
export interface PortEdit {
  readonly sheet: string;
  readonly address: string;
  readonly before: string;
  readonly after: string;
  readonly formula?: string;
}

/**
 * Where a workbook comes from. Components receive a port through props and never know whether
 * it is Excel (src/excel/) or a file opened in a plain browser (standalone-port.ts).
 */
export interface WorkbookPort {
  /** `excel`: the live workbook in Excel; `file`: a .xlsx file chosen in the browser. */
  readonly source: 'excel' | 'file';
  /** Reads the whole workbook into the core's grid model. Rejects with a PortError. */
  read(): Promise<Workbook>;
  /** Shows one cell (`B7`, no `$`) of a sheet to the user: activates the sheet and selects it. */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Writes a fix's edits (a later slice: no port implements it yet). Must refuse, without writing
   * anything, when a cell no longer holds `before`.
   */
  applyEdits?(edits: readonly PortEdit[]): Promise<void>;
}

/** What went wrong, as a code the pane turns into a sentence (strings.ts `errors`). */
export type PortErrorCode =
  | 'no-file' // standalone: no workbook opened yet
  | 'unreadable' // the file is not a .xlsx workbook
  | 'read-failed' // Excel refused to give us the workbook
  | 'sheet-not-found' // select named a sheet that is gone
  | 'select-failed'; // the host could not show the cell

/** A failure the pane can show: a code, plus the underlying detail for the curious. */
export class PortError extends Error {
  constructor(
    readonly code: PortErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'PortError';
  }
}

/** The message of anything thrown, for an error's detail line. */
export function errorDetail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
