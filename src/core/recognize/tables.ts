// Finds the tables on a sheet (by their titles) and reads each into a Table.
import { cellAt, cellText, hasContent, isBlankRow, rectA1, type Cell, type Rect, type Sheet } from '../grid/grid';
import { amountOf, Money, parseAmount, type ParsedAmount } from '../money/money';
import { halfWidth, isTotalLabel, squash } from '../text';
import { readFormFields } from './fields';
import { budgetYearOf } from './column-meaning';
import { readColumns } from './header';
import { isFinalAccounts, kindFromTitle, type TableKind } from './kinds';
import { isMetaText, readCoverLine, readMetaRow, yearIn } from './meta';
import type { AmountCell, Column, ColumnRole, RecognitionNote, Row, Table, TableMeta } from './model';
import { AMOUNT_ROLES } from './roles';

export { ADDITIVE_ROLES, AMOUNT_ROLES } from './roles';

export interface SheetRecognition {
  tables: Table[];
  notes: RecognitionNote[];
}

/** A table's number as printed beside or above its title: 公开01表, 表1, 附表3, 预算表1, 财决04表, 表一, 附件2. */
export function isTableNumber(text: string): boolean {
  const t = halfWidth(squash(text));
  if (/^附件[0-9一二三四五六七八九十]+$/.test(t)) return true;
  return /表/.test(t) && /^(?:部门)?(?:公开|预算|决算|财决|附)?表?[0-9一二三四五六七八九十]+(?:-[0-9]+)?表?$/.test(t);
}

/** Non-empty cells of a row as text, left to right. */
function rowCells(sheet: Sheet, row: number): Array<{ text: string; row: number; col: number }> {
  const out: Array<{ text: string; row: number; col: number }> = [];
  const line = sheet.cells[row];
  if (!line) return out;
  for (let c = 0; c < line.length; c++) {
    const text = cellText(line[c]).trim();
    if (text !== '') out.push({ text, row, col: c });
  }
  return out;
}

/** A title row: one text (or a few cells that read as one) naming a table kind. */
function titleOf(sheet: Sheet, row: number): { kind: TableKind; title: string; col: number } | undefined {
  // A row of more than four cells is no title, nor one of three or four without a text naming a 表: counted without
  // making text of its cells (data rows are most rows). The title, its table number and its unit make three.
  const line = sheet.cells[row];
  if (!line) return undefined;
  let filled = 0;
  let table = false;
  for (let c = 0; c < line.length; c++) {
    const cell = line[c];
    if (!hasContent(cell)) continue;
    if (++filled > 4) return undefined;
    if (typeof cell!.value === 'string' && cell!.value.includes('表')) table = true;
  }
  if (filled > 2 && !table) return undefined;
  // A table number printed on the title's row (收入支出决算表 … 公开01表) is no part of the title.
  const all = rowCells(sheet, row);
  // So is a metadata cell beside it (支出总表 … 单位：万元 on one row).
  const cells = all.length > 1 ? all.filter((c) => !isTableNumber(c.text) && (!isMetaText(c.text) || kindFromTitle(c.text) !== undefined)) : all;
  if (cells.length === 0 || cells.length > 2) return undefined;
  const title = cells.map((c) => c.text).join('');
  const kind = kindFromTitle(title);
  return kind ? { kind, title: squash(title).length <= 40 ? title.trim() : title, col: cells[0]!.col } : undefined;
}

/**
 * Recognizes every table on a sheet. A table starts at a title row and runs to the next title
 * (narratives run to the end of the sheet). Content before the first title, or a sheet without
 * titles, is reported as a note, never thrown.
 */
export function recognizeSheet(sheet: Sheet, amounts: AmountPool = newAmountPool()): SheetRecognition {
  // The amounts made while this sheet is read (recognition is synchronous: nothing else reads meanwhile).
  const outer = moneys;
  moneys = amounts;
  try {
    return readSheet(sheet);
  } finally {
    moneys = outer;
  }
}

/**
 * The amounts of number cells made during a recognition, by number: a workbook repeats its figures (a row of the
 * expenditure summary is a row of the general budget table; 275,000 amount cells of a large workbook hold 36,000
 * numbers), and an amount is immutable, so one serves them all. A number that is a whole count of cents below
 * 2^30 cents (nearly every amount) is looked up by that count in a CentsTable; any other number by itself, in a Map.
 */
export interface AmountPool {
  readonly byCents: CentsTable;
  readonly other: Map<number, Money>;
  /** Texts of amount cells as parseAmount reads them (a 绩效目标表 repeats 完成率 and ≥95% on every project). */
  readonly texts: Map<string, ParsedAmount>;
}

export function newAmountPool(): AmountPool {
  return { byCents: new CentsTable(), other: new Map(), texts: new Map() };
}

/** Most texts the pool keeps (the others are read each time). */
const MAX_TEXTS = 10_000;

/** parseAmount of a text in an amount cell, shared with every cell of the same text read in the same recognition. */
function parsedText(v: string): ParsedAmount {
  if (moneys === undefined) return parseAmount(v);
  let p = moneys.texts.get(v);
  if (p === undefined) {
    p = parseAmount(v);
    if (moneys.texts.size < MAX_TEXTS) moneys.texts.set(v, p);
  }
  return p;
}

