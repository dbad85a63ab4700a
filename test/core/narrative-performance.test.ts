// narrative-performance: the narrative's count and amount of projects with performance targets.
import { analyzeWorkbook } from '../../src/core/analyze';
import { sheetFromRows, type CellValue } from '../../src/core/grid/grid';
import { narrativePerformance } from '../../src/core/rules/narrative-performance';

const block = (name: string, amount: number): CellValue[][] => [
  ['某局2024年项目支出绩效目标表'],
  ['项目名称', '项目名称', name],
  ['项目资金(万元)', '年度资金总额', amount],
  [],
];

function run(sentence: string) {
  const perf = sheetFromRows('绩效目标', [...block('甲', 10.5), ...block('乙', 20)]);
  const text = sheetFromRows('情况说明', [['第三部分 情况说明'], ['（六）预算绩效情况说明'], [sentence]]);
  return analyzeWorkbook({ name: 'n.xlsx', sheets: [perf, text] }, { rules: [narrativePerformance], suggestFixes: false }).findings;
}

describe('narrative-performance', () => {
  it.each([
    ['2024年确定2个二级项目支出的绩效目标和绩效指标向社会公开，涉及金额30.5万元。', []],
    ['2024年确定3个二级项目支出的绩效目标和绩效指标向社会公开，涉及金额30.5万元。', ['warning 情况说明!A3']],
    ['2024年确定2个二级项目支出的绩效目标和绩效指标向社会公开，涉及金额40.5万元。', ['warning 情况说明!A3']],
    ['本部门无政府性基金预算支出。', []],
  ])('%s', (sentence, expected) => {
    expect(run(sentence).map((f) => `${f.severity} ${f.cells[0]!.sheet}!${f.cells[0]!.address}`)).toEqual(expected);
  });
});
