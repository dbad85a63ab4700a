// The workbook's identities as linear constraints over cells: what error localization reasons about.
import { a1, parseA1, type Rect } from '../grid/grid';
import { ZERO, type Money } from '../money/money';

/** `sheet!A1`: a cell's key across the workbook. */
export type CellKey = string;

export const cellKey = (sheet: string, address: string): CellKey => `${sheet}!${address}`;

/** Keys of the cells of a row of a recognized table, by column: each made once, however many identities use it. */
const ROW_KEYS = new WeakMap<object, CellKey[]>();

/**
 * The key of a cell of a table row (`row` is the recognized row object, which lives on one sheet): the same
 * string object every time, so that building constraints allocates no key and hashes each once.
 */
export function rowCellKey(sheet: string, row: { readonly row: number }, col: number): CellKey {
  let keys = ROW_KEYS.get(row);
  if (keys === undefined) ROW_KEYS.set(row, (keys = []));
  return (keys[col] ??= cellKey(sheet, a1(row.row, col)));
}

/** Every cell a constraint reads: its total, its terms and the cells it subtracts. */
export function cellsOf(c: Constraint): readonly CellKey[] {
  return c.minus === undefined ? [c.total, ...c.terms] : [c.total, ...c.terms, ...c.minus];
}

export function splitKey(key: CellKey): { sheet: string; address: string } {
  const i = key.lastIndexOf('!');
  return { sheet: key.slice(0, i), address: key.slice(i + 1) };
}

/** total = Σ terms, as one rule checked it, with the values it saw (blank → undefined). */
export interface Constraint {
  readonly rule: string;
  /** The finding id this constraint produced when it failed. */
  readonly findingId: string;
  readonly total: CellKey;
  readonly terms: readonly CellKey[];
  /**
   * Cells subtracted: total = Σ terms − Σ minus (年末结转和结余 = 年初 + 本年收入 − 本年支出). Absent for a plain sum,
   * which most constraints are.
   */
  readonly minus?: readonly CellKey[];
  /** Allowed |difference| before it counts as failed (the rounding bound). */
  readonly bound: Money;
  /** A correspondence that usually holds (its failure is a warning), not an identity: evidence only. */
  readonly soft?: boolean;
}

/** A cell of a recognized table, as the sum checks name it: its row, its column, and its table when it is in another one. */
export interface SumCell {
  readonly row: SumRow;
  readonly col: number;
  readonly table?: { readonly sheet: string };
}

/** A row of a recognized table: its sheet row and its amount cells by column. */
export interface SumRow {
  readonly row: number;
  readonly amounts: ReadonlyMap<number, { readonly value: Money | undefined }>;
}

/**
 * The terms of a checked sum, without an object per term where they have a shape: cells of one column
 * (a parent's children), or cells of one row (a row's parts), or any cells.
 */
export type SumTerms =
  | { readonly rows: readonly SumRow[]; readonly col: number }
  | { readonly row: SumRow; readonly cols: readonly number[] }
  | { readonly cells: readonly SumCell[] };

export function termCount(t: SumTerms): number {
  return 'cells' in t ? t.cells.length : 'rows' in t ? t.rows.length : t.cols.length;
}

/** The row, column and sheet of term k (`sheet`: the checked cell's, for terms that do not name their table). */
export function termAt(t: SumTerms, k: number, sheet: string): { row: SumRow; col: number; sheet: string } {
  if ('cells' in t) {
    const c = t.cells[k]!;
    return { row: c.row, col: c.col, sheet: c.table?.sheet ?? sheet };
  }
  return 'rows' in t ? { row: t.rows[k]!, col: t.col, sheet } : { row: t.row, col: t.cols[k]!, sheet };
}

function termKey(t: SumTerms, k: number, sheet: string): CellKey {
  if ('cells' in t) {
    const c = t.cells[k]!;
    return rowCellKey(c.table?.sheet ?? sheet, c.row, c.col);
  }
  return 'rows' in t ? rowCellKey(sheet, t.rows[k]!, t.col) : rowCellKey(sheet, t.row, t.cols[k]!);
}

function termValue(t: SumTerms, k: number): Money | undefined {
  if ('cells' in t) {
    const c = t.cells[k]!;
    return c.row.amounts.get(c.col)?.value;
  }
  return 'rows' in t ? t.rows[k]!.amounts.get(t.col)?.value : t.row.amounts.get(t.cols[k]!)?.value;
}