/** A key no count of cents below 2^30 can be: an empty slot. */
const EMPTY_SLOT = -(2 ** 31);

/**
 * Amounts by their count of cents (|cents| < 2^30): a hash table of its own, open addressing in a typed array. Every
 * amount cell asks it once, and a Map of the tens of thousands of numbers of a large workbook was a fifth of
 * recognition's time.
 */
export class CentsTable {
  private keys = new Int32Array(1 << 12).fill(EMPTY_SLOT);
  private values: Array<Money | undefined> = new Array<Money | undefined>(1 << 12);
  /** 32 − log2 of the table's length: the hash's top bits index it. */
  private shift = 32 - 12;
  private count = 0;

  /** The slot of `cents`: where it is, or the empty slot where it would go. */
  private slot(cents: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    // Fibonacci hashing, the product's top bits: round amounts (counts of cents ending in many zero bits) spread too.
    let i = Math.imul(cents, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = keys[i]!;
      if (k === cents || k === EMPTY_SLOT) return i;
      i = (i + 1) & mask;
    }
  }

  get(cents: number): Money | undefined {
    return this.values[this.slot(cents)];
  }

  /** Puts an amount under a count of cents not in the table yet. */
  add(cents: number, money: Money): void {
    // At most half full: probes stay short.
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(cents);
    this.keys[i] = cents;
    this.values[i] = money;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY_SLOT);
    this.values = new Array<Money | undefined>(keys.length * 2);
    this.shift--;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY_SLOT) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.values[j] = values[i];
    }
  }
}

/** Set only while a sheet is recognized (recognizeWorkbook shares one across its sheets): nothing stays alive after. */
let moneys: AmountPool | undefined;

/** Largest count of cents used as a key (a small integer in V8). */
const MAX_CENTS = 2 ** 30 - 1;

/** The amount of a finite number cell, shared with every cell of the same number read in the same recognition. */
function moneyOf(v: number): Money {
  // −0 is its own amount (a Map takes it for 0).
  if (moneys === undefined || (v === 0 && 1 / v < 0)) return new Money(v);
  const cents = Math.round(v * 100);
  // Exactly v: the count of cents gives back the number itself, so it identifies it.
  if (cents / 100 === v && Math.abs(cents) <= MAX_CENTS) {
    let m = moneys.byCents.get(cents);
    if (m === undefined) moneys.byCents.add(cents, (m = new Money(v)));
    return m;
  }
  let m = moneys.other.get(v);
  if (m === undefined) moneys.other.set(v, (m = new Money(v)));
  return m;
}

/** Where a table starts: its title row, or (`untitled`) its first row when only the sheet's name gives its title. */
interface TableStart {
  readonly row: number;
  readonly kind: TableKind;
  readonly title: string;
  readonly col: number;
  readonly untitled?: true;
}

function readSheet(sheet: Sheet): SheetRecognition {
  const notes: RecognitionNote[] = [];
  const starts: TableStart[] = [];
  let inNarrative = false;
  for (let r = 0; r < sheet.rowCount; r++) {
    if (inNarrative) break;
    const t = titleOf(sheet, r);
    if (!t) continue;
    starts.push({ row: r, ...t });
    inNarrative = t.kind === 'narrative';
  }
  // No title row, but the sheet is named for a table (an export whose sheets are 收支总表, 1-支出总表 …): the sheet's
  // content from its first row is that table.
  const named = starts.length === 0 ? kindFromTitle(sheet.name.replace(/^[\d\s._\-、]+/, '')) : undefined;
  if (named !== undefined && named !== 'narrative') {
    let first = 0;
    while (first < sheet.rowCount && isBlankRow(sheet, first)) first++;
    if (first < sheet.rowCount) starts.push({ row: first, kind: named, title: sheet.name, col: 0, untitled: true });
  }
  if (starts.length === 0) {
    if (sheet.rowCount > 0 && sheet.colCount > 0)
      notes.push({ sheet: sheet.name, range: rectA1({ r0: 0, c0: 0, r1: sheet.rowCount - 1, c1: Math.max(0, sheet.colCount - 1) }), message: 'no-title' });
    return { tables: [], notes };
  }
  const first = starts[0]!.row;
  // A cover line above the title (`某局2023年度部门决算表`) names the department and year of the sheet's tables.
  let cover: TableMeta | undefined;
  for (let r = 0; r < first; r++) {
    if (isBlankRow(sheet, r)) continue;
    const cells = rowCells(sheet, r);
    const named = cells.length === 1 ? readCoverLine(cells[0]!.text) : undefined;
    if (named && !cover) {
      cover = { department: named.department, departmentCell: { row: r, col: cells[0]!.col }, departmentText: cells[0]!.text, year: named.year };
      continue;
    }
    // The table's number printed above its title (公开01表, 附表3, 预算表1): a label, not content left unread.
    if (cells.every((c) => isTableNumber(c.text))) continue;
    notes.push({ sheet: sheet.name, range: rectA1({ r0: r, c0: 0, r1: first - 1, c1: Math.max(0, sheet.colCount - 1) }), message: 'before-first-title' });
    break;
  }
  const tables: Table[] = [];
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.row - 1 : sheet.rowCount - 1;
    try {
      tables.push(...readTable(sheet, s, end, cover));
    } catch (e) {
      notes.push({ sheet: sheet.name, range: `${s.row + 1}:${end + 1}`, message: `unreadable: ${(e as Error).message}` });
    }
  });
  return { tables, notes };
}

