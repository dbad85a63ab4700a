// A hand-written fake of the Excel API subset in src/excel/api.ts. It behaves like Office.js where the
// port could go wrong: properties throw until loaded *and* synced, isNullObject throws before a sync,
// methods on null objects throw, every action (writes, formats, sheets, parts, select) happens at sync
// in the order queued, a write to a protected sheet fails at sync (AccessDenied) after the actions
// queued before it ran (as a real batch may half-apply), assigned values are parsed the way typing is
// (`=…` a formula, `'…` text, `12` a number, `2024-1-5` a date), formulas are computed when read
// (SUM, + − × ÷ over cells), and it counts syncs and writes. `reopen()` gives what saving, closing and
// opening the workbook again gives: cells, formats, conditional formats and custom XML parts, nothing else.
//
// (office-addin-mock was the suggested base; it does not enforce sync() before reads or apply actions at
// sync, which is what these tests are about, so the fake stays hand-written.)
import { a1, parseA1, rectA1, type Rect, type Workbook } from '../../src/core/grid/grid';
import type {
  ExcelHost,
  XlChangedEventArgs,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlCustomXmlPart,
  XlCustomXmlPartCollection,
  XlEventHandlerResult,
  XlHyperlink,
  XlProtection,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../../src/excel/api';

export interface FakeCell {
  readonly value: string | number | boolean;
  readonly formula?: string;
  readonly numFmt?: string;
  readonly error?: boolean;
  /** Cell formatting the user set (the port must never lose it). */
  readonly fill?: string;
  readonly bold?: boolean;
  readonly fontColor?: string;
  readonly hyperlink?: XlHyperlink;
}

export interface FakeConditionalFormat {
  readonly id: number;
  /** The range it applies to (`D5`). */
  readonly address: string;
  readonly type: 'Custom' | 'CellValue' | 'DataBar';
  formula?: string;
  fill?: string;
  font?: string;
}

export interface FakeSheet {
  readonly name: string;
  readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** A1 → cell (plain values are shorthand for `{ value }`). */
  readonly cells: Readonly<Record<string, FakeCell | string | number | boolean>>;
  readonly merges?: readonly string[];
  readonly hiddenRows?: readonly number[];
  readonly hiddenCols?: readonly number[];
  readonly protected?: boolean;
  readonly conditionalFormats?: readonly FakeConditionalFormat[];
}

export interface FakeXmlPart {
  readonly id: string;
  readonly namespace: string;
  xml: string;
}

export interface FakeOptions {
  /** Highest ExcelApi version the fake host supports (default 1.14). */
  readonly api?: string;
  readonly workbookName?: string;
  readonly readOnly?: boolean;
  /** The workbook's structure is protected: no sheet can be added or deleted. */
  readonly structureProtected?: boolean;
  readonly xmlParts?: readonly FakeXmlPart[];
  /**
   * Most cell properties (a cell's values, valueTypes, formulas or numberFormat each count one) one sync may
   * load: past it the sync fails as Excel on the web fails a response over its 5 MB limit. Default 200,000
   * (5 MB at 25 bytes a property).
   */
  readonly payloadCells?: number;
}

/** Cell-grid properties of a range: each loaded one is a part of the sync's response. */
const GRID_PROPERTIES = new Set(['values', 'valueTypes', 'formulas', 'numberFormat', 'text']);

/** One sheet as the fake keeps it (mutable). */
export interface SheetState {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  merges: string[];
  hiddenRows: number[];
  hiddenCols: number[];
  protected: boolean;
  conditionalFormats: FakeConditionalFormat[];
  frozenRows?: number;
}

const versionLE = (a: string, b: string) => {
  const [a1_, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1_! < b1! || (a1_ === b1 && a2! <= b2!);
};

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const clone = <T>(x: T): T => structuredClone(x);

function stateOf(s: FakeSheet): SheetState {
  const cells = new Map<string, FakeCell>();
  for (const [k, v] of Object.entries(s.cells)) cells.set(k, typeof v === 'object' ? clone(v) : { value: v });
  return {
    name: s.name,
    visibility: s.visibility ?? 'Visible',
    cells,
    merges: [...(s.merges ?? [])],
    hiddenRows: [...(s.hiddenRows ?? [])],
    hiddenCols: [...(s.hiddenCols ?? [])],
    protected: s.protected ?? false,
    conditionalFormats: clone([...(s.conditionalFormats ?? [])]),
  };
}

/** What typing `input` into a cell gives (Range.values assignment). */
export function typedInput(input: unknown): Pick<FakeCell, 'value' | 'formula' | 'error'> {
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (input === null || input === undefined || input === '') return { value: '' };
  const s = String(input);
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { value: '', formula: s.slice(1) };
  const t = s.trim();
  if (/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^[-+]?\.\d+$/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  if (/^#(REF!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|VALUE!)$/.test(t)) return { value: t, error: true };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) return { value: Math.round((Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!) - Date.UTC(1899, 11, 30)) / 86_400_000) };
  return { value: s };
}

/** The fake's state shared by all runs: sheets, parts, counters and what the user would see. */
export class FakeExcel {
  syncs = 0;
  runs = 0;
  /** Cell writes, format changes, sheet and part changes applied so far. */
  writes = 0;
  /** The sheet activated and the range selected, as of the last sync. */
  active?: string;
  selection?: { sheet: string; address: string };
  readonly sheets: SheetState[];
  readonly xmlParts: FakeXmlPart[];
  readonly workbookName: string;
  readonly api: string;
  readOnly: boolean;
  structureProtected: boolean;
  readonly payloadCells: number;
  /** The most cell properties one sync loaded so far. */
  largestResponse = 0;
  /** The user is typing in a cell: Excel fails every sync, applying nothing. */
  editMode = false;
  /** Change handlers registered through worksheets.onChanged. */
  readonly handlers = new Set<(args: XlChangedEventArgs) => Promise<unknown>>();
  private nextId = 1;

  constructor(sheets: FakeSheet[], opts: FakeOptions = {}) {
    this.sheets = sheets.map(stateOf);
    this.api = opts.api ?? '1.14';
    this.workbookName = opts.workbookName ?? 'Book1.xlsx';
    this.readOnly = opts.readOnly ?? false;
    this.structureProtected = opts.structureProtected ?? false;
    this.payloadCells = opts.payloadCells ?? 200_000;
    this.xmlParts = clone([...(opts.xmlParts ?? [])]);
    for (const s of this.sheets) for (const cf of s.conditionalFormats) this.nextId = Math.max(this.nextId, cf.id + 1);
  }

  readonly host: ExcelHost = {
    run: async (batch) => {
      this.runs++;
      return batch(new FakeContext(this));
    },
    runIn: async (context, batch) => {
      if (!(context instanceof FakeContext) || context.fake !== this) throw new Error('fake: runIn with a context of another workbook');
      this.runs++;
      return batch(context);
    },
    supports: (version) => versionLE(version, this.api),
  };

  id(): number {
    return this.nextId++;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A cell as stored (its formula's value computed now). */
  cell(sheet: SheetState, row: number, col: number): FakeCell | undefined {
    const c = sheet.cells.get(a1(row, col));
    if (!c || c.formula === undefined) return c;
    return { ...c, value: this.evaluate(sheet, c.formula, 0) ?? c.value };
  }

  /** SUM(ranges), cell references, numbers and + − × ÷ with parentheses; undefined for anything else. */
  private evaluate(sheet: SheetState, formula: string, depth: number): number | undefined {
    if (depth > 20) return undefined;
    const num = (address: string): number => {
      const c = sheet.cells.get(address.replace(/\$/g, '').toUpperCase());
      if (!c) return 0;
      const v = c.formula !== undefined ? this.evaluate(sheet, c.formula, depth + 1) : c.value;
      return typeof v === 'number' ? v : 0;
    };
    const src = formula.replace(/\s+/g, '');
    let i = 0;
    const peek = () => src[i];
    const expr = (): number => {
      let v = term();
      while (peek() === '+' || peek() === '-') v = src[i++] === '+' ? v + term() : v - term();
      return v;
    };
    const term = (): number => {
      let v = factor();
      while (peek() === '*' || peek() === '/') v = src[i++] === '*' ? v * factor() : v / factor();
      return v;
    };
    const factor = (): number => {
      if (peek() === '-') {
        i++;
        return -factor();
      }
      if (peek() === '(') {
        i++;
        const v = expr();
        if (src[i++] !== ')') throw new Error('fake: )');
        return v;
      }
      const rest = src.slice(i);
      const sum = /^SUM\(/i.exec(rest);
      if (sum) {
        i += sum[0].length;
        let total = 0;
        for (;;) {
          const ref = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/i.exec(src.slice(i));
          if (ref) {
            i += ref[0].length;
            const r = parseA1(ref[0]);
            for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) total += num(a1(row, col));
          } else total += expr();
          if (peek() === ',') i++;
          else break;
        }
        if (src[i++] !== ')') throw new Error('fake: SUM)');
        return total;
      }
      const ref = /^\$?[A-Z]{1,3}\$?\d+/i.exec(rest);
      if (ref) {
        i += ref[0].length;
        return num(ref[0]);
      }
      const n = /^\d+(\.\d*)?|^\.\d+/.exec(rest);
      if (n) {
        i += n[0].length;
        return Number(n[0]);
      }
      throw new Error(`fake: cannot evaluate ${formula}`);
    };
    try {
      const v = expr();
      return i === src.length ? v : undefined;
    } catch {
      return undefined;
    }
  }

  /** The user types into a cell: the cell changes and the change handlers hear of it (not from us). */
  async userEdit(sheet: string, address: string, input: unknown): Promise<void> {
    const s = this.sheet(sheet)!;
    const was = s.cells.get(address);
    s.cells.set(address, { ...(was ?? {}), ...typedInput(input), ...(was?.numFmt ? { numFmt: was.numFmt } : {}) } as FakeCell);
    await this.fire({ worksheetId: sheet, address, triggerSource: 'Unknown' });
  }

  async fire(args: XlChangedEventArgs): Promise<void> {
    for (const h of [...this.handlers]) await h(args);
  }

  /** Everything a saved file keeps, as plain data: for comparing before and after. */
  snapshot(): { sheets: unknown[]; parts: FakeXmlPart[] } {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        // Keys in a fixed order, so that equal snapshots are equal JSON too.
        cells: [...s.cells.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k]) => [k, Object.fromEntries(Object.entries(this.cell(s, parseA1(k).r0, parseA1(k).c0)!).sort(([x], [y]) => x.localeCompare(y)))]),
        conditionalFormats: clone(s.conditionalFormats),
        merges: [...s.merges],
      })),
      parts: clone(this.xmlParts),
    };
  }

  /** Save, close and open again: the file's contents, fresh counters, no handlers, no selection. */
  reopen(opts: Partial<FakeOptions> = {}): FakeExcel {
    const again = new FakeExcel([], {
      api: this.api,
      workbookName: this.workbookName,
      readOnly: this.readOnly,
      structureProtected: this.structureProtected,
      xmlParts: this.xmlParts,
      ...opts,
    });
    again.sheets.push(...this.sheets.map((s) => clone(s)));
    for (const s of again.sheets) for (const cf of s.conditionalFormats) again.nextId = Math.max(again.nextId, cf.id + 1);
    return again;
  }
}

