// The engine as the pane calls it: the user's options, the safe fixes grouped by fix, planned edits.
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { SAFE_CONFIDENCE as CORE_SAFE, safeEdits } from '../../src/core/fix/safe';
import { RULES } from '../../src/core/rules';
import { SAFE_CONFIDENCE } from '../../src/taskpane/safe';
import { applyToGrid, checkWorkbook, planEdit, reportJsonText } from '../../src/taskpane/engine';
import { CATALOG_YEARS, RULE_GROUPS } from '../../src/taskpane/settings';
import { loadFixture } from '../support/fixtures';

const STEM = '000-yanbian-zhengwu-2024';

describe('checkWorkbook options', () => {
  it('runs only the enabled rule groups', async () => {
    const wb = await loadFixture(STEM);
    const only = checkWorkbook(wb, 'zh-CN', { groups: ['hierarchy'] });
    const hierarchy = new Set(RULES.filter((r) => r.meta.group === 'hierarchy').map((r) => r.meta.id));
    expect(only.report.findings.length).toBeGreaterThan(0);
    expect(only.report.findings.every((f) => hierarchy.has(f.rule))).toBe(true);
  });

  it('a smaller tolerance turns rounding notes into errors', async () => {
    const wb = await loadFixture(STEM);
    const loose = checkWorkbook(wb, 'zh-CN');
    const strict = checkWorkbook(wb, 'zh-CN', { tolerance: '0' });
    const errors = (r: typeof loose) => r.report.findings.filter((f) => f.severity === 'error').length;
    expect(errors(strict)).toBeGreaterThan(errors(loose));
  });

  it('a kind override changes the table kind (keyed by sheet!range)', async () => {
    const wb = await loadFixture(STEM);
    const plain = checkWorkbook(wb, 'zh-CN');
    const t = plain.report.tables.find((x) => x.kind === 'expenditure-summary')!;
    const key = `${t.sheet}!${t.range}`;
    const overridden = checkWorkbook(wb, 'zh-CN', { kindOverrides: { [key]: 'project-expenditure', 'x!A1': 'not-a-kind' } });
    expect(overridden.report.tables.find((x) => `${x.sheet}!${x.range}` === key)!.kind).toBe('project-expenditure');
  });

  it('a catalog year is used as given', async () => {
    const wb = await loadFixture(STEM);
    const y2023 = checkWorkbook(wb, 'zh-CN', { catalogYear: 2023 });
    expect(y2023.report.findings.length).toBeGreaterThan(0);
    expect(checkWorkbook(wb, 'zh-CN', { catalogYear: 'auto' }).report).toEqual(checkWorkbook(wb, 'zh-CN').report);
  });

  it('the safe fixes are exactly core safeEdits, grouped by fix, each naming the findings it answers', async () => {
    const wb = await loadFixture(STEM);
    const { safe, report, parts } = checkWorkbook(wb, 'zh-CN');
    const core = safeEdits(analyzeWorkbook(wb, { catalogs: builtinCatalogs }).findings);
    const key = (e: { sheet: string; address: string }) => `${e.sheet}!${e.address}`;
    expect(safe.flatMap((f) => f.edits.map(key)).sort()).toEqual(core.map(key).sort());
    const h10 = safe.find((f) => f.edits.some((e) => e.address === 'H10'))!;
    // One cause (H10), the subtotal above it and its row sum folded in as its consequences.
    expect(h10.findings).toEqual(['subtotal@预算表9!H10']);
    const i = report.findings.findIndex((f) => f.id === 'subtotal@预算表9!H10');
    expect(parts?.[i]?.consequences.map((c) => c.id)).toEqual(['subtotal@预算表9!H7', 'row-sum@预算表9!H10']);
    expect(h10.edits[0]).toEqual({ sheet: '预算表9', address: 'H10', expected: '546.27', text: '548.27', after: { value: 548.27 } });
  });
});

describe('planEdit and applyToGrid', () => {
  it('numbers with decimals become numbers, codes and names stay text, formulas lose their =', () => {
    expect(planEdit({ sheet: 'S', address: 'A1', before: '1686.00', after: '1,685.99' }).after).toEqual({ value: 1685.99 });
    expect(planEdit({ sheet: 'S', address: 'A1', before: '201', after: '2010301' }).after).toEqual({ value: '2010301' });
    expect(planEdit({ sheet: 'S', address: 'A1', before: '1', after: '3.00', formula: '=A2+A3' }).after).toEqual({ value: 3, formula: 'A2+A3' });
  });

  it('applyToGrid is the engine applyEdits', async () => {
    const wb = await loadFixture(STEM);
    const next = applyToGrid(wb, [planEdit({ sheet: '预算表9', address: 'H10', before: '546.27', after: '548.27' })]);
    expect(next.sheets.find((s) => s.name === '预算表9')!.cells[9]![7]!.value).toBe(548.27);
  });

  it('the JSON report is the CLI contract (schema 1)', async () => {
    const wb = await loadFixture(STEM);
    const json = JSON.parse(reportJsonText(checkWorkbook(wb, 'zh-CN').report));
    expect(json).toMatchObject({ tool: 'gouji', schema: 1, workbooks: [{ file: `${STEM}.xlsx` }] });
  });
});

describe('what the pane mirrors from the core', () => {
  it('the safe threshold, the rule groups and the catalog years agree with the core', () => {
    expect(SAFE_CONFIDENCE).toBe(CORE_SAFE);
    expect([...new Set(RULES.map((r) => r.meta.group))].sort()).toEqual([...RULE_GROUPS].sort());
    for (const y of CATALOG_YEARS) expect(builtinCatalogs.functional!(y)).toBeDefined();
    expect(builtinCatalogs.functional!(CATALOG_YEARS[0]!)).not.toBe(builtinCatalogs.functional!(CATALOG_YEARS[1]!));
  });
});