const CODE_TEXT = /^\d{3}(\d{2}){0,2}$/;

/** Names of organizations (budget units): 局, 办公室, 中心, 队 … */
const ORGANIZATION = /(局|委员会|委|办公室|办|中心|院|所|队|站|处|厅|馆|学校|社|协会|部|本级[)）]?)$/;

/** Digits of a code cell (`'2010301'`, 2010301, `301 02`), or undefined. */
export function codeText(value: string): string | undefined {
  if (allDigits(value)) return value;
  const s = halfWidth(squash(value));
  return allDigits(s) ? s : undefined;
}

/** Whether a text is one or more ASCII digits (asked of every code cell: no regular expression). */
function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether a row starts the data part: it has an amount, a code, or is a lone 合计 label. */
function looksLikeData(sheet: Sheet, row: number, c0: number, c1: number): boolean {
  const cells = rowCells(sheet, row).filter((c) => c.col >= c0 && c.col <= c1);
  if (cells.length === 1 && isTotalLabel(cells[0]!.text)) return true;
  for (const c of cells) {
    const p = parseAmount(cellAt(sheet, c.row, c.col)?.value ?? null);
    if (p.kind === 'amount' || p.kind === 'dash') return true;
    if (CODE_TEXT.test(squash(c.text))) return true;
  }
  return false;
}

/**
 * A note under a table (`注：本表…`, `我部门2024年没有…。`): one text cell, a remark or a sentence; or the number of the
 * next table printed above its title (`公开02表`), when the tables share a sheet.
 */
function isFootnote(sheet: Sheet, row: number): boolean {
  // One text cell: counted without making text of the others (a data row has many numbers).
  const line = sheet.cells[row];
  if (!line) return false;
  let only: string | undefined;
  for (let c = 0; c < line.length; c++) {
    const cell = line[c];
    if (!hasContent(cell)) continue;
    if (only !== undefined || typeof cell!.value === 'number') return false;
    only = cellText(cell).trim();
  }
  if (only === undefined) return false;
  const t = squash(only);
  return /^(注|说明|备注)\d*[:：]/.test(t) || /[。；]$/.test(t) || t.length > 40 || isTableNumber(t);
}

/** The last row from..to with content (from itself when none has): looked for from the end. */
function lastContentRow(sheet: Sheet, from: number, to: number): number {
  for (let r = to; r > from; r--) if (!isBlankRow(sheet, r)) return r;
  return from;
}

function contentColumns(sheet: Sheet, r0: number, r1: number): { c0: number; c1: number } {
  let c0 = Number.MAX_SAFE_INTEGER;
  let c1 = -1;
  for (let r = r0; r <= r1; r++) {
    const line = sheet.cells[r];
    if (!line) continue;
    // Only the cells that can move a bound: left of the leftmost content found so far, right of the rightmost.
    const left = Math.min(line.length, c0);
    for (let c = 0; c < left; c++) {
      if (hasContent(line[c])) {
        c0 = c;
        break;
      }
    }
    for (let c = line.length - 1; c > c1; c--) {
      if (hasContent(line[c])) {
        c1 = c;
        break;
      }
    }
  }
  for (const m of sheet.merges) if (m.r0 >= r0 && m.r1 <= r1) c1 = Math.max(c1, m.c1);
  return c1 < 0 ? { c0: 0, c1: 0 } : { c0, c1 };
}

