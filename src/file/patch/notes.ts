// Notes (legacy comments) as Excel and LibreOffice write them: the text in a comments part
// (`xl/commentsN.xml`: authors, then one <comment ref> per cell) and the note's box in a VML drawing
// (`xl/drawings/vmlDrawingN.vml`, one <v:shape> with <x:ClientData ObjectType="Note">), both related
// to the sheet, which points at the drawing with <legacyDrawing r:id>. Gouji adds its text to a cell's
// note after the user's (their text and author kept) or adds a note; threaded comments are left alone.
import { attributes, xmlEscape } from '../package/package';
import { columnIndex } from '../../core/grid/grid';
import { rootOf, XML_HEAD } from './xml';

/** The author Gouji's notes are written under. */
export const NOTE_AUTHOR = '勾稽';

export interface NoteText {
  readonly row: number;
  readonly col: number;
  readonly ref: string;
  readonly text: string;
}

const RUN_PR = (p: string, bold: boolean) => `<${p}rPr>${bold ? `<${p}b/>` : ''}<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}rPr>`;
const run = (p: string, text: string, bold = false) => `<${p}r>${RUN_PR(p, bold)}<${p}t xml:space="preserve">${xmlEscape(text)}</${p}t></${p}r>`;

/** The runs of Gouji's part of a note: its name in bold, then the text. */
function toolRuns(p: string, text: string, after: boolean): string {
  return run(p, `${after ? '\n\n' : ''}${NOTE_AUTHOR}:`, true) + run(p, `\n${text}`);
}

