// Rule cell-sum-formula: a subtotal's formula adds up every child row the code hierarchy gives it.
import { analyzeWorkbook } from '../../src/core/analyze';
import { parseA1, sheetFromRows, type Cell, type CellValue, type Sheet } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import { cellSumFormula, sumFormulaCells } from '../../src/core/rules/cell-sum-formula';

const ROWS: CellValue[][] = [
  ['支出总表（预算表3）'],
  ['预算单位：测试局', null, null, null, '单位：万元'],
  ['科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
  [null, '合计', 1300, 400, 900], // row 4
  ['201', '一般公共服务支出', 1200, 300, 900], // 5
  ['20103', '政府办公厅（室）及相关机构事务', 1200, 300, 900], // 6
  ['2010301', '行政运行', 300, 300, null], // 7
  ['2010399', '其他政府办公厅（室）及相关机构事务支出', 900, null, 900], // 8
  ['221', '住房保障支出', 100, 100, null], // 9
  ['22102', '住房改革支出', 100, 100, null], // 10
  ['2210201', '住房公积金', 100, 100, null], // 11
];

/** The sheet with formulas put into cells (their cached values kept). */
function withFormulas(formulas: Record<string, string>): Sheet {
  const sheet = sheetFromRows('预算表3', ROWS);
  const cells = sheet.cells.map((line) => (line ? [...line] : line)) as Array<Array<Cell | undefined> | undefined>;
  for (const [address, formula] of Object.entries(formulas)) {
    const { r0, c0 } = parseA1(address);
    const old = cells[r0]![c0]!;
    cells[r0]![c0] = { ...old, formula };
  }
  return { ...sheet, cells };
}

const run = (formulas: Record<string, string>) => analyzeWorkbook({ name: 't.xlsx', sheets: [withFormulas(formulas)] }, { rules: [cellSumFormula] });

describe('cell-sum-formula', () => {
  it('accepts formulas that add every child, directly or through their own children', () => {
    const r = run({ C4: 'C5+C9', C5: 'SUM(C6)', C6: 'SUM(C7:C8)', D4: 'SUM(D7:D8)+D11', C9: 'C10' });
    expect(r.findings).toEqual([]);
  });

  it('warns of a formula that leaves out a child holding an amount, and offers to add it', () => {
    const r = run({ C4: 'SUM(C5)' });
    expect(r.findings.map((f) => `${f.cells[0]!.address} ${f.severity}`)).toEqual(['C4 warning']);
    const f = r.findings[0]!;
    expect(f.cells.map((c) => `${c.role}:${c.address}`)).toEqual(['checked:C4', 'evidence:C9']);
    expect(render(f.message, 'zh-CN')).toBe('“合计”的“合计”公式 =SUM(C5) 漏掉了下级“221 住房保障支出”（C9，合计 100.00）。');
    expect(f.fixes[0]!.edits).toEqual([{ sheet: '预算表3', address: 'C4', before: '1300.00', after: '1400.00', formula: 'SUM(C5)+C9' }]);
  });

  it('notes (info) a left-out child that is blank for now', () => {
    const r = run({ E6: 'E8' });
    expect(r.findings.map((f) => `${f.cells[0]!.address} ${f.severity} ${f.message.id}`)).toEqual(['E6 info cell-sum-formula.missing.empty']);
  });

  it('leaves formulas across the row, constants and other functions to other rules', () => {
    expect(run({ C4: 'D4+E4', C5: 'ROUND(C6,2)', C6: 'C7+C8+0', C9: '预算表5!C9' }).findings).toEqual([]);
  });
});

describe('sumFormulaCells', () => {
  it('reads the cells a plain sum adds', () => {
    expect([...sumFormulaCells('=SUM(D7:D9)+$D$12', 'S')!]).toEqual(['6,3', '7,3', '8,3', '11,3']);
    expect(sumFormulaCells("'S'!D7+D8", 'S')?.size).toBe(2);
    expect(sumFormulaCells('D7-D8', 'S')).toBeUndefined();
    expect(sumFormulaCells('Other!D7', 'S')).toBeUndefined();
  });
});
