// One worksheet part (its XML text) → the core's Sheet, in one pass over <sheetData> with no DOM and no
// object per tag: a cell costs its Cell and, for a number or an inline string, the text of its value.
// Reads what Excel, WPS, LibreOffice and ExcelJS write: shared and inline strings, formula strings,
// booleans as 1/0 or true/false, errors, dates (date-formatted numbers, as ISO text), shared and array
// formulas, prefixed elements (<x:c>), rows and cells without `r` (placed by order).
import { parseA1, rectA1, type Cell, type CellValue, type Rect, type Sheet } from '../../core/grid/grid';
import { attributes, tagsOf } from '../package/package';
import { MAX_MERGE_CELLS, WorkbookReadError } from './errors';
import { translateFormula } from './formula';
import type { CellFormats } from './styles';
import * as X from './xml';
import { type TextRun } from './xml';

// Bound once: under loaders that compile modules to CommonJS (tsx, jest), every use of an import is a
// getter call, and the scan makes millions of them.
const { BANG, decodeText, DQUOTE, EQ, GT, isSpace, localStart, nameEnd, nameIs, QUESTION, readText, skipSpecial, SLASH, SQUOTE, tagClose } = X;

/** What the cells of every sheet refer to. */
export interface ScanContext {
  /** The file, for errors. */
  readonly file: string;
  readonly strings: readonly string[];
  readonly formats: CellFormats;
  /** Dates count from 1904 (old Mac workbooks). */
  readonly date1904: boolean;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Widest row a new row's array is sized for before its cells are read. */
const WIDE = 64;

// Cell types (`t`).
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

// Formula kinds (`<f t>`).
const F_NORMAL = 0;
const F_SHARED = 1;
const F_ARRAY = 2;
const F_TABLE = 3;

function typeOf(xml: string, s: number, e: number): number {
  if (e - s === 1) {
    const c = xml.charCodeAt(s);
    return c === 115 ? T_S : c === 98 ? T_B : c === 101 ? T_E : c === 100 ? T_D : T_N;
  }
  if (nameIs(xml, s, e, 'str')) return T_STR;
  if (nameIs(xml, s, e, 'inlineStr')) return T_INLINE;
  return T_N;
}

/** A serial date number → `YYYY-MM-DD` the way ExcelJS gives it; undefined when outside years 0–9999. */
export function serialToIsoDate(v: number, date1904: boolean): string | undefined {
  // The same expression as ExcelJS (utils.excelToDate), so that rounding agrees to the millisecond.
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) return undefined;
  return d.toISOString().slice(0, 10);
}

function booleanOf(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  const n = parseInt(t, 10);
  return Number.isNaN(n) ? t !== '' : n !== 0;
}

/** A merged area, and whether the cell at (row, col) is inside one other than its anchor: swept row by row. */
class MergeSweep {
  private readonly order: Rect[];
  private next = 0;
  private active: Rect[] = [];
  private atRow = -1;

  constructor(merges: readonly Rect[]) {
    this.order = [...merges].sort((a, b) => a.r0 - b.r0);
  }

  /** The merges crossing `row` (rows usually come in order: each merge enters and leaves once). */
  private moveTo(row: number): void {
    if (row < this.atRow) {
      this.next = 0;
      this.active = [];
    }
    while (this.next < this.order.length && this.order[this.next]!.r0 <= row) this.active.push(this.order[this.next++]!);
    if (this.active.length > 0) this.active = this.active.filter((m) => m.r1 >= row);
    this.atRow = row;
  }

  /** Whether the cell is covered by a merged area and is not its anchor (its value is the anchor's). */
  covered(row: number, col: number): boolean {
    if (this.order.length === 0) return false;
    if (row !== this.atRow) this.moveTo(row);
    for (const m of this.active) if (col >= m.c0 && col <= m.c1) return row !== m.r0 || col !== m.c0;
    return false;
  }
}

/**
 * Refuses merged areas Excel would not open: one larger than MAX_MERGE_CELLS (a budget table merges a
 * title, never millions of cells), or two that overlap (the file is damaged).
 */