function readTable(sheet: Sheet, start: TableStart, end: number, cover?: TableMeta): Table[] {
  const last = lastContentRow(sheet, start.row, end);
  const { c0, c1 } = contentColumns(sheet, start.row, last);
  const rect: Rect = { r0: start.row, c0, r1: last, c1 };
  let meta: TableMeta = { ...cover, year: yearIn(start.title) ?? cover?.year };
  if (!start.untitled) {
    // A unit printed in the title (支出总表（单位：万元）) or beside it on the title's row; a line under the title overrides it.
    const onTitleRow = rowCells(sheet, start.row).filter((c) => isMetaText(c.text) || /单位\s*[:：]\s*(万元|元)/.test(halfWidth(c.text)));
    const m = readMetaRow(onTitleRow);
    meta = { ...meta, ...Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) };
  }
  let r = start.untitled ? start.row : start.row + 1;
  // Metadata rows (and blank rows among them) right under the title.
  for (; r <= last; r++) {
    if (isBlankRow(sheet, r)) continue;
    const cells = rowCells(sheet, r);
    if (!cells.some((c) => isMetaText(c.text))) break;
    const m = readMetaRow(cells);
    meta = { ...meta, ...Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) };
  }
  const base = { sheet: sheet.name, rect, kind: start.kind, ...(isFinalAccounts(start.title) ? { basis: 'final' as const } : {}), title: start.title, ...(start.untitled ? {} : { titleCell: { row: start.row, col: start.col } }), meta };
  if (start.kind === 'narrative') {
    const paragraphs: Array<{ row: number; col: number; text: string }> = [];
    for (let p = r; p <= last; p++) for (const c of rowCells(sheet, p)) paragraphs.push(c);
    return [{ ...base, columns: [], rows: [], paragraphs }];
  }
  // Header rows: up to four non-blank rows before the first data row.
  const headerFirst = r;
  let dataStart = r;
  while (dataStart <= last && dataStart - headerFirst < 4 && !looksLikeData(sheet, dataStart, c0, c1)) dataStart++;
  const headerRows = dataStart > headerFirst ? { first: headerFirst, last: dataStart - 1 } : undefined;
  const columns = readColumns(sheet, headerRows, rect, meta.year);
  // The budget year: the title's, else the latest year the header names (never a 上年 column's).
  const year = budgetYearOf(meta.year, columns.map((c) => c.path));
  if (year !== undefined) meta = { ...meta, year };
  const kind = kindByLayout(start, columns);
  const fields = kind === 'project-performance' || kind === 'department-performance' ? readFormFields(sheet, start.row + 1, last, c0, c1) : [];
  const base2 = { ...base, kind, meta, headerRows, ...(fields.length > 0 ? { fields } : {}) };
  // A list printed in two halves side by side (code | name | amount twice: 基本支出决算表 with 人员经费 left and
  // 公用经费 right) is two lists, never a code with a secondary code beside it.
  const half = halvesAt(columns);
  if (half !== undefined && !TWO_SIDED.has(kind)) {
    const left = columns.filter((c) => c.col < half);
    const right = columns.filter((c) => c.col >= half);
    return [
      { ...base2, part: 'left', columns: left, rows: readRows(sheet, dataStart, last, left, c0, half - 1) },
      { ...base2, part: 'right', columns: right, rows: readRows(sheet, dataStart, last, right, half, c1) },
    ];
  }
  // Two-sided summaries (收入 | 支出 side by side) are read as two tables, one per side.
  const names = columns.filter((c) => c.role === 'name');
  if (TWO_SIDED.has(kind) && names.length >= 2) {
    const split = names[1]!.col;
    return [
      { ...base2, part: 'income', columns: columns.filter((c) => c.col < split), rows: readRows(sheet, dataStart, last, columns.filter((c) => c.col < split), c0, split - 1) },
      { ...base2, part: 'expenditure', columns: columns.filter((c) => c.col >= split), rows: readRows(sheet, dataStart, last, columns.filter((c) => c.col >= split), split, c1) },
    ];
  }
  return [{ ...base2, columns, rows: readRows(sheet, dataStart, last, columns, c0, c1) }];
}

/**
 * Where the second half starts when a table repeats its columns side by side (the same roles twice, a code or name
 * column and an amount column in each half), else undefined.
 */
function halvesAt(columns: readonly Column[]): number | undefined {
  const cols = columns.filter((c) => c.role !== 'text' || c.path.length > 0);
  if (cols.length < 4 || cols.length % 2 !== 0) return undefined;
  const n = cols.length / 2;
  const a = cols.slice(0, n);
  const b = cols.slice(n);
  if (!a.every((c, i) => c.role === b[i]!.role && c.path.join('/') === b[i]!.path.join('/'))) return undefined;
  if (!a.some((c) => CODE_ROLES.has(c.role) || c.role === 'name') || !a.some((c) => AMOUNT_ROLES.has(c.role))) return undefined;
  return b[0]!.col;
}

/**
 * The kind a title names, corrected by the layout where one title names two tables: 收入支出决算表 is the summary
 * printed 收入 | 支出 side by side in some provinces' 决算 (Yunnan's table 1), and a list by subject with 年初结转和结余
 * … 年末结转和结余 on each row in others (财决02). Side by side means two name columns and no code column.
 */
function kindByLayout(start: { kind: TableKind; title: string }, columns: readonly Column[]): TableKind {
  if (start.kind !== 'expenditure-summary' || !/收入支出/.test(squash(start.title))) return start.kind;
  const names = columns.filter((c) => c.role === 'name').length;
  return names >= 2 && !columns.some((c) => CODE_ROLES.has(c.role)) ? 'income-expense-summary' : start.kind;
}

/** Kinds printed with income on the left and expenditure on the right. */
const TWO_SIDED: ReadonlySet<TableKind> = new Set<TableKind>(['income-expense-summary', 'fiscal-appropriation-summary']);

/** The 栏次 line under a 决算 header (栏次 | 1 | 2 | 3 …): it numbers the columns and is no data row. */
function isColumnNumbers(sheet: Sheet, row: number, c0: number, c1: number): boolean {
  const line = sheet.cells[row];
  if (!line) return false;
  // The word stands where the row's label would: its first filled cell.
  for (let c = c0; c <= c1 && c < line.length; c++) {
    const cell = line[c];
    if (!hasContent(cell)) continue;
    // Only a text holding 栏 can be either word: other labels (every data row's code or name) are not squashed.
    const v = cell!.value;
    return typeof v === 'string' && v.includes('栏') && /^(栏次|栏号)$/.test(squash(v));
  }
  return false;
}

/** Whether a code can be a subject code: they start with 2 (functional), 3 or 5 (economic). */
function isSubjectCode(code: string): boolean {
  const c = code.charCodeAt(0);
  return c === 50 || c === 51 || c === 53;
}

