// meta-performance-code: the department code of performance blocks agrees with the majority.
import { analyzeWorkbook } from '../../src/core/analyze';
import { sheetFromRows, type CellValue } from '../../src/core/grid/grid';
import { metaPerformanceCode } from '../../src/core/rules/meta-performance-code';

function block(name: string, code: string): CellValue[][] {
  return [
    ['某局2024年项目支出绩效目标表'],
    ['项目名称', '项目名称', name],
    ['项目级次', '项目级次', '二级项目'],
    ['主管部门及编码', '主管部门及编码', `某局-${code}`],
    ['项目资金(万元)', '年度资金总额', 10],
    [null, '其中：财政拨款', 10],
    [],
  ];
}

function run(codes: string[]) {
  const rows = codes.flatMap((c, i) => block(`项目${i + 1}`, c));
  return analyzeWorkbook({ name: 'p.xlsx', sheets: [sheetFromRows('绩效目标', rows)] }, { rules: [metaPerformanceCode], suggestFixes: false });
}

describe('meta-performance-code', () => {
  it('finds nothing when every block names one code', () => {
    expect(run(['601', '601', '601']).findings).toEqual([]);
  });
  it('flags the block whose code differs from a clear majority, with the fix to the majority', () => {
    const r = run(['601', '601', '603', '601']);
    expect(r.findings.map((f) => `${f.severity} ${f.cells[0]!.address}`)).toEqual(['warning C18']);
    expect(r.findings[0]!.fixes[0]!.edits[0]).toMatchObject({ before: '某局-603', after: '某局-601' });
  });
  it('says nothing without a clear majority', () => {
    expect(run(['601', '603']).findings).toEqual([]);
    expect(run(['601', '603', '605', '601']).findings).toEqual([]);
  });
});
