// Small, allocation-free pieces of XML scanning shared by the sheet, shared-string and style readers. Not a
// general XML parser: the parts of a workbook are machine-written, and these read them as a parser would
// (entities, CDATA, comments, namespace prefixes, either quote), never validating.
import { xmlUnescape } from '../package/package';

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47; // /
export const BANG = 33; // !
export const QUESTION = 63; // ?
export const COLON = 58; // :
export const EQ = 61; // =
export const DQUOTE = 34; // "
export const SQUOTE = 39; // '

/** Whether a character ends an element or attribute name (space, tab, CR, LF, `/`, `>`, `=`). */
export function endsName(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9 || ch === SLASH || ch === GT || ch === EQ || Number.isNaN(ch);
}

export function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

/** Whether xml[start, end) is exactly `name`. */
export function nameIs(xml: string, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (xml.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** Where the local name of the name at xml[start, end) starts (after a `prefix:`). */
export function localStart(xml: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) === COLON) return i + 1;
  return start;
}

/** The end of a name starting at `i`. */
export function nameEnd(xml: string, i: number): number {
  while (i < xml.length && !endsName(xml.charCodeAt(i))) i++;
  return i;
}

/** The index of the `>` that closes the tag whose attributes start at `i` (quotes respected); xml.length when none. */
export function tagClose(xml: string, i: number): number {
  for (; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === GT) return i;
    if (ch === DQUOTE || ch === SQUOTE) {
      const q = xml.indexOf(ch === DQUOTE ? '"' : "'", i + 1);
      if (q < 0) return xml.length;
      i = q;
    }
  }
  return xml.length;
}

/** The index just past a comment, processing instruction, CDATA or declaration starting at `lt`. */
export function skipSpecial(xml: string, lt: number): number {
  if (xml.startsWith('<!--', lt)) {
    const e = xml.indexOf('-->', lt + 4);
    return e < 0 ? xml.length : e + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const e = xml.indexOf(']]>', lt + 9);
    return e < 0 ? xml.length : e + 3;
  }
  const e = xml.indexOf('>', lt + 1);
  return e < 0 ? xml.length : e + 1;
}

const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * A copy of a string cut from a part's text that no longer holds on to that text. Engines keep a long
 * substring as a view of its parent (V8: 13 characters and more), so one formula kept from a sheet would
 * keep the whole sheet's XML alive; the copy is flat.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The text of an element as Excel reads it: XML line ends (CR LF → LF), entities and character references,
 * then Excel's `_xHHHH_` escapes of characters XML cannot hold (`_x000D_` is a CR; `_x005F_` an underscore).
 */
export function decodeText(raw: string, excelEscapes = true): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (s.includes('&')) s = xmlUnescape(s);
  if (excelEscapes && s.includes('_x')) s = s.replace(EXCEL_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s === raw ? detach(s) : s;
}

/** The result of `readText`: the decoded text, and where scanning goes on (the `<` that ended the text). */
export interface TextRun {
  text: string;
  next: number;
}

/**
 * The character data starting at `i` up to the next element tag, decoded (`excelEscapes`: also `_xHHHH_`);
 * CDATA sections are taken literally and comments skipped. `out` is filled (no allocation per call).
 */
export function readText(xml: string, i: number, out: TextRun, excelEscapes = true): TextRun {
  let lt = xml.indexOf('<', i);
  if (lt < 0) lt = xml.length;
  if (lt === xml.length || xml.charCodeAt(lt + 1) !== BANG) {
    out.text = i === lt ? '' : decodeText(xml.slice(i, lt), excelEscapes);
    out.next = lt;
    return out;
  }
  // Slow path: CDATA sections and comments within the text.
  let text = decodeText(xml.slice(i, lt), excelEscapes);
  while (lt < xml.length && xml.charCodeAt(lt + 1) === BANG) {
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      const end = e < 0 ? xml.length : e;
      text += xml.slice(lt + 9, end);
      i = e < 0 ? xml.length : e + 3;
    } else i = skipSpecial(xml, lt);
    lt = xml.indexOf('<', i);
    if (lt < 0) lt = xml.length;
    text += decodeText(xml.slice(i, lt), excelEscapes);
  }
  out.text = detach(text);
  out.next = lt;
  return out;
}
