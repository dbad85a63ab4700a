// Exact decimal amounts: one private Decimal constructor, parsing of the ways budget exports write numbers.
import DecimalBase from 'decimal.js';

/**
 * The Decimal constructor behind every amount that does not fit the fast form below. A clone, so that no
 * other code's `Decimal.set()` can change our precision or rounding (and ours changes no one else's).
 * 40 significant digits hold any budget amount exactly; ROUND_HALF_UP is how finance rounds.
 */
const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
type Dec = InstanceType<typeof Dec>;

/** What an amount can be made from, as for decimal.js: another amount, a decimal string or a number. */
export type MoneyValue = Money | string | number;

/** 10^k, exact as doubles up to 10^22. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Most decimals the fast form keeps (10^MAX_SCALE must be exact). */
const MAX_SCALE = 22;

const HALF_UP = 4;

/**
 * An exact decimal amount, immutable, with the part of decimal.js's API the engine uses and exactly its
 * semantics (precision 40, ROUND_HALF_UP, signed zero, the same strings). Held as a scaled integer
 * (`i / 10^s`, `i` a safe integer, so every sum, difference and product of budget amounts is integer
 * arithmetic with no rounding at all), and as a Decimal only when a value does not fit: more than 15
 * significant digits, a quotient, NaN or ±Infinity. A float never decides an amount: an operation whose
 * exact integer result would leave the safe range is done in decimal.js instead.
 */
export class Money {
  static readonly precision = 40;
  static readonly rounding = HALF_UP;
  static readonly ROUND_UP = 0;
  static readonly ROUND_DOWN = 1;
  static readonly ROUND_CEIL = 2;
  static readonly ROUND_FLOOR = 3;
  static readonly ROUND_HALF_UP = 4;
  static readonly ROUND_HALF_DOWN = 5;
  static readonly ROUND_HALF_EVEN = 6;
  static readonly ROUND_HALF_CEIL = 7;
  static readonly ROUND_HALF_FLOOR = 8;

  /** The scaled integer (may be -0), when `d` is undefined. */
  declare private readonly i: number;
  /** Its scale: the value is i / 10^s. */
  declare private readonly s: number;
  /** The value as a Decimal, when it does not fit the fast form. */
  declare private readonly d: Dec | undefined;