/** Where constraints go as rules check them; values of cells go alongside. */
export interface ConstraintSink {
  add(c: Constraint, values: ReadonlyArray<[CellKey, Money | undefined]>): void;
  /** Cells a check read that is no linear sum (a percentage recomputed from two amounts): coverage only. */
  touch?(keys: readonly CellKey[]): void;
  /**
   * A sum checkSum checked, recorded as the constraint total = Σ terms: `checked` is the total's cell, on
   * `sheet` (the terms' too unless they name their table), `held` whether |total − Σ terms| ≤ perTerm × max(1,
   * terms). The values are the cells' own.
   */
  recordSum?(rule: string, sheet: string, checked: SumCell, terms: SumTerms, perTerm: Money, totalValue: Money | undefined, held: boolean, soft?: boolean): void;
}

/** What the sums one rule records on one sheet share (one object for all of them, not four fields each). */
interface SumSource {
  readonly rule: string;
  readonly sheet: string;
  readonly perTerm: Money;
  readonly soft: true | undefined;
}

/** What a recorded sum makes the first time someone reads it (most are never read). */
interface SumLazy {
  key?: CellKey;
  id?: string;
  keys?: CellKey[];
  limit?: Money;
}

/**
 * A constraint recorded from a checked sum. Most sums of a large workbook hold and are never looked at again:
 * the keys of their terms, their finding id and their bound are made the first time someone reads them, and
 * what the sums of one rule on one sheet share is held once (a large workbook records some 400,000 sums).
 */
class RecordedSum implements Constraint {
  private lazy: SumLazy | undefined;

  constructor(
    private readonly source: SumSource,
    private readonly row: SumRow,
    private readonly col: number,
    /**
     * The terms, kept without the object that named their shape: the rows of one column (`b` the column), the
     * columns of one row (`b` the columns), or any cells (`b` undefined).
     */
    private readonly a: TermsA,
    private readonly b: TermsB,
    readonly held: boolean,
  ) {}

  /** The checked cell's value, as the check saw it (the row is the recognized row: its cells never change). */
  get totalValue(): Money | undefined {
    return this.row.amounts.get(this.col)?.value;
  }

  /** The terms as the checked sum gave them. */
  get cells(): SumTerms {
    const b = this.b;
    if (b === undefined) return { cells: this.a as readonly SumCell[] };
    return typeof b === 'number' ? { rows: this.a as readonly SumRow[], col: b } : { row: this.a as SumRow, cols: b };
  }

  get rule(): string {
    return this.source.rule;
  }

  /** A correspondence that usually holds (see Constraint.soft); undefined for an identity. */
  get soft(): true | undefined {
    return this.source.soft;
  }

  private get sheet(): string {
    return this.source.sheet;
  }

  private get made(): SumLazy {
    return (this.lazy ??= {});
  }

  get total(): CellKey {
    return (this.made.key ??= rowCellKey(this.sheet, this.row, this.col));
  }

  get findingId(): string {
    return (this.made.id ??= `${this.rule}@${this.total}`);
  }

  get terms(): readonly CellKey[] {
    const made = this.made;
    if (made.keys === undefined) {
      const terms = this.cells;
      const n = termCount(terms);
      const keys: CellKey[] = new Array(n);
      for (let k = 0; k < n; k++) keys[k] = termKey(terms, k, this.sheet);
      made.keys = keys;
    }
    return made.keys;
  }

  get bound(): Money {
    return (this.made.limit ??= this.source.perTerm.times(Math.max(1, this.termCount)));
  }

  /** How many terms. */
  get termCount(): number {
    const b = this.b;
    return b === undefined ? (this.a as readonly SumCell[]).length : typeof b === 'number' ? (this.a as readonly SumRow[]).length : b.length;
  }

  /** The plain constraint (for printing). */
  toJSON(): Constraint {
    return { rule: this.rule, findingId: this.findingId, total: this.total, terms: this.terms, bound: this.bound, ...(this.soft ? { soft: true } : {}) };
  }
}

/** A recorded sum's terms without the object that named their shape (see RecordedSum). */
type TermsA = readonly SumRow[] | SumRow | readonly SumCell[];
type TermsB = number | readonly number[] | undefined;

