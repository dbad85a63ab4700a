// Property tests: random consistent 支出总表 (类/款/项 codes from the 2024 catalog, amounts in exact cents)
// check clean; one planted change is found at the planted cell; the first fix restores a planted 项 cell.
import fc from 'fast-check';
import { analyzeWorkbook, type AnalyzeOptions } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Finding } from '../../src/core/findings';
import { Money } from '../../src/core/money/money';
import { buildSummary, summarySpec, type AmountCellInfo, type BuiltSummary } from '../support/generate';

const CHECK: AnalyzeOptions = { catalogs: builtinCatalogs, suggestFixes: false };
const WITH_FIXES: AnalyzeOptions = { catalogs: builtinCatalogs };

/** A planted change: which amount cell (index into the cells, modulo) and by how many cents (|δ| ≥ 10, i.e. 0.10). */
const plant = fc.record({
  index: fc.nat(),
  delta: fc.oneof(fc.integer({ min: 10, max: 99 }), fc.integer({ min: 100, max: 5_000_000 })),
  negative: fc.boolean(),
});

const describeFindings = (fs: readonly Finding[]) => fs.map((f) => `${f.severity} ${f.id} [${f.cells.map((c) => c.address).join(' ')}]`).join('\n');

function planted(built: BuiltSummary, p: { index: number; delta: number; negative: boolean }, cells: readonly AmountCellInfo[] = built.cells) {
  const cell = cells[p.index % cells.length]!;
  const delta = p.negative ? -p.delta : p.delta;
  return { cell, delta, workbook: built.withCell(cell.address, cell.cents + delta) };
}

describe('random consistent expenditure summaries', () => {
  it('are recognized as one 支出总表 with every row, and give no error or warning', () => {
    fc.assert(
      fc.property(summarySpec, (spec) => {
        const built = buildSummary(spec);
        const report = analyzeWorkbook(built.workbook, CHECK);
        expect(report.tables.map((t) => t.kind)).toEqual(['expenditure-summary']);
        // 合计 + 类 + 款 + 项 rows, three amount cells each.
        expect(report.tables[0]!.rows).toHaveLength(built.cells.length / 3);
        const bad = report.findings.filter((f) => f.severity !== 'info');
        if (bad.length > 0) throw new Error(`unexpected findings:\n${describeFindings(bad)}`);
      }),
      { numRuns: 150 },
    );
  });

  it('find any single changed amount (by 0.10 or more) with an error that names the changed cell', () => {
    fc.assert(
      fc.property(summarySpec, plant, (spec, p) => {
        const built = buildSummary(spec);
        const { cell, delta, workbook } = planted(built, p);
        const report = analyzeWorkbook(workbook, CHECK);
        const hits = report.findings.filter((f) => f.severity === 'error' && f.cells.some((c) => c.sheet === built.sheet && c.address === cell.address));
        if (hits.length === 0) throw new Error(`${cell.address} (${cell.column}, level ${cell.level}) changed by ${delta} cents, not found:\n${describeFindings(report.findings)}`);
      }),
      { numRuns: 150 },
    );
  });

  // The rounding tolerance is 0.01 per summed term, so a change of a 项's 基本支出 or 项目支出 that is no larger
  // than 0.01 × the number of 项 under its 款 reads as rounding in the 款's subtotal; only the row's
  // 合计 = 基本 + 项目 then fails, and localization rightly cannot tell the part from the row total (it
  // prefers the total). The property holds once the change exceeds every rounding bound the cell is in.
  it('offer, as the first fix of some finding, the planted 项 cell back at its original value', () => {
    fc.assert(
      fc.property(summarySpec, plant, (spec, p) => {
        const built = buildSummary(spec);
        const leaves = built.cells.filter((c) => c.level === 3);
        const cell = leaves[p.index % leaves.length]!;
        const size = Math.max(p.delta, cell.siblings + 1, 10);
        const delta = p.negative ? -size : size;
        const report = analyzeWorkbook(built.withCell(cell.address, cell.cents + delta), WITH_FIXES);
        const original = new Money(cell.cents).div(100);
        const restores = report.findings.some((f) => f.fixes[0]?.edits.some((e) => e.sheet === built.sheet && e.address === cell.address && new Money(e.after).eq(original)));
        if (!restores) {
          const fixes = report.findings.map((f) => `${f.severity} ${f.id}: ${f.fixes.map((x) => x.edits.map((e) => `${e.address} ${e.before}→${e.after}`).join(' ')).join(' | ')}`).join('\n');
          throw new Error(`${cell.address} (${cell.column}) ${cell.cents} + ${delta} cents: no first fix restores it\n${fixes}`);
        }
      }),
      { numRuns: 60 },
    );
  });
});