const refPos = (ref: string) => {
  const m = /^([A-Za-z]+)(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : { row: -1, col: -1 };
};

/** A new comments part holding Gouji's notes. `ns` is the spreadsheetml namespace of the workbook. */
export function newCommentsXml(ns: string, notes: readonly NoteText[]): string {
  const list = [...notes].sort((a, b) => a.row - b.row || a.col - b.col);
  return `${XML_HEAD}<comments xmlns="${ns}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list
    .map((n) => `<comment ref="${n.ref}" authorId="0"><text>${toolRuns('', n.text, false)}</text></comment>`)
    .join('')}</commentList></comments>`;
}

/**
 * An existing comments part with Gouji's notes: added after the text of a cell's note (its author kept),
 * or as a new note under the author 勾稽 (added to the authors when missing). Returns which cells got a
 * new note (they need a box in the VML drawing) and which were left alone (a threaded comment's note).
 */
export function withNotes(xml: string, notes: readonly NoteText[]): { xml: string; added: NoteText[]; skipped: NoteText[] } {
  const root = rootOf(xml);
  const p = root.prefix;
  let out = xml;
  // Authors: find or add 勾稽.
  const authorsRe = new RegExp(`<${p}authors(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}authors>)`);
  const am = authorsRe.exec(out);
  const names = am ? [...(am[1] ?? '').matchAll(new RegExp(`<${p}author(?:\\s[^>]*)?>([\\s\\S]*?)</${p}author>|<${p}author\\s*/>`, 'g'))].map((m) => m[1] ?? '') : [];
  let authorId = names.indexOf(NOTE_AUTHOR);
  const comments = () => [...out.matchAll(new RegExp(`<${p}comment(?=[\\s>])[^>]*>([\\s\\S]*?)</${p}comment>`, 'g'))];
  const existing = new Map(comments().map((m) => [attributes(m[0].slice(0, m[0].indexOf('>') + 1))['ref'] ?? '', m]));
  const toAdd = notes.filter((n) => !existing.has(n.ref));
  if (authorId < 0 && toAdd.length > 0) {
    authorId = names.length;
    const el = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (!am) out = out.slice(0, root.openEnd) + `<${p}authors>${el}</${p}authors>` + out.slice(root.openEnd);
    else if (am[1] === undefined) out = out.slice(0, am.index) + `<${p}authors>${el}</${p}authors>` + out.slice(am.index + am[0].length);
    else {
      const at = am.index + am[0].length - `</${p}authors>`.length;
      out = out.slice(0, at) + el + out.slice(at);
    }
  }
  const skipped: NoteText[] = [];
  // Notes on cells that have one: Gouji's runs after the user's text (a plain <t> becomes a run, same text).
  const appended = notes.filter((n) => existing.has(n.ref));
  for (const n of appended.reverse()) {
    const m = comments().find((x) => attributes(x[0].slice(0, x[0].indexOf('>') + 1))['ref'] === n.ref)!;
    const authorIndex = Number(attributes(m[0].slice(0, m[0].indexOf('>') + 1))['authorId'] ?? -1);
    if ((names[authorIndex] ?? '').startsWith('tc=')) {
      skipped.push(n);
      continue;
    }
    const start = m.index!;
    const body = m[0];
    const textRe = new RegExp(`(<${p}text(?:\\s[^>]*)?>)([\\s\\S]*?)(</${p}text>)|<${p}text\\s*/>`);
    const tm = textRe.exec(body);
    let next: string;
    if (!tm) {
      next = body.replace(new RegExp(`</${p}comment>$`), `<${p}text>${toolRuns(p, n.text, false)}</${p}text></${p}comment>`);
    } else if (tm[1] === undefined) {
      next = body.replace(tm[0], `<${p}text>${toolRuns(p, n.text, false)}</${p}text>`);
    } else {
      let inner = tm[2]!;
      const plain = new RegExp(`^(\\s*)(<${p}t(?:\\s[^>]*)?>[\\s\\S]*?</${p}t>|<${p}t\\s*/>)`).exec(inner);
      if (plain) inner = `${plain[1]}<${p}r>${plain[2]}</${p}r>${inner.slice(plain[0].length)}`;
      const tail = new RegExp(`<${p}(?:rPh|phoneticPr)(?=[\\s/>])`).exec(inner);
      const at = tail ? tail.index : inner.length;
      const hasText = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>[^<]/.test(inner);
      inner = inner.slice(0, at) + toolRuns(p, n.text, hasText) + inner.slice(at);
      next = body.slice(0, tm.index) + tm[1] + inner + tm[3] + body.slice(tm.index + tm[0].length);
    }
    out = out.slice(0, start) + next + out.slice(start + body.length);
  }
  // New notes, in row and column order among the others.
  const listRe = new RegExp(`<${p}commentList(?:\\s[^>]*)?(/?)>`);
  for (const n of [...toAdd].sort((a, b) => b.row - a.row || b.col - a.col)) {
    const el = `<${p}comment ref="${n.ref}" authorId="${authorId}"><${p}text>${toolRuns(p, n.text, false)}</${p}text></${p}comment>`;
    const lm = listRe.exec(out);
    if (!lm) {
      const at = rootOf(out).close;
      out = out.slice(0, at) + `<${p}commentList>${el}</${p}commentList>` + out.slice(at);
      continue;
    }
    if (lm[1] === '/') {
      out = out.slice(0, lm.index) + `<${p}commentList>${el}</${p}commentList>` + out.slice(lm.index + lm[0].length);
      continue;
    }
    const after = comments().find((m) => {
      const pos = refPos(attributes(m[0].slice(0, m[0].indexOf('>') + 1))['ref'] ?? '');
      return pos.row > n.row || (pos.row === n.row && pos.col > n.col);
    });
    const at = after ? after.index! : out.indexOf(`</${p}commentList>`);
    out = out.slice(0, at) + el + out.slice(at);
  }
  return { xml: out, added: toAdd, skipped };
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>';

/** A hidden note box for a cell, as Excel writes it: anchored to the right of the cell, shown on hover. */
function shape(id: number, n: NoteText, z: number): string {
  const top = Math.max(0, n.row - 1);
  const lines = Math.min(12, 3 + Math.ceil(n.text.length / 18));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;margin-left:0;margin-top:0;width:216pt;height:${lines * 13.5}pt;z-index:${z};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\r\n` +
    '  <v:fill color2="#ffffe1"/>\r\n  <v:shadow on="t" color="black" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n' +
    "  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n" +
    '  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n' +
    `   <x:Anchor>\r\n    ${n.col + 1}, 15, ${top}, 10, ${n.col + 4}, 15, ${top + lines}, 4</x:Anchor>\r\n` +
    `   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>${n.row}</x:Row>\r\n   <x:Column>${n.col}</x:Column>\r\n  </x:ClientData>\r\n </v:shape>`
  );
}

/** The largest `_x0000_sN` shape number and `<o:idmap data>` block used in a VML drawing. */
export function vmlIds(vml: string): { shape: number; idmap: number } {
  let shape = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) shape = Math.max(shape, Number(m[1]));
  let idmap = 0;
  for (const m of vml.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/g)) for (const d of m[1]!.split(/[\s,]+/)) if (/^\d+$/.test(d)) idmap = Math.max(idmap, Number(d));
  return { shape, idmap };
}

/** A new VML drawing with a box per note; `block` is its idmap block (shape numbers from block × 1024 + 1). */
export function newVml(block: number, notes: readonly NoteText[]): string {
  const shapes = notes.map((n, i) => shape(block * 1024 + 1 + i, n, i + 1));
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
    ` <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="${block}"/>\r\n </o:shapelayout>${SHAPETYPE}${shapes.join('')}</xml>`
  );
}

/** An existing VML drawing with a box per new note appended (and the note shape type when it lacks one). */
export function withVmlShapes(vml: string, notes: readonly NoteText[], firstId: number): string {
  const close = vml.lastIndexOf('</xml>');
  if (close < 0) return vml;
  const hasType = /id\s*=\s*["']_x0000_t202["']/.test(vml);
  const z = (vml.match(/<v:shape\b/g) ?? []).length;
  const add = (hasType ? '' : SHAPETYPE) + notes.map((n, i) => shape(firstId + i, n, z + i + 1)).join('');
  return vml.slice(0, close) + add + vml.slice(close);
}
