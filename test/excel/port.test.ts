// The Excel port against the fake Excel API: what it reads, in how many syncs, and how it selects.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { cellAt, type Sheet } from '../../src/core/grid/grid';
import { workbookJson } from '../../src/core/report-json';
import { createExcelPort, MERGE_BAND_ROWS, READ_CELLS_PER_SYNC, readGroups } from '../../src/excel/port';
import { readWorkbookBytes } from '../../src/file/xlsx';
import { PortError } from '../../src/taskpane/port';
import { FakeExcel, fakeSheetsOf, type FakeSheet } from './fake-excel';

const budget: FakeSheet = {
  name: '预算表3',
  cells: {
    B2: '支出总表',
    B3: '单位：万元',
    B4: '科目编码',
    C4: '科目名称',
    D4: '合计',
    B5: '合计',
    D5: { value: 30, formula: 'SUM(D6:D7)', numFmt: '#,##0.00' },
    B6: 201,
    C6: '一般公共服务支出',
    D6: { value: 10, numFmt: '#,##0.00' },
    B7: 208,
    C7: '社会保障和就业支出',
    D7: { value: 20, numFmt: '#,##0.00' },
    E7: { value: '#REF!', error: true },
    F8: true,
  },
  merges: ['B2:D2'],
  hiddenRows: [6],
  hiddenCols: [5],
};

