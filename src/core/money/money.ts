// Exact decimal amounts: one private Decimal constructor, parsing of the ways budget exports write numbers.
import DecimalBase from 'decimal.js';

/**
 * The Decimal constructor every amount in Gouji uses. A clone, so that no other code's
 * `Decimal.set()` can change our precision or rounding (and ours changes no one else's).
 * 40 significant digits hold any budget amount exactly; ROUND_HALF_UP is how finance rounds.
 */
export const Money = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

export const ZERO: Money = new Money(0);

/** How a cell's amount was written. */
export type AmountStorage = 'number' | 'text';

/** The result of reading one cell as an amount. */
export type ParsedAmount =
  /** Nothing there: an empty cell or whitespace. Not the same as zero. */
  | { kind: 'absent' }
  /** A number. `storage` says whether Excel holds it as a number or as text (`'1,284.21'`). */
  | { kind: 'amount'; value: Money; storage: AmountStorage; normalized: boolean }
  /** A dash (`-`, `—`, `－`) that the table uses for zero. */
  | { kind: 'dash'; value: Money }
  /** Text that is not a number (a label, `本表无数据`, garbage). */
  | { kind: 'text'; text: string };

const FULL_WIDTH_DIGITS = /[０-９．，－＋]/g;
const DASHES = /^[-‐‑‒–—―－−]+$/;

/** Maps full-width digits and punctuation to ASCII (`１２．５` → `12.5`). */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a text that should hold an amount, the way a person reads a printed table:
 * thousand separators (`1,284.21`), spaces inside (`421. 29`, `1 284.21`), full-width digits,
 * a comma typed for the decimal point after OCR (`421, 29` — only when the comma is followed
 * by exactly two digits and nothing else), parentheses or a leading minus for negatives.
 * Returns undefined when the text is not a number.
 */
export function parseAmountText(raw: string): Money | undefined {
  let s = toHalfWidth(raw).replace(/[\s\u00a0\u3000]+/g, '');
  if (s === '') return undefined;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren && paren[1] !== undefined) {
    negative = true;
    s = paren[1];
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  // "421,29": OCR read the decimal point as a comma. A thousands group always has three digits.
  if (/^\d+,\d{2}$/.test(s)) s = s.replace(',', '.');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s) && !/^\.\d+$/.test(s)) return undefined;
  const value = new Money(s.replace(/,/g, ''));
  return negative ? value.negated() : value;
}

/**
 * Reads one cell value as an amount. Numbers are taken exactly as their shortest decimal
 * representation (so the float 1284.21 becomes exactly 1284.21, never 1284.2099999…).
 */
export function parseAmount(value: unknown): ParsedAmount {
  if (value === null || value === undefined) return { kind: 'absent' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'text', text: String(value) };
    return { kind: 'amount', value: new Money(String(value)), storage: 'number', normalized: false };
  }
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  // An Excel error (#REF!, #DIV/0!) as the grid keeps it.
  if (typeof value === 'object' && value !== null && 'error' in value) return { kind: 'text', text: String((value as { error: unknown }).error) };
  const text = String(value);
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'absent' };
  if (DASHES.test(trimmed)) return { kind: 'dash', value: ZERO };
  const parsed = parseAmountText(trimmed);
  if (parsed === undefined) return { kind: 'text', text };
  const plain = /^-?\d+(\.\d+)?$/.test(trimmed);
  return { kind: 'amount', value: parsed, storage: 'text', normalized: !plain };
}

/** The amount of a parsed cell, or undefined when it holds none. Dashes count as zero. */
export function amountOf(p: ParsedAmount): Money | undefined {
  return p.kind === 'amount' || p.kind === 'dash' ? p.value : undefined;
}

/** Sum of amounts; absent terms are skipped. */
export function sum(values: Iterable<Money | undefined>): Money {
  let total = ZERO;
  for (const v of values) if (v !== undefined) total = total.plus(v);
  return total;
}

/** A fixed two-decimal string (`-2.00`), the form amounts take in reports and JSON. */
export function formatAmount(v: Money, decimals = 2): string {
  return v.toFixed(decimals);
}

/** An amount for people: thousand separators, two decimals (`1,686.00`, `-0.01`). */
export function displayAmount(v: Money, decimals = 2): string {
  const fixed = v.abs().toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v.isNegative() && !v.isZero() ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
