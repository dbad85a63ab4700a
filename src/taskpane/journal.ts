// The journal of applied fixes and cell marks: plain data, kept by the port (Excel: in the workbook's
// custom XML part, so undo works after save/close/reopen; browser: in memory). Pure functions only.
import type { CellValue } from '../core/grid/grid';
import { gridState, setCells, stateOf, type CellState } from '../core/grid/cells';

export { gridState, setCells, stateOf, type CellState };
import type { Severity } from './strings';


/** One cell an applied fix changed. */
export interface JournalEdit {
  readonly sheet: string;
  readonly address: string;
  /** What the fix expected the cell to hold (the engine's `before`, as text). */
  readonly expected: string;
  /** The fix's `after` as the engine wrote it (what a fixed .xlsx copy gets). */
  readonly text: string;
  /** The cell before the fix, as read from the workbook when the fix was applied. */
  readonly before: CellState;
  /** What the fix wrote. */
  readonly after: CellState;
}

/** One applied fix: its title, the findings it answers and its edits. */
export interface JournalFix {
  /** `<batch id>.<n>`. */
  readonly id: string;
  readonly title: string;
  /** Ids of the findings the fix answers. */
  readonly findings: readonly string[];
  readonly edits: readonly JournalEdit[];
}

/** What one click applied: one fix (`one`), or every safe fix (`safe`). */
export interface JournalBatch {
  readonly id: string;
  /** ISO time of the apply. */
  readonly at: string;
  readonly kind: 'one' | 'safe';
  readonly fixes: readonly JournalFix[];
}

/** A cell marked by 标出问题单元格 (Excel), with the severity of its worst finding. */
export interface Mark {
  readonly sheet: string;
  readonly address: string;
  readonly severity: Severity;
}

export interface Journal {
  readonly version: 1;
  /** Applied batches, oldest first; an undone fix is removed, an emptied batch too. */
  readonly batches: readonly JournalBatch[];
  readonly marks: readonly Mark[];
}

export const EMPTY_JOURNAL: Journal = { version: 1, batches: [], marks: [] };

/** A fix's edit as the pane asks a port to apply it (after-state decided by the engine's editValue). */
export interface PlannedEdit {
  readonly sheet: string;
  readonly address: string;
  readonly expected: string;
  readonly text: string;
  readonly after: CellState;
}

/** One fix of a batch to apply. */
export interface FixRequest {
  readonly title: string;
  readonly findings: readonly string[];
  readonly edits: readonly PlannedEdit[];
}

export interface BatchRequest {
  readonly kind: JournalBatch['kind'];
  readonly fixes: readonly FixRequest[];
}

// ---------------------------------------------------------------- comparing cells

/** `1,284.21` / ` 548.27 ` / `-` → a number; undefined when the text is no plain amount. */
function amountOf(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u3000]/g, '').replace(/,/g, '');
  if (/^[-—–]$/.test(s)) return 0;
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : undefined;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A value as text (errors as `#REF!`, empty as ''). */
export function valueText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * Whether a cell still holds what a fix expects: the same amount (a number, or an amount written as
 * text with or without thousands separators), or the same text; '' expects an empty cell.
 */
export function holds(state: CellState, expected: string): boolean {
  const v = state.value;
  if (expected.trim() === '') return v === null || valueText(v).trim() === '';
  const want = amountOf(expected);
  if (typeof v === 'number') return want !== undefined && near(v, want);
  const text = valueText(v);
  if (text === expected || text.trim() === expected.trim()) return true;
  const got = amountOf(text);
  return want !== undefined && got !== undefined && near(got, want);
}

const formulaKey = (f: string) => f.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();

/** Whether two cell states are the same: formulas compared as formulas (Excel recalculates the value), values exactly (numbers to 1e-9). */
export function sameState(a: CellState, b: CellState): boolean {
  if (a.formula !== undefined || b.formula !== undefined) return a.formula !== undefined && b.formula !== undefined && formulaKey(a.formula) === formulaKey(b.formula);
  const x = a.value;
  const y = b.value;
  if (typeof x === 'number' && typeof y === 'number') return near(x, y);
  if ((x === null || x === '') && (y === null || y === '')) return true;
  if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) return x.error === y.error;
  return x === y;
}


// ---------------------------------------------------------------- journal operations

const cellKey = (sheet: string, address: string) => `${sheet}!${address}`;

/** Every applied fix, oldest first, with its batch. */
export function appliedFixes(journal: Journal): Array<{ batch: JournalBatch; fix: JournalFix }> {
  return journal.batches.flatMap((batch) => batch.fixes.map((fix) => ({ batch, fix })));
}