/**
 * The sums recorded by recordSum, as their fields in a few large arrays: a large workbook records some 400,000 sums
 * that nearly all hold and are kept to the end of the check, and an object each (with its entry in a list) was
 * some 90 bytes and two copies by the garbage collector per sum. A sum becomes a RecordedSum object only when
 * someone asks for it (error localization), once: the same object every time.
 */
class RecordedSums {
  /**
   * The fields, CHUNK sums per array (an array grown one sum at a time would be copied again and again as it
   * grows): sum i is at FIELDS × (i mod CHUNK) in chunk i / CHUNK, as source, row, column and held, terms a, b.
   */
  private readonly chunks: unknown[][] = [];
  private count = 0;
  private readonly made = new Map<number, RecordedSum>();

  /** Records a sum; returns its index. */
  push(source: SumSource, row: SumRow, col: number, terms: SumTerms, held: boolean): number {
    const i = this.count++;
    const at = (i & (CHUNK - 1)) * FIELDS;
    if (at === 0) this.chunks.push(new Array<unknown>(CHUNK * FIELDS));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[at] = source;
    chunk[at + 1] = row;
    // The checked cell's column, times two, plus one when the sum held.
    chunk[at + 2] = col * 2 + (held ? 1 : 0);
    if ('cells' in terms) {
      chunk[at + 3] = terms.cells;
      chunk[at + 4] = undefined;
    } else if ('rows' in terms) {
      chunk[at + 3] = terms.rows;
      chunk[at + 4] = terms.col;
    } else {
      chunk[at + 3] = terms.row;
      chunk[at + 4] = terms.cols;
    }
    return i;
  }

  /** Field f of sum i. */
  private field(i: number, f: number): unknown {
    return this.chunks[i >> CHUNK_BITS]![(i & (CHUNK - 1)) * FIELDS + f];
  }

  private source(i: number): SumSource {
    return this.field(i, 0) as SumSource;
  }

  private row(i: number): SumRow {
    return this.field(i, 1) as SumRow;
  }

  private col(i: number): number {
    return (this.field(i, 2) as number) >> 1;
  }

  held(i: number): boolean {
    return ((this.field(i, 2) as number) & 1) === 1;
  }

  soft(i: number): boolean {
    return this.source(i).soft === true;
  }

  /** Sum i as an object (made once). */
  at(i: number): RecordedSum {
    let c = this.made.get(i);
    if (c === undefined) {
      c = new RecordedSum(this.source(i), this.row(i), this.col(i), this.field(i, 3) as TermsA, this.field(i, 4) as TermsB, this.held(i));
      this.made.set(i, c);
    }
    return c;
  }

  /** Calls `term` for each term of sum i (row, column, sheet) until it answers true; whether it did. */
  private someTerm(i: number, term: (row: SumRow, col: number, sheet: string) => boolean | void): boolean {
    return someTerm(this.field(i, 3) as TermsA, this.field(i, 4) as TermsB, this.source(i).sheet, term);
  }

  /** Every cell key of sum i: its total's, then its terms'. */
  eachKey(i: number, key: (k: CellKey) => void): void {
    key(rowCellKey(this.source(i).sheet, this.row(i), this.col(i)));
    this.someTerm(i, (row, col, sheet) => {
      key(rowCellKey(sheet, row, col));
    });
  }

  /** Whether sum i reads a cell of one of these sheets. */
  onSheets(i: number, sheets: ReadonlySet<string>): boolean {
    if (sheets.has(this.source(i).sheet)) return true;
    // Only terms given as cells can lie on another sheet than the checked cell's.
    return this.field(i, 4) === undefined && this.someTerm(i, (_row, _col, sheet) => sheets.has(sheet));
  }

  /** Whether sum i reads one of these cells (as cellPositions gives them: no key is made). */
  reads(i: number, near: CellPositions): boolean {
    if (near.get(this.source(i).sheet)?.has(position(this.row(i).row, this.col(i)))) return true;
    return this.someTerm(i, (row, col, sheet) => near.get(sheet)?.has(position(row.row, col)) === true);
  }
}

/** Cells by sheet, each as position(row, column). */
type CellPositions = ReadonlyMap<string, ReadonlySet<number>>;

/** One number for a cell of a sheet (Excel has 16,384 columns). */
function position(row: number, col: number): number {
  return row * 16_384 + col;
}

