// Rule cell-formula-error: amount cells showing #REF!, #VALUE! ….
import { analyzeWorkbook } from '../../src/core/analyze';
import { sheetFromRows, type CellValue } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import { cellFormulaError } from '../../src/core/rules/cell-formula-error';
import { cellTextNumber } from '../../src/core/rules/cell-text-number';

function run(rows: CellValue[][]) {
  const sheet = sheetFromRows('预算表3', [['支出总表（预算表3）'], ['预算单位：测试局', null, null, '单位：万元'], ['科目编码', '功能分类科目名称', '合计', '基本支出'], ...rows]);
  return analyzeWorkbook({ name: 't.xlsx', sheets: [sheet] }, { rules: [cellFormulaError, cellTextNumber] });
}

describe('cell-formula-error', () => {
  it('finds nothing without error values', () => {
    expect(run([[null, '合计', 100, 100]]).findings).toEqual([]);
  });

  it('reports an error value as an error, and not as unreadable text', () => {
    const r = run([[null, '合计', { error: '#REF!' }, 100], ['201', '一般公共服务支出', 100, '#VALUE!']]);
    expect(r.findings.map((f) => `${f.rule} ${f.cells[0]!.address} ${f.severity}`)).toEqual(['cell-formula-error C4 error', 'cell-formula-error D5 error']);
    // The grid's { error } cell reads as "#REF!" once parseAmount keeps the error's text; until then as an unknown error.
    expect(render(r.findings[0]!.message, 'zh-CN')).toMatch(/^单元格显示错误值 (#REF!（公式引用的单元格已被删除）|#\?（公式计算出错）)；金额无法读取。$/);
    expect(render(r.findings[1]!.message, 'en-US')).toBe('The cell shows the error #VALUE! (text took part in a calculation). No amount can be read.');
  });
});
