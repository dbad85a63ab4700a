// The one comparison every additive rule makes: a stated cell against the sum of other cells.
import { a1 } from '../grid/grid';
import { amountsOf, cellRef, classifyDifference, countCompared, type Finding, type Message, type RoundingPolicy } from '../findings';
import { rowCellKey, termAt, termCount, type CellKey } from '../fix/constraints';
import { displayAmount, Money, newSum, ZERO } from '../money/money';
import type { AmountCell, Column, Row, Table } from '../recognize/model';
import { amountColumns } from './hierarchy';

/** A cell inside a table: its row and its amount column; `table` when it lies in another table than the checked cell. */
export interface TableCell {
  readonly row: Row;
  readonly col: number;
  readonly table?: Table;
}

export function amountAt(c: TableCell): AmountCell | undefined {
  return c.row.amounts.get(c.col);
}

/** A row's label for messages: `2010301 行政运行`, or its name, or `第 N 行`. */
export function rowLabel(row: Row): string {
  const name = row.name.replace(/\s+/g, '');
  if (row.code && name) return `${row.code} ${name}`;
  return row.code ?? (name || `第${row.row + 1}行`);
}

/** A column's label for messages: its header path (`基本支出/人员经费`). */
export function columnLabel(table: Table, col: number): string {
  const c: Column | undefined = table.columns.find((x) => x.col === col);
  return c && c.path.length > 0 ? c.path.join('/') : a1(0, col).replace(/\d+$/, '列');
}

export interface SumCheck {
  readonly rule: string;
  readonly table: Table;
  readonly checked: TableCell;
  /** The cells summed: any cells, or (no object per term) cells of one column of some rows, or of one row in some columns. */
  readonly terms: readonly TableCell[] | { readonly rows: readonly Row[]; readonly col: number } | { readonly row: Row; readonly cols: readonly number[] };
  readonly policy: RoundingPolicy;
  /** Message id prefix: `${messageId}` for real differences, `${messageId}.rounding` within rounding. */
  readonly messageId: string;
  /** The message data, or a function that makes it (called only when the sum fails: labels cost time). */
  readonly data: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);
  /** Confidence and reason of the fix that sets the checked cell to the sum. */
  readonly fixConfidence: number;
  readonly fixReason: Message;
}

/**
 * Compares checked = Σ terms. Absent cells count as zero; when the checked cell and every term
 * are absent, or one of them holds text that is not a number, there is nothing to compare. Returns a finding when they differ: `info` within the
 * rounding bound (0.01 per term by default), otherwise `error`.
 */
export function checkSum(c: SumCheck): Finding | undefined {
  const stated = amountAt(c.checked);
  // A cell whose text is not a number (OCR damage, a note) makes the sum unknowable: say nothing here. (Only a
  // cell without an amount can be one: most cells are answered by their amount, without asking how they parsed.)
  if (stated !== undefined && stated.value === undefined && stated.parsed.kind === 'text') return undefined;
  const terms: Terms = isCells(c.terms) ? { cells: c.terms } : c.terms;
  const n = termCount(terms);
  let blank = stated?.value === undefined;
  // Σ terms, exactly as adding them one by one (no amount made per term).
  const sum = newSum();
  // The terms' shape, asked once rather than per term.
  const cells = 'cells' in terms ? terms.cells : undefined;
  const rows = cells === undefined && 'rows' in terms ? terms : undefined;
  const cols = cells === undefined && rows === undefined ? (terms as { readonly row: Row; readonly cols: readonly number[] }) : undefined;
  for (let k = 0; k < n; k++) {
    const cell = cells !== undefined ? amountAt(cells[k]!) : rows !== undefined ? rows.rows[k]!.amounts.get(rows.col) : cols!.row.amounts.get(cols!.cols[k]!);
    if (cell !== undefined) {
      const value = cell.value;
      if (value !== undefined) {
        blank = false;
        Money.addTo(sum, value);
      } else if (cell.parsed.kind === 'text') return undefined;
    }
  }
  const sheet = c.table.sheet;
  const actual = stated?.value ?? ZERO;
  // Most sums hold: neither their amount nor a difference is made for them.
  const equal = Money.sumEquals(sum, actual);
  const expected = equal ? actual : Money.sumValue(sum);
  const difference = equal ? ZERO : actual.minus(expected);
  // Recorded even when every cell is blank: it holds, and filling one of them alone would break it.
  const sink = c.policy.sink;
  if (sink) {
    if (sink.recordSum) {
      const held = equal || classifyDifference(difference, n, c.policy) === 'rounding';
      sink.recordSum(c.rule, sheet, c.checked, terms, c.policy.perTerm, stated?.value, held);
    } else {
      const total = rowCellKey(sheet, c.checked.row, c.checked.col);
      const cells = termCells(terms, n, sheet);
      const keys = cells.map((t) => rowCellKey(t.table?.sheet ?? sheet, t.row, t.col));
      sink.add(
        { rule: c.rule, findingId: `${c.rule}@${total}`, total, terms: keys, bound: c.policy.perTerm.times(Math.max(1, n)) },
        [[total, stated?.value], ...keys.map((key, k): [CellKey, Money | undefined] => [key, amountAt(cells[k]!)?.value])],
      );
    }
  }
  if (!blank) countCompared(c.policy);
  if (blank || equal) return undefined;
  const kind = classifyDifference(difference, n, c.policy);
  if (kind === undefined) return undefined;
  const address = a1(c.checked.row.row, c.checked.col);
  const id = `${c.rule}@${sheet}!${address}`;
  const amounts = amountsOf(actual, expected);
  const decimals = amounts.expected!.split('.')[1]?.length ?? 2;
  const rounding = kind === 'rounding';
  const data = typeof c.data === 'function' ? c.data() : c.data;
  return {
    id,
    rule: c.rule,
    severity: rounding ? 'info' : 'error',
    message: {
      id: rounding ? `${c.messageId}.rounding` : c.messageId,
      data: {
        ...data,
        actual: stated?.value === undefined ? '@value.blank' : displayAmount(actual, decimals),
        expected: displayAmount(expected, decimals),
        difference: displayAmount(difference, decimals),
        terms: String(n),
        column: columnLabel(c.table, c.checked.col),
      },
    },
    cells: [cellRef(sheet, c.checked.row.row, c.checked.col, 'checked'), ...termCells(terms, n, sheet).map((t) => cellRef(t.table?.sheet ?? sheet, t.row.row, t.col, 'evidence'))],
    ...amounts,
    fixes: [
      {
        title: { id: 'fix.set-value', data: { address, after: displayAmount(expected, decimals) } },
        confidence: rounding ? Math.min(c.fixConfidence, 0.5) : c.fixConfidence,
        reason: c.fixReason,
        edits: [{ sheet, address, before: stated?.value !== undefined ? amounts.actual! : '', after: amounts.expected! }],
      },
    ],
  };
}

