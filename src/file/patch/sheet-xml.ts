// A worksheet part as text, found and changed in place: its rows and cells are located by scanning the
// text (never parsed into a tree and written back), so every byte outside a changed cell stays as it was.
import { columnIndex, columnLetters } from '../../core/grid/grid';
import { attributes, xmlEscape, xmlUnescape } from '../package/package';

/** One `<row>` element: where it is in the text, and its row number (0-based). */
export interface RowSpan {
  readonly row: number;
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly openEnd: number;
  /** Just after `</row>` (or after `/>` when the row is empty). */
  readonly end: number;
  readonly empty: boolean;
}

/** One `<c>` element of a row. */
export interface CellSpan {
  readonly col: number;
  readonly start: number;
  readonly end: number;
  /** The start tag's text (`<c r="H10" s="5" t="s">`). */
  readonly tag: string;
  /** Text between the start and end tags ('' for `<c …/>`). */
  readonly inner: string;
}

/** A text change: replace [start, end) of the original text; `order` keeps insertions at one place in column order. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly order?: number;
}

/** Applies splices given on the original text's offsets (they must not overlap). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end || (a.order ?? 0) - (b.order ?? 0));
  const parts: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('gouji: overlapping changes to one part');
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const CELL_RE = (p: string) => new RegExp(`<${p}c(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${p}c>)`, 'g');

/** Column (0-based) of an A1 reference's letters. */
const colOf = (ref: string) => columnIndex(/^[A-Za-z]+/.exec(ref)![0]);

/** The rows and cells of one worksheet part's text. */
export class SheetXml {
  /** The namespace prefix of the sheet's elements with its colon (`x:`), usually ''. */
  readonly prefix: string;
  /** Start of the `<sheetData>` start tag, the position after it, and the position of `</sheetData>` (-1 when self-closed). */
  readonly dataStart: number;
  readonly dataOpenEnd: number;
  readonly dataClose: number;
  private rowList?: RowSpan[];
  private readonly cellCache = new Map<number, CellSpan[]>();

  constructor(readonly text: string) {
    const m = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(text);
    if (!m) throw new Error('gouji: a worksheet part without sheetData');
    this.prefix = m[1]!;
    this.dataStart = m.index;
    this.dataOpenEnd = m.index + m[0].length;
    this.dataClose = m[2] === '/' ? -1 : text.indexOf(`</${this.prefix}sheetData>`, this.dataOpenEnd);
  }

  /** Every row element in order (rows without `r` numbered after the previous one). */
  rows(): RowSpan[] {
    if (this.rowList) return this.rowList;
    const out: RowSpan[] = [];
    if (this.dataClose >= 0) {
      const p = this.prefix;
      const re = new RegExp(`<${p}row(?=[\\s/>])[^>]*?(/?)>`, 'g');
      const close = `</${p}row>`;
      re.lastIndex = this.dataOpenEnd;
      let prev = -1;
      for (let m = re.exec(this.text); m && m.index < this.dataClose; m = re.exec(this.text)) {
        const tag = m[0];
        const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
        const row = r ? Number(r[1]) - 1 : prev + 1;
        const openEnd = m.index + tag.length;
        const empty = m[1] === '/';
        const end = empty ? openEnd : this.text.indexOf(close, openEnd) + close.length;
        out.push({ row, start: m.index, openEnd, end, empty });
        prev = row;
        re.lastIndex = end;
      }
    }
    this.rowList = out;
    return out;
  }

  /** The row element of a 0-based row number, if the sheet has one. */
  row(row: number): RowSpan | undefined {
    return this.search((r) => r.row - row);
  }

  /** The row element that contains a text position, if any. */
  rowAt(pos: number): RowSpan | undefined {
    return this.search((r) => (pos < r.start ? 1 : pos >= r.end ? -1 : 0));
  }