describe('Excel port: read', () => {
  it('reads values, formulas, number formats, errors, merges and hidden rows/columns', async () => {
    const fake = new FakeExcel([budget], { workbookName: '延边.xlsx' });
    const wb = await createExcelPort(fake.host).read();
    expect(wb.name).toBe('延边.xlsx');
    const sheet = wb.sheets[0]!;
    expect(sheet.name).toBe('预算表3');
    // The used range starts at B2: positions stay absolute, counts run from A1.
    expect(cellAt(sheet, 1, 1)).toEqual({ row: 1, col: 1, value: '支出总表' });
    expect(cellAt(sheet, 4, 3)).toEqual({ row: 4, col: 3, value: 30, formula: 'SUM(D6:D7)', numFmt: '#,##0.00' });
    expect(cellAt(sheet, 5, 1)?.value).toBe(201);
    expect(cellAt(sheet, 6, 4)?.value).toEqual({ error: '#REF!' });
    expect(cellAt(sheet, 7, 5)?.value).toBe(true);
    expect(cellAt(sheet, 1, 2)).toBeUndefined(); // inside the merge, empty
    expect(sheet.merges).toEqual([{ r0: 1, c0: 1, r1: 1, c1: 3 }]);
    expect([...sheet.hiddenRows]).toEqual([6]);
    expect([...sheet.hiddenCols]).toEqual([5]);
    expect(sheet.rowCount).toBe(8);
    expect(sheet.colCount).toBe(6);
  });

  it('uses three syncs in one Excel.run, however many sheets there are', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...budget, name: `表${i + 1}` }));
    const fake = new FakeExcel([...many, { name: '空白', cells: {} }]);
    const wb = await createExcelPort(fake.host).read();
    expect(wb.sheets).toHaveLength(26);
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(3);
    expect(wb.sheets[25]).toMatchObject({ name: '空白', rowCount: 0, colCount: 0, merges: [] });
  });

  it('leaves very hidden sheets out and keeps hidden ones', async () => {
    const fake = new FakeExcel([
      { ...budget, name: 'a' },
      { ...budget, name: 'b', visibility: 'Hidden' },
      { ...budget, name: 'c', visibility: 'VeryHidden' },
    ]);
    const wb = await createExcelPort(fake.host).read();
    expect(wb.sheets.map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('reads merges in row bands, so a long sheet never asks for more than 512 at once', async () => {
    const merges = Array.from({ length: 700 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`);
    const cells = Object.fromEntries(merges.map((m, i) => [m.split(':')[0]!, `行${i}`]));
    const fake = new FakeExcel([{ name: 'long', cells, merges }]);
    const wb = await createExcelPort(fake.host).read();
    // The fake fails any single call that would return more than 512 areas, as Excel does.
    expect(wb.sheets[0]!.merges).toHaveLength(700);
    expect(fake.syncs).toBe(3);
  });

  it('reads a very large workbook in bands of rows, no sync past the payload limit, the same grid', async () => {
    // Two sheets of 30,000 rows × 8 columns: 480,000 cells, 1.9 M cell properties, far over one response.
    const big = (name: string, seed: number): FakeSheet => {
      const cells: Record<string, string | number> = {};
      for (let r = 1; r <= 30_000; r++) for (let c = 0; c < 8; c++) cells[`${'ABCDEFGH'[c]}${r}`] = c === 0 ? `行${r}` : (r * 7 + c * seed) % 1000;
      return { name, cells };
    };
    const fake = new FakeExcel([big('甲', 3), big('乙', 5)]);
    const wb = await createExcelPort(fake.host).read();
    expect(fake.largestResponse).toBeLessThanOrEqual(READ_CELLS_PER_SYNC * 4);
    expect(fake.largestResponse).toBeLessThanOrEqual(fake.payloadCells);
    // 2 syncs for the names and extents, then one per 25,000 cells.
    expect(fake.syncs).toBe(2 + Math.ceil(480_000 / READ_CELLS_PER_SYNC));
    expect(wb.sheets.map((s) => [s.name, s.rowCount, s.colCount])).toEqual([
      ['甲', 30_000, 8],
      ['乙', 30_000, 8],
    ]);
    for (const [sheet, seed] of [[0, 3], [1, 5]] as const)
      for (const r of [1, 12_500, 12_501, 30_000]) expect(cellAt(wb.sheets[sheet]!, r - 1, 5)?.value).toBe((r * 7 + 5 * seed) % 1000);
    // Read in one piece, the same workbook fails as Excel on the web would.
    const whole = new FakeExcel([big('甲', 3)]);
    await expect(
      whole.host.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await ctx.sync();
        const used = sheets.items[0]!.getUsedRangeOrNullObject();
        used.load('values,valueTypes,formulas,numberFormat');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });

  it('cuts bands by rows and packs them into syncs of at most the budget', () => {
    const groups = readGroups([{ rowIndex: 2, rowCount: 10, columnCount: 4 }, undefined, { rowIndex: 0, rowCount: 3, columnCount: 30 }], 24);
    expect(groups.map((g) => g.map((b) => `${b.sheet}:${b.r0}-${b.r1}`))).toEqual([['0:2-7'], ['0:8-11'], ['2:0-0'], ['2:1-1'], ['2:2-2']]);
  });

  it('known limit: more than 512 merged areas within one band of rows fails the read', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `${i % 2 === 0 ? 'A' : 'C'}${Math.floor(i / 2) + 1}:${i % 2 === 0 ? 'B' : 'D'}${Math.floor(i / 2) + 1}`);
    expect(Math.floor(599 / 2) + 1).toBeLessThanOrEqual(MERGE_BAND_ROWS);
    const fake = new FakeExcel([{ name: 'dense', cells: { A1: 'x' }, merges }]);
    await expect(createExcelPort(fake.host).read()).rejects.toMatchObject({ code: 'read-failed' });
  });

  it('on an older Excel (ExcelApi 1.4) reads values without merges, hidden rows or the workbook name', async () => {
    const fake = new FakeExcel([budget], { api: '1.4' });
    const wb = await createExcelPort(fake.host).read();
    expect(wb.name).toBe('Excel');
    expect(wb.sheets[0]!.merges).toEqual([]);
    expect(wb.sheets[0]!.hiddenRows.size).toBe(0);
    expect(cellAt(wb.sheets[0]!, 4, 3)?.value).toBe(30);
  });

  it('turns an Excel failure into PortError read-failed', async () => {
    const fake = new FakeExcel([budget]);
    const port = createExcelPort({ ...fake.host, run: () => Promise.reject(new Error('GeneralException')) });
    await expect(port.read()).rejects.toMatchObject({ name: 'PortError', code: 'read-failed', detail: 'GeneralException' });
    // Typing in a cell is said as such: the user only has to finish editing.
    const busy = createExcelPort({ ...fake.host, run: () => Promise.reject(new Error('InvalidOperationInCellEditMode')) });
    await expect(busy.read()).rejects.toMatchObject({ name: 'PortError', code: 'edit-mode' });
  });
});

describe('Excel port: agrees with the .xlsx adapter', () => {
  const sheetCells = (s: Sheet) => s.cells.flatMap((line) => (line ?? []).filter((c) => c !== undefined));

  it.each(['000-yanbian-zhengwu-2024.xlsx', '004-yanbian-gongxin-2024.xlsx'])('%s: same grid, same findings', async (file) => {
    const fromFile = await readWorkbookBytes(readFileSync(join(__dirname, '..', 'fixtures', file)), file);
    const fake = new FakeExcel(fakeSheetsOf(fromFile), { workbookName: file });
    const fromExcel = await createExcelPort(fake.host).read();
    expect(fake.syncs).toBe(3);
    expect(fromExcel.sheets.map((s) => s.name)).toEqual(fromFile.sheets.map((s) => s.name));
    fromExcel.sheets.forEach((s, i) => {
      const f = fromFile.sheets[i]!;
      expect(sheetCells(s)).toEqual(sheetCells(f));
      expect(s.merges).toEqual([...f.merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0));
    });
    const json = (wb: typeof fromFile) => workbookJson(analyzeWorkbook(wb, { catalogs: builtinCatalogs }), 'zh-CN');
    expect(json(fromExcel)).toEqual(json(fromFile));
  });
});

describe('Excel port: select', () => {
  it('activates the sheet and selects the cell in one run', async () => {
    const fake = new FakeExcel([{ ...budget, name: 'a' }, budget]);
    await createExcelPort(fake.host).select('预算表3', 'D5');
    expect(fake.active).toBe('预算表3');
    expect(fake.selection).toEqual({ sheet: '预算表3', address: 'D5' });
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(2);
  });

  it('rejects with sheet-not-found for a sheet that is gone', async () => {
    const fake = new FakeExcel([budget]);
    const error = await createExcelPort(fake.host)
      .select('预算表9', 'A1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ code: 'sheet-not-found', subject: '预算表9' });
    expect(fake.selection).toBeUndefined();
  });
});

describe('the fake itself', () => {
  it('throws when a property is read before load + sync', async () => {
    const fake = new FakeExcel([budget]);
    await fake.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('预算表3');
      expect(() => ws.isNullObject).toThrow(/before context.sync/);
      const range = ws.getRange('D5');
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(range.values).toEqual([[30]]);
      expect(() => range.formulas).toThrow(/PropertyNotLoaded/);
    });
  });
});
