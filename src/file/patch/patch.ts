// The package patcher: a copy of a workbook (.xlsx or .xlsm) that is the user's file plus exactly the
// intended changes. It changes the text of the parts that hold them (the edited cells of a sheet; the
// marks' rules, formats and notes) and copies every other part as it is stored, in the original order.
// Nothing is parsed into a model and written back, so charts, pictures, names, protection, macros and
// whatever a future Excel adds survive.
import { attributes, relsPartOf, XlsxPackage, rawMembers, zipMembers, type CopyMember, type Deflater, type Inflater, type RawMember, type Relationship } from '../package/package';
import type { SumInput } from './formula';
import Decimal from 'decimal.js';
import { markRulesXml, maxPriority, withMarkDxfs, type Severity } from './marks';
import { newCommentsXml, newVml, vmlIds, withNotes, withVmlShapes, type NoteText } from './notes';
import { dependentOf, formulaCells, otherSheetDependents, sheetDependents, withFullCalcOnLoad, type Dependent } from './recalc';
import { applySplices, cellSplices, SheetXml, withCachedNumber, type NewValue, type Splice } from './sheet-xml';
import { childrenOf, freshPartName, freshRelId, insertionPoint, relativeTarget, rootOf, WORKBOOK_ORDER, WORKSHEET_ORDER, XML_HEAD } from './xml';
import { parseA1 } from '../../core/grid/grid';

/** A value written into a cell: a number (decimal text) or text, or a formula with its cached result. */
export interface CellWrite {
  readonly sheet: string;
  readonly address: string;
  readonly value: NewValue;
  readonly formula?: string;
}

export interface CellMark {
  readonly sheet: string;
  readonly address: string;
  readonly severity: Severity;
}

export interface CellNote {
  readonly sheet: string;
  readonly address: string;
  readonly text: string;
}

export interface PatchRequest {
  readonly writes?: readonly CellWrite[];
  readonly marks?: readonly CellMark[];
  readonly notes?: readonly CellNote[];
}

/** How to work: faster codecs where the platform has them, and what the caller knows of the workbook. */
export interface PatchOptions {
  /** Replaces fflate's inflate and deflate (the CLI passes Node's zlib). */
  readonly inflate?: Inflater;
  readonly deflate?: Deflater;
  /**
   * Sheets known to hold no formula (from the grid the check read): not read when looking for formulas on
   * other sheets that depend on the edited cells. Without it every worksheet part is read.
   */
  readonly sheetsWithoutFormulas?: ReadonlySet<string>;
}

export interface PatchResult {
  readonly bytes: Uint8Array;
  /** Formulas that read an edited cell, directly or through another formula, with their new cached result when computed. */
  readonly dependents: readonly Dependent[];
  /** Every cell whose XML changed: the written ones and the formulas whose cached result was updated (`sheet!A1`). */
  readonly changedCells: readonly string[];
  /** Parts whose content changed, parts added, parts removed (calcChain). */
  readonly changedParts: readonly string[];
  readonly addedParts: readonly string[];
  readonly removedParts: readonly string[];
  /** Writes, marks and notes on sheets the workbook does not have (or that hold no cells), not done. */
  readonly unplaced: readonly string[];
  /** Notes not written because the cell holds a threaded comment (its mark is still there). */
  readonly notesSkipped: readonly string[];
}

const encoder = new TextEncoder();
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** The relationship-type base of the package (transitional or strict), from a known type. */
const typeBase = (type: string) => type.slice(0, type.lastIndexOf('/'));

