// Recognition on the five fixtures: every table the transcriber marked is found, with its kind and place.
import { rectA1, sheetFromRows } from '../../src/core/grid/grid';
import { recognizeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { loadFixture, loadSource, STEMS } from '../support/fixtures';

describe.each(STEMS)('%s', (stem) => {
  it('finds every table of the source at its place, with its kind', async () => {
    const wb = await loadFixture(stem);
    const { tables } = recognizeWorkbook(wb, { catalogs: builtinCatalogs });
    // A two-sided summary, or a list printed in two halves side by side, is one table to the transcriber.
    const found = tables.filter((t) => t.part !== 'expenditure' && t.part !== 'right').map((t) => `${t.sheet}!${t.rect.r0 + 1} ${t.kind}`);
    const expected = loadSource(stem).sheets.flatMap((s) => s.tables.map((t) => `${t.sheet}!${t.firstRow + 1} ${t.kind}`));
    expect(found).toEqual(expected);
  });

  it('reads the expenditure summary: header, code column(s), amount roles and coded rows', async () => {
    const wb = await loadFixture(stem);
    const { tables } = recognizeWorkbook(wb, { catalogs: builtinCatalogs });
    const es = tables.filter((t) => t.kind === 'expenditure-summary');
    expect(es).toHaveLength(1);
    const t = es[0]!;
    const roles = t.columns.map((c) => c.role);
    expect(roles).toEqual(expect.arrayContaining(['name', 'total', 'basic', 'project']));
    expect(t.headerRows).toBeDefined();
    const total = t.rows.filter((r) => r.isTotal);
    expect(total).toHaveLength(1);
    const coded = t.rows.filter((r) => r.code !== undefined);
    // Every data row but the 合计 and unit rows has a code: read from the sheet or, without a code column, from the catalog.
    expect(coded.length).toBe(t.rows.filter((r) => !r.isTotal && r.unitCode === undefined).length);
    expect(coded.length).toBeGreaterThan(3);
    for (const r of coded) expect(r.code).toMatch(/^2\d{2}(\d{2}){0,2}$/);
    expect(rectA1(t.rect)).toMatch(/^A\d+:[A-Z]+\d+$/);
  });
});

describe('overriding a table kind', () => {
  it('re-reads a table as the kind the user says, keyed by sheet and range', async () => {
    const wb = await loadFixture('000-yanbian-zhengwu-2024');
    const { tables } = recognizeWorkbook(wb, { catalogs: builtinCatalogs });
    const es = tables.find((t) => t.kind === 'expenditure-summary')!;
    const key = `${es.sheet}!${rectA1(es.rect)}`;
    const again = recognizeWorkbook(wb, { catalogs: builtinCatalogs, kindOverrides: { [key]: 'general-budget-expenditure' } });
    expect(again.tables.find((t) => t.sheet === es.sheet)!.kind).toBe('general-budget-expenditure');
    expect(again.tables.filter((t) => t.sheet !== es.sheet).map((t) => t.kind)).toEqual(tables.filter((t) => t.sheet !== es.sheet).map((t) => t.kind));
  });
});

describe('sheets recognition cannot place', () => {
  it('become notes, never exceptions', () => {
    const odd = sheetFromRows('Sheet9', [['随便写点什么'], [1, 2, 3], ['=SUM(A1)']]);
    const r = recognizeWorkbook({ name: 'x.xlsx', sheets: [odd, sheetFromRows('空表', [])] });
    expect(r.tables).toEqual([]);
    expect(r.notes).toEqual([{ sheet: 'Sheet9', range: 'A1:C3', message: 'no-title' }]);
  });
});
