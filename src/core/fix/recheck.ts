// Re-checks that verify fixes run again only the rules whose result can change: a rule is a pure function
// of the tables it reads (and of the workbook's metadata, catalogs and tolerance), so a rule that read
// none of the tables a fix changes gives the same findings as before, and they are reused.
//
// Which tables a rule reads is observed, not declared: in the first check each rule sees views of the
// tables that note every property it reads (its kind and side apart, which every rule reads to choose its
// tables). A re-check compares its tables with the first check's, object by object (recognition keeps the
// objects of tables whose cells did not change).
import type { Finding } from '../findings';
import type { Table } from '../recognize/model';

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