  /** Binary search of the rows (in sheet order): `where` is < 0 for a row before the one sought, > 0 after it. */
  private search(where: (r: RowSpan) => number): RowSpan | undefined {
    const rows = this.rows();
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid]!;
      const w = where(r);
      if (w === 0) return r;
      if (w < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The cells of a row element, in order (cells without `r` placed after the previous one). */
  cells(span: RowSpan): CellSpan[] {
    const cached = this.cellCache.get(span.start);
    if (cached) return cached;
    const out: CellSpan[] = [];
    if (!span.empty) {
      const re = CELL_RE(this.prefix);
      re.lastIndex = span.openEnd;
      const stop = span.end;
      let prev = -1;
      for (let m = re.exec(this.text); m && m.index < stop; m = re.exec(this.text)) {
        const tag = /^<[^>]*>/.exec(m[0])![0];
        const r = /\sr\s*=\s*["']([A-Za-z]+)\d+["']/.exec(tag);
        const col = r ? columnIndex(r[1]!) : prev + 1;
        out.push({ col, start: m.index, end: m.index + m[0].length, tag, inner: m[1] ?? '' });
        prev = col;
      }
    }
    this.cellCache.set(span.start, out);
    return out;
  }

  cell(row: number, col: number): CellSpan | undefined {
    const span = this.row(row);
    return span ? this.cells(span).find((c) => c.col === col) : undefined;
  }
}

/** What a cell holds, read from its XML. */
export interface CellContent {
  /** The `t` attribute ('n' when absent). */
  readonly type: string;
  /** The `<v>` text, unescaped. */
  readonly v?: string;
  /** The `<f>` element's text (unescaped) and attributes, when the cell has one. */
  readonly f?: { readonly text: string; readonly attrs: Record<string, string> };
  readonly hasInline: boolean;
}

export function cellContent(cell: CellSpan, prefix: string): CellContent {
  const a = attributes(cell.tag);
  const v = new RegExp(`<${prefix}v(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}v>`).exec(cell.inner);
  const f = new RegExp(`<${prefix}f(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${prefix}f>)`).exec(cell.inner);
  return {
    type: a['t'] ?? 'n',
    ...(v ? { v: xmlUnescape(v[1]!) } : {}),
    ...(f ? { f: { text: xmlUnescape(f[2] ?? ''), attrs: attributes(`<f${f[1] ?? ''}>`) } } : {}),
    hasInline: cell.inner.includes(`<${prefix}is`),
  };
}

/** A value to write into a cell. */
export type NewValue = { readonly number: string } | { readonly text: string };

/** The start tag of a rewritten cell: the original's attributes (style `s` kept) without its type and value metadata. */
function rewrittenTag(tag: string | undefined, ref: string, p: string, type: string | undefined): string {
  let t = tag ? tag.replace(/\/?>$/, '') : `<${p}c r="${ref}"`;
  t = t.replace(/\s(?:t|vm|cm)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
  return `${t}${type ? ` t="${type}"` : ''}>`;
}

const preserve = (s: string) => (/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '');

/**
 * The XML of a cell holding `value` (a number, or text written as an inline string), or a formula with
 * its cached value; `tag` is the cell's current start tag (kept but for `t`, `vm`, `cm`).
 */
export function cellXml(tag: string | undefined, ref: string, p: string, value: NewValue, formula?: string): string {
  if (formula !== undefined) {
    const f = `<${p}f>${xmlEscape(formula)}</${p}f>`;
    if ('number' in value) return `${rewrittenTag(tag, ref, p, undefined)}${f}<${p}v>${value.number}</${p}v></${p}c>`;
    return `${rewrittenTag(tag, ref, p, 'str')}${f}<${p}v>${xmlEscape(value.text)}</${p}v></${p}c>`;
  }
  if ('number' in value) return `${rewrittenTag(tag, ref, p, undefined)}<${p}v>${value.number}</${p}v></${p}c>`;
  return `${rewrittenTag(tag, ref, p, 'inlineStr')}<${p}is><${p}t${preserve(value.text)}>${xmlEscape(value.text)}</${p}t></${p}is></${p}c>`;
}

/** A formula cell's cached value replaced by a number (its inputs changed); its formula, style and other attributes kept. */
export function withCachedNumber(cell: CellSpan, p: string, number: string): string {
  const tag = cell.tag.replace(/\st\s*=\s*(?:"[^"]*"|'[^']*')/, '');
  const vRe = new RegExp(`<${p}v(?:\\s[^>]*)?>[\\s\\S]*?</${p}v>|<${p}v\\s*/>`);
  const inner = vRe.test(cell.inner) ? cell.inner.replace(vRe, `<${p}v>${number}</${p}v>`) : `${cell.inner}<${p}v>${number}</${p}v>`;
  return `${tag}${inner}</${p}c>`;
}

/** Where a new cell goes in an existing row, before the first cell to its right. */
export function cellInsertion(sheet: SheetXml, span: RowSpan, col: number): number {
  const after = sheet.cells(span).find((c) => c.col > col);
  if (after) return after.start;
  const cells = sheet.cells(span);
  return cells.length > 0 ? cells[cells.length - 1]!.end : span.openEnd;
}

/** `H10` from 0-based row and column. */
export const refOf = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

/** Sheet-level splices that set cells (number, text or formula): cells replaced in place, missing cells and rows inserted in order. */
export function cellSplices(sheet: SheetXml, writes: ReadonlyArray<{ row: number; col: number; value: NewValue; formula?: string }>): Splice[] {
  const p = sheet.prefix;
  const splices: Splice[] = [];
  const newRows = new Map<number, Array<{ col: number; xml: string }>>();
  for (const w of writes) {
    const ref = refOf(w.row, w.col);
    const span = sheet.row(w.row);
    if (!span) {
      newRows.set(w.row, [...(newRows.get(w.row) ?? []), { col: w.col, xml: cellXml(undefined, ref, p, w.value, w.formula) }]);
      continue;
    }
    const cell = sheet.cells(span).find((c) => c.col === w.col);
    if (cell) {
      splices.push({ start: cell.start, end: cell.end, text: cellXml(cell.tag, ref, p, w.value, w.formula) });
    } else if (span.empty) {
      // <row r="5" …/> becomes <row r="5" …>cells</row>: one splice for every cell of the row.
      continue;
    } else {
      const at = cellInsertion(sheet, span, w.col);
      splices.push({ start: at, end: at, text: cellXml(undefined, ref, p, w.value, w.formula), order: w.col });
    }
  }
  // Empty rows that get cells.
  const byEmptyRow = new Map<number, Array<{ col: number; xml: string }>>();
  for (const w of writes) {
    const span = sheet.row(w.row);
    if (span?.empty) byEmptyRow.set(w.row, [...(byEmptyRow.get(w.row) ?? []), { col: w.col, xml: cellXml(undefined, refOf(w.row, w.col), p, w.value, w.formula) }]);
  }
  for (const [row, cells] of byEmptyRow) {
    const span = sheet.row(row)!;
    const open = sheet.text.slice(span.start, span.end).replace(/\s*\/>$/, '>');
    splices.push({ start: span.start, end: span.end, text: `${open}${cells.sort((a, b) => a.col - b.col).map((c) => c.xml).join('')}</${p}row>` });
  }
  // Rows that do not exist: inserted before the first row below them.
  const rows = sheet.rows();
  const fresh = [...newRows].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({ row, xml: `<${p}row r="${row + 1}">${cells.sort((a, b) => a.col - b.col).map((c) => c.xml).join('')}</${p}row>` }));
  if (sheet.dataClose < 0) {
    if (fresh.length > 0) splices.push({ start: sheet.dataStart, end: sheet.dataOpenEnd, text: `${sheet.text.slice(sheet.dataStart, sheet.dataOpenEnd).replace(/\s*\/>$/, '>')}${fresh.map((r) => r.xml).join('')}</${p}sheetData>` });
  } else {
    for (const { row, xml } of fresh) {
      const below = rows.find((r) => r.row > row);
      const at = below ? below.start : sheet.dataClose;
      splices.push({ start: at, end: at, text: xml, order: row });
    }
  }
  return splices;
}

/** Column letters of a cell reference (`H10` → 7). */
export { colOf };