function checkMerges(merges: readonly Rect[], sheet: string, file: string): void {
  for (const m of merges) {
    const cells = (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1);
    if (cells > MAX_MERGE_CELLS) {
      throw new WorkbookReadError(
        file,
        `无法打开文件：工作表“${sheet}”中的合并单元格 ${rectA1(m)} 过大（${cells.toLocaleString('en-US')} 个单元格），不像预算表。`,
        `cannot open the file: the merged range ${rectA1(m)} on sheet “${sheet}” is too large (${cells.toLocaleString('en-US')} cells) for a budget table.`,
      );
    }
  }
  // Sweep down the rows: the merges crossing a row never overlap one another, so each new one is compared
  // with those still open.
  const order = [...merges].sort((a, b) => a.r0 - b.r0);
  let open: Rect[] = [];
  for (const m of order) {
    open = open.filter((o) => o.r1 >= m.r0);
    const other = open.find((o) => o.c0 <= m.c1 && m.c0 <= o.c1);
    if (other) {
      throw new WorkbookReadError(
        file,
        `无法打开文件：工作表“${sheet}”中的合并单元格 ${rectA1(other)} 与 ${rectA1(m)} 互相重叠，文件已损坏。请在 Excel 中打开并修复后另存，再检查。`,
        `cannot open the file: the merged ranges ${rectA1(other)} and ${rectA1(m)} on sheet “${sheet}” overlap; the file is damaged. Open it in Excel, let it repair the file, save it and check again.`,
      );
    }
    open.push(m);
  }
}

/** A shared formula's first cell: its text and where it is. */
interface SharedFormula {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/** The state of one sheet's scan (a class, not closures: its methods are called once per row and cell). */
class SheetScanner {
  readonly cells: (Cell | undefined)[][] = [];
  readonly hiddenRows: number[] = [];
  private readonly shared = new Map<string, SharedFormula>();
  private readonly run: TextRun = { text: '', next: 0 };
  rowCount = 0;
  colCount = 0;
  /** The current row (0-based) and the column of the row's last cell, for rows and cells without `r`. */
  private row = -1;
  private col = -1;
  /** The <f> and <is> of the cell being read (rare: read by their own methods). */
  private fText: string | undefined;
  private fKind = F_NORMAL;
  private fRef = false;
  private fSi: string | undefined;
  private isText: string | undefined;
  /** The cells of the row last written to, and its index. */
  private line: (Cell | undefined)[] = [];
  private lineRow = -1;
  /** One past the last column of `line` that holds a cell. */
  private lineWidth = 0;
  private readonly strings: readonly string[];
  private readonly numFmts: ReadonlyArray<string | undefined>;
  private readonly isDate: Uint8Array;
  private readonly date1904: boolean;

  constructor(
    private readonly xml: string,
    private readonly dataEnd: number,
    private readonly sweep: MergeSweep,
    ctx: ScanContext,
  ) {
    this.strings = ctx.strings;
    this.numFmts = ctx.formats.numFmt;
    this.isDate = ctx.formats.isDate;
    this.date1904 = ctx.date1904;
  }

  /** The last attribute `attribute` read: its name [an, ae) and value [vs, ve) in the text. */
  private an = 0;
  private ae = 0;
  private vs = 0;
  private ve = 0;
  /** Whether `attribute` met the end of the start tag (`>` or `/`) instead of an attribute. */
  private tagEnd = false;

  /**
   * Reads the next attribute of a start tag from `i` into an/ae/vs/ve and returns where the scan goes on; at the
   * tag's end sets tagEnd and returns its position; returns -1 when a value runs past the sheet data.
   */
  private attribute(i: number): number {
    const xml = this.xml;
    for (;;) {
      while (isSpace(xml.charCodeAt(i))) i++;
      const ch = xml.charCodeAt(i);
      if (ch === GT || ch === SLASH || i >= this.dataEnd) {
        this.tagEnd = true;
        return i;
      }
      const an = i;
      i = nameEnd(xml, i);
      const ae = i;
      while (isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQ) {
        i++;
        continue;
      }
      i++;
      while (isSpace(xml.charCodeAt(i))) i++;
      const q = xml.charCodeAt(i);
      if (q !== DQUOTE && q !== SQUOTE) continue;
      const vs = i + 1;
      const ve = xml.indexOf(q === DQUOTE ? '"' : "'", vs);
      if (ve < 0) return -1;
      this.an = an;
      this.ae = ae;
      this.vs = vs;
      this.ve = ve;
      this.tagEnd = false;
      return ve + 1;
    }
  }