type Pending = { target: FakeObject; path: string } | { action: () => void };

class FakeContext implements XlContext {
  readonly pending: Pending[] = [];
  readonly workbook: FakeWorkbook;
  /** Changes made in this sync, for the change events after it. */
  changed: XlChangedEventArgs[] = [];
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  get syncs(): number {
    return this.fake.syncs;
  }
  async sync(): Promise<void> {
    this.fake.syncs++;
    const work = this.pending.splice(0);
    if (this.fake.editMode) throw Object.assign(new Error('The operation is not allowed while Excel is in cell-editing mode.'), { code: 'InvalidOperationInCellEditMode' });
    this.changed = [];
    const loaded = work.reduce((n, p) => n + ('target' in p && p.target instanceof FakeRange && GRID_PROPERTIES.has(p.path) ? p.target.cellCount : 0), 0);
    this.fake.largestResponse = Math.max(this.fake.largestResponse, loaded);
    if (loaded > this.fake.payloadCells) throw new Error(`ResponsePayloadSizeLimitExceeded: this sync loads ${loaded} cell properties (limit ${this.fake.payloadCells})`);
    try {
      for (const p of work) {
        if ('action' in p) p.action();
        else p.target.resolve(p.path);
      }
    } finally {
      const events = this.changed;
      this.changed = [];
      // Excel raises change events for add-in writes too, a moment after the sync.
      if (events.length > 0) setTimeout(() => void Promise.all(events.map((e) => this.fake.fire(e))), 0);
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
  protected get fake(): FakeExcel {
    return this.ctx.fake;
  }
}

class FakeCollection<T extends FakeObject> extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly all: () => T[],
  ) {
    super(ctx);
  }
  private snapshot?: T[];
  get items(): T[] {
    this.need('items');
    return this.snapshot!;
  }
  override resolve(path: string): void {
    const [head, ...rest] = path.split('/');
    if (head === 'items' && !this.snapshot) this.snapshot = this.all();
    super.resolve(head!);
    if (head === 'items' && rest.length > 0) for (const item of this.snapshot!) item.resolve(rest.join('/'));
  }
}

