// The table figures a narrative names: grand totals of the summaries, the 合计 row of an expenditure table,
// a 类 row, a "三公" item. Pure lookups over recognized tables.
import type { Catalogs } from '../analyze';
import { ZERO, type Money } from '../money/money';
import type { TableKind } from '../recognize/kinds';
import type { Column, ColumnRole, Row, Table } from '../recognize/model';
import { OTHER_FIGURE_ROLES } from '../recognize/roles';
import { halfWidth, labelKey } from '../text';

/** One table figure: its value and the cells it was read from (one, or the cells it adds up). */
export interface TableFigure {
  readonly value: Money;
  readonly table: Table;
  readonly row: Row;
  readonly cells: ReadonlyArray<{ row: number; col: number }>;
  /** How many rounded table amounts the value adds up (for the rounding bound). */
  readonly terms: number;
}

/** Tables of a kind, optionally one side of a two-sided summary. */
export function tablesOf(tables: readonly Table[], kind: TableKind, part?: 'income' | 'expenditure'): Table[] {
  return tables.filter((t) => t.kind === kind && (part === undefined || t.part === part));
}

/** The value of a set of cells of a row: undefined when one holds text that is not a number; blanks count as zero. */
function valueOf(table: Table, row: Row, cols: readonly number[]): TableFigure | undefined {
  if (cols.length === 0) return undefined;
  let value: Money = ZERO;
  for (const col of cols) {
    const cell = row.amounts.get(col);
    if (cell?.parsed.kind === 'text') return undefined;
    if (cell?.value !== undefined) value = value.plus(cell.value);
  }
  return { value, table, row, cells: cols.map((col) => ({ row: row.row, col })), terms: cols.length };
}

const last = (c: Column) => labelKey(c.path[c.path.length - 1] ?? '');

/**
 * The columns that hold a row's whole amount on one side of a table: a 合计/总计/预算数/金额 column,
 * else 本年 + 结转, else the only amount column.
 */
export function wholeColumns(table: Table): number[] {
  const total = table.columns.find((c) => c.role === 'total');
  if (total) return [total.col];
  const named = table.columns.find((c) => (c.role === 'amount' || c.role === 'basic') && /^(合计|总计|金额|预算数|\d{4}年预算数?)$/.test(last(c)));
  if (named) return [named.col];
  const parts = table.columns.filter((c) => c.role === 'current-year' || c.role === 'carryover').map((c) => c.col);
  if (parts.length > 0) return parts;
  const amounts = table.columns.filter((c) => c.role === 'amount');
  return amounts.length === 1 ? [amounts[0]!.col] : [];
}

/** The columns of a role (current-year, carryover, basic …). */
export function roleColumns(table: Table, role: ColumnRole): number[] {
  return table.columns.filter((c) => c.role === role).map((c) => c.col);
}

/** The first row whose label (list marks and spaces dropped) matches. */
export function rowByLabel(table: Table, re: RegExp): Row | undefined {
  return table.rows.find((r) => re.test(labelKey(r.name)));
}

/** The 合计 row of a table (a total row, else a row labelled 合计/总计). */
export function totalRow(table: Table): Row | undefined {
  return table.rows.find((r) => r.isTotal && r.level === 0) ?? table.rows.find((r) => r.isTotal) ?? rowByLabel(table, /^(合计|总计)$/);
}

/** A row's figure in its whole-amount columns. */
export function rowWhole(table: Table, row: Row | undefined): TableFigure | undefined {
  return row ? valueOf(table, row, wholeColumns(table)) : undefined;
}

/** A row's figure in the columns of one role. */
export function rowRole(table: Table, row: Row | undefined, role: ColumnRole): TableFigure | undefined {
  return row ? valueOf(table, row, roleColumns(table, role)) : undefined;
}

/** A row of a summary side by label, as a whole amount. */
export function summaryRow(tables: readonly Table[], kind: TableKind, part: 'income' | 'expenditure', re: RegExp): TableFigure | undefined {
  for (const t of tablesOf(tables, kind, part)) {
    const f = rowWhole(t, rowByLabel(t, re));
    if (f) return f;
  }
  return undefined;
}

/** The 合计 row of the first table of a kind: its whole amount, or the columns of one role. */
export function totalOf(tables: readonly Table[], kind: TableKind, role?: ColumnRole): TableFigure | undefined {
  for (const t of tablesOf(tables, kind)) {
    const row = totalRow(t);
    const f = role ? rowRole(t, row, role) : rowWhole(t, row);
    if (f) return f;
  }
  return undefined;
}

/** A 类 name for comparing: half-width, no spaces, no list marks, no `(类)`, no trailing 支出. */
export function leiKey(name: string): string {
  return labelKey(halfWidth(name))
    .replace(/\(类\)/g, '')
    .replace(/(支出)+$/, '')
    .replace(/["“”]/g, '');
}

/**
 * The row of a 类 named in the narrative, in a table: by its printed name (a name cut by the column
 * width counts when it is at least four characters), or by the catalog name of its 3-digit code.
 * Undefined unless exactly one row fits.
 */
export function leiRow(table: Table, name: string, catalogs: Catalogs, year: number | undefined): Row | undefined {
  const key = leiKey(name);
  if (key.length < 2) return undefined;
  const functional = catalogs.functional?.(year);
  const fits = table.rows.filter((r) => {
    if (r.isTotal) return false;
    if (r.code !== undefined && r.code.length !== 3) return false;
    const printed = leiKey(r.name);
    if (printed === key) return true;
    // A name cut by the column width (`八、社会保障和就业支`) ends before 支出; a whole name must match whole.
    if (!/支出$/.test(labelKey(r.name)) && printed.length >= 4 && key.startsWith(printed)) return true;
    const official = r.code !== undefined ? functional?.name(r.code) : undefined;
    return official !== undefined && leiKey(official) === key;
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** The "三公" table's figure for one item, whether the table lists items as rows or as columns. */
export function threePublic(tables: readonly Table[], item: RegExp): TableFigure | undefined {
  for (const t of tablesOf(tables, 'three-public-expenses')) {
    if (t.columns.some((c) => c.role === 'name')) {
      const row = item.source === TOTAL_ITEM.source ? totalRow(t) : rowByLabel(t, item);
      const cols = wholeColumns(t);
      const f = row ? valueOf(t, row, cols) : undefined;
      if (f) return f;
    } else {
      // Items as columns, one data row (`"三公"经费合计 | 因公出国(境)费 | …`).
      const row = t.rows[0];
      // The table's own figures: a 决算 prints 预算数 beside each item's 决算数, and the narrative quotes the 决算数.
      const col = t.columns.find((c) => !OTHER_FIGURE_ROLES.has(c.role) && item.test(labelKey(c.path.join('/')).replace(/["“”]/g, '')));
      const f = row && col ? valueOf(t, row, [col.col]) : undefined;
      if (f) return f;
    }
  }
  return undefined;
}

/** The "三公" total. */
export const TOTAL_ITEM = /^(合计|总计|"?三公"?经费合计)$/;