/** Reads the data rows first..last of the given columns (c0..c1), skipping blank rows and footnotes. */
function readRows(sheet: Sheet, first: number, last: number, columns: readonly Column[], c0: number, c1: number): Row[] {
  const rows: Row[] = [];
  const carries: Array<{ lei: string; kuan: string }> = [];
  const unitCol = columns.find((c) => c.role === 'unit-code')?.col;
  // Made here, once, rather than looked up by every row: readRow then holds no path that only a table's
  // first row takes (when the engine optimizes readRow, such a path is one more reason to throw it away).
  const plan = rowPlanOf(columns);
  let unit: string | undefined;
  for (let dr = first; dr <= last; dr++) {
    if (isBlankRow(sheet, dr, c0, c1) || isFootnote(sheet, dr) || isColumnNumbers(sheet, dr, c0, c1)) continue;
    let row = readRow(sheet, dr, plan, carries);
    if (!row) continue;
    // A code in the code column that is no subject code (those start with 2, 3 or 5) on a row named
    // like an organization is a unit's code (延津县…局 printed as 129 in the 类 column).
    if (row.code !== undefined && !isSubjectCode(row.code) && ORGANIZATION.test(squash(row.name))) {
      const { code: unitInCode, codeSource: _, ...rest } = row;
      row = { ...rest, level: undefined, unitCode: unitInCode };
      unit = unitInCode;
      rows.push(row);
      continue;
    }
    // Tables grouped by unit: a row with a 单位代码 and no subject code opens a unit's block.
    const unitCode = unitCol !== undefined ? codeText(cellText(cellAt(sheet, dr, unitCol))) : undefined;
    // The row was just made here: given its unit in place rather than copied (a 汇总 has one per data row).
    if (unitCode !== undefined && row.code === undefined && !row.isTotal) {
      unit = unitCode;
      (row as { unitCode?: string }).unitCode = unitCode;
    } else if (unit !== undefined && row.code !== undefined) (row as { unit?: string }).unit = unit;
    rows.push(row);
  }
  return rows;
}

export const CODE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['code', 'code-lei', 'code-kuan', 'code-xiang']);

/**
 * Groups of adjacent code columns: one 科目编码 column or one 类 | 款 | 项 run each. The first group
 * is the row's code; a second (政府预算经济分类 beside 部门预算经济分类) is its secondary code.
 */
export function codeGroups(columns: readonly Column[]): Column[][] {
  const groups: Column[][] = [];
  let current: Column[] | undefined;
  for (const col of columns) {
    if (CODE_ROLES.has(col.role)) {
      if (!current || (col.role === 'code' || col.role === 'code-lei' ? current.some((c) => c.role === col.role) : false)) {
        current = [];
        groups.push(current);
      }
      current.push(col);
    } else if (col.role !== 'seq') current = undefined;
  }
  return groups;
}

const CODE_GROUPS = new WeakMap<readonly Column[], Column[][]>();

/** codeGroups of a table's columns, made once (every row asks). */
function codeGroupsOf(columns: readonly Column[]): Column[][] {
  let groups = CODE_GROUPS.get(columns);
  if (!groups) CODE_GROUPS.set(columns, (groups = codeGroups(columns)));
  return groups;
}

/**
 * A row's amount cells by column, in column order, as a ReadonlyMap over one small array of the cells (each
 * knows its column): a Map per data row costs some 200 bytes, and a row has a handful of amount cells.
 */
export class AmountCells implements ReadonlyMap<number, AmountCell> {
  /**
   * The columns held, as the bits of one small integer, while they are all below 31 and the cells are in
   * increasing column order (as recognition reads them): then a cell is found by counting bits, not by a
   * search. -1 otherwise (the cells are searched).
   */
  private mask: number;

  /**
   * Scratch marks of one reader at a time (coverage counting which cells the checks read): `marks` holds its bits
   * for columns below 30 while `markedBy` is its token. Nothing else reads or writes them; a second reader finds
   * the slot taken and keeps its marks elsewhere.
   */
  markedBy: object | undefined = undefined;
  marks = 0;

  constructor(private readonly cells: AmountCell[]) {
    this.mask = maskOf(cells);
  }

  private indexOf(col: number): number {
    const mask = this.mask;
    if (mask !== -1) {
      if (col < 0 || col > 30 || (mask & (1 << col)) === 0) return -1;
      return bitCount(mask & ((1 << col) - 1));
    }
    const cells = this.cells;
    for (let i = 0; i < cells.length; i++) if (cells[i]!.col === col) return i;
    return -1;
  }

  get(col: number): AmountCell | undefined {
    const i = this.indexOf(col);
    return i < 0 ? undefined : this.cells[i];
  }

  has(col: number): boolean {
    return this.indexOf(col) >= 0;
  }

  get size(): number {
    return this.cells.length;
  }

  /** Replaces the cell of a column, or adds it at the end (as Map.set). */
  set(col: number, cell: AmountCell): this {
    const i = this.indexOf(col);
    if (i >= 0) this.cells[i] = cell;
    else {
      this.cells.push(cell);
      this.mask = maskOf(this.cells);
    }
    return this;
  }

  keys(): MapIterator<number> {
    return this.cells.map((c) => c.col).values();
  }