/** Applies writes, marks and notes to a workbook package; see PatchResult. */
export function patchWorkbook(bytes: Uint8Array, request: PatchRequest, options: PatchOptions = {}): PatchResult {
  const pkg = XlsxPackage.lazy(bytes, options.inflate);
  const wbPart = pkg.workbookPart();
  const wbRels = pkg.relationships(wbPart);
  const sheets = pkg.sheets();
  const byName = new Map(sheets.filter((s) => s.part && s.isWorksheet && pkg.has(s.part)).map((s) => [s.name, s]));
  const text = new Map<string, string>();
  const read = (part: string): string | undefined => text.get(part) ?? pkg.text(part);
  const changed = new Set<string>();
  const removed = new Set<string>();
  const added: string[] = [];
  const write = (part: string, xml: string) => {
    text.set(part, xml);
    if (pkg.has(part)) changed.add(part);
    else if (!added.includes(part)) added.push(part);
  };
  const unplaced: string[] = [];
  const notesSkipped: string[] = [];
  const changedCells: string[] = [];
  const dependents: Dependent[] = [];
  const splices = new Map<string, Splice[]>();
  const sheetXml = new Map<string, SheetXml>();
  const sheetOf = (part: string) => {
    let s = sheetXml.get(part);
    if (!s) sheetXml.set(part, (s = new SheetXml(pkg.text(part)!)));
    return s;
  };
  const addSplices = (part: string, list: readonly Splice[]) => splices.set(part, [...(splices.get(part) ?? []), ...list]);
  const group = <T extends { sheet: string; address: string }>(list: readonly T[] | undefined) => {
    const out = new Map<string, T[]>();
    for (const x of list ?? []) {
      if (!byName.has(x.sheet)) {
        unplaced.push(`${x.sheet}!${x.address}`);
        continue;
      }
      out.set(x.sheet, [...(out.get(x.sheet) ?? []), x]);
    }
    return out;
  };

  // 1. Cell writes, and the cached results of the plain sums that depend on them.
  const writes = group(request.writes);
  const editedBySheet = new Map<string, [number, number][]>();
  for (const [name, list] of writes) {
    const part = byName.get(name)!.part!;
    const sheet = sheetOf(part);
    const last = new Map<string, CellWrite & { row: number; col: number }>();
    for (const w of list) {
      const r = parseA1(w.address);
      last.set(`${r.r0},${r.c0}`, { ...w, row: r.r0, col: r.c0 });
    }
    const cells = [...last.values()];
    addSplices(part, cellSplices(sheet, cells));
    changedCells.push(...cells.map((c) => `${name}!${c.address.replace(/\$/g, '')}`));
    const edited = new Map<string, SumInput>(cells.map((c) => [`${c.row},${c.col}`, 'number' in c.value ? { number: new Decimal(c.value.number) } : { text: true }]));
    const deps = sheetDependents(name, sheet, edited, formulaCells(sheet));
    const updates: Splice[] = [];
    for (const d of deps) {
      const dep = dependentOf(name, d);
      dependents.push(dep);
      if (dep.after !== undefined && dep.after !== dep.before) {
        updates.push({ start: d.cell.cell.start, end: d.cell.cell.end, text: withCachedNumber(d.cell.cell, sheet.prefix, dep.after) });
        changedCells.push(`${name}!${dep.address}`);
      }
    }
    addSplices(part, updates);
    editedBySheet.set(name, [...cells.map((c) => [c.row, c.col] as [number, number]), ...deps.map((d) => [d.cell.row, d.cell.col] as [number, number])]);
  }
  // Formulas on other sheets that read an edited cell: recomputed when the copy is opened.
  if (editedBySheet.size > 0) {
    for (const s of byName.values()) {
      if (s.part === undefined || editedBySheet.has(s.name) || options.sheetsWithoutFormulas?.has(s.name)) continue;
      const xml = sheetXml.get(s.part)?.text ?? pkg.text(s.part);
      if (!xml || !/<(?:[\w.-]+:)?f[\s>/]/.test(xml)) continue;
      if (!sheetXml.has(s.part)) sheetXml.set(s.part, new SheetXml(xml));
      const formulas = formulaCells(sheetOf(s.part));
      for (const [name, cells] of editedBySheet) {
        if (name === s.name) continue;
        for (const f of otherSheetDependents(name, cells, formulas)) dependents.push(dependentOf(s.name, { cell: f }));
      }
    }
  }

  // 2. Marks: a conditional format per severity over the flagged cells, its format appended to styles.xml.
  const marks = group(request.marks);
  if (marks.size > 0) {
    const stylesPart = pkg.workbookRelated('styles');
    const styles = stylesPart ? read(stylesPart) : undefined;
    if (stylesPart && styles) {
      const used = (['error', 'warning', 'info'] as const).filter((s) => [...marks.values()].some((l) => l.some((m) => m.severity === s)));
      const { xml, ids } = withMarkDxfs(styles, used);
      write(stylesPart, xml);
      for (const [name, list] of marks) {
        const part = byName.get(name)!.part!;
        const sheet = sheetOf(part);
        const bySeverity = new Map<Severity, string[]>();
        const seen = new Set<string>();
        for (const m of list) {
          const ref = m.address.replace(/\$/g, '');
          if (seen.has(ref)) continue;
          seen.add(ref);
          bySeverity.set(m.severity, [...(bySeverity.get(m.severity) ?? []), ref]);
        }
        const children = childrenOf(sheet.text, { start: sheet.dataStart, end: sheet.dataClose < 0 ? sheet.dataOpenEnd : sheet.dataClose + `</${sheet.prefix}sheetData>`.length });
        const lastCf = [...children].reverse().find((c) => c.name === 'conditionalFormatting');
        const at = lastCf ? lastCf.end : insertionPoint(sheet.text, children, WORKSHEET_ORDER, 'conditionalFormatting');
        addSplices(part, [{ start: at, end: at, text: markRulesXml(sheet.prefix, bySeverity, ids, maxPriority(sheet.text, 0) + 1), order: WORKSHEET_ORDER.indexOf('conditionalFormatting') }]);
      }
    } else for (const l of marks.values()) unplaced.push(...l.map((m) => `${m.sheet}!${m.address}`));
  }

  // 3. Notes: Gouji's text after the user's note, or a new note (comments part and VML box).
  const notes = group(request.notes);
  let nextIdmap = 0;
  for (const e of pkg.entries) if (/\.vml$/i.test(e.name)) nextIdmap = Math.max(nextIdmap, vmlIds(pkg.text(e.name) ?? '').idmap);
  const contentTypes: { overrides: { part: string; type: string }[]; vml: boolean } = { overrides: [], vml: false };
  for (const [name, list] of notes) {
    const sheetPart = byName.get(name)!.part!;
    const sheet = sheetOf(sheetPart);
    const relsPart = relsPartOf(sheetPart);
    const rels = pkg.relationships(sheetPart);
    const base = typeBase(wbRels.find((r) => r.part === sheetPart)?.type ?? 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet');
    const merged = new Map<string, NoteText>();
    for (const n of list) {
      const r = parseA1(n.address);
      const ref = n.address.replace(/\$/g, '');
      const prev = merged.get(ref);
      merged.set(ref, { row: r.r0, col: r.c0, ref, text: prev ? `${prev.text}\n\n${n.text}` : n.text });
    }
    const threaded = threadedRefs(pkg, rels);
    const wanted = [...merged.values()].filter((n) => {
      if (!threaded.has(n.ref)) return true;
      notesSkipped.push(`${name}!${n.ref}`);
      return false;
    });
    if (wanted.length === 0) continue;
    const commentsRel = rels.find((r) => r.type.endsWith('/comments') && !r.external && pkg.has(r.part));
    let relsXml = read(relsPart);
    let newNotes: NoteText[];
    if (commentsRel) {
      const res = withNotes(read(commentsRel.part)!, wanted);
      write(commentsRel.part, res.xml);
      notesSkipped.push(...res.skipped.map((n) => `${name}!${n.ref}`));
      newNotes = res.added;
    } else {
      const ns = rootOf(sheet.text).ns ?? 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
      const part = freshPartName((n) => pkg.has(n) || text.has(n), (n) => `xl/comments${n}.xml`);
      write(part, newCommentsXml(ns, wanted));
      contentTypes.overrides.push({ part, type: CT_COMMENTS });
      relsXml = withRelationship(relsXml, `${base}/comments`, relativeTarget(sheetPart, part)).xml;
      newNotes = wanted;
    }
    if (newNotes.length > 0) {
      // The boxes: in the sheet's VML drawing (its <legacyDrawing>), or a new drawing.
      const legacy = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*>/.exec(sheet.text.slice(sheet.dataClose < 0 ? sheet.dataOpenEnd : sheet.dataClose));
      const legacyId = legacy ? (attributes(legacy[0])['r:id'] ?? attributes(legacy[0])['id']) : undefined;
      const vmlRel = legacyId !== undefined ? rels.find((r) => r.id === legacyId && !r.external && pkg.has(r.part)) : undefined;
      if (vmlRel) {
        const vml = read(vmlRel.part)!;
        write(vmlRel.part, withVmlShapes(vml, newNotes, vmlIds(vml).shape + 1));
      } else {
        const part = freshPartName((n) => pkg.has(n) || text.has(n), (n) => `xl/drawings/vmlDrawing${n}.vml`);
        nextIdmap += 1;
        write(part, newVml(nextIdmap, newNotes));
        contentTypes.vml = true;
        const rel = withRelationship(relsXml, `${base}/vmlDrawing`, relativeTarget(sheetPart, part));
        relsXml = rel.xml;
        const p = sheet.prefix;
        const rNs = /\sxmlns:r\s*=\s*["']([^"']*)["']/.exec(sheet.text.slice(0, sheet.dataStart));
        const el = rNs ? `<${p}legacyDrawing r:id="${rel.id}"/>` : `<${p}legacyDrawing xmlns:r="${base}" r:id="${rel.id}"/>`;
        if (legacy && legacyId !== undefined) {
          // A <legacyDrawing> whose relationship is missing: pointed at the new drawing.
          const start = (sheet.dataClose < 0 ? sheet.dataOpenEnd : sheet.dataClose) + legacy.index;
          addSplices(sheetPart, [{ start, end: start + legacy[0].length, text: el }]);
        } else {
          const children = childrenOf(sheet.text, { start: sheet.dataStart, end: sheet.dataClose < 0 ? sheet.dataOpenEnd : sheet.dataClose + `</${p}sheetData>`.length });
          const at = insertionPoint(sheet.text, children, WORKSHEET_ORDER, 'legacyDrawing');
          addSplices(sheetPart, [{ start: at, end: at, text: el, order: WORKSHEET_ORDER.indexOf('legacyDrawing') }]);
        }
      }
    }
    if (relsXml !== read(relsPart) && relsXml !== undefined) write(relsPart, relsXml);
  }

  // 4. Sheets: the splices applied to their text.
  for (const [part, list] of splices) if (list.length > 0) write(part, applySplices(sheetOf(part).text, list));

  // 5. Recalculation on open after any write: fullCalcOnLoad, and no calcChain (it lists the old formula cells).
  if (writes.size > 0) {
    const wb = read(wbPart)!;
    const root = rootOf(wb);
    write(wbPart, withFullCalcOnLoad(wb, () => insertionPoint(wb, childrenOf(wb), WORKBOOK_ORDER, 'calcPr'), root.prefix));
    for (const rel of wbRels.filter((r) => r.type.endsWith('/calcChain') && !r.external)) {
      if (pkg.has(rel.part)) removed.add(rel.part);
      const relsPart = relsPartOf(wbPart);
      const relsXml = read(relsPart)!;
      write(relsPart, relsXml.replace(new RegExp(`\\s*<(?:[\\w.-]+:)?Relationship\\b[^>]*\\bId\\s*=\\s*["']${rel.id}["'][^>]*/>`), ''));
    }
  }

  // 6. Content types of new and removed parts.
  if (contentTypes.overrides.length > 0 || contentTypes.vml || removed.size > 0) {
    let ct = read('[Content_Types].xml')!;
    for (const part of removed) ct = ct.replace(new RegExp(`\\s*<(?:[\\w.-]+:)?Override\\b[^>]*PartName\\s*=\\s*["']/${escapeRe(part)}["'][^>]*/>`, 'i'), '');
    const root = rootOf(ct);
    let add = '';
    if (contentTypes.vml && !/<(?:[\w.-]+:)?Default\b[^>]*Extension\s*=\s*["']vml["']/i.test(ct)) add += `<${root.prefix}Default Extension="vml" ContentType="${CT_VML}"/>`;
    for (const o of contentTypes.overrides) add += `<${root.prefix}Override PartName="/${o.part}" ContentType="${o.type}"/>`;
    if (add) {
      const at = rootOf(ct).close;
      ct = ct.slice(0, at) + add + ct.slice(at);
    }
    write('[Content_Types].xml', ct);
  }

  return {
    bytes: assemble(bytes, pkg, text, changed, removed, added, options.deflate),
    dependents,
    changedCells,
    changedParts: [...changed],
    addedParts: added,
    removedParts: [...removed],
    unplaced,
    notesSkipped,
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The cells of a sheet that hold a threaded comment (newer Excel): their legacy note is Excel's copy of the thread. */
function threadedRefs(pkg: XlsxPackage, rels: readonly Relationship[]): Set<string> {
  const out = new Set<string>();
  for (const r of rels.filter((x) => /\/threadedComment$/.test(x.type) && !x.external)) {
    for (const m of (pkg.text(r.part) ?? '').matchAll(/<(?:[\w.-]+:)?threadedComment\b[^>]*\bref\s*=\s*["']([A-Za-z]+\d+)["']/g)) out.add(m[1]!);
  }
  return out;
}

/** A relationships part with one more relationship (the part is made when missing); returns its id. */
function withRelationship(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const id = freshRelId(xml);
  const el = (p: string) => `<${p}Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  if (!xml) return { xml: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${el('')}</Relationships>`, id };
  const root = rootOf(xml);
  if (root.close < 0) return { xml: xml.replace(/<((?:[\w.-]+:)?)Relationships\b([^>]*?)\s*\/>/, (_m, p: string, a: string) => `<${p}Relationships${a}>${el(p)}</${p}Relationships>`), id };
  return { xml: xml.slice(0, root.close) + el(root.prefix) + xml.slice(root.close), id };
}

/** UTF-8 bytes of a changed part, with the byte-order mark when the original had one. */
function encoded(xml: string, original: Uint8Array | undefined): Uint8Array {
  const body = encoder.encode(xml);
  if (!original || original[0] !== 0xef || original[1] !== 0xbb || original[2] !== 0xbf) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** The copy: every entry in its original order, the changed ones re-compressed as they were (stored stays stored), the others passed through. */
function assemble(bytes: Uint8Array, pkg: XlsxPackage, text: ReadonlyMap<string, string>, changed: ReadonlySet<string>, removed: ReadonlySet<string>, added: readonly string[], deflate?: Deflater): Uint8Array {
  if (changed.size === 0 && removed.size === 0 && added.length === 0) return bytes.slice();
  const raw = new Map<string, RawMember>((rawMembers(bytes) ?? []).map((m) => [m.name, m]));
  const members: CopyMember[] = [];
  for (const e of pkg.entries) {
    if (removed.has(e.name)) continue;
    const r = raw.get(e.name);
    if (changed.has(e.name)) members.push({ name: e.name, data: encoded(text.get(e.name)!, pkg.bytes(e.name)), compression: e.compression === 0 ? 0 : 8, ...(r ? { mtime: r.mtime } : {}) });
    else if (r) members.push({ name: e.name, raw: r });
    else members.push({ name: e.name, data: pkg.bytes(e.name) ?? new Uint8Array(0), compression: e.compression === 0 ? 0 : 8 });
  }
  for (const name of added) members.push({ name, data: encoder.encode(text.get(name)!), compression: 8 });
  return zipMembers(members, deflate);
}