/** A short id, unique enough within one workbook's journal. */
export function newBatchId(now: Date, random: () => number = Math.random): string {
  return `b${now.getTime().toString(36)}${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/**
 * The first edit of a request whose cell no longer holds what its fix expects (the workbook
 * changed since the check), or undefined when all do. `current` reads a cell (undefined: sheet gone).
 */
export function staleEdit(request: BatchRequest, current: (sheet: string, address: string) => CellState | undefined): PlannedEdit | undefined {
  for (const fix of request.fixes) {
    for (const e of fix.edits) {
      const state = current(e.sheet, e.address);
      if (!state || !holds(state, e.expected)) return e;
    }
  }
  return undefined;
}

/** The journal with a new batch; `before` reads each cell as it is now (before the write). */
export function addBatch(journal: Journal, request: BatchRequest, id: string, at: Date, before: (sheet: string, address: string) => CellState): Journal {
  // A cell edited twice in one request keeps the state before the first edit.
  const seen = new Map<string, CellState>();
  const fixes = request.fixes.map(
    (f, i): JournalFix => ({
      id: `${id}.${i + 1}`,
      title: f.title,
      findings: [...f.findings],
      edits: f.edits.map((e): JournalEdit => {
        const key = cellKey(e.sheet, e.address);
        const was = seen.get(key) ?? before(e.sheet, e.address);
        seen.set(key, e.after);
        return { sheet: e.sheet, address: e.address, expected: e.expected, text: e.text, before: was, after: e.after };
      }),
    }),
  );
  return { ...journal, batches: [...journal.batches, { id, at: at.toISOString(), kind: request.kind, fixes }] };
}

/** What undoing some fixes writes, or why it cannot. */
export type UndoPlan =
  | { readonly ok: true; readonly restores: ReadonlyArray<{ sheet: string; address: string; state: CellState }>; readonly journal: Journal }
  | { readonly ok: false; readonly reason: 'unknown-fix' | 'changed' | 'later-fix'; readonly sheet?: string; readonly address?: string };

/**
 * Plans undoing the fixes `ids`: each of their cells goes back to its state before the earliest of
 * them, provided the cell still holds what the latest of them wrote (`changed` otherwise) and no
 * fix that stays applied wrote it afterwards (`later-fix`).
 */
export function planUndo(journal: Journal, ids: readonly string[], current: (sheet: string, address: string) => CellState | undefined): UndoPlan {
  const undo = new Set(ids);
  const all = appliedFixes(journal);
  if (ids.length === 0 || ids.some((id) => !all.some((a) => a.fix.id === id))) return { ok: false, reason: 'unknown-fix' };
  // Per cell, every edit in journal order, marked whether it is being undone.
  const history = new Map<string, Array<{ edit: JournalEdit; undone: boolean }>>();
  for (const { fix } of all) for (const edit of fix.edits) {
    const key = cellKey(edit.sheet, edit.address);
    history.set(key, [...(history.get(key) ?? []), { edit, undone: undo.has(fix.id) }]);
  }
  const restores: Array<{ sheet: string; address: string; state: CellState }> = [];
  for (const list of history.values()) {
    const first = list.findIndex((h) => h.undone);
    if (first < 0) continue;
    const { sheet, address } = list[first]!.edit;
    // Everything from the first undone edit on must be undone too: a kept fix wrote the cell later.
    if (list.slice(first).some((h) => !h.undone)) return { ok: false, reason: 'later-fix', sheet, address };
    const now = current(sheet, address);
    if (!now || !sameState(now, list[list.length - 1]!.edit.after)) return { ok: false, reason: 'changed', sheet, address };
    restores.push({ sheet, address, state: list[first]!.edit.before });
  }
  const batches = journal.batches.map((b) => ({ ...b, fixes: b.fixes.filter((f) => !undo.has(f.id)) })).filter((b) => b.fixes.length > 0);
  return { ok: true, restores, journal: { ...journal, batches } };
}

/** The fix ids of the last batch (for 撤销上一批). */
export function lastBatchIds(journal: Journal): string[] {
  return journal.batches[journal.batches.length - 1]?.fixes.map((f) => f.id) ?? [];
}

/**
 * Each changed cell once, with what the fixes that stay applied left in it (the latest edit): the
 * edits a fixed copy of the original file needs.
 */
export function netEdits(journal: Journal): Array<{ sheet: string; address: string; before: string; after: string; formula?: string }> {
  const latest = new Map<string, JournalEdit>();
  for (const { fix } of appliedFixes(journal)) for (const e of fix.edits) latest.set(cellKey(e.sheet, e.address), e);
  return [...latest.values()].map((e) => ({ sheet: e.sheet, address: e.address, before: e.expected, after: e.text, ...(e.after.formula !== undefined ? { formula: e.after.formula } : {}) }));
}

/** An applied fix's signature (what it wrote), comparable with editsSignature of the engine's edits. */
export function fixSignature(fix: JournalFix): string {
  return editsSignature(fix.edits.map((e) => ({ sheet: e.sheet, address: e.address, text: e.text, ...(e.after.formula !== undefined ? { formula: e.after.formula } : {}) })));
}

/** `sheet!address` of every cell changed by a fix that is still applied. */
export function editedCells(journal: Journal): Set<string> {
  return new Set(netEdits(journal).map((e) => cellKey(e.sheet, e.address)));
}

/** A fix's identity by what it writes, to tell whether a finding's fix is the one applied. */
export function editsSignature(edits: ReadonlyArray<{ sheet: string; address: string; after?: string; text?: string; formula?: string }>): string {
  return edits
    .map((e) => `${cellKey(e.sheet, e.address)}=${e.text ?? e.after ?? ''}${e.formula !== undefined ? `|=${e.formula.replace(/^=/, '')}` : ''}`)
    .sort()
    .join('\n');
}

// ---------------------------------------------------------------- storage as XML (Excel's custom XML part)

/** The namespace of Gouji's custom XML part. */
export const JOURNAL_NAMESPACE = 'urn:gouji:journal:1';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'amp') return '&';
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });

/** The journal as the XML document of the custom part: its JSON as the text of one element. */
export function journalToXml(journal: Journal): string {
  return `<?xml version="1.0" encoding="UTF-8"?><journal xmlns="${JOURNAL_NAMESPACE}">${escapeXml(JSON.stringify(journal))}</journal>`;
}

const isState = (x: unknown): x is CellState => {
  if (!x || typeof x !== 'object') return false;
  const s = x as { value?: unknown; formula?: unknown };
  const v = s.value;
  const valueOk = v === null || ['string', 'number', 'boolean'].includes(typeof v) || (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string');
  return valueOk && (s.formula === undefined || typeof s.formula === 'string');
};
const isStr = (x: unknown): x is string => typeof x === 'string';

/** Whether parsed JSON is a journal this version understands (the part may have been edited by hand). */
export function isJournal(x: unknown): x is Journal {
  if (!x || typeof x !== 'object') return false;
  const j = x as { version?: unknown; batches?: unknown; marks?: unknown };
  if (j.version !== 1 || !Array.isArray(j.batches) || !Array.isArray(j.marks)) return false;
  const editOk = (e: unknown) => {
    const d = e as Record<string, unknown>;
    return !!d && isStr(d.sheet) && isStr(d.address) && isStr(d.expected) && isStr(d.text) && isState(d.before) && isState(d.after);
  };
  const fixOk = (f: unknown) => {
    const d = f as Record<string, unknown>;
    return !!d && isStr(d.id) && isStr(d.title) && Array.isArray(d.findings) && d.findings.every(isStr) && Array.isArray(d.edits) && d.edits.every(editOk);
  };
  const batchOk = (b: unknown) => {
    const d = b as Record<string, unknown>;
    return !!d && isStr(d.id) && isStr(d.at) && (d.kind === 'one' || d.kind === 'safe') && Array.isArray(d.fixes) && d.fixes.every(fixOk);
  };
  const markOk = (m: unknown) => {
    const d = m as Record<string, unknown>;
    return !!d && isStr(d.sheet) && isStr(d.address) && (d.severity === 'error' || d.severity === 'warning' || d.severity === 'info');
  };
  return j.batches.every(batchOk) && j.marks.every(markOk);
}

/** Reads the part's XML back; undefined when it is not a journal this version understands. */
export function journalFromXml(xml: string): Journal | undefined {
  const m = /<(?:[\w-]+:)?journal\b[^>]*>([\s\S]*)<\/(?:[\w-]+:)?journal>/.exec(xml);
  if (!m) return undefined;
  let body = m[1]!.trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
  body = cdata ? cdata[1]! : unescapeXml(body);
  try {
    const parsed: unknown = JSON.parse(body);
    return isJournal(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the journal holds nothing (its part can be removed). */
export function isEmptyJournal(journal: Journal): boolean {
  return journal.batches.length === 0 && journal.marks.length === 0;
}