  values(): MapIterator<AmountCell> {
    return this.cells.values();
  }

  entries(): MapIterator<[number, AmountCell]> {
    return amountEntries(this.cells);
  }

  [Symbol.iterator](): MapIterator<[number, AmountCell]> {
    return amountEntries(this.cells);
  }

  forEach(callback: (value: AmountCell, key: number, map: ReadonlyMap<number, AmountCell>) => void, thisArg?: unknown): void {
    for (const c of this.cells.slice()) callback.call(thisArg, c, c.col, this);
  }

  /** A copy (the cells are shared). */
  copy(): AmountCells {
    return new AmountCells(this.cells.slice());
  }

  /** The cells in column order, not copied (read only). */
  list(): readonly AmountCell[] {
    return this.cells;
  }
}

/**
 * A row's amount cells in column order, each knowing its column. For the engine's loops over every cell of every
 * row: an array walked in place, where iterating the ReadonlyMap makes an entry and an iterator result per cell.
 */
export function amountList(amounts: ReadonlyMap<number, AmountCell>): readonly AmountCell[] {
  return amounts instanceof AmountCells ? amounts.list() : [...amounts.values()];
}

/**
 * Calls `visit` with every amount cell of the rows, row by row and in column order. Indexed loops: a large
 * workbook's checks walk millions of cells, many of them before the engine has optimized the caller, where a
 * for…of makes an iterator result per cell.
 */
export function eachAmountCell(rows: readonly Row[], visit: (row: Row, cell: AmountCell) => void): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const cells = amountList(row.amounts);
    for (let k = 0; k < cells.length; k++) visit(row, cells[k]!);
  }
}

/** The bit mask of AmountCells.mask for these cells, or -1 when they do not allow one. */
function maskOf(cells: readonly AmountCell[]): number {
  let mask = 0;
  let last = -1;
  for (const c of cells) {
    if (!(c.col > last && c.col <= 30)) return -1;
    mask |= 1 << c.col;
    last = c.col;
  }
  return mask;
}

/** How many bits of a 31-bit integer are set. */
function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The entries of AmountCells, [column, cell], in order (as a Map's entries iterator, without copying the cells). */
function* amountEntries(cells: readonly AmountCell[]): MapIterator<[number, AmountCell]> {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    yield [c.col, c];
  }
}

/** Which columns a row of a table reads for what, in column order: made once per table (every row asks). */
interface RowPlan {
  readonly columns: readonly Column[];
  readonly groups: Column[][];
  readonly names: readonly number[];
  readonly amounts: readonly number[];
  /** 二级 project, 一级 project and type columns, in the order a row's name is looked for. */
  readonly projectNames: ReadonlyArray<readonly number[]>;
  readonly texts: readonly number[];
  /** Columns that are not amounts (where a 合计 label may sit). */
  readonly labels: readonly number[];
  readonly projectL1: readonly number[];
  readonly projectL2: readonly number[];
  readonly seq: number | undefined;
}

const ROW_PLANS = new WeakMap<readonly Column[], RowPlan>();

function rowPlanOf(columns: readonly Column[]): RowPlan {
  let plan = ROW_PLANS.get(columns);
  if (!plan) {
    const cols = (keep: (c: Column) => boolean) => columns.filter(keep).map((c) => c.col);
    plan = {
      columns,
      groups: codeGroupsOf(columns),
      names: cols((c) => c.role === 'name'),
      amounts: cols((c) => c.role !== 'name' && AMOUNT_ROLES.has(c.role)),
      projectNames: (['project-l2', 'project-l1', 'project-type'] as const).map((role) => cols((c) => c.role === role)),
      texts: cols((c) => c.role === 'text'),
      labels: cols((c) => !AMOUNT_ROLES.has(c.role)),
      projectL1: cols((c) => c.role === 'project-l1'),
      projectL2: cols((c) => c.role === 'project-l2'),
      seq: columns.find((c) => c.role === 'seq')?.col,
    };
    ROW_PLANS.set(columns, plan);
  }
  return plan;
}

/** The trimmed text of a cell of a row, made once per row (`texts` is the row's). */
function textAt(line: ReadonlyArray<Cell | undefined> | undefined, texts: string[], col: number): string {
  return (texts[col] ??= cellText(line?.[col]).trim());
}

/** Whether some of these columns hold text in the row. */
function anyFilled(line: ReadonlyArray<Cell | undefined> | undefined, texts: string[], cols: readonly number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (textAt(line, texts, cols[i]!) !== '') return true;
  return false;
}