/** Cell keys as positions by sheet (a key that names no cell is left out: no sum reads it). */
function cellPositions(cells: ReadonlySet<CellKey>): CellPositions {
  const out = new Map<string, Set<number>>();
  for (const k of cells) {
    const { sheet, address } = splitKey(k);
    let r: Rect;
    try {
      r = parseA1(address);
    } catch {
      continue;
    }
    let set = out.get(sheet);
    if (set === undefined) out.set(sheet, (set = new Set()));
    set.add(position(r.r0, r.c0));
  }
  return out;
}

/** Fields per recorded sum, and sums per chunk of RecordedSums (2^CHUNK_BITS). */
const FIELDS = 5;
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Calls `term` for each term of a recorded sum (as RecordedSum keeps them) with its row object, column and sheet
 * (`sheet`, unless a term given as a cell names its table), until it answers true; whether it did.
 */
function someTerm(a: TermsA, b: TermsB, sheet: string, term: (row: SumRow, col: number, sheet: string) => boolean | void): boolean {
  if (b === undefined) {
    const cells = a as readonly SumCell[];
    for (let k = 0; k < cells.length; k++) if (term(cells[k]!.row, cells[k]!.col, cells[k]!.table?.sheet ?? sheet)) return true;
  } else if (typeof b === 'number') {
    const rows = a as readonly SumRow[];
    for (let k = 0; k < rows.length; k++) if (term(rows[k]!, b, sheet)) return true;
  } else {
    const row = a as SumRow;
    for (let k = 0; k < b.length; k++) if (term(row, b[k]!, sheet)) return true;
  }
  return false;
}

/**
 * Collects constraints and the values of the cells they mention. The values are kept per constraint as
 * recorded, and put in one map by cell only when someone reads `values` (error localization, when some
 * identity fails): a consistent workbook never pays for it.
 */
export class ConstraintSet implements ConstraintSink {
  /**
   * Everything recorded, in order, duplicates included: a constraint given to add, or (a number) the index of a
   * recorded sum in `sums`.
   */
  private readonly raw: Array<Constraint | number> = [];
  private readonly sums = new RecordedSums();
  /** The value pairs each constraint given to add came with, and the values they make (see holds). */
  private readonly pairsOf = new WeakMap<Constraint, ReadonlyArray<[CellKey, Money | undefined]>>();
  private readonly ownValues = new WeakMap<Constraint, Map<CellKey, Money | undefined>>();
  /** How many of `raw` are sorted into `kept` so far. */
  private sorted = 0;
  private readonly kept: Constraint[] = [];
  private map: Map<CellKey, Money | undefined> | undefined;
  /** The kept constraints by their total cell, to drop one recorded twice (by two rules). */
  private readonly byTotal = new Map<CellKey, Constraint | Constraint[]>();
  /** The source of the last sum recorded (see recordSum). */
  private source: SumSource | undefined;

  /**
   * `also`: a sink given everything recorded here as well, as it is recorded (the coverage: marking each cell as a
   * sum is recorded costs less than walking every recorded sum again afterwards).
   */
  constructor(private readonly also?: ConstraintSink) {}

  /** The constraints, each identity once, in the order recorded. */
  get constraints(): readonly Constraint[] {
    for (; this.sorted < this.raw.length; this.sorted++) {
      const c = this.entry(this.sorted);
      if (!this.adds(c)) continue;
      if (this.map !== undefined) setValues(this.map, c, this.pairsOf.get(c));
    }
    return this.kept;
  }

  /** The value of every cell a constraint mentions (blank: undefined); the last recorded value wins. */
  get values(): Map<CellKey, Money | undefined> {
    const kept = this.constraints;
    if (this.map === undefined) {
      const map = new Map<CellKey, Money | undefined>();
      for (const c of kept) setValues(map, c, this.pairsOf.get(c));
      this.map = map;
    }
    return this.map;
  }

  /** Cells read by checks that are not linear sums: coverage only (given to `also`). */
  touch(keys: readonly CellKey[]): void {
    this.also?.touch?.(keys);
  }

  add(c: Constraint, values: ReadonlyArray<[CellKey, Money | undefined]>): void {
    this.pairsOf.set(c, values);
    this.raw.push(c);
    this.also?.add(c, values);
  }