class FakeProtection extends FakeObject implements XlProtection {
  constructor(
    ctx: FakeContext,
    private readonly read: () => boolean,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    this.need('protected');
    return this.read();
  }
}

class FakeWorkbook extends FakeObject implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeProtection;
  readonly customXmlParts: FakeXmlPartCollection;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeProtection(ctx, () => ctx.fake.structureProtected);
    this.customXmlParts = new FakeXmlPartCollection(ctx);
  }
  get name(): string {
    this.need('name');
    return this.fake.workbookName;
  }
  get readOnly(): boolean {
    if (!this.fake.host.supports('1.8')) throw new Error('ApiNotFound: readOnly needs ExcelApi 1.8');
    this.need('readOnly');
    return this.fake.readOnly;
  }
  protected override child(name: string): FakeObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> implements XlWorksheetCollection {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.fake.sheets.map((s) => new FakeWorksheet(ctx, s)));
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.fake.sheet(key));
  }
  add(name?: string): FakeWorksheet {
    const fake = this.fake;
    const sheet: SheetState = { name: name ?? `Sheet${fake.sheets.length + 1}`, visibility: 'Visible', cells: new Map(), merges: [], hiddenRows: [], hiddenCols: [], protected: false, conditionalFormats: [] };
    this.queue(() => {
      if (fake.structureProtected) throw new Error('AccessDenied: the workbook structure is protected');
      if (fake.sheet(sheet.name)) throw new Error(`ItemAlreadyExists: a sheet named ${sheet.name} exists`);
      fake.sheets.push(sheet);
      fake.writes++;
    });
    return new FakeWorksheet(this.ctx, sheet, true);
  }
  readonly onChanged = {
    add: (handler: (args: XlChangedEventArgs) => Promise<unknown>): XlEventHandlerResult => {
      const fake = this.fake;
      if (!fake.host.supports('1.9')) throw new Error('ApiNotFound: worksheets.onChanged needs ExcelApi 1.9');
      this.queue(() => fake.handlers.add(handler));
      const ctx = this.ctx;
      return {
        context: ctx,
        remove: () => ctx.pending.push({ action: () => fake.handlers.delete(handler) }),
      };
    },
  };
}

