// The Excel port: reads the live workbook into the core's grid model, selects cells, writes fixes and
// undoes them, marks cells, adds the report sheet, and listens to edits, each in a fixed number of syncs.
//
// The journal of applied fixes and marks lives in a custom XML part of the workbook (namespace
// JOURNAL_NAMESPACE), not in a hidden sheet and not in Office.context.document.settings:
// - it is written in the same batch, and the same sync, as the cells it describes, so a fix and its
//   journal entry are saved together or not at all (settings.saveAsync is a separate call that can
//   fail after the cells were written);
// - it needs no sheet: it works when the workbook's structure is protected, never shows in the sheet
//   tabs or the Unhide list, and is no table for the checker or for other tools to read;
// - it travels inside the .xlsx (customXml/item*.xml), so undo works after save, close and reopen, on
//   every platform with ExcelApi 1.5; older hosts keep the journal for the session only.
// Marks are conditional formats (an always-true formula that names itself, `=ISTEXT("gouji:error")`)
// on the checked cells: the cells' own fills, fonts and formats are never written, so clearing the
// marks leaves every cell exactly as it was, and the marks can be found again after reopening.
import { a1, type CellValue, type Sheet, type Workbook } from '../core/grid/grid';
import {
  addBatch,
  EMPTY_JOURNAL,
  isEmptyJournal,
  JOURNAL_NAMESPACE,
  journalFromXml,
  journalToXml,
  newBatchId,
  planUndo,
  staleEdit,
  type CellState,
  type Journal,
  type Mark,
} from '../taskpane/journal';
import { isMarkFormula, markFormula, MARK_STYLE } from '../taskpane/marks';
import { errorDetail, PortError, type PortErrorCode, type ReportSheet, type WorkbookPort } from '../taskpane/port';
import type { ExcelHost, XlConditionalFormatCollection, XlContext, XlCustomXmlPart, XlRange, XlRangeAreas, XlWorksheet } from './api';
import { cellValueOf, formulaOf, sheetFromUsedRange, type UsedRangeData } from './sheet-from-range';

/** Rows per getMergedAreasOrNullObject call: Excel fails that call above 512 merged areas. */
export const MERGE_BAND_ROWS = 400;

/** The report sheet's name in each language; the checker never reads these sheets. */
export const REPORT_SHEET_NAMES: readonly string[] = ['勾稽报告', 'Gouji report'];

/** How long after our own write a change event is taken to be ours (hosts before ExcelApi 1.14 do not say). */
export const OWN_CHANGE_MS = 2000;

/**
 * Cells read per sync (their values, types, formulas and number formats): keeps each response far under
 * Excel on the web's payload limit (about 5 MB per request) even with long texts. An ordinary budget
 * workbook (some ten thousand cells) is read in one such sync; a very large one in as many as it needs.
 */
export const READ_CELLS_PER_SYNC = 25_000;

/** What one worksheet's read queues besides its cells: merged areas and visibility. */
interface QueuedSheet {
  readonly used: XlRange;
  readonly merges?: readonly XlRangeAreas[];
  readonly visible?: XlRangeAreas;
}

/** A band of rows of one used range, read in one piece. */
interface Band {
  readonly sheet: number;
  readonly r0: number;
  readonly r1: number;
  range?: XlRange;
}

function queueSheet(ws: XlWorksheet, used: XlRange, host: ExcelHost): QueuedSheet {
  let merges: XlRangeAreas[] | undefined;
  if (host.supports('1.13')) {
    merges = [];
    const last = used.rowIndex + used.rowCount - 1;
    for (let r0 = used.rowIndex; r0 <= last; r0 += MERGE_BAND_ROWS) {
      const r1 = Math.min(last, r0 + MERGE_BAND_ROWS - 1);
      const band = ws.getRange(`${a1(r0, used.columnIndex)}:${a1(r1, used.columnIndex + used.columnCount - 1)}`);
      const areas = band.getMergedAreasOrNullObject();
      areas.load('areas/items/address');
      merges.push(areas);
    }
  }
  let visible: XlRangeAreas | undefined;
  if (host.supports('1.9')) {
    visible = used.getSpecialCellsOrNullObject('Visible');
    visible.load('areas/items/address');
  }
  return { used, ...(merges ? { merges } : {}), ...(visible ? { visible } : {}) };
}