  recordSum(rule: string, sheet: string, checked: SumCell, terms: SumTerms, perTerm: Money, totalValue: Money | undefined, held: boolean, soft?: boolean): void {
    // What the sums of one rule on one sheet share: one object, made again only when it changes.
    let source = this.source;
    const isSoft = soft ? (true as const) : undefined;
    if (source === undefined || source.rule !== rule || source.sheet !== sheet || source.perTerm !== perTerm || source.soft !== isSoft) this.source = source = { rule, sheet, perTerm, soft: isSoft };
    // The checked cell kept as its row and column (the caller's object is let go).
    // The total's value is the checked cell's own (`totalValue`): read from the row when asked.
    this.raw.push(this.sums.push(source, checked.row, checked.col, terms, held));
    this.also?.recordSum?.(rule, sheet, checked, terms, perTerm, totalValue, held, soft);
  }

  /** Entry k of `raw` as a constraint. */
  private entry(k: number): Constraint {
    const c = this.raw[k]!;
    return typeof c === 'number' ? this.sums.at(c) : c;
  }

  /**
   * The constraints (each identity once, in order) that mention any of these cells, and the values of their
   * cells: what localizing a failure or verifying a fix looks at, without sorting and indexing the whole set.
   */
  around(cells: ReadonlySet<CellKey>): { constraints: readonly Constraint[]; values: Map<CellKey, Money | undefined> } {
    const near = cellPositions(cells);
    return this.subset((i) => this.sums.reads(i, near), (c) => mentions(c, cells));
  }

  /**
   * The constraints (each identity once, in order) that read a cell of one of these sheets, and the values of their
   * cells: what the walks of a spread repair (spread.ts) can reach from where they start.
   */
  onSheets(sheets: ReadonlySet<string>): readonly Constraint[] {
    return this.subset(
      (i) => this.sums.onSheets(i, sheets),
      (c) => cellsOf(c).some((k) => sheets.has(splitKey(k).sheet)),
      false,
    ).constraints;
  }

  /** The value a constraint of this set recorded for one of its cells (the last it names the cell with). */
  valueIn(c: Constraint, k: CellKey): Money | undefined {
    if (c instanceof RecordedSum) {
      const i = c.terms.lastIndexOf(k);
      return i >= 0 ? termValue(c.cells, i) : c.total === k ? c.totalValue : undefined;
    }
    const pairs = this.pairsOf.get(c) ?? [];
    for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]![0] === k) return pairs[i]![1];
    return undefined;
  }

  /**
   * The constraints the tests choose (each identity once, in order) and the values of their cells, the last
   * recorded value of a cell winning. (Every value recorded for a cell is the cell's own, read from the same
   * recognized table: they never disagree in a check.)
   */
  private subset(sum: (i: number) => boolean, other: (c: Constraint) => boolean, withValues = true): { constraints: readonly Constraint[]; values: Map<CellKey, Money | undefined> } {
    const out: Constraint[] = [];
    const byTotal = new Map<CellKey, Constraint | Constraint[]>();
    const raw = this.raw;
    for (let i = 0; i < raw.length; i++) {
      const e = raw[i]!;
      if (typeof e === 'number' ? !sum(e) : !other(e)) continue;
      const c = typeof e === 'number' ? this.sums.at(e) : e;
      if (keep(byTotal, c)) out.push(c);
    }
    const values = new Map<CellKey, Money | undefined>();
    if (withValues) for (const c of out) setValues(values, c, this.pairsOf.get(c));
    return { constraints: out, values };
  }

  /** The identities and correspondences that fail (each identity once, in order). */
  failing(): readonly Constraint[] {
    return this.subset(
      (i) => !this.sums.held(i),
      (c) => !this.holds(c),
      false,
    ).constraints;
  }

  /**
   * Whether a constraint of this set holds over its values: for a recorded sum, what its check found (the same
   * cell always has the same value); otherwise computed.
   */
  holds(c: Constraint): boolean {
    if (c instanceof RecordedSum) return c.held;
    let own = this.ownValues.get(c);
    if (own === undefined) this.ownValues.set(c, (own = new Map(this.pairsOf.get(c) ?? [])));
    return holds(c, own.size > 0 ? own : this.values);
  }

  /** The cells of the identities (not the soft correspondences) that fail. */
  failingCells(): Set<CellKey> {
    const cells = new Set<CellKey>();
    const add = (k: CellKey) => cells.add(k);
    for (const e of this.raw) {
      if (typeof e === 'number') {
        if (!this.sums.soft(e) && !this.sums.held(e)) this.sums.eachKey(e, add);
      } else if (!e.soft && !this.holds(e)) for (const k of cellsOf(e)) cells.add(k);
    }
    return cells;
  }

  /** Whether some identity (not a soft correspondence) fails: when none does, nothing needs to be sorted or indexed. */
  anyHardFailing(): boolean {
    const raw = this.raw;
    for (let i = 0; i < raw.length; i++) {
      const e = raw[i]!;
      if (typeof e === 'number' ? !this.sums.soft(e) && !this.sums.held(e) : !e.soft && !this.holds(e)) return true;
    }
    return false;
  }

  /** Keeps the constraint unless the same identity is kept already. */
  private adds(c: Constraint): boolean {
    if (!keep(this.byTotal, c)) return false;
    this.kept.push(c);
    return true;
  }
}