/** Reads one data row. Split 类/款/项 code cells are completed from the rows above (carry). */
function readRow(sheet: Sheet, r: number, plan: RowPlan, carries: Array<{ lei: string; kuan: string }>): Row | undefined {
  // Each cell's text made once (several questions are asked of the same cells).
  const line = sheet.cells[r];
  const texts: string[] = [];
  let labelInCode = '';
  let code: string | undefined;
  let secondary: string | undefined;
  for (let i = 0; i < plan.groups.length; i++) {
    const group = plan.groups[i]!;
    const carry = (carries[i] ??= { lei: '', kuan: '' });
    const parts: Partial<Record<'lei' | 'kuan' | 'xiang', string>> = {};
    let groupCode: string | undefined;
    for (let j = 0; j < group.length; j++) {
      const col = group[j]!;
      const t = textAt(line, texts, col.col);
      const digits = codeText(t);
      if (digits === undefined) {
        // A label in the code column (合计, or a name where the code should be).
        if (t !== '' && labelInCode === '' && i === 0) labelInCode = t;
        continue;
      }
      if (col.role === 'code') groupCode = digits;
      else parts[col.role === 'code-lei' ? 'lei' : col.role === 'code-kuan' ? 'kuan' : 'xiang'] = digits;
    }
    const c = groupCode ?? (parts.lei || parts.kuan || parts.xiang ? joinSplitCode(parts, carry) : undefined);
    if (i === 0) code = c;
    else if (i === 1) secondary = c;
  }
  let name = '';
  for (let i = 0; i < plan.names.length; i++) {
    name = textAt(line, texts, plan.names[i]!);
    if (name !== '') break;
  }
  // Sized once: most amount columns of a data row hold a cell.
  let found: AmountCell[] = new Array<AmountCell>(plan.amounts.length);
  let k = 0;
  for (let i = 0; i < plan.amounts.length; i++) {
    const col = plan.amounts[i]!;
    const amount = readAmountCell(line?.[col], col);
    if (amount) found[k++] = amount;
  }
  if (k < found.length) found = found.slice(0, k);
  const amounts = new AmountCells(found);
  if (name === '') name = labelInCode;
  // Project tables: a row is named by its 二级 project, else its 一级 project, else its type.
  for (let i = 0; i < plan.projectNames.length && name === ''; i++) {
    const cols = plan.projectNames[i]!;
    for (let j = 0; j < cols.length; j++) {
      const t = textAt(line, texts, cols[j]!);
      if (t !== '' && codeText(t) === undefined) {
        name = t;
        break;
      }
    }
  }
  if (name === '') {
    for (let i = 0; i < plan.texts.length; i++) {
      const t = textAt(line, texts, plan.texts[i]!);
      if (t !== '') {
        name = t;
        break;
      }
    }
  }
  // "2010301 行政运行", "[2010301]行政运行", "2010301-行政运行" or "201.03.01 行政运行" in one cell.
  const inline = code === undefined ? inlineCode(name) : undefined;
  if (inline) {
    code = inline.code;
    name = inline.name;
  }
  if (code === undefined && name === '' && amounts.size === 0) return undefined;
  // A 合计 row whose label sits in another text column (项目单位 in a project table) is a total too.
  let isTotal = false;
  if (code === undefined) {
    if (isTotalLabel(name)) isTotal = true;
    else if (plan.labels.some((col) => isTotalLabel(textAt(line, texts, col))) && !anyFilled(line, texts, plan.projectL1) && !anyFilled(line, texts, plan.projectL2)) isTotal = true;
  }
  if (isTotal && !isTotalLabel(name)) name = plan.columns.map((c) => textAt(line, texts, c.col)).find(isTotalLabel) ?? name;
  let level = isTotal ? 0 : code !== undefined ? levelOfCode(code) : undefined;
  // Project tables: 1 = type (类别) row, 2 = 一级项目, 3 = 二级项目, by the column that names the row.
  if (!isTotal && plan.projectL1.length > 0) {
    // A row with amounts and no project name is a type row, even when its type cell is blank.
    level = anyFilled(line, texts, plan.projectL2) ? 3 : anyFilled(line, texts, plan.projectL1) ? 2 : 1;
  }
  const seq = plan.seq !== undefined ? textAt(line, texts, plan.seq) : '';
  return new DataRow(r, seq, code, secondary, name, level, isTotal, amounts);
}

/**
 * A row as read: the fields of Row in the same order as an object literal would hold them, the optional ones
 * only when present. Made by a constructor so that the engine builds every row's fields in place (rows given a
 * unit afterwards keep it in place too), rather than spreading a literal per row.
 */
class DataRow {
  declare readonly row: number;
  declare readonly seq?: string;
  declare readonly code?: string;
  declare readonly codeSource?: 'cell';
  declare readonly secondaryCode?: string;
  declare readonly name: string;
  declare readonly level: number | undefined;
  declare readonly isTotal: boolean;
  declare readonly amounts: ReadonlyMap<number, AmountCell>;

  constructor(r: number, seq: string, code: string | undefined, secondary: string | undefined, name: string, level: number | undefined, isTotal: boolean, amounts: ReadonlyMap<number, AmountCell>) {
    const self = this as { -readonly [K in keyof DataRow]: DataRow[K] };
    self.row = r;
    if (seq !== '') self.seq = seq;
    if (code !== undefined) {
      self.code = code;
      self.codeSource = 'cell';
    }
    if (secondary !== undefined) self.secondaryCode = secondary;
    self.name = name;
    self.level = level;
    self.isTotal = isTotal;
    self.amounts = amounts;
  }
}

/**
 * An amount cell read from a grid cell. Its formula, text and number format are the grid cell's, read when asked
 * (a large workbook has hundreds of thousands of amount cells, and few are ever asked for their text): no string
 * or object is made per cell beyond the cell itself and its amount.
 */
