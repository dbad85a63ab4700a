// Test support: layout variants of a workbook, as real exports produce them.
import type { Cell, CellValue, Rect, Sheet, Workbook } from '../../src/core/grid/grid';
import { parseAmountText } from '../../src/core/money/money';

type CellMap = (cell: Cell) => CellValue;

function mapCells(wb: Workbook, f: CellMap): Workbook {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => ({ ...s, cells: s.cells.map((row) => row?.map((c) => (c ? { ...c, value: f(c) } : c))) })),
  };
}

/** Every table on one sheet named Sheet1, two blank rows between the former sheets. */
export function oneSheet(wb: Workbook): Workbook {
  const cells: (Cell | undefined)[][] = [];
  const merges: Rect[] = [];
  let offset = 0;
  let colCount = 0;
  for (const s of wb.sheets) {
    s.cells.forEach((row, r) => {
      cells[r + offset] = (row ?? []).map((c) => (c ? { ...c, row: r + offset } : c));
    });
    for (const m of s.merges) merges.push({ r0: m.r0 + offset, c0: m.c0, r1: m.r1 + offset, c1: m.c1 });
    offset += s.rowCount + 2;
    colCount = Math.max(colCount, s.colCount);
  }
  const sheet: Sheet = { name: 'Sheet1', cells, merges, hiddenRows: new Set(), hiddenCols: new Set(), rowCount: offset, colCount };
  return { ...wb, sheets: [sheet] };
}

/** Sheet names that say nothing: Sheet1, Sheet2 … */
export function plainSheetNames(wb: Workbook): Workbook {
  return { ...wb, sheets: wb.sheets.map((s, i) => ({ ...s, name: `Sheet${i + 1}` })) };
}

/** Codes stored as numbers: `'2010301'` → 2010301, `'03'` → 3. */
export function codesAsNumbers(wb: Workbook): Workbook {
  return mapCells(wb, (c) => (typeof c.value === 'string' && /^\d{2,7}$/.test(c.value) ? Number(c.value) : c.value));
}

const FULL = '０１２３４５６７８９';

/** Amounts stored as text, the way exports write them: `1,284.21`, `1 284.21` or full-width digits. */
export function numbersAsText(wb: Workbook, style: 'separators' | 'spaces' | 'full-width'): Workbook {
  return mapCells(wb, (c) => {
    if (typeof c.value !== 'number') return c.value;
    // A percentage exported as text reads as it is shown: 0.029 formatted 0.0% is `2.9%`.
    const pct = /0(?:\.(0+))?%/.exec(c.numFmt ?? '');
    if (pct) return `${(c.value * 100).toFixed(pct[1]?.length ?? 0)}%`;
    const [int, frac] = c.value.toFixed(2).split('.');
    if (style === 'full-width') return `${int}.${frac}`.replace(/\d/g, (d) => FULL[Number(d)]!);
    const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, style === 'separators' ? ',' : ' ');
    return `${grouped}.${frac}`;
  });
}

/** Amounts in 元 instead of 万元. */
export function inYuan(wb: Workbook): Workbook {
  return mapCells(wb, (c) => {
    // Percentages stay what they are.
    if (typeof c.value === 'number' && c.numFmt && !c.numFmt.includes('%')) return Math.round(c.value * 1000000) / 100;
    // Amounts stored as text (OCR'd `421. 29`) are scaled too, and stay text.
    const text = typeof c.value === 'string' ? parseAmountText(c.value) : undefined;
    if (text !== undefined && /[.,]/.test(String(c.value))) return text.times(10000).toFixed(2);
    if (typeof c.value === 'string') return c.value.replace(/单位\s*([:：])\s*万元/, '单位$1元');
    return c.value;
  });
}

/** A hidden, empty spacer column inserted at A; every cell and merge moves one column right. */
export function spacerColumn(wb: Workbook): Workbook {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((row) => (row ? [undefined, ...row.map((c) => (c ? { ...c, col: c.col + 1 } : c))] : row)),
      merges: s.merges.map((m) => ({ ...m, c0: m.c0 + 1, c1: m.c1 + 1 })),
      hiddenCols: new Set([0, ...[...s.hiddenCols].map((c) => c + 1)]),
      colCount: s.colCount + 1,
    })),
  };
}

/** A blank spacer row inserted after each title row. */
export function blankAfterTitles(wb: Workbook, isTitle: (sheet: Sheet, row: number) => boolean): Workbook {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const moved: number[] = [];
      let shift = 0;
      for (let r = 0; r < s.rowCount; r++) {
        moved[r] = r + shift;
        if (isTitle(s, r)) shift++;
      }
      const cells: (Cell | undefined)[][] = [];
      s.cells.forEach((row, r) => {
        if (row) cells[moved[r]!] = row.map((c) => (c ? { ...c, row: moved[r]! } : c));
      });
      const merges = s.merges.map((m) => ({ ...m, r0: moved[m.r0]!, r1: moved[m.r1]! }));
      return { ...s, cells, merges, rowCount: s.rowCount + shift };
    }),
  };
}

/**
 * One hidden, empty row after each table title, as exports that hide spacer rows have.
 */
export function hiddenSpacerRows(wb: Workbook, isTitle: (sheet: Sheet, row: number) => boolean): Workbook {
  const spaced = blankAfterTitles(wb, isTitle);
  return {
    ...spaced,
    sheets: spaced.sheets.map((s, i) => {
      const original = wb.sheets[i]!;
      const hidden = new Set<number>();
      let shift = 0;
      for (let r = 0; r < original.rowCount; r++) {
        if (isTitle(original, r)) {
          shift++;
          hidden.add(r + shift);
        }
      }
      return { ...s, hiddenRows: hidden };
    }),
  };
}

/**
 * Codes written into the name's cell the way the budget system exports them (`[2010301]行政运行`), the code
 * column left blank: for every table with one code column and a name column (as recognition reads the base).
 */
export function codesInNames(wb: Workbook, tables: ReadonlyArray<{ sheet: string; columns: ReadonlyArray<{ col: number; role: string }>; rows: ReadonlyArray<{ row: number }> }>): Workbook {
  const moves = new Map<string, Array<{ code: number; name: number; rows: Set<number> }>>();
  for (const t of tables) {
    const codes = t.columns.filter((c) => c.role === 'code');
    const name = t.columns.find((c) => c.role === 'name');
    if (codes.length !== 1 || !name) continue;
    const list = moves.get(t.sheet) ?? [];
    list.push({ code: codes[0]!.col, name: name.col, rows: new Set(t.rows.map((r) => r.row)) });
    moves.set(t.sheet, list);
  }
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const list = moves.get(s.name);
      if (!list) return s;
      const cells = s.cells.map((row) => row?.slice());
      for (const m of list) {
        for (const r of m.rows) {
          const line = cells[r];
          const code = line?.[m.code];
          const name = line?.[m.name];
          if (!line || !code || !name || typeof name.value !== 'string' || name.value.trim() === '') continue;
          const digits = String(code.value).trim();
          if (!/^\d{3}(\d{2}){0,2}$/.test(digits)) continue;
          line[m.name] = { ...name, value: `[${digits}]${name.value.trim()}` };
          line[m.code] = undefined;
        }
      }
      return { ...s, cells };
    }),
  };
}
