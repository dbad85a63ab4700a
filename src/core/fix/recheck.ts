// Re-checks that verify fixes run again only the rules whose result can change: a rule is a pure function
// of the tables it reads (and of the workbook's metadata, catalogs and tolerance), so a rule that read
// none of the tables a fix changes gives the same findings as before, and they are reused.
//
// Which tables a rule reads is observed, not declared: in the first check each rule sees views of the
// tables that note every property it reads (its kind and side apart, which every rule reads to choose its
// tables). A re-check compares its tables with the first check's, object by object (recognition keeps the
// objects of tables whose cells did not change).
import type { Finding } from '../findings';
import { hasContent, type CellValue, type Sheet } from '../grid/grid';
import type { Table } from '../recognize/model';
import { AmountCells, readAmountCell, type SheetRecognition } from '../recognize/tables';

/** What one rule found in a check, and which tables it read (indexes into the check's tables). */
export interface RuleResult<O> {
  readonly found: readonly Finding[];
  readonly outcome: O;
  readonly read: Uint8Array;
}

/** Views of the tables that note, per rule, which tables are read. */
export interface TableTracker {
  readonly views: readonly Table[];
  /** Starts noting for the next rule; returns where its reads go. */
  begin(): Uint8Array;
}

/** Properties every rule reads to choose its tables: not a read of the table's content. */
const CHOOSING = new Set<PropertyKey>(['kind', 'part']);

export function trackTables(tables: readonly Table[]): TableTracker {
  let flags = new Uint8Array(tables.length);
  const views = tables.map((t, i) => {
    // A property the table does not have is a read too (an absent `fields` may be present after an edit).
    const absent = new Proxy(Object.prototype, {
      get(target, prop) {
        flags[i] = 1;
        return Reflect.get(target, prop);
      },
    });
    const view = Object.create(absent) as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      const value = (t as unknown as Record<string, unknown>)[key];
      Object.defineProperty(
        view,
        key,
        CHOOSING.has(key)
          ? { value, enumerable: true }
          : {
              get() {
                flags[i] = 1;
                return value;
              },
              enumerable: true,
            },
      );
    }
    return view as unknown as Table;
  });
  return {
    views,
    begin() {
      flags = new Uint8Array(tables.length);
      return flags;
    },
  };
}

/**
 * The tables of a re-check that differ from the first check's, or undefined when the tables are not the
 * same ones in the same places (another count, kind, side or sheet): then every rule runs again.
 */
export function changedTables(before: readonly Table[], after: readonly Table[]): Uint8Array | undefined {
  if (before.length !== after.length) return undefined;
  const changed = new Uint8Array(after.length);
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a === b) continue;
    if (a.kind !== b.kind || a.part !== b.part || a.sheet !== b.sheet) return undefined;
    changed[i] = 1;
  }
  return changed;
}

/** Whether a rule read any of the changed tables. */
export function readsAny(read: Uint8Array, changed: Uint8Array): boolean {
  for (let i = 0; i < changed.length; i++) if (changed[i] === 1 && read[i] === 1) return true;
  return false;
}

/**
 * The recognition of a sheet after edits that only change numbers into other numbers in amount cells of
 * data rows (formulas with them or not), made from the recognition before them: the same tables, with the
 * edited rows' amount cells read again (readAmountCell, as recognition reads them). Undefined when the edits
 * could change more than that (a blank or text cell, a cell no table reads as an amount, a cell of a form
 * table, a row of one or two cells that could read as a title): then the sheet is recognized anew.
 */
export function patchRecognition(old: SheetRecognition, after: Sheet, edits: ReadonlyArray<{ row: number; col: number; formula?: string; before: CellValue | undefined }>): SheetRecognition | undefined {
  const byRow = new Map<number, number[]>();
  for (const e of edits) {
    const now = after.cells[e.row]?.[e.col];
    // A formula written with its number is read only by the amount cell (recognition reads no other formula).
    if (typeof e.before !== 'number' || typeof now?.value !== 'number') return undefined;
    let filled = 0;
    for (const c of after.cells[e.row] ?? []) if (hasContent(c)) filled++;
    if (filled < 3) return undefined;
    const cols = byRow.get(e.row);
    if (cols) cols.push(e.col);
    else byRow.set(e.row, [e.col]);
  }
  const seen = new Set<string>();
  const tables = old.tables.map((t) => {
    const inside = [...byRow].filter(([row, cols]) => row >= t.rect.r0 && row <= t.rect.r1 && cols.some((c) => c >= t.rect.c0 && c <= t.rect.c1));
    if (inside.length === 0) return t;
    if (t.fields !== undefined || t.paragraphs !== undefined) return undefined;
    const rows = t.rows.slice();
    for (const [row, cols] of inside) {
      const i = rows.findIndex((r) => r.row === row);
      if (i < 0) return undefined;
      // The same kind of map as recognition makes (a copy: the cells not edited are shared).
      const before = rows[i]!.amounts;
      const amounts = before instanceof AmountCells ? before.copy() : new Map(before);
      for (const col of cols) {
        // A cell of the other side of a two-sided summary (same rectangle, other columns) is not this table's.
        if (!t.columns.some((c) => c.col === col)) continue;
        if (!amounts.has(col)) return undefined;
        const cell = readAmountCell(after.cells[row]?.[col], col);
        if (!cell) return undefined;
        amounts.set(col, cell);
        seen.add(`${row}:${col}`);
      }
      rows[i] = { ...rows[i]!, amounts };
    }
    return { ...t, rows };
  });
  if (tables.some((t) => t === undefined)) return undefined;
  // Every edited cell must be an amount some table reads.
  for (const [row, cols] of byRow) for (const col of cols) if (!seen.has(`${row}:${col}`)) return undefined;
  return { tables: tables as Table[], notes: old.notes };
}