/** SumTerms over the model's rows. */
type Terms = { readonly cells: readonly TableCell[] } | { readonly rows: readonly Row[]; readonly col: number } | { readonly row: Row; readonly cols: readonly number[] };

function isCells(t: SumCheck['terms']): t is readonly TableCell[] {
  return Array.isArray(t);
}

/** The terms as table cells (for a finding, and for a sink that takes plain constraints). */
function termCells(terms: Terms, n: number, sheet: string): TableCell[] {
  if ('cells' in terms) return terms.cells as TableCell[];
  const out: TableCell[] = [];
  for (let k = 0; k < n; k++) {
    const t = termAt(terms, k, sheet);
    out.push({ row: t.row as Row, col: t.col });
  }
  return out;
}

const PARENT_FROM_CHILDREN: Message = { id: 'fix.reason.parent-from-children', data: {} };

/** What `checkRowSum` needs: one parent row and the rows that must add up to it. */
export interface RowSum {
  readonly rule: string;
  readonly table: Table;
  readonly parent: Row;
  readonly children: readonly Row[];
  readonly policy: RoundingPolicy;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string>>;
  /** The table's amount columns (amountColumns), when the caller has them at hand. */
  readonly columns?: readonly number[];
}

/**
 * parent = Σ children in every amount column of the table (the hierarchy and total rules' check).
 * The message names the parent row; the fix recomputes it, and says that a child may be the culprit.
 */
export function checkRowSum(c: RowSum): Finding[] {
  const out: Finding[] = [];
  const data = () => ({ row: rowLabel(c.parent), ...c.data });
  const columns = c.columns ?? amountColumns(c.table);
  for (let k = 0; k < columns.length; k++) {
    const col = columns[k]!;
    const f = checkSum({
      rule: c.rule,
      table: c.table,
      checked: { row: c.parent, col },
      terms: { rows: c.children, col },
      policy: c.policy,
      messageId: c.messageId,
      data,
      fixConfidence: 0.6,
      fixReason: PARENT_FROM_CHILDREN,
    });
    if (f) out.push(withLiveFormula(f, c, col));
  }
  return out;
}

/**
 * A second fix for a subtotal typed in by hand: replace it by a SUM formula over its children,
 * so it can never drift again ("make it live"). Offered only where the sheet has no formula there.
 */
function withLiveFormula(f: Finding, c: RowSum, col: number): Finding {
  const cell = c.parent.amounts.get(col);
  if (cell?.formula !== undefined || c.children.length === 0) return f;
  const rows = c.children.map((r) => r.row).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? a1(rows[i]!, col) : `${a1(rows[i]!, col)}:${a1(rows[j]!, col)}`);
    i = j + 1;
  }
  const formula = `SUM(${parts.join(',')})`;
  const set = f.fixes[0];
  if (!set || formula.length > 255) return f;
  const address = f.cells[0]!.address;
  return {
    ...f,
    fixes: [
      ...f.fixes,
      {
        title: { id: 'fix.make-live', data: { address, formula } },
        confidence: Math.min(0.5, set.confidence),
        reason: { id: 'fix.reason.make-live', data: {} },
        edits: set.edits.map((e) => ({ ...e, formula })),
      },
    ],
  };
}
