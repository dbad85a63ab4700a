// A hand-written fake of the Excel API subset in src/excel/api.ts. It behaves like Office.js where
// the port could go wrong: properties throw until loaded *and* synced, isNullObject throws before a
// sync, methods on null objects throw, actions (select, activate) happen at sync, and it counts syncs.
import { a1, parseA1, rectA1, type Rect, type Workbook } from '../../src/core/grid/grid';
import type { ExcelHost, XlContext, XlRange, XlRangeAreas, XlWorkbook, XlWorksheet, XlWorksheetCollection } from '../../src/excel/api';

export interface FakeCell {
  readonly value: string | number | boolean;
  readonly formula?: string;
  readonly numFmt?: string;
  readonly error?: boolean;
}

export interface FakeSheet {
  readonly name: string;
  readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** A1 → cell (plain values are shorthand for `{ value }`). */
  readonly cells: Readonly<Record<string, FakeCell | string | number | boolean>>;
  readonly merges?: readonly string[];
  readonly hiddenRows?: readonly number[];
  readonly hiddenCols?: readonly number[];
}

export interface FakeOptions {
  /** Highest ExcelApi version the fake host supports (default 1.13). */
  readonly api?: string;
  readonly workbookName?: string;
}

const versionLE = (a: string, b: string) => {
  const [a1_, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1_! < b1! || (a1_ === b1 && a2! <= b2!);
};

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The fake's state shared by all runs: sheets, counters and what the user would see. */
export class FakeExcel {
  syncs = 0;
  runs = 0;
  /** The sheet activated and the range selected, as of the last sync. */
  active?: string;
  selection?: { sheet: string; address: string };
  readonly sheets: FakeSheet[];
  readonly workbookName: string;
  readonly api: string;

  constructor(sheets: FakeSheet[], opts: FakeOptions = {}) {
    this.sheets = sheets;
    this.api = opts.api ?? '1.13';
    this.workbookName = opts.workbookName ?? 'Book1.xlsx';
  }

  readonly host: ExcelHost = {
    run: async (batch) => {
      this.runs++;
      return batch(new FakeContext(this));
    },
    supports: (version) => versionLE(version, this.api),
  };

  cell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    const c = sheet.cells[a1(row, col)];
    return c === undefined ? undefined : typeof c === 'object' ? c : { value: c };
  }
}

type Pending = { target: FakeObject; path: string } | { action: () => void };

