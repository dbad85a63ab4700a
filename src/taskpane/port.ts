// The task pane's one way into a workbook: read it, point at a cell, write fixes (and undo them),
// mark cells, add a report sheet, and hear about the user's edits.
import type { Workbook } from '../core/grid/grid';
import type { CheckResult } from './check';
import type { EngineOptions } from './engine';
import type { HostProgress } from './engine-host';
import type { BatchRequest, Journal, Mark } from './journal';
import type { Lang } from './strings';

/** One cell change, as the engine's fixes describe it (`after` is the new value as text). */
export interface PortEdit {
  readonly sheet: string;
  readonly address: string;
  readonly before: string;
  readonly after: string;
  readonly formula?: string;
}

/** What a port can do beyond reading, selecting and applying fixes. */
export interface PortCapabilities {
  /** The journal is kept with the workbook (survives save, close and reopen). */
  readonly persistentJournal: boolean;
  /** Can colour the checked cells in the workbook (标出问题单元格 / 清除标记). */
  readonly marks: boolean;
  /** Can add the 勾稽报告 sheet. */
  readonly reportSheet: boolean;
  /** Can tell when the user edits the workbook (auto re-check). */
  readonly watch: boolean;
  /** Can hand out .xlsx copies: fixed, annotated (browser mode). */
  readonly downloads: boolean;
}

/** The 勾稽报告 sheet: rows of plain values, one column linking to the cells. */
export interface ReportSheet {
  readonly name: string;
  /** Lines above the table (title, file, counts). */
  readonly heading: readonly string[];
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<{
    readonly values: ReadonlyArray<string | number>;
    /** The cell the row is about: the `linkColumn` value links to it. */
    readonly link?: { readonly sheet: string; readonly address: string };
  }>;
  /** 0-based column that holds the link text. */
  readonly linkColumn: number;
  /** 0-based columns of amounts (number format `#,##0.00`). */
  readonly amountColumns: readonly number[];
  /** Column widths in characters. */
  readonly widths: readonly number[];
}

/**
 * Where a workbook comes from. Components receive a port through props and never know whether
 * it is Excel (src/excel/) or a file opened in a plain browser (standalone-port.ts).
 */
export interface WorkbookPort {
  /** `excel`: the live workbook in Excel; `file`: a .xlsx file chosen in the browser. */
  readonly source: 'excel' | 'file';
  readonly capabilities: PortCapabilities;
  /** Reads the whole workbook into the core's grid model. Rejects with a PortError. */
  read(): Promise<Workbook>;
  /**
   * Checks the workbook where the port keeps it (the file port: in the engine worker, which read the
   * file), instead of read() on the page and a check of what it returned.
   */
  check?(lang: Lang, options: EngineOptions, onProgress: (p: HostProgress) => void): Promise<CheckResult>;
  /** Shows one cell (`B7`, no `$`) of a sheet to the user: activates the sheet and selects it. */
  select(sheet: string, address: string): Promise<void>;
  /** The journal of applied fixes and marks, as the workbook keeps it now. */
  journal(): Promise<Journal>;
  /**
   * Writes a batch of fixes, all or nothing, and records it in the journal. Refuses, without writing
   * anything, when a cell no longer holds what its fix expects (`stale`), a sheet is protected or gone,
   * or the workbook is read-only. Resolves with the journal after.
   */
  apply(request: BatchRequest): Promise<Journal>;
  /** Undoes applied fixes (by JournalFix id), all or nothing: their cells get their earlier contents back. */
  undo(fixIds: readonly string[]): Promise<Journal>;
  /** Colours the given cells by severity, replacing earlier marks (capabilities.marks). */
  mark?(marks: readonly Mark[]): Promise<Journal>;
  /** Removes every mark, leaving the cells' own formatting exactly as it was. */
  clearMarks?(): Promise<Journal>;
  /** Adds (or replaces) the report sheet (capabilities.reportSheet). */
  addReportSheet?(sheet: ReportSheet): Promise<void>;
  /** Calls `onChange` when the user edits a cell; resolves with a function that stops listening. */
  watch?(onChange: () => void): Promise<() => Promise<void>>;
}

/** What went wrong, as a code the pane turns into a sentence (strings.ts `errors`). */
export type PortErrorCode =
  | 'no-file' // standalone: no workbook opened yet
  | 'unreadable' // the file is not a .xlsx workbook
  | 'read-failed' // Excel refused to give us the workbook
  | 'sheet-not-found' // a sheet the action names is gone
  | 'select-failed' // the host could not show the cell
  | 'stale' // a cell no longer holds what the fix expects (subject: the cell)
  | 'protected' // a sheet is protected (subject: the sheet)
  | 'read-only' // the workbook is open read-only
  | 'structure-protected' // the workbook's structure is protected (no sheet can be added)
  | 'undo-changed' // a fixed cell was changed since (subject: the cell)
  | 'undo-later' // a later fix that stays applied wrote the cell (subject: the cell)
  | 'unsupported' // this Excel lacks the API (subject: the ExcelApi version)
  | 'edit-mode' // Excel is busy: the user is typing in a cell
  | 'write-failed'; // the host failed while writing

/** A failure the pane can show: a code, the sheet or cell it concerns, and the underlying detail. */
export class PortError extends Error {
  constructor(
    readonly code: PortErrorCode,
    readonly detail?: string,
    /** The sheet (`预算表9`) or cell (`预算表9!H10`) the failure is about, for the sentence. */
    readonly subject?: string,
    /** Why, in the user's words (the reader's sentences about a file it cannot open). */
    readonly reason?: { readonly zh: string; readonly en: string },
  ) {
    super(detail ? `${code}: ${detail}` : subject ? `${code}: ${subject}` : code);
    this.name = 'PortError';
  }
}

/** The message of anything thrown, for an error's detail line. */
export function errorDetail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