/** Notes a constraint by its total cell; false when the same identity is there already. */
function keep(byTotal: Map<CellKey, Constraint | Constraint[]>, c: Constraint): boolean {
  const same = byTotal.get(c.total);
  if (same === undefined) byTotal.set(c.total, c);
  else if (Array.isArray(same)) {
    for (const o of same) if (sameIdentity(o, c)) return false;
    same.push(c);
  } else {
    if (sameIdentity(same, c)) return false;
    byTotal.set(c.total, [same, c]);
  }
  return true;
}

function mentions(c: Constraint, cells: ReadonlySet<CellKey>): boolean {
  if (cells.has(c.total)) return true;
  for (const t of c.terms) if (cells.has(t)) return true;
  if (c.minus) for (const t of c.minus) if (cells.has(t)) return true;
  return false;
}

function setValues(map: Map<CellKey, Money | undefined>, c: Constraint, pairs: ReadonlyArray<[CellKey, Money | undefined]> | undefined): void {
  if (pairs !== undefined) {
    for (let k = 0; k < pairs.length; k++) map.set(pairs[k]![0], pairs[k]![1]);
    return;
  }
  const r = c as RecordedSum;
  map.set(r.total, r.totalValue);
  const keys = r.terms;
  const terms = r.cells;
  for (let k = 0; k < keys.length; k++) {
    map.set(keys[k]!, termValue(terms, k));
  }
}

/** Same total, same terms (in any order), both soft or both hard. */
function sameIdentity(a: Constraint, b: Constraint): boolean {
  if (Boolean(a.soft) !== Boolean(b.soft)) return false;
  if (a.minus !== undefined || b.minus !== undefined) return sameKeys(a.terms, b.terms) && sameKeys(a.minus ?? [], b.minus ?? []);
  if (a instanceof RecordedSum && b instanceof RecordedSum && a.termCount !== b.termCount) return false;
  const x = a.terms;
  const y = b.terms;
  if (x.length !== y.length) return false;
  let inOrder = true;
  for (let k = 0; k < x.length; k++) {
    if (x[k] !== y[k]) {
      inOrder = false;
      break;
    }
  }
  if (inOrder) return true;
  const xs = [...x].sort();
  const ys = [...y].sort();
  return xs.every((t, k) => t === ys[k]);
}

function sameKeys(x: readonly CellKey[], y: readonly CellKey[]): boolean {
  if (x.length !== y.length) return false;
  const ys = [...y].sort();
  return [...x].sort().every((t, k) => t === ys[k]);
}

/** Values of cells, as constraints read them (blank: undefined). */
export interface Values {
  get(k: CellKey): Money | undefined;
}

/** `base` with some cells changed, without copying it (a large workbook has many values). */
export function overlay(base: Values, changed: ReadonlyMap<CellKey, Money | undefined>): Values {
  return { get: (k) => (changed.has(k) ? changed.get(k) : base.get(k)) };
}

export const valueOf = (values: Values, k: CellKey): Money => values.get(k) ?? ZERO;

/** total − (Σ terms − Σ minus) over these values (blank counts as zero). */
export function difference(c: Constraint, values: Values): Money {
  let terms = ZERO;
  for (const t of c.terms) {
    const v = values.get(t);
    // A blank counts as +0, which changes nothing but the sign of a −0 total.
    if (v !== undefined) terms = terms.plus(v);
    else if (terms.isZero()) terms = terms.plus(ZERO);
  }
  if (c.minus) for (const t of c.minus) terms = terms.minus(valueOf(values, t));
  return valueOf(values, c.total).minus(terms);
}

/** Whether the constraint holds within its rounding bound. */
export function holds(c: Constraint, values: Values): boolean {
  return difference(c, values).abs().lte(c.bound);
}