class FakeWorksheet extends FakeObject implements XlWorksheet {
  readonly protection: FakeProtection;
  constructor(
    ctx: FakeContext,
    readonly sheet: SheetState | undefined,
    /** Added in this batch: known to exist without a sync. */
    private readonly created = false,
  ) {
    super(ctx, sheet === undefined);
    this.protection = new FakeProtection(ctx, () => this.sheet!.protected);
  }
  override get isNullObject(): boolean {
    return this.created ? false : super.isNullObject;
  }
  get name(): string {
    this.need('name');
    return this.sheet!.name;
  }
  get visibility(): string {
    this.need('visibility');
    return this.sheet!.visibility;
  }
  protected override child(name: string): FakeObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }
  readonly freezePanes = {
    freezeRows: (count?: number) => {
      this.notNull('freezePanes.freezeRows');
      this.queue(() => (this.sheet!.frozenRows = count ?? 1));
    },
  };
  getUsedRangeOrNullObject(): FakeRange {
    this.notNull('getUsedRangeOrNullObject');
    const s = this.sheet!;
    const rects = [...[...s.cells.keys()].map((k) => parseA1(k)), ...s.merges.map((m) => parseA1(m))];
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
    this.queue(() => (this.fake.active = this.sheet!.name));
  }
  delete(): void {
    this.notNull('delete');
    const fake = this.fake;
    this.queue(() => {
      if (fake.structureProtected) throw new Error('AccessDenied: the workbook structure is protected');
      const i = fake.sheets.indexOf(this.sheet!);
      if (i >= 0) fake.sheets.splice(i, 1);
      fake.writes++;
    });
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
    private readonly sheet: SheetState,
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
      for (let c = this.rect.c0; c <= this.rect.c1; c++) line.push(f(this.fake.cell(this.sheet, r, c)));
      out.push(line);
    }
    return out;
  }
  /** Queues a change to every cell of the range; it fails at sync on a protected sheet. */
  private write(what: string, change: (cell: FakeCell | undefined, r: number, c: number) => FakeCell | undefined, grid?: unknown[][]): void {
    this.notNull(what);
    const rows = this.rect.r1 - this.rect.r0 + 1;
    const cols = this.rect.c1 - this.rect.c0 + 1;
    if (grid && (grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== cols)))
      throw new Error(`InvalidArgument: ${what} is ${grid.length}×${grid[0]?.length ?? 0}, the range ${rectA1(this.rect)} is ${rows}×${cols}`);
    const sheet = this.sheet;
    const ctx = this.ctx;
    this.queue(() => {
      if (sheet.protected) throw new Error(`AccessDenied: the cell you're trying to change is on a protected sheet (${sheet.name})`);
      for (let r = this.rect.r0; r <= this.rect.r1; r++)
        for (let c = this.rect.c0; c <= this.rect.c1; c++) {
          const key = a1(r, c);
          const next = change(sheet.cells.get(key), r - this.rect.r0, c - this.rect.c0);
          if (next === undefined) sheet.cells.delete(key);
          else sheet.cells.set(key, next);
        }
      ctx.fake.writes++;
      ctx.changed.push({ worksheetId: sheet.name, address: rectA1(this.rect), ...(ctx.fake.host.supports('1.14') ? { triggerSource: 'ThisLocalAddin' } : {}) });
    });
  }
  /** How many cells the range covers. */
  get cellCount(): number {
    return (this.rect.r1 - this.rect.r0 + 1) * (this.rect.c1 - this.rect.c0 + 1);
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
  set values(grid: unknown[][]) {
    this.write(
      'values',
      (cell, r, c) => {
        const typed = typedInput(grid[r]![c]);
        const { value: _v, formula: _f, error: _e, ...format } = cell ?? { value: '' };
        const empty = typed.value === '' && typed.formula === undefined;
        return empty && Object.keys(format).length === 0 ? undefined : ({ ...format, ...typed } as FakeCell);
      },
      grid,
    );
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
  set formulas(grid: unknown[][]) {
    this.write(
      'formulas',
      (cell, r, c) => {
        const typed = typedInput(grid[r]![c]);
        const { value: _v, formula: _f, error: _e, ...format } = cell ?? { value: '' };
        return { ...format, ...typed } as FakeCell;
      },
      grid,
    );
  }
  get numberFormat(): unknown[][] {
    return this.grid('numberFormat', (c) => c?.numFmt ?? 'General');
  }
  set numberFormat(grid: unknown[][]) {
    this.write('numberFormat', (cell, r, c) => ({ ...(cell ?? { value: '' }), numFmt: String(grid[r]![c]) }), grid);
  }
  get hyperlink(): XlHyperlink {
    this.need('hyperlink');
    return this.fake.cell(this.sheet, this.rect.r0, this.rect.c0)?.hyperlink ?? {};
  }
  set hyperlink(link: XlHyperlink) {
    this.write('hyperlink', (cell) => ({ ...(cell ?? { value: '' }), hyperlink: { ...link } }));
  }
  get format(): XlRangeFormat {
    const range = this;
    const first = () => range.fake.cell(range.sheet, range.rect.r0, range.rect.c0);
    const set = (what: string, f: (cell: FakeCell) => FakeCell) => range.write(what, (cell) => f(cell ?? { value: '' }));
    return {
      fill: {
        get color() {
          return first()?.fill ?? '#FFFFFF';
        },
        set color(color: string) {
          set('format.fill.color', (cell) => ({ ...cell, fill: color }));
        },
        load: () => undefined,
      },
      font: {
        get bold() {
          return first()?.bold ?? false;
        },
        set bold(bold: boolean) {
          set('format.font.bold', (cell) => ({ ...cell, bold }));
        },
        get color() {
          return first()?.fontColor ?? '#000000';
        },
        set color(color: string) {
          set('format.font.color', (cell) => ({ ...cell, fontColor: color }));
        },
      },
      get columnWidth() {
        return 64;
      },
      set columnWidth(_w: number) {
        range.notNull('format.columnWidth');
      },
      wrapText: false,
      verticalAlignment: 'Bottom',
    };
  }
  get conditionalFormats(): XlConditionalFormatCollection {
    this.notNull('conditionalFormats');
    return new FakeConditionalFormats(this.ctx, this.sheet, this.rect);
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.notNull('getMergedAreasOrNullObject');
    const found = this.sheet.merges.map((m) => parseA1(m)).filter((m) => intersects(m, this.rect));
    return new FakeRangeAreas(this.ctx, this.sheet, found, found.length > 512 ? 'more than 512 merged areas' : undefined);
  }
  getSpecialCellsOrNullObject(cellType: 'Visible'): FakeRangeAreas {
    this.notNull('getSpecialCellsOrNullObject');
    if (cellType !== 'Visible') throw new Error(`fake: special cells ${cellType} not supported`);
    const rows = runs(this.rect.r0, this.rect.r1, (r) => !this.sheet.hiddenRows.includes(r));
    const cols = runs(this.rect.c0, this.rect.c1, (c) => !this.sheet.hiddenCols.includes(c));
    const areas = rows.flatMap(([r0, r1]) => cols.map(([c0, c1]) => ({ r0, r1, c0, c1 })));
    return new FakeRangeAreas(this.ctx, this.sheet, areas);
  }
  select(): void {
    this.notNull('select');
    this.queue(() => (this.fake.selection = { sheet: this.sheet.name, address: rectA1(this.rect) }));
  }
}

/** The conditional formats that overlap a range; items are looked up at sync. */
class FakeConditionalFormats extends FakeCollection<FakeConditionalFormat_> implements XlConditionalFormatCollection {
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetState,
    private readonly rect: Rect,
  ) {
    super(ctx, () => sheet.conditionalFormats.filter((cf) => intersects(parseA1(cf.address), rect)).map((cf) => new FakeConditionalFormat_(ctx, sheet, cf)));
  }
  add(type: 'Custom'): FakeConditionalFormat_ {
    if (!this.fake.host.supports('1.6')) throw new Error('ApiNotFound: conditional formats need ExcelApi 1.6');
    const cf: FakeConditionalFormat = { id: this.fake.id(), address: rectA1(this.rect), type };
    const sheet = this.sheet;
    const fake = this.fake;
    this.queue(() => {
      if (sheet.protected) throw new Error(`AccessDenied: the sheet ${sheet.name} is protected`);
      sheet.conditionalFormats.unshift(cf);
      fake.writes++;
    });
    return new FakeConditionalFormat_(this.ctx, sheet, cf);
  }
}

