// Shared formulas: Excel writes a formula filled down or across once, on the first cell of the range
// (`<f t="shared" ref="D5:D20" si="0">SUM(E5:G5)</f>`), and only `<f t="shared" si="0"/>` on the others.
// Each of those cells' formula is the first one with its relative references moved by the cell's offset,
// as Excel shows it (D6: `SUM(E6:G6)`); absolute parts (`$E$5`) stay.

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

function isLetter(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

/** Characters of a name, function, sheet name or reference token. */
function isNameChar(ch: number): boolean {
  return isLetter(ch) || isDigit(ch) || ch === 95 /* _ */ || ch === 46 /* . */ || ch === 36 /* $ */ || ch === 92 /* \ */ || ch === 63 /* ? */ || ch > 127;
}

function isNameStart(ch: number): boolean {
  return isLetter(ch) || ch === 95 || ch === 36 || ch === 92 || ch > 127;
}

/** Column letters → 1-based number, or 0 when longer than 3 letters. */
function columnNumber(letters: string): number {
  if (letters.length > 3) return 0;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

function columnName(n: number): string {
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

/** A cell reference moved by (dRow, dCol), or undefined when the token is not one; `#REF!` when moved off the sheet. */
function moveCell(token: string, dRow: number, dCol: number): string | undefined {
  const m = CELL.exec(token);
  if (!m) return undefined;
  const col = columnNumber(m[2]!);
  const row = Number(m[4]);
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return undefined;
  const c = m[1] ? col : col + dCol;
  const r = m[3] ? row : row + dRow;
  if (c < 1 || c > MAX_COL || r < 1 || r > MAX_ROW) return '#REF!';
  return `${m[1]}${m[1] ? m[2]! : columnName(c)}${m[3]}${r}`;
}

function moveColumn(token: string, dCol: number): string | undefined {
  const m = COLUMN.exec(token);
  if (!m) return undefined;
  const col = columnNumber(m[2]!);
  if (col < 1 || col > MAX_COL) return undefined;
  if (m[1]) return token;
  const c = col + dCol;
  return c < 1 || c > MAX_COL ? undefined : columnName(c);
}

function moveRow(token: string, dRow: number): string | undefined {
  const m = ROW.exec(token);
  if (!m) return undefined;
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW) return undefined;
  if (m[1]) return token;
  const r = row + dRow;
  return r < 1 || r > MAX_ROW ? undefined : `${r}`;
}

/** The end of a name-like token starting at i. */
function tokenEnd(f: string, i: number): number {
  while (i < f.length && isNameChar(f.charCodeAt(i))) i++;
  return i;
}

/** The end of a quoted run ("…" with "" inside, or '…' with '') starting at i. */
function quotedEnd(f: string, i: number): number {
  const q = f.charCodeAt(i);
  for (let k = i + 1; k < f.length; k++) {
    if (f.charCodeAt(k) === q) {
      if (f.charCodeAt(k + 1) === q) k++;
      else return k + 1;
    }
  }
  return f.length;
}

/** The end of a bracketed run ([…], nested for structured references) starting at i. */
function bracketEnd(f: string, i: number): number {
  let depth = 0;
  for (let k = i; k < f.length; k++) {
    const ch = f.charCodeAt(k);
    if (ch === 39 /* ' escapes the next character in structured references */) k++;
    else if (ch === 91) depth++;
    else if (ch === 93 && --depth === 0) return k + 1;
  }
  return f.length;
}

/**
 * A formula (without `=`) with its relative references moved by dRow rows and dCol columns: cells (`A1`,
 * `$A1`, `A$1`), column ranges (`A:C`) and row ranges (`3:5`); strings, sheet names, function names,
 * defined names and structured references are left as they are.
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let copied = 0;
  let i = 0;
  const replace = (start: number, end: number, text: string) => {
    out += formula.slice(copied, start) + text;
    copied = end;
  };
  while (i < formula.length) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 /* " */ || ch === 39 /* ' */) {
      i = quotedEnd(formula, i);
      continue;
    }
    if (ch === 91 /* [ */) {
      i = bracketEnd(formula, i);
      continue;
    }
    if (ch === 35 /* # error literal: #REF!, #N/A … */) {
      i++;
      while (i < formula.length && (isLetter(formula.charCodeAt(i)) || formula[i] === '/' || formula[i] === '0')) i++;
      if (formula[i] === '!' || formula[i] === '?') i++;
      continue;
    }
    if (isDigit(ch) || (ch === 36 && isDigit(formula.charCodeAt(i + 1)))) {
      // A number, or the first row of a row range (3:5, $3:$5).
      const start = i;
      const end = ch === 36 ? tokenEnd(formula, i) : numberEnd(formula, i);
      const first = formula.slice(start, end);
      if (formula.charCodeAt(end) === 58 /* : */ && ROW.test(first)) {
        const secondEnd = tokenEnd(formula, end + 1);
        const second = formula.slice(end + 1, secondEnd);
        const a = moveRow(first, dRow);
        const b = ROW.test(second) ? moveRow(second, dRow) : undefined;
        if (a !== undefined && b !== undefined) {
          replace(start, secondEnd, `${a}:${b}`);
          i = secondEnd;
          continue;
        }
        if (ROW.test(second)) {
          replace(start, secondEnd, '#REF!');
          i = secondEnd;
          continue;
        }
      }
      i = end;
      continue;
    }
    if (isNameStart(ch)) {
      const start = i;
      const end = tokenEnd(formula, i);
      const next = formula.charCodeAt(end);
      // A function (SUM(), a sheet name (Sheet1!A1) or a table (Table1[Col]) is never a reference.
      if (next === 40 /* ( */ || next === 33 /* ! */ || next === 91 /* [ */) {
        i = end;
        continue;
      }
      const token = formula.slice(start, end);
      if (next === 58 /* : */ && COLUMN.test(token)) {
        const secondEnd = tokenEnd(formula, end + 1);
        const second = formula.slice(end + 1, secondEnd);
        if (COLUMN.test(second)) {
          const a = moveColumn(token, dCol);
          const b = moveColumn(second, dCol);
          replace(start, secondEnd, a !== undefined && b !== undefined ? `${a}:${b}` : '#REF!');
          i = secondEnd;
          continue;
        }
      }
      const moved = moveCell(token, dRow, dCol);
      if (moved !== undefined) replace(start, end, moved);
      i = end;
      continue;
    }
    i++;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/** The end of a number literal (digits, a decimal point, an exponent) starting at i. */
function numberEnd(f: string, i: number): number {
  while (i < f.length && (isDigit(f.charCodeAt(i)) || f[i] === '.')) i++;
  if ((f[i] === 'E' || f[i] === 'e') && (isDigit(f.charCodeAt(i + 1)) || ((f[i + 1] === '+' || f[i + 1] === '-') && isDigit(f.charCodeAt(i + 2))))) {
    i += 2;
    while (i < f.length && isDigit(f.charCodeAt(i))) i++;
  }
  return i;
}
