// Clean variants of the fixtures (test/fixtures/clean/, `npm run fixtures:clean`): with the real
// mistakes repaired, Gouji reports no error and no warning — the false-alarm baseline of the benchmark.
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { applyEdits } from '../../src/core/fix/apply';
import { sourceToWorkbook } from '../../scripts/fixtures/to-grid';
import { committedCleanEdits, manualEdits } from '../../scripts/quality/make-clean';
import { loadSource, STEMS } from '../support/fixtures';

describe.each(STEMS)('%s, clean', (stem) => {
  const base = sourceToWorkbook(loadSource(stem));
  const edits = committedCleanEdits(stem);

  it('starts from the hand repairs, and every edit says what the cell held before', () => {
    expect(edits.slice(0, manualEdits(stem).length)).toEqual(manualEdits(stem));
    const sheets = new Set(base.sheets.map((s) => s.name));
    for (const e of edits) expect(sheets.has(e.sheet)).toBe(true);
  });

  it('gives no error and no warning', () => {
    const findings = analyzeWorkbook(applyEdits(base, edits), { catalogs: builtinCatalogs, suggestFixes: false }).findings;
    expect(findings.filter((f) => f.severity !== 'info').map((f) => f.id)).toEqual([]);
  });
});
