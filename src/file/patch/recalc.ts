// After cells are edited: which formulas depend on them (on their sheet, transitively, and on other
// sheets directly), the new cached result of those that are plain sums, and the workbook told to
// recalculate on open (fullCalcOnLoad, no calcChain).
import Decimal from 'decimal.js';
import { attributes } from '../package/package';
import { translateFormula } from '../read/formula';
import { evaluateSum, formulaRefs, plainSum, type Ref, type SumInput } from './formula';
import { cellContent, refOf, type CellSpan, type SheetXml } from './sheet-xml';

/** A formula that reads an edited cell (or a formula that does). */
export interface Dependent {
  readonly sheet: string;
  readonly address: string;
  /** The formula, without `=` (a shared formula as it reads in this cell). */
  readonly formula: string;
  /** The cached result before, as stored (`1216.49`), when the cell had one. */
  readonly before?: string;
  /** The new cached result written into the copy, when the formula is a plain sum on its sheet; else the application computes it on open. */
  readonly after?: string;
}

/** A formula cell of a sheet. */
export interface FormulaCell {
  readonly row: number;
  readonly col: number;
  readonly cell: CellSpan;
  readonly formula: string;
  /** t="array" or t="dataTable": read, never recomputed here. */
  readonly special: boolean;
  readonly before?: string;
  readonly refs: readonly Ref[];
}

/** Every formula cell of a sheet part, shared formulas read as they apply in each cell. */
export function formulaCells(sheet: SheetXml): FormulaCell[] {
  const p = sheet.prefix;
  const text = sheet.text;
  const stop = sheet.dataClose;
  const found: { row: number; col: number; cell: CellSpan }[] = [];
  const needle = `<${p}f`;
  for (let at = text.indexOf(needle, sheet.dataOpenEnd); at >= 0 && at < stop; at = text.indexOf(needle, at + 1)) {
    const next = text[at + needle.length];
    if (next !== ' ' && next !== '>' && next !== '/' && next !== '\t' && next !== '\n' && next !== '\r') continue;
    const span = sheet.rowAt(at);
    if (!span) continue;
    const cell = sheet.cells(span).find((c) => c.start <= at && at < c.end);
    if (!cell) continue;
    found.push({ row: span.row, col: cell.col, cell });
    at = cell.end - 1;
  }
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const read = found.map((x) => ({ ...x, content: cellContent(x.cell, p) }));
  for (const x of read) {
    const f = x.content.f!;
    if (f.attrs['t'] === 'shared' && f.attrs['si'] !== undefined && f.text !== '') masters.set(f.attrs['si'], { row: x.row, col: x.col, text: f.text });
  }
  const out: FormulaCell[] = [];
  for (const x of read) {
    const f = x.content.f!;
    let formula = f.text;
    if (f.attrs['t'] === 'shared' && formula === '') {
      const m = masters.get(f.attrs['si'] ?? '');
      if (!m) continue;
      formula = translateFormula(m.text, x.row - m.row, x.col - m.col);
    }
    if (formula === '') continue;
    out.push({
      row: x.row,
      col: x.col,
      cell: x.cell,
      formula,
      special: f.attrs['t'] === 'array' || f.attrs['t'] === 'dataTable',
      ...(x.content.v !== undefined ? { before: x.content.v } : {}),
      refs: formulaRefs(formula),
    });
  }
  return out;
}

const sameSheet = (ref: Ref, sheet: string) => ref.sheet === undefined || ref.sheet.toLowerCase() === sheet.toLowerCase();
const contains = (r: Ref, row: number, col: number) => row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;

/** A cell's value as a sum reads it, from the sheet's XML. */
export function storedInput(sheet: SheetXml, row: number, col: number): SumInput {
  const cell = sheet.cell(row, col);
  if (!cell) return { empty: true };
  const c = cellContent(cell, sheet.prefix);
  if (c.type === 'n' || c.type === '') {
    if (c.v === undefined || c.v.trim() === '') return { empty: true };
    try {
      return { number: new Decimal(c.v.trim()) };
    } catch {
      return { unknown: true };
    }
  }
  if (c.type === 's' || c.type === 'str' || c.type === 'inlineStr' || c.type === 'b') return c.v === undefined && !c.hasInline ? { empty: true } : { text: true };
  return { unknown: true };
}

