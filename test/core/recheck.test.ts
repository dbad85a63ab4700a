// Re-checks while verifying fixes: a sheet whose edits only change numbers is recognized by patching its
// former recognition, which must give exactly what recognizing the edited sheet gives; rules that read no
// changed table keep their findings.
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Edit } from '../../src/core/findings';
import { applyEdits } from '../../src/core/fix/apply';
import { changedTables, patchRecognition, readsAny, trackTables } from '../../src/core/fix/recheck';
import { a1, type Sheet, type Workbook } from '../../src/core/grid/grid';
import { recognizeSheet } from '../../src/core/recognize/tables';
import { sourceToWorkbook } from '../../scripts/fixtures/to-grid';
import { generateConsolidated, layoutToWorkbook, rng } from '../../scripts/generate-workbook';
import { loadSource, STEMS } from '../support/fixtures';

/** Number cells of a sheet, as edits adding 1.11 (some writing a formula too), picked with a seeded generator. */
function numberEdits(sheet: Sheet, n: number, seed: number): Array<Edit & { row: number; col: number }> {
  const cells: Array<{ row: number; col: number; value: number }> = [];
  sheet.cells.forEach((line, row) => line?.forEach((c, col) => {
    if (c && typeof c.value === 'number') cells.push({ row, col, value: c.value });
  }));
  const r = rng(seed);
  const out: Array<Edit & { row: number; col: number }> = [];
  for (let k = 0; k < n && cells.length > 0; k++) {
    const c = cells[Math.floor(r() * cells.length)]!;
    if (out.some((e) => e.row === c.row && e.col === c.col)) continue;
    const after = (Math.round(c.value * 100 + 111) / 100).toFixed(2);
    out.push({ sheet: sheet.name, address: a1(c.row, c.col), before: String(c.value), after, row: c.row, col: c.col, ...(k % 3 === 0 ? { formula: `SUM(${a1(c.row + 1, c.col)})` } : {}) });
  }
  return out;
}

function workbooks(): Workbook[] {
  return [...STEMS.map((stem) => sourceToWorkbook(loadSource(stem))), layoutToWorkbook(generateConsolidated({ rows: 1500, seed: 7 }))];
}

describe('patchRecognition', () => {
  it('gives what recognizing the edited sheet gives, or declines', () => {
    let patched = 0;
    let declined = 0;
    for (const wb of workbooks()) {
      wb.sheets.forEach((sheet, i) => {
        for (const n of [1, 3, 8]) {
          const edits = numberEdits(sheet, n, 1000 * i + n);
          if (edits.length === 0) continue;
          const after = applyEdits(wb, edits).sheets[i]!;
          const result = patchRecognition(recognizeSheet(sheet), after, edits.map((e) => ({ ...e, before: sheet.cells[e.row]?.[e.col]?.value })));
          if (!result) {
            declined++;
            continue;
          }
          patched++;
          expect(result).toEqual(recognizeSheet(after));
        }
      });
    }
    expect(patched).toBeGreaterThan(20);
    expect(declined).toBeGreaterThan(0);
  });

  it('declines a blank or text cell, and a cell no table reads as an amount', () => {
    const wb = layoutToWorkbook(generateConsolidated({ rows: 600, seed: 3 }));
    const sheet = wb.sheets.find((s) => s.name === '支出总表')!;
    const old = recognizeSheet(sheet);
    // The title cell (text), and a blank cell far right of the table.
    for (const [row, col, after] of [[0, 0, '1.00'], [10, 40, '2.00']] as const) {
      const edited = applyEdits(wb, [{ sheet: sheet.name, address: a1(row, col), before: '', after }]).sheets.find((s) => s.name === sheet.name)!;
      expect(patchRecognition(old, edited, [{ row, col, before: sheet.cells[row]?.[col]?.value }])).toBeUndefined();
    }
  });
});

describe('rules re-run only where they read a changed table', () => {
  it('notes the tables each rule reads, and what changed', () => {
    const wb = layoutToWorkbook(generateConsolidated({ rows: 600, seed: 3 }));
    const tables = [...recognizeSheet(wb.sheets[0]!).tables, ...recognizeSheet(wb.sheets[1]!).tables];
    const tracker = trackTables(tables);
    const read = tracker.begin();
    // Choosing tables by kind is no read; reading rows is.
    const chosen = tracker.views.filter((t) => t.kind === tables[0]!.kind).length;
    expect(chosen).toBe(tables.filter((t) => t.kind === tables[0]!.kind).length);
    expect([...read]).toEqual(tables.map(() => 0));
    void tracker.views[1]!.rows;
    expect([...read]).toEqual(tables.map((_, i) => (i === 1 ? 1 : 0)));
    const changed = changedTables(tables, [tables[0]!, { ...tables[1]! }, ...tables.slice(2)])!;
    expect(readsAny(read, changed)).toBe(true);
    expect(readsAny(read, changedTables(tables, [{ ...tables[0]! }, ...tables.slice(1)])!)).toBe(false);
    expect(changedTables(tables, tables.slice(1))).toBeUndefined();
  });

  it('verifies the same fixes as re-checking everything', () => {
    // The findings snapshot covers this on every fixture, variant and the quality corpus; here, a workbook
    // whose planted differences are fixed by editing numbers in several tables.
    const wb = layoutToWorkbook(generateConsolidated({ rows: 800, seed: 11 }));
    const edits = wb.sheets.flatMap((s) => numberEdits(s, 2, s.name.length).map(({ row: _r, col: _c, formula: _f, ...e }) => e));
    const report = analyzeWorkbook(applyEdits(wb, edits), { catalogs: builtinCatalogs });
    const verified = report.findings.filter((f) => f.fixes.some((x) => x.verified));
    expect(report.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(verified.length).toBeGreaterThan(0);
  });
});
