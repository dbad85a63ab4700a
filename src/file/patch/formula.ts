// Formulas as the copy writer needs them: which cells a formula reads, a shared formula moved to another
// cell, and the value of a plain sum (SUM over cells and ranges, or A1+B1−C1) computed in exact decimals.
import Decimal from 'decimal.js';
import { columnIndex } from '../../core/grid/grid';

/** Last row and column of a sheet (0-based), for whole-column and whole-row references. */
const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** A rectangle a formula reads, 0-based and inclusive; `sheet` when the reference names one. */
export interface Ref {
  readonly sheet?: string;
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

// A reference: optional sheet ('quoted name'! or name!), then A1, A1:B2, A:B or 1:2, each part maybe $-anchored.
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^\s'!"(),:;=+\-*/^&<>{}\[\]]+))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF_SOURCE = String.raw`(?:${SHEET})?(${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)`;

/** Splits a formula into string literals (kept apart: nothing in them is a reference) and code. */
function codeParts(formula: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      parts.push({ text: formula.slice(i), code: true });
      break;
    }
    if (q > i) parts.push({ text: formula.slice(i, q), code: true });
    let j = q + 1;
    for (;;) {
      const e = formula.indexOf('"', j);
      if (e < 0) {
        j = formula.length;
        break;
      }
      if (formula[e + 1] === '"') j = e + 2;
      else {
        j = e + 1;
        break;
      }
    }
    parts.push({ text: formula.slice(q, j), code: false });
    i = j;
  }
  return parts;
}

/** Whether the match at `at` (length `len`) in `code` stands alone: not part of a name, a function call or a number. */
function standsAlone(code: string, at: number, len: number): boolean {
  const before = code[at - 1];
  const after = code[at + len];
  if (before !== undefined && /[\w.$\u0080-\uffff\]]/.test(before)) return false;
  if (after !== undefined && /[\w.(\u0080-\uffff]/.test(after)) return false;
  return true;
}

const cellPart = (s: string): { row?: number; col?: number; rowAbs: boolean; colAbs: boolean } => {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(s)!;
  return {
    ...(m[2] !== undefined ? { col: columnIndex(m[2]) } : {}),
    ...(m[4] !== undefined ? { row: Number(m[4]) - 1 } : {}),
    colAbs: m[1] === '$' && m[2] !== undefined,
    rowAbs: m[2] === undefined ? m[1] === '$' : m[3] === '$',
  };
};

interface RefToken {
  readonly start: number;
  readonly end: number;
  readonly sheet?: string;
  /** The reference after the sheet prefix (`$D$6:D9`). */
  readonly body: string;
  readonly bodyStart: number;
}

function refTokens(code: string): RefToken[] {
  const out: RefToken[] = [];
  const re = new RegExp(REF_SOURCE, 'g');
  for (const m of code.matchAll(re)) {
    const at = m.index!;
    if (!standsAlone(code, at, m[0].length)) continue;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const body = m[3]!;
    // A sheet name made of digits only (`2024!A1`) is fine; a bare `1:2` preceded by a name is not a reference we know.
    out.push({ start: at, end: at + m[0].length, ...(sheet !== undefined ? { sheet } : {}), body, bodyStart: at + m[0].length - body.length });
  }
  return out;
}