  /** Reads a <row> start tag (attributes from `i`); returns where scanning goes on. */
  readRow(i: number): number {
    const xml = this.xml;
    const dataEnd = this.dataEnd;
    let r = -1;
    let hidden = false;
    for (;;) {
      i = this.attribute(i);
      if (i < 0) return dataEnd;
      if (this.tagEnd) break;
      const { an, ae, vs, ve } = this;
      if (ae - an === 1 && xml.charCodeAt(an) === 114 /* r */) r = digitsValue(xml, vs, ve);
      else if (nameIs(xml, an, ae, 'hidden')) hidden = nameIs(xml, vs, ve, '1') || nameIs(xml, vs, ve, 'true');
    }
    this.row = r > 0 ? r - 1 : this.row + 1;
    this.col = -1;
    if (hidden) this.hiddenRows.push(this.row);
    return tagClose(xml, i) + 1;
  }


  /** Reads a <c> element (start tag attributes from `i`); returns where scanning goes on. */
  readCell(i: number): number {
    const xml = this.xml;
    const dataEnd = this.dataEnd;
    const run = this.run;
    let cRow = -1;
    let cCol = -1;
    let style = 0;
    let type = T_N;
    for (;;) {
      i = this.attribute(i);
      if (i < 0) return dataEnd;
      if (this.tagEnd) break;
      const { an, ae, vs, ve } = this;
      if (ae - an !== 1) continue;
      const a = xml.charCodeAt(an);
      if (a === 114 /* r */) {
        // Column letters then row digits: A1, XFD1048576.
        let k = vs;
        let c = 0;
        for (; k < ve; k++) {
          const x = xml.charCodeAt(k) | 32;
          if (x < 97 || x > 122) break;
          c = c * 26 + (x - 96);
        }
        const r = digitsValue(xml, k, ve);
        if (c > 0 && k - vs <= 3 && r > 0) {
          cCol = c - 1;
          cRow = r - 1;
        }
      } else if (a === 115 /* s */) style = Math.max(0, digitsValue(xml, vs, ve));
      else if (a === 116 /* t */) type = typeOf(xml, vs, ve);
    }
    if (cRow < 0) {
      cRow = this.row < 0 ? 0 : this.row;
      cCol = this.col + 1;
    }
    this.col = cCol;
    const gt = tagClose(xml, i);
    if (xml.charCodeAt(gt - 1) === SLASH) return gt + 1; // <c r="B2" s="1"/>: a styled empty cell

    // The children: <v>, <f>, <is>, until </c>.
    let vStart = -1;
    let vEnd = -1;
    let vText: string | undefined;
    this.fText = undefined;
    this.isText = undefined;
    let p = gt + 1;
    for (;;) {
      const lt = xml.indexOf('<', p);
      if (lt < 0 || lt >= dataEnd) {
        p = dataEnd;
        break;
      }
      const c1 = xml.charCodeAt(lt + 1);
      // Fast paths for what Excel writes: <v>…</v> and </c>.
      if (c1 === 118 /* v */ && xml.charCodeAt(lt + 2) === GT) {
        const lt2 = xml.indexOf('<', lt + 3);
        if (lt2 >= 0 && xml.charCodeAt(lt2 + 1) === SLASH) {
          vStart = lt + 3;
          vEnd = lt2;
          p = xml.startsWith('</v>', lt2) ? lt2 + 4 : lt2;
          continue;
        }
      }
      if (c1 === SLASH && xml.charCodeAt(lt + 2) === 99 /* c */ && xml.charCodeAt(lt + 3) === GT) {
        p = lt + 4;
        break;
      }
      if (c1 === BANG || c1 === QUESTION) {
        p = skipSpecial(xml, lt);
        continue;
      }
      if (c1 === SLASH) {
        const ns = lt + 2;
        const ne = nameEnd(xml, ns);
        const ls = localStart(xml, ns, ne);
        p = tagClose(xml, ne) + 1;
        if (ne - ls === 1 && xml.charCodeAt(ls) === 99 /* c */) break;
        if (nameIs(xml, ls, ne, 'row') || nameIs(xml, ls, ne, 'sheetData')) {
          p = lt; // a cell left open: the row goes on without it
          break;
        }
        continue;
      }
      const ns = lt + 1;
      const ne = nameEnd(xml, ns);
      const ls = localStart(xml, ns, ne);
      const len = ne - ls;
      const n0 = xml.charCodeAt(ls);
      if ((len === 1 && n0 === 99) || (len === 3 && nameIs(xml, ls, ne, 'row'))) {
        p = lt; // the next cell or row of a cell left open
        break;
      }
      const tgt = tagClose(xml, ne);
      const self = xml.charCodeAt(tgt - 1) === SLASH;
      if (len === 1 && n0 === 118 /* v */) {
        if (self) {
          p = tgt + 1;
          continue;
        }
        const lt2 = xml.indexOf('<', tgt + 1);
        if (lt2 >= 0 && xml.charCodeAt(lt2 + 1) !== BANG) {
          vStart = tgt + 1;
          vEnd = lt2;
          p = lt2;
        } else {
          readText(xml, tgt + 1, run);
          vText = run.text;
          p = run.next;
        }
        continue;
      }
      if (len === 1 && n0 === 102 /* f */) {
        p = this.readFormula(lt, tgt, self);
        continue;
      }
      if (len === 2 && nameIs(xml, ls, ne, 'is')) {
        p = self ? tgt + 1 : this.readInline(tgt + 1);
        if (self) this.isText = '';
        continue;
      }
      p = tgt + 1;
    }

    if (cRow >= MAX_ROWS || cCol >= MAX_COLS) return p;
    if (this.sweep.covered(cRow, cCol)) return p;

    // The formula: its own text, or the shared formula's moved to this cell.
    let formula: string | undefined;
    const { fText, fKind, fRef, fSi, isText } = this;
    if (fText !== undefined && fKind !== F_TABLE) {
      if (fText !== '') {
        formula = fText;
        if (fKind === F_SHARED && fRef && fSi !== undefined) this.shared.set(fSi, { text: fText, row: cRow, col: cCol });
      } else if (fKind === F_SHARED && fSi !== undefined) {
        const master = this.shared.get(fSi);
        if (master) formula = translateFormula(master.text, cRow - master.row, cCol - master.col);
      }
    }

    // The value (for a formula: its cached result).
    const hasV = vStart >= 0 || vText !== undefined;
    let value: CellValue = null;
    switch (type) {
      case T_S: {
        const idx = vText !== undefined ? digitsValue(vText, 0, vText.length) : vStart >= 0 ? digitsValue(xml, vStart, vEnd) : -1;
        const s = idx >= 0 ? this.strings[idx] : undefined;
        if (s !== undefined) value = s;
        break;
      }
      case T_STR:
        if (hasV) value = vText !== undefined ? vText : decodeText(xml.slice(vStart, vEnd));
        else if (isText !== undefined) value = isText;
        break;
      case T_INLINE:
        if (isText !== undefined) value = isText;
        else if (hasV) value = vText !== undefined ? vText : decodeText(xml.slice(vStart, vEnd));
        break;
      case T_B:
        if (hasV) value = booleanOf(vText ?? xml.slice(vStart, vEnd));
        break;
      case T_E:
        if (hasV) value = { error: (vText ?? decodeText(xml.slice(vStart, vEnd))).trim() };
        break;
      case T_D:
        if (hasV) {
          const text = (vText ?? decodeText(xml.slice(vStart, vEnd))).trim();
          value = /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
        }
        break;
      default:
        if (hasV) {
          const n = vText !== undefined ? parseFloat(vText) : numberValue(xml, vStart, vEnd);
          if (Number.isFinite(n)) value = this.isDate[style] === 1 ? (serialToIsoDate(n, this.date1904) ?? n) : n;
        }
    }
    if (value === null && formula === undefined) return p;

    const numFmt = this.numFmts[style];
    const cell: Cell =
      formula === undefined
        ? numFmt === undefined
          ? { row: cRow, col: cCol, value }
          : { row: cRow, col: cCol, value, numFmt }
        : numFmt === undefined
          ? { row: cRow, col: cCol, value, formula }
          : { row: cRow, col: cCol, value, formula, numFmt };
    let line = this.line;
    if (cRow !== this.lineRow) {
      // Sized as wide as the last row (rows of a table are as wide as each other; at most WIDE cells): an array
      // grown cell by cell keeps room for some 16 more, which is a sixth of a large workbook's grid.
      line = this.cells[cRow] ??= new Array<Cell | undefined>(Math.min(Math.max(cCol + 1, this.lineWidth), WIDE));
      this.line = line;
      this.lineRow = cRow;
      this.lineWidth = 0;
    }
    line[cCol] = cell;
    if (cCol >= this.lineWidth) this.lineWidth = cCol + 1;
    if (cRow >= this.rowCount) this.rowCount = cRow + 1;
    if (cCol >= this.colCount) this.colCount = cCol + 1;
    return p;
  }


