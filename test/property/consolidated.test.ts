// Property tests on generated consolidated (汇总) workbooks: twelve tables, units, every total exact in cents.
import fc from 'fast-check';
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Finding } from '../../src/core/findings';
import { readWorkbookBytes } from '../../src/file/xlsx';
import { dataRowCount, generateConsolidated, layoutToWorkbook, layoutXlsxBytes } from '../../scripts/generate-workbook';

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const notInfo = (fs: readonly Finding[]) => fs.filter((f) => f.severity !== 'info');
const list = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.id}`).join('\n');

describe('generated consolidated workbooks', () => {
  it('hold the twelve tables with about the rows asked for', () => {
    const layout = generateConsolidated({ rows: 3000, seed: 7 });
    expect(layout.sheets.flatMap((s) => s.tables)).toHaveLength(12);
    expect(dataRowCount(layout)).toBeGreaterThanOrEqual(3000);
    expect(dataRowCount(layout)).toBeLessThan(3000 + 400);
    const report = analyzeWorkbook(layoutToWorkbook(layout), { catalogs: builtinCatalogs, suggestFixes: false });
    expect(new Set(report.tables.map((t) => t.kind)).size).toBe(12);
  });

  it('read back from .xlsx as the grid they were built as', async () => {
    const layout = generateConsolidated({ rows: 600, seed: 3 });
    const grid = layoutToWorkbook(layout);
    const read = await readWorkbookBytes(await layoutXlsxBytes(layout), grid.name);
    expect(read.sheets.map((s) => [s.name, s.rowCount, s.colCount])).toEqual(grid.sheets.map((s) => [s.name, s.rowCount, s.colCount]));
    read.sheets.forEach((s, i) => {
      const g = grid.sheets[i]!;
      for (let r = 0; r < s.rowCount; r++) for (let c = 0; c < s.colCount; c++) expect([r, c, s.cells[r]?.[c]?.value ?? null]).toEqual([r, c, g.cells[r]?.[c]?.value ?? null]);
      expect(s.merges).toEqual(expect.arrayContaining(g.merges));
    });
  });

  it('give no error or warning from any rule but cross-expenditure-by-class', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const report = analyzeWorkbook(layoutToWorkbook(generateConsolidated({ rows: 1200, seed })), { catalogs: builtinCatalogs, suggestFixes: false });
        const bad = notInfo(report.findings).filter((f) => f.rule !== 'cross-expenditure-by-class');
        if (bad.length > 0) throw new Error(`seed ${seed}:\n${list(bad)}`);
        expect(report.outcomes.filter((o) => o.status === 'crashed')).toEqual([]);
      }),
      { numRuns: 5 },
    );
  });

  // KNOWN: cross-expenditure-by-class compares each 类 line of 收支总表 (the whole department) with the first 类
  // row of that code in 支出总表 — in a 支出总表 grouped by unit, the first unit's row only — instead of the sum
  // of the 类 rows over the unit blocks. Every class with money in more than one unit is a false error.
  test('give no error or warning at all', () => {
    const report = analyzeWorkbook(layoutToWorkbook(generateConsolidated({ rows: 1200, seed: 11 })), { catalogs: builtinCatalogs, suggestFixes: false });
    expect(list(notInfo(report.findings))).toBe('');
  });
});