class FakeContext implements XlContext {
  readonly pending: Pending[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  get syncs(): number {
    return this.fake.syncs;
  }
  async sync(): Promise<void> {
    this.fake.syncs++;
    const work = this.pending.splice(0);
    for (const p of work) {
      if ('action' in p) p.action();
      else p.target.resolve(p.path);
    }
  }
}

abstract class FakeObject {
  private readonly loaded = new Set<string>();
  private readonly bornAt: number;
  constructor(
    protected readonly ctx: FakeContext,
    private readonly isNull = false,
  ) {
    this.bornAt = ctx.syncs;
  }
  get isNullObject(): boolean {
    if (this.ctx.syncs <= this.bornAt) throw new Error(`${this.constructor.name}.isNullObject read before context.sync()`);
    return this.isNull;
  }
  load(propertyNames: string): this {
    for (const p of propertyNames.split(',')) if (p.trim() !== '') this.ctx.pending.push({ target: this, path: p.trim() });
    return this;
  }
  /** Called by sync: marks a property (and the path below it) loaded; may throw like the host does. */
  resolve(path: string): void {
    const [head, ...rest] = path.split('/');
    this.loaded.add(head!);
    if (rest.length > 0) this.child(head!)?.resolve(rest.join('/'));
  }
  protected child(_name: string): FakeObject | undefined {
    return undefined;
  }
  protected need(prop: string): void {
    if (this.isNull) throw new Error(`${this.constructor.name}.${prop} read on a null object`);
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${this.constructor.name}.${prop} read before load() + sync()`);
  }
  protected notNull(method: string): void {
    if (this.isNull) throw new Error(`${this.constructor.name}.${method}() called on a null object`);
  }
  protected queue(action: () => void): void {
    this.ctx.pending.push({ action });
  }
}

class FakeCollection<T extends FakeObject> extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly all: T[],
  ) {
    super(ctx);
  }
  get items(): T[] {
    this.need('items');
    return this.all;
  }
  override resolve(path: string): void {
    const [head, ...rest] = path.split('/');
    super.resolve(head!);
    if (head === 'items' && rest.length > 0) for (const item of this.all) item.resolve(rest.join('/'));
  }
}

class FakeWorkbook extends FakeObject implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  get name(): string {
    this.need('name');
    return this.ctx.fake.workbookName;
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> implements XlWorksheetCollection {
  constructor(ctx: FakeContext) {
    super(
      ctx,
      ctx.fake.sheets.map((s) => new FakeWorksheet(ctx, s)),
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    const sheet = this.ctx.fake.sheets.find((s) => s.name === key);
    return new FakeWorksheet(this.ctx, sheet);
  }
}

class FakeWorksheet extends FakeObject implements XlWorksheet {
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet | undefined,
  ) {
    super(ctx, sheet === undefined);
  }
  get name(): string {
    this.need('name');
    return this.sheet!.name;
  }
  get visibility(): string {
    this.need('visibility');
    return this.sheet!.visibility ?? 'Visible';
  }
  getUsedRangeOrNullObject(): FakeRange {
    this.notNull('getUsedRangeOrNullObject');
    const s = this.sheet!;
    const rects = [...Object.keys(s.cells).map((k) => parseA1(k)), ...(s.merges ?? []).map((m) => parseA1(m))];
    if (rects.length === 0) return new FakeRange(this.ctx, s, { r0: 0, c0: 0, r1: 0, c1: 0 }, true);
    const bound = rects.reduce((b, r) => ({ r0: Math.min(b.r0, r.r0), c0: Math.min(b.c0, r.c0), r1: Math.max(b.r1, r.r1), c1: Math.max(b.c1, r.c1) }));
    return new FakeRange(this.ctx, s, bound);
  }
  getRange(address?: string): FakeRange {
    this.notNull('getRange');
    return new FakeRange(this.ctx, this.sheet!, parseA1(address ?? 'A1:XFD1048576'));
  }
  activate(): void {
    this.notNull('activate');
    this.queue(() => (this.ctx.fake.active = this.sheet!.name));
  }
}

const intersects = (a: Rect, b: Rect) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** Maximal runs of consecutive numbers in [from, to] that pass `keep`. */
function runs(from: number, to: number, keep: (i: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = from; i <= to; i++) {
    if (!keep(i)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

class FakeRange extends FakeObject implements XlRange {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet,
    private readonly rect: Rect,
    isNull = false,
  ) {
    super(ctx, isNull);
  }
  private grid<T>(prop: string, f: (cell: FakeCell | undefined) => T): T[][] {
    this.need(prop);
    const out: T[][] = [];
    for (let r = this.rect.r0; r <= this.rect.r1; r++) {
      const line: T[] = [];
      for (let c = this.rect.c0; c <= this.rect.c1; c++) line.push(f(this.ctx.fake.cell(this.sheet, r, c)));
      out.push(line);
    }
    return out;
  }
  get address(): string {
    this.need('address');
    return `${quoteSheet(this.sheet.name)}!${rectA1(this.rect)}`;
  }
  get rowIndex(): number {
    this.need('rowIndex');
    return this.rect.r0;
  }
  get columnIndex(): number {
    this.need('columnIndex');
    return this.rect.c0;
  }
  get rowCount(): number {
    this.need('rowCount');
    return this.rect.r1 - this.rect.r0 + 1;
  }
  get columnCount(): number {
    this.need('columnCount');
    return this.rect.c1 - this.rect.c0 + 1;
  }
  get values(): unknown[][] {
    return this.grid('values', (c) => (c === undefined ? '' : c.value));
  }
  get valueTypes(): string[][] {
    return this.grid('valueTypes', (c) => {
      if (c === undefined || c.value === '') return 'Empty';
      if (c.error) return 'Error';
      return typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
    });
  }
  get formulas(): unknown[][] {
    return this.grid('formulas', (c) => (c === undefined ? '' : c.formula !== undefined ? `=${c.formula}` : c.value));
  }
  get numberFormat(): unknown[][] {
    return this.grid('numberFormat', (c) => c?.numFmt ?? 'General');
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.notNull('getMergedAreasOrNullObject');
    const found = (this.sheet.merges ?? []).map((m) => parseA1(m)).filter((m) => intersects(m, this.rect));
    return new FakeRangeAreas(this.ctx, this.sheet, found, found.length > 512 ? 'more than 512 merged areas' : undefined);
  }
  getSpecialCellsOrNullObject(cellType: 'Visible'): FakeRangeAreas {
    this.notNull('getSpecialCellsOrNullObject');
    if (cellType !== 'Visible') throw new Error(`fake: special cells ${cellType} not supported`);
    const rows = runs(this.rect.r0, this.rect.r1, (r) => !(this.sheet.hiddenRows ?? []).includes(r));
    const cols = runs(this.rect.c0, this.rect.c1, (c) => !(this.sheet.hiddenCols ?? []).includes(c));
    const areas = rows.flatMap(([r0, r1]) => cols.map(([c0, c1]) => ({ r0, r1, c0, c1 })));
    return new FakeRangeAreas(this.ctx, this.sheet, areas);
  }
  select(): void {
    this.notNull('select');
    this.queue(() => (this.ctx.fake.selection = { sheet: this.sheet.name, address: rectA1(this.rect) }));
  }
}

class FakeAddress extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly text: string,
  ) {
    super(ctx);
  }
  get address(): string {
    this.need('address');
    return this.text;
  }
}

class FakeRangeAreas extends FakeObject implements XlRangeAreas {
  private readonly collection: FakeCollection<FakeAddress>;
  constructor(
    ctx: FakeContext,
    sheet: FakeSheet,
    rects: Rect[],
    private readonly failure?: string,
  ) {
    super(ctx, rects.length === 0);
    this.collection = new FakeCollection(
      ctx,
      rects.map((r) => new FakeAddress(ctx, `${quoteSheet(sheet.name)}!${rectA1(r)}`)),
    );
  }
  get areas(): { readonly items: ReadonlyArray<{ readonly address: string }> } {
    this.need('areas');
    return this.collection;
  }
  override resolve(path: string): void {
    if (this.failure) throw new Error(`GeneralException: ${this.failure}`);
    super.resolve(path);
  }
  protected override child(name: string): FakeObject | undefined {
    return name === 'areas' ? this.collection : undefined;
  }
}

/** The fake sheets of a workbook read from a file, so the Excel port can be compared with the file adapter. */
export function fakeSheetsOf(wb: Workbook): FakeSheet[] {
  return wb.sheets.map((s) => {
    const cells: Record<string, FakeCell> = {};
    for (const line of s.cells)
      for (const cell of line ?? []) {
        if (!cell) continue;
        const v = cell.value;
        const base = v === null ? { value: '' } : typeof v === 'object' ? { value: v.error, error: true } : { value: v };
        cells[a1(cell.row, cell.col)] = { ...base, ...(cell.formula !== undefined ? { formula: cell.formula } : {}), ...(cell.numFmt !== undefined ? { numFmt: cell.numFmt } : {}) };
      }
    return { name: s.name, cells, merges: s.merges.map(rectA1), hiddenRows: [...s.hiddenRows], hiddenCols: [...s.hiddenCols] };
  });
}