/** The shortest decimal text of the number Excel stores for an exact result. */
export function storedNumber(d: Decimal): string {
  return String(Number(d.toFixed()));
}

/**
 * The formulas of an edited sheet that depend on its edited cells, transitively, each with its new cached
 * result when it is a plain sum (SUM of cells and ranges of the sheet, or cells added and subtracted).
 * `edited` maps `row,col` to the value written.
 */
export function sheetDependents(sheetName: string, sheet: SheetXml, edited: ReadonlyMap<string, SumInput>, formulas: readonly FormulaCell[]): { cell: FormulaCell; after?: Decimal }[] {
  const dependents = new Map<string, FormulaCell>();
  let frontier = [...edited.keys()].map((k) => k.split(',').map(Number) as [number, number]);
  while (frontier.length > 0) {
    const next: [number, number][] = [];
    for (const f of formulas) {
      const key = `${f.row},${f.col}`;
      if (dependents.has(key) || edited.has(key)) continue;
      if (f.refs.some((r) => sameSheet(r, sheetName) && frontier.some(([row, col]) => contains(r, row, col)))) {
        dependents.set(key, f);
        next.push([f.row, f.col]);
      }
    }
    frontier = next;
  }
  const memo = new Map<string, SumInput>();
  const busy = new Set<string>();
  const valueAt = (row: number, col: number): SumInput => {
    const key = `${row},${col}`;
    const e = edited.get(key);
    if (e) return e;
    const f = dependents.get(key);
    if (!f) return storedInput(sheet, row, col);
    const done = memo.get(key);
    if (done) return done;
    if (busy.has(key)) return { unknown: true };
    busy.add(key);
    const terms = f.special ? undefined : plainSum(f.formula, sheetName);
    const v = terms ? evaluateSum(terms, valueAt) : undefined;
    busy.delete(key);
    const out: SumInput = v ? { number: v } : { unknown: true };
    memo.set(key, out);
    return out;
  };
  return [...dependents.values()]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((cell) => {
      const v = valueAt(cell.row, cell.col);
      return 'number' in v ? { cell, after: v.number } : { cell };
    });
}

/** Formulas of another sheet that read any of `cells` of `sheetName` (they are recomputed on open). */
export function otherSheetDependents(sheetName: string, cells: ReadonlyArray<readonly [number, number]>, formulas: readonly FormulaCell[]): FormulaCell[] {
  return formulas.filter((f) => f.refs.some((r) => r.sheet !== undefined && r.sheet.toLowerCase() === sheetName.toLowerCase() && cells.some(([row, col]) => contains(r, row, col))));
}

export function dependentOf(sheet: string, d: { cell: FormulaCell; after?: Decimal }): Dependent {
  return {
    sheet,
    address: refOf(d.cell.row, d.cell.col),
    formula: d.cell.formula,
    ...(d.cell.before !== undefined ? { before: d.cell.before } : {}),
    ...(d.after ? { after: storedNumber(d.after) } : {}),
  };
}

/** workbook.xml with `<calcPr fullCalcOnLoad="1"/>` (its other attributes kept), inserted where the schema puts it when missing. */
export function withFullCalcOnLoad(xml: string, insertAt: () => number, prefix: string): string {
  const m = new RegExp(`<${prefix}calcPr(?=[\\s/>])[^>]*?/?>`).exec(xml);
  if (m) {
    const tag = m[0];
    const a = attributes(tag);
    if (a['fullCalcOnLoad'] === '1' || a['fullCalcOnLoad'] === 'true') return xml;
    const next = /\sfullCalcOnLoad\s*=/.test(tag) ? tag.replace(/\sfullCalcOnLoad\s*=\s*(?:"[^"]*"|'[^']*')/, ' fullCalcOnLoad="1"') : tag.replace(/\s*(\/?)>$/, ' fullCalcOnLoad="1"$1>');
    return xml.slice(0, m.index) + next + xml.slice(m.index + tag.length);
  }
  const at = insertAt();
  return `${xml.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}