class FakeConditionalFormat_ extends FakeObject implements XlConditionalFormat {
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetState,
    private readonly cf: FakeConditionalFormat,
  ) {
    super(ctx);
  }
  get type(): string {
    this.need('type');
    return this.cf.type;
  }
  priority = 0;
  /** Writes to a format's settings happen at sync, after the format was added. */
  private change(f: () => void): void {
    const sheet = this.sheet;
    const fake = this.fake;
    this.queue(() => {
      if (sheet.protected) throw new Error(`AccessDenied: the sheet ${sheet.name} is protected`);
      f();
      fake.writes++;
    });
  }
  private customCache?: XlConditionalFormat['custom'];
  /** Like Office.js, a navigation property gives the same object every time. */
  get custom(): XlConditionalFormat['custom'] {
    this.customCache ??= this.makeCustom();
    return this.customCache;
  }
  private makeCustom(): XlConditionalFormat['custom'] {
    const me = this;
    const cf = this.cf;
    class Rule extends FakeObject {
      get formula(): string {
        this.need('formula');
        return cf.formula ?? '';
      }
      set formula(f: string) {
        me.change(() => (cf.formula = f));
      }
      override resolve(path: string): void {
        // Excel: the custom properties exist only on a custom conditional format.
        if (cf.type !== 'Custom') throw new Error(`InvalidArgument: the conditional format ${cf.id} is not a custom one`);
        super.resolve(path);
      }
    }
    return {
      rule: new Rule(this.ctx),
      format: {
        fill: {
          get color() {
            return cf.fill ?? '';
          },
          set color(c: string) {
            me.change(() => (cf.fill = c));
          },
        },
        font: {
          get color() {
            return cf.font ?? '';
          },
          set color(c: string) {
            me.change(() => (cf.font = c));
          },
        },
      },
    };
  }
  delete(): void {
    const sheet = this.sheet;
    const fake = this.fake;
    this.queue(() => {
      if (sheet.protected) throw new Error(`AccessDenied: the sheet ${sheet.name} is protected`);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x.id !== this.cf.id);
      fake.writes++;
    });
  }
}

