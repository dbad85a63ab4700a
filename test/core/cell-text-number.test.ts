// Rule cell-text-number: numbers stored as text (one note per table) and amount text that is not a number.
import { analyzeWorkbook } from '../../src/core/analyze';
import { DEFAULT_ROUNDING } from '../../src/core/findings';
import { sheetFromRows, type CellValue } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import { parseAmount } from '../../src/core/money/money';
import type { AmountCell, Row, Table } from '../../src/core/recognize/model';
import { cellTextNumber, intendedNumber, looksNumeric } from '../../src/core/rules/cell-text-number';

function run(rows: CellValue[][]) {
  const sheet = sheetFromRows('预算表3', [['支出总表（预算表3）'], ['预算单位：测试局', null, null, '单位：万元'], ['科目编码', '功能分类科目名称', '合计', '基本支出'], ...rows]);
  return analyzeWorkbook({ name: 't.xlsx', sheets: [sheet] }, { rules: [cellTextNumber] });
}

describe('cell-text-number', () => {
  it('finds nothing in a table of numbers', () => {
    expect(run([[null, '合计', 100, 100], ['201', '一般公共服务支出', 100, 100]]).findings).toEqual([]);
  });

  it('lists the numbers stored as text of a table in one note', () => {
    const r = run([[null, '合计', '1,284.21', 1284.21], ['201', '一般公共服务支出', '1284.21', '421. 29']]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ rule: 'cell-text-number', severity: 'info' });
    expect(f.cells.map((c) => `${c.role}:${c.address}`)).toEqual(['checked:C4', 'checked:C5', 'checked:D5']);
    expect(render(f.message, 'zh-CN')).toMatch(/^本表有 3 个金额是以文本形式存储的数字（C4, C5, D5）/);
  });

  it('warns of amount text that is not a number; offers a fix only when the number is clear', () => {
    const r = run([[null, '合计', '421. 2¢', 421.29], ['201', '一般公共服务支出', '421.29)', 421.29]]);
    expect(r.findings.map((f) => [f.cells[0]!.address, f.severity, f.fixes.map((x) => x.edits[0]!.after)])).toEqual([
      ['C4', 'warning', []],
      ['C5', 'warning', ['421.29']],
    ]);
    expect(render(r.findings[0]!.message, 'zh-CN')).toBe('无法识别为金额：“421. 2¢”（可能是录入或识别错误），相关合计无法核对。');
    expect(r.findings[1]!.fixes[0]!.verified).toBe(true);
  });

  it('leaves words in a column that is not an amount column alone', () => {
    // The name column taken for an amount column (a recognition slip): its texts are names, not damaged numbers.
    expect(looksNumeric('一、工资福利支出')).toBe(false);
    expect(looksNumeric('合 计')).toBe(false);
    expect(looksNumeric('100%')).toBe(false);
    expect(looksNumeric('421. 2¢')).toBe(true);
    expect(intendedNumber('421. 2¢')).toBeUndefined();
    expect(intendedNumber('（421.29）')?.toString()).toBe('421.29');
  });

  it('converts every cell of the table in one fix when recognition keeps the cells\' text', () => {
    const cell = (col: number, text: string): AmountCell => ({ col, parsed: parseAmount(text), value: undefined, text } as AmountCell);
    const row: Row = { row: 4, name: '合计', isTotal: true, level: 0, amounts: new Map([[2, cell(2, '1,284.21')], [3, cell(3, '421, 29')]]) };
    const table: Table = {
      sheet: '预算表3', rect: { r0: 0, c0: 0, r1: 4, c1: 3 }, kind: 'expenditure-summary', title: '支出总表', meta: {},
      columns: [{ col: 2, path: ['合计'], role: 'total' }, { col: 3, path: ['基本支出'], role: 'basic' }], rows: [row],
    };
    const [f] = cellTextNumber.check({ tables: [table], rounding: DEFAULT_ROUNDING, catalogs: {}, meta: {} });
    expect(f!.fixes[0]!.edits).toEqual([
      { sheet: '预算表3', address: 'C5', before: '1,284.21', after: '1284.21' },
      { sheet: '预算表3', address: 'D5', before: '421, 29', after: '421.29' },
    ]);
    // A comma read as a decimal point is a guess.
    expect(f!.fixes[0]!.confidence).toBe(0.6);
  });
});
