// Applies edits to a copy of a workbook grid (for verifying fixes, and for the file adapter's output).
import { setCells } from '../grid/cells';
import type { Workbook } from '../grid/grid';
import type { Edit } from '../findings';
import { parseAmountText } from '../money/money';

/**
 * The value an edit writes: a number when `after` is an amount with decimals (`548.27`,
 * `1,000.00`: fixes always write two), else the text as it is (names, and codes like `2010301`).
 */
export function editValue(after: string): string | number {
  const n = parseAmountText(after);
  return n !== undefined && /^-?[\d,]*\.\d+$/.test(after.trim()) ? n.toNumber() : after;
}

/** A new workbook with the edits applied; the input is not changed. Edits to unknown sheets are ignored. */
export function applyEdits(wb: Workbook, edits: readonly Edit[]): Workbook {
  return setCells(
    wb,
    edits.map((e) => ({ sheet: e.sheet, address: e.address, state: { value: editValue(e.after), ...(e.formula !== undefined ? { formula: e.formula } : {}) } })),
  );
}