  /** Reads an <f> element (its start tag at lt, closed at tgt) into fText, fKind, fRef, fSi; returns where scanning goes on. */
  private readFormula(lt: number, tgt: number, self: boolean): number {
    const xml = this.xml;
    const a = attributes(xml.slice(lt, tgt + 1));
    const t = a['t'];
    this.fKind = t === 'shared' ? F_SHARED : t === 'array' ? F_ARRAY : t === 'dataTable' ? F_TABLE : F_NORMAL;
    this.fRef = a['ref'] !== undefined;
    this.fSi = a['si'];
    if (self) {
      this.fText = '';
      return tgt + 1;
    }
    readText(xml, tgt + 1, this.run, false);
    this.fText = this.run.text;
    return this.run.next;
  }

  /** Reads the content of an <is> (from p) into isText: <t>, <r><t>, and <rPh><t> (phonetic: not part of the value); returns where scanning goes on. */
  private readInline(p: number): number {
    const xml = this.xml;
    const dataEnd = this.dataEnd;
    let text = '';
    let phonetic = 0;
    for (;;) {
      const l = xml.indexOf('<', p);
      if (l < 0 || l >= dataEnd) {
        p = dataEnd;
        break;
      }
      const d1 = xml.charCodeAt(l + 1);
      if (d1 === BANG || d1 === QUESTION) {
        p = skipSpecial(xml, l);
        continue;
      }
      const closing = d1 === SLASH;
      const s2 = closing ? l + 2 : l + 1;
      const e2 = nameEnd(xml, s2);
      const l2 = localStart(xml, s2, e2);
      const g2 = tagClose(xml, e2);
      p = g2 + 1;
      if (closing) {
        if (nameIs(xml, l2, e2, 'is')) break;
        if (nameIs(xml, l2, e2, 'rPh')) phonetic = Math.max(0, phonetic - 1);
        continue;
      }
      const selfT = xml.charCodeAt(g2 - 1) === SLASH;
      if (nameIs(xml, l2, e2, 'rPh')) {
        if (!selfT) phonetic++;
      } else if (!selfT && phonetic === 0 && nameIs(xml, l2, e2, 't')) {
        readText(xml, g2 + 1, this.run);
        text += this.run.text;
        p = this.run.next;
      }
    }
    this.isText = text;
    return p;
  }

