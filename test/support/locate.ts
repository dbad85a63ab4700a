// Test support: find the cell a hand-check line names (row by code or printed name, column by header).
import { a1 } from '../../src/core/grid/grid';
import type { Table } from '../../src/core/recognize/model';
import { labelKey } from '../../src/core/text';
import type { HandCheck } from './fixtures';

/** The A1 address of the cell a hand-check line names in a table, or undefined. */
export function locate(table: Table, check: Pick<HandCheck, 'row' | 'column'>): string | undefined {
  const rowKey = labelKey(check.row);
  const row = /^\d+$/.test(check.row)
    ? table.rows.find((r) => r.code === check.row)
    : table.rows.find((r) => labelKey(r.name) === rowKey || (r.isTotal && /^(合计|总计)$/.test(rowKey)));
  const colKey = labelKey(check.column);
  const col = table.columns.find((c) => c.path.length > 0 && labelKey(c.path[c.path.length - 1]!) === colKey && c.role !== 'name')
    ?? table.columns.find((c) => c.path.map(labelKey).join('/') === colKey);
  return row && col ? a1(row.row, col.col) : undefined;
}

/** Hand-check identity names → Gouji rule ids. */
export const IDENTITY_RULES: Readonly<Record<string, string>> = {
  'children-sum': 'subtotal',
  'total-sum': 'total-row',
  'row-sum': 'row-sum',
};