abstract class GridAmountCell {
  abstract readonly parsed: ParsedAmount;
  constructor(
    readonly col: number,
    readonly value: Money | undefined,
    /** The grid cell read (undefined for an empty cell: then it has a formula… never; see readAmountCell). */
    protected readonly cell: Cell | undefined,
  ) {}

  /** The cell's formula without `=`, when it has one. */
  get formula(): string | undefined {
    return this.cell?.formula;
  }

  /** The cell's value as stored, as text. */
  get text(): string | undefined {
    return this.cell ? cellText(this.cell) : undefined;
  }

  /** The number format, only when it shows a percentage. */
  get numFmt(): string | undefined {
    const f = this.cell?.numFmt;
    return f !== undefined && f.includes('%') ? f : undefined;
  }
}

/** An amount cell of any value but a finite number: its parsed form kept as parseAmount made it. */
class ParsedAmountCell extends GridAmountCell {
  constructor(
    col: number,
    readonly parsed: ParsedAmount,
    cell: Cell | undefined,
  ) {
    super(col, amountOf(parsed), cell);
  }
}

/**
 * An amount cell holding a finite number (most cells of a large workbook). It is its own parsed form: `kind`,
 * `storage` and `normalized` are the class's constants and `value` its own, so that no ParsedAmount is made per cell.
 */
class NumberAmountCell extends GridAmountCell {
  declare readonly kind: 'amount';
  declare readonly storage: 'number';
  declare readonly normalized: false;
  get parsed(): ParsedAmount {
    return this as unknown as ParsedAmount;
  }
}
Object.defineProperties(NumberAmountCell.prototype, {
  kind: { value: 'amount', enumerable: true },
  storage: { value: 'number', enumerable: true },
  normalized: { value: false, enumerable: true },
});

/** The amount cell a cell of an amount column makes; undefined for an empty cell without a formula. */
export function readAmountCell(cell: Cell | undefined, col: number): AmountCell | undefined {
  const v = cell?.value;
  // A finite number: its amount as parseAmount makes it (the number's shortest decimal form), and no other object.
  if (typeof v === 'number' && Number.isFinite(v)) return new NumberAmountCell(col, moneyOf(v), cell);
  const parsed = typeof v === 'string' ? parsedText(v) : parseAmount(v ?? null);
  if (parsed.kind === 'absent' && cell?.formula === undefined) return undefined;
  return new ParsedAmountCell(col, parsed, cell);
}

/**
 * A subject code printed in the name's cell, and the name after it: `2010301 行政运行`, `[2010301]行政运行` (the
 * budget system's export), `【201】…`, `2010301-行政运行`, `201.03.01 行政运行`. Codes are 3, 5 or 7 digits.
 */
export function inlineCode(text: string): { code: string; name: string } | undefined {
  const trimmed = text.trim();
  // Every form starts with a digit or a bracket, full-width or not: other names (most rows without a code) end here.
  const c = trimmed.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 91 /* [ */ || c === 0x3010 /* 【 */ || c === 0xff3b /* ［ */ || (c >= 0xff10 && c <= 0xff19))) return undefined;
  const t = halfWidth(trimmed);
  const m =
    /^\[\s*(\d{3}(?:\d{2}){0,2})\s*\]\s*(\S.*)$/.exec(t) ??
    /^【\s*(\d{3}(?:\d{2}){0,2})\s*】\s*(\S.*)$/.exec(t) ??
    /^(\d{3}(?:\d{2}){0,2})(?:\s+|\s*[-—:：、]\s*)(\D.*)$/.exec(t);
  if (m?.[1] && m[2]) return { code: m[1], name: m[2].trim() };
  const dotted = /^(\d{3})\.(\d{2})(?:\.(\d{2}))?\s*(\D.*)$/.exec(t);
  if (dotted?.[1] && dotted[2] && dotted[4]) return { code: `${dotted[1]}${dotted[2]}${dotted[3] ?? ''}`, name: dotted[4].trim() };
  return undefined;
}

/** 类 (3) + 款 (2) + 项 (2) columns → one code; a part given in full (`20103`) is taken as is. */
function joinSplitCode(parts: Partial<Record<'lei' | 'kuan' | 'xiang', string>>, carry: { lei: string; kuan: string }): string | undefined {
  const lei = parts.lei ?? carry.lei;
  if (parts.lei) {
    carry.lei = parts.lei;
    carry.kuan = '';
  }
  // Codes stored as numbers lose their leading zero: 款 3 is 03.
  const pad = (p: string | undefined) => (p !== undefined && p.length === 1 ? `0${p}` : p);
  let kuan = pad(parts.kuan);
  const xiang = pad(parts.xiang);
  if (kuan !== undefined) {
    kuan = kuan.length >= 5 ? kuan : lei + kuan;
    carry.kuan = kuan;
  }
  if (xiang !== undefined) {
    const base = kuan ?? carry.kuan;
    return xiang.length >= 7 ? xiang : base + xiang;
  }
  return kuan ?? (parts.lei ? lei : undefined);
}

/** 3 digits → 1 (类), 5 → 2 (款), 7 → 3 (项); other lengths → undefined. */
export function levelOfCode(code: string): number | undefined {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : undefined;
}

/** The parent code of a code (`2010301` → `20103` → `201`), or undefined for a 类. */
export function parentCode(code: string): string | undefined {
  return code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : undefined;
}