  /**
   * An amount from a decimal string (`'1284.21'`, `'-0.5'`, `'1e3'`), a number (taken as its shortest
   * decimal form, as decimal.js does) or another amount; throws on anything else, as decimal.js does.
   * (The second argument is internal: `new Money(i, s)` is i / 10^s for a safe integer i.)
   */
  constructor(v: MoneyValue, scale?: number) {
    if (scale !== undefined) {
      this.i = v as number;
      this.s = scale;
      this.d = undefined;
      return;
    }
    let i = 0;
    let s = 0;
    let d: Dec | undefined;
    if (v instanceof Money) {
      i = v.i;
      s = v.s;
      d = v.d;
    } else if (typeof v === 'number' && Number.isSafeInteger(v)) {
      i = v;
    } else if (typeof v === 'number' && fromDouble(v)) {
      i = scratch.i;
      s = scratch.s;
    } else {
      const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : undefined) : typeof v === 'string' ? v : undefined;
      const fast = text !== undefined ? parseFast(text) : undefined;
      if (fast) {
        i = fast.i;
        s = fast.s;
      } else {
        const x = fromDecimal(new Dec(v as string | number));
        i = x.i;
        s = x.s;
        d = x.d;
      }
    }
    this.i = i;
    this.s = s;
    this.d = d;
  }

  /**
   * Adds `y` to a running sum, exactly as `sum = sum.plus(y)` would, without making an amount per term while
   * every partial sum is a scaled safe integer (`acc` starts as newSum(); read it with sumValue).
   */
  static addTo(acc: MoneySum, y: Money): void {
    if (acc.m === undefined && y.d === undefined) {
      const s = acc.s >= y.s ? acc.s : y.s;
      const k = s - acc.s;
      const r = (k === 0 ? acc.i : acc.i * POW10[k]!) + scaleTo(y, s);
      if (Number.isSafeInteger(r)) {
        acc.i = r;
        acc.s = s;
        return;
      }
    }
    acc.m = (acc.m ?? new Money(acc.i, acc.s)).plus(y);
  }

  /** The value of a running sum (see addTo). */
  static sumValue(acc: MoneySum): Money {
    return acc.m ?? new Money(acc.i, acc.s);
  }

  /**
   * Whether a running sum equals an amount, exactly as `y.eq(Money.sumValue(acc))` says, without making the sum's
   * amount while both are scaled safe integers (most checked sums hold: their amount is never needed).
   */
  static sumEquals(acc: MoneySum, y: Money): boolean {
    if (acc.m === undefined && y.d === undefined) {
      if (acc.s === y.s) return acc.i === y.i;
      const s = acc.s >= y.s ? acc.s : y.s;
      const x = acc.s === s ? acc.i : acc.i * POW10[s - acc.s]!;
      const z = scaleTo(y, s);
      if (Number.isSafeInteger(x) && Number.isSafeInteger(z)) return x === z;
    }
    return y.eq(Money.sumValue(acc));
  }

  /** The largest (as decimal.js: NaN wins, and of equal values a positive one). */
  static max(...values: MoneyValue[]): Money {
    return maxOrMin(values, -1);
  }

  /** The smallest (as decimal.js: NaN wins, and of equal values a negative one). */
  static min(...values: MoneyValue[]): Money {
    return maxOrMin(values, 1);
  }

  /** This amount as a Decimal (of the private configuration). */
  private dec(): Dec {
    return this.d ?? new Dec(plainString(this.i, this.s, true));
  }

  plus(y: MoneyValue): Money {
    const b = of(y);
    if (this.d === undefined && b.d === undefined) {
      // Signed zeros come out as in decimal.js, which follows IEEE 754 there (−0 + −0 = −0, −0 + 0 = 0).
      const s = this.s >= b.s ? this.s : b.s;
      const r = scaleTo(this, s) + scaleTo(b, s);
      if (Number.isSafeInteger(r)) return new Money(r, s);
    }
    return fromDecimal(this.dec().plus(b.dec()));
  }

  minus(y: MoneyValue): Money {
    const b = of(y);
    if (this.d === undefined && b.d === undefined) {
      // Signed zeros as in decimal.js and IEEE 754: −0 − 0 = −0, 0 − 0 = 0.
      const s = this.s >= b.s ? this.s : b.s;
      const r = scaleTo(this, s) - scaleTo(b, s);
      if (Number.isSafeInteger(r)) return new Money(r, s);
    }
    return fromDecimal(this.dec().minus(b.dec()));
  }

  times(y: MoneyValue): Money {
    const b = of(y);
    if (this.d === undefined && b.d === undefined && this.s + b.s <= MAX_SCALE) {
      const r = this.i * b.i;
      if (Number.isSafeInteger(r)) return new Money(r, this.s + b.s);
    }
    return fromDecimal(this.dec().times(b.dec()));
  }

  div(y: MoneyValue): Money {
    return fromDecimal(this.dec().div(of(y).dec()));
  }

  pow(y: MoneyValue): Money {
    return fromDecimal(this.dec().pow(of(y).dec()));
  }

  mod(y: MoneyValue): Money {
    return fromDecimal(this.dec().mod(of(y).dec()));
  }

  abs(): Money {
    if (this.d !== undefined) return fromDecimal(this.d.abs());
    return this.isNegative() ? new Money(-this.i, this.s) : this;
  }

  negated(): Money {
    return this.d !== undefined ? fromDecimal(this.d.negated()) : new Money(-this.i, this.s);
  }

  /** −1, 0 or 1 as decimal.js's comparedTo (NaN when either is NaN). */
  cmp(y: MoneyValue): number {
    const b = of(y);
    if (this.d === undefined && b.d === undefined) {
      if (this.s === b.s) return this.i === b.i ? 0 : this.i > b.i ? 1 : -1;
      const s = this.s >= b.s ? this.s : b.s;
      const x = scaleTo(this, s);
      const z = scaleTo(b, s);
      if (Number.isSafeInteger(x) && Number.isSafeInteger(z)) return x === z ? 0 : x > z ? 1 : -1;
    }
    return this.dec().cmp(b.dec());
  }

  eq(y: MoneyValue): boolean {
    return this.cmp(y) === 0;
  }

  lt(y: MoneyValue): boolean {
    return this.cmp(y) < 0;
  }

  lte(y: MoneyValue): boolean {
    const c = this.cmp(y);
    return c < 0 || c === 0;
  }

  gt(y: MoneyValue): boolean {
    return this.cmp(y) > 0;
  }

  gte(y: MoneyValue): boolean {
    const c = this.cmp(y);
    return c > 0 || c === 0;
  }

  isZero(): boolean {
    return this.d !== undefined ? this.d.isZero() : this.i === 0;
  }

  /** True for −0 too, as in decimal.js. */
  isNegative(): boolean {
    return this.d !== undefined ? this.d.isNegative() : this.i < 0 || (this.i === 0 && 1 / this.i < 0);
  }

  isPositive(): boolean {
    return this.d !== undefined ? this.d.isPositive() : !this.isNegative();
  }

  isInteger(): boolean {
    return this.d !== undefined ? this.d.isInteger() : this.i % POW10[this.s]! === 0;
  }

  isFinite(): boolean {
    return this.d === undefined || this.d.isFinite();
  }

  isNaN(): boolean {
    return this.d !== undefined && this.d.isNaN();
  }

  /** Decimals of the value, trailing zeros not counted (`1.50` → 1). */
  decimalPlaces(): number {
    if (this.d !== undefined) return this.d.decimalPlaces();
    let v = this.i;
    let n = this.s;
    if (v === 0) return 0;
    while (n > 0 && v % 10 === 0) {
      v /= 10;
      n--;
    }
    return n;
  }

  /** The value rounded to `dp` decimals (ROUND_HALF_UP unless `rm` says otherwise). */
  toDecimalPlaces(dp?: number, rm?: number): Money {
    if (dp === undefined) return this;
    if (this.d === undefined && (rm === undefined || rm === HALF_UP) && Number.isInteger(dp) && dp >= 0) {
      if (dp >= this.s) return this;
      return new Money(roundHalfUp(this.i, this.s - dp), dp);
    }
    return fromDecimal(this.dec().toDecimalPlaces(dp, (rm ?? HALF_UP) as DecimalBase.Rounding));
  }

  round(): Money {
    return this.toDecimalPlaces(0);
  }

  floor(): Money {
    return fromDecimal(this.dec().floor());
  }

  ceil(): Money {
    return fromDecimal(this.dec().ceil());
  }

  trunc(): Money {
    return fromDecimal(this.dec().trunc());
  }

  /** Fixed-point text, as decimal.js: `dp` decimals rounded ROUND_HALF_UP, or all of them; never exponential. */
  toFixed(dp?: number, rm?: number): string {
    if (this.d !== undefined || (rm !== undefined && rm !== HALF_UP) || (dp !== undefined && !(Number.isInteger(dp) && dp >= 0))) return this.dec().toFixed(dp as number, rm as DecimalBase.Rounding);
    const sign = this.i < 0 ? '-' : '';
    if (dp === undefined) return sign + plainString(Math.abs(this.i), this.s, false);
    const a = Math.abs(this.i);
    if (dp >= this.s) return sign + digitsWithPoint(String(a), this.s, dp);
    return sign + digitsWithPoint(String(roundHalfUp(a, this.s - dp)), dp, dp);
  }

  /** As decimal.js: plain text, exponential below 1e-6 (and from 1e21); −0 is `0`. */
  toString(): string {
    if (this.d !== undefined || tiny(this.i, this.s)) return this.dec().toString();
    return (this.i < 0 ? '-' : '') + plainString(Math.abs(this.i), this.s, false);
  }

  /** As decimal.js: the text of toString, with the sign of −0. */
  valueOf(): string {
    if (this.d !== undefined || tiny(this.i, this.s)) return this.dec().valueOf();
    return (this.isNegative() ? '-' : '') + plainString(Math.abs(this.i), this.s, false);
  }

  toJSON(): string {
    return this.valueOf();
  }

  // decimal.js's other names for the same operations.
  add(y: MoneyValue): Money {
    return this.plus(y);
  }
  sub(y: MoneyValue): Money {
    return this.minus(y);
  }
  mul(y: MoneyValue): Money {
    return this.times(y);
  }
  dividedBy(y: MoneyValue): Money {
    return this.div(y);
  }
  toPower(y: MoneyValue): Money {
    return this.pow(y);
  }
  modulo(y: MoneyValue): Money {
    return this.mod(y);
  }
  absoluteValue(): Money {
    return this.abs();
  }
  neg(): Money {
    return this.negated();
  }
  comparedTo(y: MoneyValue): number {
    return this.cmp(y);
  }
  equals(y: MoneyValue): boolean {
    return this.eq(y);
  }
  lessThan(y: MoneyValue): boolean {
    return this.lt(y);
  }
  lessThanOrEqualTo(y: MoneyValue): boolean {
    return this.lte(y);
  }
  greaterThan(y: MoneyValue): boolean {
    return this.gt(y);
  }
  greaterThanOrEqualTo(y: MoneyValue): boolean {
    return this.gte(y);
  }
  isNeg(): boolean {
    return this.isNegative();
  }
  isPos(): boolean {
    return this.isPositive();
  }
  isInt(): boolean {
    return this.isInteger();
  }
  dp(): number {
    return this.decimalPlaces();
  }
  toDP(dp?: number, rm?: number): Money {
    return this.toDecimalPlaces(dp, rm);
  }
  truncated(): Money {
    return this.trunc();
  }

  /** The nearest double (for output to a cell only: never to decide an amount). */
  toNumber(): number {
    return this.d !== undefined ? this.d.toNumber() : this.i / POW10[this.s]!;
  }
}