function bodyRect(body: string): Omit<Ref, 'sheet'> | undefined {
  const [a, b] = body.split(':') as [string, string | undefined];
  const p = cellPart(a);
  const q = b !== undefined ? cellPart(b) : p;
  const r0 = p.row ?? 0;
  const r1 = q.row ?? (p.row === undefined ? MAX_ROW : r0);
  const c0 = p.col ?? 0;
  const c1 = q.col ?? (p.col === undefined ? MAX_COL : c0);
  if (p.row === undefined && q.row !== undefined) return undefined;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** The rectangles a formula reads (names, external and 3-D references are not followed). */
export function formulaRefs(formula: string): Ref[] {
  const out: Ref[] = [];
  for (const part of codeParts(formula)) {
    if (!part.code) continue;
    for (const t of refTokens(part.text)) {
      if (t.sheet !== undefined && (t.sheet.startsWith('[') || t.sheet.includes(':'))) continue;
      const rect = bodyRect(t.body);
      if (rect) out.push({ ...(t.sheet !== undefined ? { sheet: t.sheet } : {}), ...rect });
    }
  }
  return out;
}

/** A term of a plain sum: a SUM over cells and ranges (and numbers), one cell, or a number, with its sign. */
export type SumTerm =
  | { readonly sign: 1 | -1; readonly kind: 'sum'; readonly args: readonly ({ readonly range: Omit<Ref, 'sheet'> } | { readonly number: string })[] }
  | { readonly sign: 1 | -1; readonly kind: 'cell'; readonly row: number; readonly col: number }
  | { readonly sign: 1 | -1; readonly kind: 'number'; readonly number: string };

/**
 * A plain sum on one sheet — `SUM(D6:D9)`, `SUM(D6,D8:D9)+D12`, `D6+D7-D8`, with an optional `sheet!`
 * prefix naming this sheet — as terms; undefined for anything else (other functions, other sheets, ×, ÷).
 */
export function plainSum(formula: string, sheet: string): SumTerm[] | undefined {
  const src = formula.replace(/^=/, '').trim();
  if (src.includes('"')) return undefined;
  const refRe = new RegExp(`^(?:${SHEET})?(${CELL}(?::${CELL})?)`);
  const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
  let i = 0;
  const ws = () => {
    while (src[i] === ' ') i++;
  };
  const ref = (): Omit<Ref, 'sheet'> | undefined => {
    const m = refRe.exec(src.slice(i));
    if (!m) return undefined;
    const named = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (named !== undefined && named !== sheet) return undefined;
    const next = src[i + m[0].length];
    if (next !== undefined && /[\w.(!$]/.test(next)) return undefined;
    i += m[0].length;
    return bodyRect(m[3]!);
  };
  const terms: SumTerm[] = [];
  let sign: 1 | -1 = 1;
  for (;;) {
    ws();
    if (/^SUM\s*\(/i.test(src.slice(i))) {
      i = src.indexOf('(', i) + 1;
      const args: ({ range: Omit<Ref, 'sheet'> } | { number: string })[] = [];
      for (;;) {
        ws();
        const n = num.exec(src.slice(i));
        const r = n ? undefined : ref();
        if (n) {
          args.push({ number: n[0] });
          i += n[0].length;
        } else if (r) args.push({ range: r });
        else return undefined;
        ws();
        if (src[i] === ',') i++;
        else if (src[i] === ')') {
          i++;
          break;
        } else return undefined;
      }
      terms.push({ sign, kind: 'sum', args });
    } else {
      const n = num.exec(src.slice(i));
      if (n) {
        terms.push({ sign, kind: 'number', number: n[0] });
        i += n[0].length;
      } else {
        const r = ref();
        if (!r || r.r0 !== r.r1 || r.c0 !== r.c1) return undefined;
        terms.push({ sign, kind: 'cell', row: r.r0, col: r.c0 });
      }
    }
    ws();
    if (i >= src.length) break;
    if (src[i] === '+') sign = 1;
    else if (src[i] === '-') sign = -1;
    else return undefined;
    i++;
  }
  return terms.length > 0 ? terms : undefined;
}

/** What a cell holds, as a sum reads it. */
export type SumInput = { readonly number: Decimal } | { readonly text: true } | { readonly empty: true } | { readonly unknown: true };

/**
 * The value of a plain sum, exactly: a SUM skips text and blanks in its references as Excel's does; a
 * cell added directly must be a number or blank. Undefined when an input is unknown (an error, a value
 * that changes and cannot be computed) or text is added directly.
 */
export function evaluateSum(terms: readonly SumTerm[], valueAt: (row: number, col: number) => SumInput): Decimal | undefined {
  let total = new Decimal(0);
  for (const t of terms) {
    let v: Decimal;
    if (t.kind === 'number') v = new Decimal(t.number);
    else if (t.kind === 'cell') {
      const x = valueAt(t.row, t.col);
      if ('unknown' in x || 'text' in x) return undefined;
      v = 'number' in x ? x.number : new Decimal(0);
    } else {
      v = new Decimal(0);
      for (const a of t.args) {
        if ('number' in a) {
          v = v.plus(a.number);
          continue;
        }
        const { r0, c0, r1, c1 } = a.range;
        if ((r1 - r0 + 1) * (c1 - c0 + 1) > 1_000_000) return undefined;
        for (let r = r0; r <= r1; r++)
          for (let c = c0; c <= c1; c++) {
            const x = valueAt(r, c);
            if ('unknown' in x) return undefined;
            if ('number' in x) v = v.plus(x.number);
          }
      }
    }
    total = t.sign === 1 ? total.plus(v) : total.minus(v);
  }
  return total;
}
