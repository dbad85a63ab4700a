// Test support: find the cell a hand-check line names (row by code or printed text, column by header).
import { a1, cellAt, cellText, type Sheet } from '../../src/core/grid/grid';
import type { Row, Table } from '../../src/core/recognize/model';
import { labelKey } from '../../src/core/text';
import type { HandCheck } from './fixtures';

/**
 * The A1 address of the cell a hand-check line names in a table, or undefined. The row is found by
 * its code, else by a cell of the row holding the printed text (rows without a code preferred, so
 * a code-less 款 row named like its 类 is told apart; `name#N` is the N-th such row); the column by its header path, whose words
 * the hand check separates by spaces (`基本支出 小计` = 基本支出/小计).
 */
export function locate(table: Table, sheet: Sheet, check: Pick<HandCheck, 'row' | 'column'>): string | undefined {
  const nth = /#(\d+)$/.exec(check.row);
  const key = labelKey(check.row.replace(/#\d+$/, ''));
  const texts = (r: Row) => {
    const out: string[] = [];
    for (const c of table.columns) out.push(labelKey(cellText(cellAt(sheet, r.row, c.col))));
    return out;
  };
  const byText = table.rows.filter((r) => texts(r).includes(key) || (r.isTotal && /^(合计|总计)$/.test(key)));
  const printedCode = (r: Row) => r.code !== undefined && r.codeSource === 'cell';
  const row = nth ? byText[Number(nth[1]) - 1] : (table.rows.find((r) => printedCode(r) && r.code === check.row) ?? byText.find((r) => !printedCode(r)) ?? byText[0]);
  const words = check.column.split(/\s+/).map(labelKey);
  const col = table.columns.find((c) => {
    const path = c.path.map(labelKey);
    return c.role !== 'name' && path.length >= words.length && words.every((w, i) => path[path.length - words.length + i] === w);
  });
  return row && col ? a1(row.row, col.col) : undefined;
}