/** decimal.js's maxOrMin: n = −1 for max, 1 for min. */
function maxOrMin(values: readonly MoneyValue[], n: number): Money {
  let x = of(values[0]!);
  for (let k = 1; k < values.length; k++) {
    const y = of(values[k]!);
    if (y.isNaN()) return y;
    const c = x.cmp(y);
    if (c === n || (c === 0 && (n < 0 ? x.isNegative() : !x.isNegative()))) x = y;
  }
  return x;
}

/** An amount from anything decimal.js would take, reusing it when it is one. */
/** A running sum of amounts (Money.addTo): a scaled integer i / 10^s, or an amount once it no longer fits. */
export interface MoneySum {
  i: number;
  s: number;
  m: Money | undefined;
}

/** An empty running sum: zero, as ZERO is. */
export function newSum(): MoneySum {
  return { i: 0, s: 0, m: undefined };
}

function of(v: MoneyValue): Money {
  return v instanceof Money ? v : new Money(v);
}

/** The integer of `m` at scale `s` ≥ m.s (not safe when it overflows: the caller checks). */
function scaleTo(m: Money, s: number): number {
  const k = s - (m as unknown as { s: number }).s;
  const i = (m as unknown as { i: number }).i;
  return k === 0 ? i : i * POW10[k]!;
}