class FakeXmlPartCollection extends FakeObject implements XlCustomXmlPartCollection {
  add(xml: string): FakeXmlPartObject {
    if (!this.fake.host.supports('1.5')) throw new Error('ApiNotFound: custom XML parts need ExcelApi 1.5');
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? '';
    const part: FakeXmlPart = { id: `{${String(this.fake.id()).padStart(8, '0')}-FAKE}`, namespace: ns, xml };
    const fake = this.fake;
    this.queue(() => {
      fake.xmlParts.push(part);
      fake.writes++;
    });
    return new FakeXmlPartObject(this.ctx, part, true);
  }
  getByNamespace(namespaceUri: string): { getOnlyItemOrNullObject(): FakeXmlPartObject } {
    if (!this.fake.host.supports('1.5')) throw new Error('ApiNotFound: custom XML parts need ExcelApi 1.5');
    const found = this.fake.xmlParts.filter((p) => p.namespace === namespaceUri);
    return { getOnlyItemOrNullObject: () => new FakeXmlPartObject(this.ctx, found.length === 1 ? found[0] : undefined) };
  }
}

class FakeXmlPartObject extends FakeObject implements XlCustomXmlPart {
  constructor(
    ctx: FakeContext,
    private readonly part: FakeXmlPart | undefined,
    private readonly created = false,
  ) {
    super(ctx, part === undefined);
  }
  override get isNullObject(): boolean {
    return this.created ? false : super.isNullObject;
  }
  get id(): string {
    this.need('id');
    return this.part!.id;
  }
  getXml(): { readonly value: string } {
    this.notNull('getXml');
    const part = this.part!;
    let done = false;
    let xml = '';
    this.queue(() => {
      xml = part.xml;
      done = true;
    });
    return {
      get value() {
        if (!done) throw new Error('PropertyNotLoaded: ClientResult.value read before context.sync()');
        return xml;
      },
    };
  }
  setXml(xml: string): void {
    this.notNull('setXml');
    const part = this.part!;
    const fake = this.fake;
    this.queue(() => {
      part.xml = xml;
      fake.writes++;
    });
  }
  delete(): void {
    this.notNull('delete');
    const fake = this.fake;
    this.queue(() => {
      const i = fake.xmlParts.indexOf(this.part!);
      if (i >= 0) fake.xmlParts.splice(i, 1);
      fake.writes++;
    });
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
    sheet: SheetState,
    rects: Rect[],
    private readonly failure?: string,
  ) {
    super(ctx, rects.length === 0);
    const items = rects.map((r) => new FakeAddress(ctx, `${quoteSheet(sheet.name)}!${rectA1(r)}`));
    this.collection = new FakeCollection(ctx, () => items);
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

export type { XlCustomXmlPart, XlWorksheet, XlRange };
