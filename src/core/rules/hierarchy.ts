// The code hierarchy of one table: each coded row's nearest ancestor row present in the table.
import { parentCode } from '../recognize/tables';
import type { Row, Table } from '../recognize/model';

export interface Hierarchy {
  /** Rows whose nearest present ancestor is the given code (`''` for the top level). */
  childrenOf(code: string): readonly Row[];
  /** Coded rows that have children in the table, in table order. */
  readonly parents: readonly Row[];
}

/** Builds the hierarchy of a table's coded rows. A row whose code repeats keeps its first occurrence. */
export function hierarchyOf(table: Table): Hierarchy {
  const byCode = new Map<string, Row>();
  for (const row of table.rows) if (row.code && !row.isTotal && !byCode.has(row.code)) byCode.set(row.code, row);
  const children = new Map<string, Row[]>();
  for (const row of byCode.values()) {
    let p = parentCode(row.code!);
    while (p !== undefined && !byCode.has(p)) p = parentCode(p);
    const key = p ?? '';
    const list = children.get(key) ?? [];
    list.push(row);
    children.set(key, list);
  }
  const parents = [...byCode.values()].filter((r) => (children.get(r.code!) ?? []).length > 0);
  return { childrenOf: (code) => children.get(code) ?? [], parents };
}

/** The amount columns of a table (columns whose role is an amount role and that hold amounts). */
export function amountColumns(table: Table): number[] {
  const cols = new Set<number>();
  for (const row of table.rows) for (const col of row.amounts.keys()) cols.add(col);
  return [...cols].sort((a, b) => a - b);
}