/** |value| < 1e-6 and not zero: decimal.js writes it exponentially. */
function tiny(i: number, s: number): boolean {
  return i !== 0 && s >= 7 && Math.abs(i) < POW10[s - 6]!;
}

/** i / 10^k rounded half away from zero, i a safe integer. */
function roundHalfUp(i: number, k: number): number {
  const a = Math.abs(i);
  const p = POW10[k]!;
  const rem = a % p;
  let q = (a - rem) / p;
  if (rem * 2 >= p) q += 1;
  return i < 0 || (i === 0 && 1 / i < 0) ? -q : q;
}

/** The digits of a non-negative integer with a decimal point `scale` places from the right, padded to `dp` decimals. */
function digitsWithPoint(digits: string, scale: number, dp: number): string {
  let int: string;
  let frac: string;
  if (scale === 0) {
    int = digits;
    frac = '';
  } else {
    const padded = digits.length <= scale ? '0'.repeat(scale - digits.length + 1) + digits : digits;
    int = padded.slice(0, padded.length - scale);
    frac = padded.slice(padded.length - scale);
  }
  if (frac.length < dp) frac += '0'.repeat(dp - frac.length);
  return frac.length > 0 ? `${int}.${frac}` : int;
}

/** i / 10^s as plain text without trailing zeros (`withSign`: a leading `-` for negative values and −0). */
function plainString(i: number, s: number, withSign: boolean): string {
  const sign = withSign && (i < 0 || (i === 0 && 1 / i < 0)) ? '-' : '';
  let a = Math.abs(i);
  let k = s;
  if (a === 0) return `${sign}0`;
  while (k > 0 && a % 10 === 0) {
    a /= 10;
    k--;
  }
  return sign + digitsWithPoint(String(a), k, 0);
}