  /** The scan of <sheetData>: <row> and <c>; anything else is stepped over. */
  scan(dataStart: number): void {
    const xml = this.xml;
    const dataEnd = this.dataEnd;
    let p = dataStart;
    while (p < dataEnd) {
      const lt = xml.indexOf('<', p);
      if (lt < 0 || lt >= dataEnd) break;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 99 /* c */) {
        const c2 = xml.charCodeAt(lt + 2);
        if (c2 === 32 || c2 === GT || c2 === SLASH) {
          p = this.readCell(lt + 2);
          continue;
        }
      }
      if (c1 === BANG || c1 === QUESTION) {
        p = skipSpecial(xml, lt);
        continue;
      }
      if (c1 === SLASH) {
        p = tagClose(xml, lt + 2) + 1;
        continue;
      }
      const ns = lt + 1;
      const ne = nameEnd(xml, ns);
      const ls = localStart(xml, ns, ne);
      const len = ne - ls;
      if (len === 1 && xml.charCodeAt(ls) === 99 /* c */) p = this.readCell(ne);
      else if (len === 3 && nameIs(xml, ls, ne, 'row')) p = this.readRow(ne);
      else p = tagClose(xml, ne) + 1;
    }
  }
}

/** Reads one worksheet part into a Sheet. Throws WorkbookReadError for merged areas it refuses. */
export function scanSheet(name: string, xml: string, ctx: ScanContext): Sheet {
  // Where <sheetData> is: the columns are before it, the merged areas after it.
  const open = /<(?:[\w.-]+:)?sheetData(?=[\s/>])/.exec(xml);
  let dataStart = xml.length;
  let dataEnd = xml.length;
  let head = xml;
  let tail = '';
  if (open) {
    head = xml.slice(0, open.index);
    const gt = tagClose(xml, open.index + open[0].length);
    const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
    dataStart = Math.min(xml.length, gt + 1);
    const last = xml.lastIndexOf('sheetData');
    const closeLt = selfClosing ? dataStart : xml.lastIndexOf('<', last);
    dataEnd = closeLt >= dataStart ? closeLt : xml.length;
    tail = xml.slice(dataEnd);
  }

  // Merged areas (needed first: the cells they cover, other than the anchor, are skipped).
  const merges: Rect[] = [];
  for (const tag of tagsOf(tail, 'mergeCell')) {
    const ref = attributes(tag)['ref'];
    if (!ref) continue;
    try {
      merges.push(parseA1(ref));
    } catch {
      // not a range: Excel drops it too
    }
  }
  checkMerges(merges, name, ctx.file);

  // Hidden columns: <col min max hidden>.
  const hiddenCols = new Set<number>();
  for (const tag of tagsOf(head, 'col')) {
    const a = attributes(tag);
    if (a['hidden'] !== '1' && a['hidden'] !== 'true') continue;
    const min = Number(a['min']);
    const max = Math.min(Number(a['max'] ?? a['min']), MAX_COLS);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) continue;
    for (let c = min - 1; c < max; c++) hiddenCols.add(c);
  }

  const scanner = new SheetScanner(xml, dataEnd, new MergeSweep(merges), ctx);
  scanner.scan(dataStart);
  let { rowCount, colCount } = scanner;
  for (const m of merges) {
    if (m.r1 >= rowCount) rowCount = m.r1 + 1;
    if (m.c1 >= colCount) colCount = m.c1 + 1;
  }
  return { name, cells: scanner.cells, merges, hiddenRows: new Set(scanner.hiddenRows.filter((r) => r < rowCount)), hiddenCols, rowCount, colCount };
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The number written in xml[s, e), exactly as parseFloat reads it. The common form (an optional sign,
 * at most 15 digits and a decimal point) is read in place: its digits as an integer m < 2^53 and its
 * decimals k ≤ 22 make m / 10^k, one correctly rounded division of two exact doubles, which is the
 * correctly rounded value of the decimal (Clinger's fast path) — the double parseFloat gives. Anything
 * else (exponents, more digits, spaces) goes to parseFloat.
 */
function numberValue(xml: string, s: number, e: number): number {
  let i = s;
  let negative = false;
  const first = xml.charCodeAt(i);
  if (first === 45 /* - */) {
    negative = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < e; i++) {
    const ch = xml.charCodeAt(i);
    const d = ch - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (ch === 46 /* . */ && decimals < 0) decimals = 0;
    else return parseFloat(xml.slice(s, e));
  }
  if (digits === 0 || digits > 15) return parseFloat(xml.slice(s, e));
  const v = decimals > 0 ? m / POW10[decimals]! : m;
  return negative ? -v : v;
}

/** The non-negative integer written in xml[s, e) (spaces around allowed), or -1. */
function digitsValue(xml: string, s: number, e: number): number {
  while (s < e && isSpace(xml.charCodeAt(s))) s++;
  let n = 0;
  let any = false;
  for (; s < e; s++) {
    const d = xml.charCodeAt(s) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    any = true;
    if (n > 1e15) return -1;
  }
  return any ? n : -1;
}