/**
 * The used ranges cut into bands of whole rows and packed, in order, into groups of at most
 * READ_CELLS_PER_SYNC cells: one group per sync (a row wider than that is a group of its own).
 */
export function readGroups(used: ReadonlyArray<{ rowIndex: number; rowCount: number; columnCount: number } | undefined>, perSync = READ_CELLS_PER_SYNC): Band[][] {
  const groups: Band[][] = [];
  let group: Band[] = [];
  let cells = 0;
  used.forEach((u, sheet) => {
    if (!u) return;
    const rowsPerBand = Math.max(1, Math.floor(perSync / u.columnCount));
    for (let r0 = u.rowIndex; r0 < u.rowIndex + u.rowCount; ) {
      const room = Math.max(1, Math.floor((perSync - cells) / u.columnCount));
      const rows = Math.min(rowsPerBand, room, u.rowIndex + u.rowCount - r0);
      if (cells > 0 && cells + rows * u.columnCount > perSync) {
        groups.push(group);
        group = [];
        cells = 0;
        continue;
      }
      group.push({ sheet, r0, r1: r0 + rows - 1 });
      cells += rows * u.columnCount;
      r0 += rows;
    }
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

function addresses(areas: XlRangeAreas): string[] {
  return areas.isNullObject ? [] : areas.areas.items.map((a) => a.address);
}

function sheetOf(name: string, q: QueuedSheet | undefined, bands: readonly Band[]): Sheet {
  if (!q) return sheetFromUsedRange(name, undefined);
  const u = q.used;
  const data: UsedRangeData = {
    rowIndex: u.rowIndex,
    columnIndex: u.columnIndex,
    rowCount: u.rowCount,
    columnCount: u.columnCount,
    values: bands.flatMap((b) => b.range!.values),
    valueTypes: bands.flatMap((b) => b.range!.valueTypes),
    formulas: bands.flatMap((b) => b.range!.formulas),
    numberFormat: bands.flatMap((b) => b.range!.numberFormat),
    ...(q.merges ? { merges: q.merges.flatMap(addresses) } : {}),
    ...(q.visible ? { visible: q.visible.isNullObject ? null : addresses(q.visible) } : {}),
  };
  return sheetFromUsedRange(name, data);
}

// ---------------------------------------------------------------- the journal part

/** Queues the lookup of our custom XML part (its id loaded), or undefined when the host has no parts. */
function queuePart(context: XlContext, host: ExcelHost): XlCustomXmlPart | undefined {
  if (!host.supports('1.5')) return undefined;
  const part = context.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE).getOnlyItemOrNullObject();
  part.load('id');
  return part;
}

/** After a sync: queues reading the part's XML, when there is a part. */
function queueXml(part: XlCustomXmlPart | undefined): { readonly value: string } | undefined {
  return part && !part.isNullObject ? part.getXml() : undefined;
}

/** Queues writing the journal: a new part, the part's new XML, or no part at all when it is empty. */
function queueJournal(context: XlContext, part: XlCustomXmlPart | undefined, journal: Journal): void {
  if (!part) return;
  if (isEmptyJournal(journal)) {
    if (!part.isNullObject) part.delete();
  } else if (part.isNullObject) context.workbook.customXmlParts.add(journalToXml(journal));
  else part.setXml(journalToXml(journal));
}

/**
 * Reads every worksheet (very hidden ones and the report sheet excepted) and the journal in three syncs,
 * whatever the number of sheets: 1. sheet names (and the journal part), 2. each used range's extent (and
 * the journal's XML), 3. values, formulas, formats, merges, visibility. A workbook of more than
 * READ_CELLS_PER_SYNC cells takes one more sync per READ_CELLS_PER_SYNC cells, so that no response
 * passes the host's payload limit.
 */
export async function readWorkbook(context: XlContext, host: ExcelHost): Promise<{ workbook: Workbook; journal?: Journal }> {
  const { workbook } = context;
  const sheets = workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const hasName = host.supports('1.7');
  if (hasName) workbook.load('name');
  const part = queuePart(context, host);
  await context.sync();
  const worksheets = sheets.items.filter((ws) => ws.visibility !== 'VeryHidden' && !REPORT_SHEET_NAMES.includes(ws.name));
  const usedRanges = worksheets.map((ws) => {
    const used = ws.getUsedRangeOrNullObject();
    used.load('address,rowIndex,columnIndex,rowCount,columnCount');
    return used;
  });
  const xml = queueXml(part);
  await context.sync();
  const queued = worksheets.map((ws, i) => {
    const used = usedRanges[i]!;
    return used.isNullObject ? undefined : queueSheet(ws, used, host);
  });
  const groups = readGroups(usedRanges.map((u) => (u.isNullObject ? undefined : u)));
  if (groups.length === 0) await context.sync();
  for (const group of groups) {
    for (const b of group) {
      const u = usedRanges[b.sheet]!;
      b.range = worksheets[b.sheet]!.getRange(`${a1(b.r0, u.columnIndex)}:${a1(b.r1, u.columnIndex + u.columnCount - 1)}`);
      b.range.load('values,valueTypes,formulas,numberFormat');
    }
    await context.sync();
  }
  const bands = groups.flat();
  const name = hasName && workbook.name ? workbook.name : 'Excel';
  const read = { name, sheets: worksheets.map((ws, i) => sheetOf(ws.name, queued[i], bands.filter((b) => b.sheet === i))) };
  if (!part) return { workbook: read };
  return { workbook: read, journal: (xml && journalFromXml(xml.value)) || EMPTY_JOURNAL };
}

// ---------------------------------------------------------------- writing cells

/**
 * What to assign to `range.values` so that Excel stores exactly `value`: Excel parses assigned text the
 * way it parses typing, so text that would turn into a number, date, boolean, error or formula gets the
 * `'` prefix that keeps it text.
 */
export function literal(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value !== 'string') return value;
  const t = value.trim();
  const parsesAsSomethingElse =
    /^[=+\-@'#]/.test(value) ||
    /^[-+(]?[$¥￥€£]?\s*(\d[\d,]*\.?\d*|\.\d+)(e[-+]?\d+)?\s*%?\)?$/i.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^\d{1,4}\s*[-/.年]\s*\d{1,2}(\s*[-/.月]\s*\d{1,4}\s*日?)?$/.test(t) ||
    /^\d{1,2}:\d{2}/.test(t) ||
    /^\d+\s+\d+\/\d+$/.test(t);
  return parsesAsSomethingElse ? `'${value}` : value;
}

/** Queues writing a cell state into a one-cell range. */
function queueWrite(range: XlRange, state: CellState): void {
  if (state.formula !== undefined) range.formulas = [[`=${state.formula.replace(/^=/, '')}`]];
  else range.values = [[literal(state.value)]];
}

/** A loaded one-cell range → its state. */
function stateOfRange(range: XlRange): CellState {
  const raw = range.values[0]?.[0];
  const value = cellValueOf(raw, range.valueTypes[0]?.[0]);
  const formula = formulaOf(range.formulas[0]?.[0], raw);
  return { value, ...(formula !== undefined ? { formula } : {}) };
}

const cellKey = (sheet: string, address: string) => `${sheet}!${address}`;

/**
 * A host failure as the pane's code: Excel refuses every call while the user is typing in a cell
 * (InvalidOperationInCellEditMode), which says nothing about the workbook; else `fallback`.
 */
function hostError(e: unknown, fallback: PortErrorCode): PortError {
  if (e instanceof PortError) return e;
  const text = errorDetail(e);
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (/InvalidOperationInCellEditMode/i.test(`${code} ${text}`)) return new PortError('edit-mode', text);
  return new PortError(fallback, text);
}

/** Excel's refusals of a write, as the pane's codes; anything else is `write-failed`. */
function writeError(e: unknown): PortError {
  const err = hostError(e, 'write-failed');
  if (err.code === 'write-failed' && /AccessDenied|protected/i.test(err.detail ?? '')) return new PortError('protected', err.detail);
  return err;
}

/** The sheets of a workbook after `items/name,items/protection/protected` was loaded and synced. */
interface LoadedSheets {
  readonly byName: ReadonlyMap<string, XlWorksheet>;
}

/** Refuses, before anything is written, when a sheet is gone or protected. */
function requireWritable(sheets: LoadedSheets, names: Iterable<string>): void {
  for (const name of new Set(names)) {
    const ws = sheets.byName.get(name);
    if (!ws) throw new PortError('sheet-not-found', undefined, name);
    if (ws.protection.protected) throw new PortError('protected', undefined, name);
  }
}

// ---------------------------------------------------------------- the port

/** A WorkbookPort over Excel. All Excel errors come out as PortError. */
export function createExcelPort(host: ExcelHost, now: () => Date = () => new Date()): WorkbookPort {
  const persistent = host.supports('1.5');
  /** The journal as of our last read or write (the session's journal when the host has no XML parts). */
  let known: Journal | undefined = persistent ? undefined : EMPTY_JOURNAL;
  /** Until when change events are taken to be our own writes. */
  let quietUntil = 0;
  const quiet = () => {
    quietUntil = Date.now() + OWN_CHANGE_MS;
  };

  /**
   * Sync 1 of every write: the sheets with their protection, the read-only flag and the journal part.
   * Refuses a read-only workbook.
   */
  async function begin(context: XlContext): Promise<{ sheets: LoadedSheets; part?: XlCustomXmlPart }> {
    const { workbook } = context;
    workbook.worksheets.load('items/name,items/protection/protected');
    const readOnly = host.supports('1.8');
    if (readOnly) workbook.load('readOnly');
    const part = queuePart(context, host);
    await context.sync();
    if (readOnly && workbook.readOnly) throw new PortError('read-only');
    const byName = new Map(workbook.worksheets.items.map((ws) => [ws.name, ws] as const));
    return { sheets: { byName }, ...(part ? { part } : {}) };
  }

  /** The journal from the part's XML (read in the same sync as other things), or the session's. */
  const journalOf = (xml: { readonly value: string } | undefined, part: XlCustomXmlPart | undefined): Journal => {
    if (!part) return known ?? EMPTY_JOURNAL;
    return (xml && journalFromXml(xml.value)) || EMPTY_JOURNAL;
  };

  /** Queues loading one-cell ranges (values, types, formulas) for the given cells. */
  function loadCells(sheets: LoadedSheets, cells: Iterable<{ sheet: string; address: string }>, into: Map<string, XlRange>): void {
    for (const c of cells) {
      const key = cellKey(c.sheet, c.address);
      const ws = sheets.byName.get(c.sheet);
      if (into.has(key) || !ws) continue;
      const range = ws.getRange(c.address);
      range.load('values,valueTypes,formulas');
      into.set(key, range);
    }
  }

  /** Queues loading the conditional formats (their types) of the given cells. */
  function loadFormats(sheets: LoadedSheets, marks: Iterable<{ sheet: string; address: string }>, into: Map<string, XlConditionalFormatCollection>): void {
    for (const m of marks) {
      const key = cellKey(m.sheet, m.address);
      const ws = sheets.byName.get(m.sheet);
      if (into.has(key) || !ws) continue;
      const formats = ws.getRange(m.address).conditionalFormats;
      formats.load('items/type');
      into.set(key, formats);
    }
  }

  /** Runs a batch that writes and answers the new journal: remembers it, and turns Excel's refusals into PortErrors. */
  async function writeJournal(batch: (context: XlContext) => Promise<Journal>): Promise<Journal> {
    try {
      known = await host.run(batch);
      return known;
    } catch (e) {
      throw writeError(e);
    }
  }

  /**
   * Replaces our marks: finds the conditional formats we added (by their formula) on the cells the
   * journal lists, deletes them, and adds `next`. Four syncs: 1. sheets, part; 2. XML and the formats'
   * types; 3. the custom formats' formulas; 4. delete, add and the journal, together.
   */
  async function remark(next: readonly Mark[]): Promise<Journal> {
    if (!host.supports('1.6')) throw new PortError('unsupported', undefined, '1.6');
    return writeJournal(async (context) => {
      const { sheets, part } = await begin(context);
      const xml = queueXml(part);
      const formats = new Map<string, XlConditionalFormatCollection>();
      // The marks we know of, and the new cells (a mark the journal lost is still found there).
      loadFormats(sheets, [...(known?.marks ?? []), ...next], formats);
      await context.sync();
      const current = journalOf(xml, part);
      // The journal lists marks we did not know of (written by another session): their formats too.
      const missed = current.marks.filter((m) => !formats.has(cellKey(m.sheet, m.address)) && sheets.byName.has(m.sheet));
      if (missed.length > 0) {
        loadFormats(sheets, missed, formats);
        await context.sync();
      }
      // Marks on a deleted sheet went with it; every other sheet written must be unprotected.
      requireWritable(sheets, [...next.map((m) => m.sheet), ...current.marks.map((m) => m.sheet).filter((name) => sheets.byName.has(name))]);
      const customs = [...formats.values()].flatMap((f) => f.items.filter((cf) => cf.type === 'Custom'));
      for (const cf of customs) cf.custom.rule.load('formula');
      await context.sync();
      for (const cf of customs) if (isMarkFormula(cf.custom.rule.formula)) cf.delete();
      for (const m of next) {
        const ws = sheets.byName.get(m.sheet)!;
        const cf = ws.getRange(m.address).conditionalFormats.add('Custom');
        cf.custom.rule.formula = markFormula(m.severity);
        cf.custom.format.fill.color = MARK_STYLE[m.severity].fill;
        cf.custom.format.font.color = MARK_STYLE[m.severity].font;
      }
      const after: Journal = { ...current, marks: [...next] };
      queueJournal(context, part, after);
      quiet();
      await context.sync();
      return after;
    });
  }

  return {
    source: 'excel',
    capabilities: { persistentJournal: persistent, marks: host.supports('1.6'), reportSheet: host.supports('1.7'), watch: host.supports('1.9'), downloads: false },
    async read() {
      try {
        const { workbook, journal } = await host.run((context) => readWorkbook(context, host));
        if (journal) known = journal;
        return workbook;
      } catch (e) {
        throw hostError(e, 'read-failed');
      }
    },
    async select(sheet, address) {
      try {
        await host.run(async (context) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
          await context.sync();
          if (ws.isNullObject) throw new PortError('sheet-not-found', undefined, sheet);
          ws.activate();
          ws.getRange(address).select();
          await context.sync();
        });
      } catch (e) {
        throw hostError(e, 'select-failed');
      }
    },
    async journal() {
      if (known) return known;
      try {
        const journal = await host.run(async (context) => {
          const part = queuePart(context, host);
          await context.sync();
          const xml = queueXml(part);
          if (xml) await context.sync();
          return journalOf(xml, part);
        });
        known = journal;
        return journal;
      } catch (e) {
        throw hostError(e, 'read-failed');
      }
    },
    /** Three syncs: 1. sheets, protection, read-only, part; 2. the cells and the journal; 3. every write. */
    async apply(request) {
      return writeJournal(async (context) => {
        const { sheets, part } = await begin(context);
        const edits = request.fixes.flatMap((f) => f.edits);
        requireWritable(
          sheets,
          edits.map((e) => e.sheet),
        );
        const ranges = new Map<string, XlRange>();
        loadCells(sheets, edits, ranges);
        const xml = queueXml(part);
        await context.sync();
        const current = (sheet: string, address: string) => {
          const range = ranges.get(cellKey(sheet, address));
          return range ? stateOfRange(range) : undefined;
        };
        const stale = staleEdit(request, current);
        if (stale) throw new PortError('stale', undefined, cellKey(stale.sheet, stale.address));
        const at = now();
        const after = addBatch(journalOf(xml, part), request, newBatchId(at), at, (sheet, address) => current(sheet, address) ?? { value: null });
        for (const e of edits) queueWrite(ranges.get(cellKey(e.sheet, e.address))!, e.after);
        queueJournal(context, part, after);
        quiet();
        await context.sync();
        return after;
      });
    },
    /**
     * Three syncs: 1. sheets, protection, part; 2. the journal and the cells it (as last known) lists;
     * 3. every write. A journal changed elsewhere costs one more sync to read its cells.
     */
    async undo(fixIds) {
      return writeJournal(async (context) => {
        const { sheets, part } = await begin(context);
        const ranges = new Map<string, XlRange>();
        const cellsOf = (j: Journal) => j.batches.flatMap((b) => b.fixes.filter((f) => fixIds.includes(f.id)).flatMap((f) => f.edits));
        if (known) loadCells(sheets, cellsOf(known), ranges);
        const xml = queueXml(part);
        await context.sync();
        const stored = journalOf(xml, part);
        const wanted = cellsOf(stored);
        if (wanted.some((e) => !ranges.has(cellKey(e.sheet, e.address)) && sheets.byName.has(e.sheet))) {
          loadCells(sheets, wanted, ranges);
          await context.sync();
        }
        const plan = planUndo(stored, fixIds, (sheet, address) => {
          const range = ranges.get(cellKey(sheet, address));
          return range ? stateOfRange(range) : undefined;
        });
        if (!plan.ok) {
          if (plan.sheet !== undefined && !sheets.byName.has(plan.sheet)) throw new PortError('sheet-not-found', undefined, plan.sheet);
          throw new PortError(plan.reason === 'later-fix' ? 'undo-later' : 'undo-changed', undefined, plan.sheet !== undefined ? cellKey(plan.sheet, plan.address!) : undefined);
        }
        requireWritable(
          sheets,
          plan.restores.map((r) => r.sheet),
        );
        for (const r of plan.restores) queueWrite(ranges.get(cellKey(r.sheet, r.address))!, r.state);
        queueJournal(context, part, plan.journal);
        quiet();
        await context.sync();
        return plan.journal;
      });
    },
    mark: (marks) => remark(marks),
    clearMarks: () => remark([]),
    /** Two syncs: 1. the old sheet, protection, read-only; 2. delete, add, write everything, activate. */
    async addReportSheet(report: ReportSheet) {
      if (!host.supports('1.7')) throw new PortError('unsupported', undefined, '1.7');
      try {
        await host.run(async (context) => {
          const { workbook } = context;
          const old = workbook.worksheets.getItemOrNullObject(report.name);
          workbook.protection.load('protected');
          const readOnly = host.supports('1.8');
          if (readOnly) workbook.load('readOnly');
          await context.sync();
          if (readOnly && workbook.readOnly) throw new PortError('read-only');
          if (workbook.protection.protected) throw new PortError('structure-protected');
          if (!old.isNullObject) old.delete();
          const ws = workbook.worksheets.add(report.name);
          const width = Math.max(report.header.length, 1);
          const pad = (values: ReadonlyArray<string | number>) => Array.from({ length: width }, (_, i) => values[i] ?? '');
          const table = [...report.heading.map((h) => pad([h])), pad([]), pad(report.header), ...report.rows.map((r) => pad(r.values))];
          const top = report.heading.length + 1;
          ws.getRange(`A1:${a1(table.length - 1, width - 1)}`).values = table.map((row) => row.map((v) => (typeof v === 'string' ? literal(v) : v)));
          if (report.heading.length > 0) ws.getRange('A1').format.font.bold = true;
          ws.getRange(`A${top + 1}:${a1(top, width - 1)}`).format.font.bold = true;
          if (report.rows.length > 0) {
            const first = top + 1;
            const last = top + report.rows.length;
            for (const col of report.amountColumns) ws.getRange(`${a1(first, col)}:${a1(last, col)}`).numberFormat = report.rows.map(() => ['#,##0.00']);
            report.rows.forEach((row, i) => {
              if (!row.link) return;
              const quoted = `'${row.link.sheet.replace(/'/g, "''")}'!${row.link.address}`;
              ws.getRange(a1(first + i, report.linkColumn)).hyperlink = { documentReference: quoted, textToDisplay: String(row.values[report.linkColumn] ?? quoted) };
            });
          }
          report.widths.forEach((w, col) => {
            const column = ws.getRange(`${a1(0, col)}:${a1(Math.max(table.length - 1, 0), col)}`);
            column.format.columnWidth = w * 6;
          });
          ws.freezePanes.freezeRows(top + 1);
          ws.activate();
          quiet();
          await context.sync();
        });
      } catch (e) {
        throw writeError(e);
      }
    },
    async watch(onChange) {
      if (!host.supports('1.9')) throw new PortError('unsupported', undefined, '1.9');
      const namesSource = host.supports('1.14');
      try {
        const handler = await host.run(async (context) => {
          const result = context.workbook.worksheets.onChanged.add(async (event) => {
            // ExcelApi 1.14 says whether we made the change; older hosts: a quiet moment after our writes.
            if (namesSource ? event.triggerSource === 'ThisLocalAddin' : Date.now() < quietUntil) return;
            // Something changed that we did not write: the journal may be stale too.
            if (persistent) known = undefined;
            onChange();
          });
          await context.sync();
          return result;
        });
        return async () => {
          await host.runIn(handler.context, async (context) => {
            handler.remove();
            await context.sync();
          });
        };
      } catch (e) {
        throw e instanceof PortError ? e : new PortError('write-failed', errorDetail(e));
      }
    },
  };
}