/** A Decimal as an amount, in the fast form when it fits. */
function fromDecimal(d: Dec): Money {
  if (d.isFinite()) {
    const dp = d.decimalPlaces();
    if (dp <= MAX_SCALE && d.precision(true) <= 15) {
      const i = d.times(POW10[dp]!).toNumber();
      if (Number.isSafeInteger(i)) return new Money(i, dp);
    }
  }
  const m = new Money(0, 0);
  (m as unknown as { d: Dec }).d = d;
  return m;
}

/** Where fromDouble leaves its answer (no object made per amount read). */
const scratch = { i: 0, s: 0 };

/**
 * A finite double as its shortest decimal form (what String(v) shows, and decimal.js reads) when that has at
 * most 8 decimals: the fewest decimals s whose i / 10^s gives back exactly v. Unique, hence the shortest,
 * while |i| < 2^51 (two decimals that far apart cannot round to the same double). False otherwise.
 */
function fromDouble(v: number): boolean {
  if (!Number.isFinite(v)) return false;
  for (let s = 1; s <= 8; s++) {
    const p = POW10[s]!;
    const i = Math.round(v * p);
    if (Math.abs(i) >= 2 ** 51) return false;
    if (i / p === v) {
      scratch.i = i === 0 && v < 0 ? -0 : i;
      scratch.s = s;
      return true;
    }
  }
  return false;
}

/** A plain decimal string (`-12.50`, `+3`, `.5`, `7.`) with at most 15 significant digits, as i / 10^s; else undefined. */
function parseFast(t: string): { i: number; s: number } | undefined {
  const n = t.length;
  let k = 0;
  let negative = false;
  const c0 = t.charCodeAt(0);
  if (c0 === 45) {
    negative = true;
    k = 1;
  } else if (c0 === 43) k = 1;
  let i = 0;
  let s = 0;
  let digits = 0;
  let significant = 0;
  let point = false;
  for (; k < n; k++) {
    const c = t.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      digits++;
      if (i !== 0 || c !== 48) significant++;
      if (significant > 15) return undefined;
      i = i * 10 + (c - 48);
      if (point) s++;
    } else if (c === 46 && !point) point = true;
    else return undefined;
  }
  if (digits === 0 || s > MAX_SCALE) return undefined;
  return { i: negative ? -i : i, s };
}

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
  // A Chinese character or a percent sign is never part of an amount (a table's labels and 完成率 ≥95% are read
  // here too: answered without rewriting them).
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if ((c >= 0x4e00 && c <= 0x9fff) || c === 37 /* % */) return undefined;
  }
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
    return { kind: 'amount', value: new Money(value), storage: 'number', normalized: false };
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
