// Rule list-total on "三公" tables laid out by rows, as counties publish them: items numbered 1、2、3 under
// 一、支出合计, the car costs broken down as 其中：（1）（2） under 3、公务用车费, and a section of statistics
// (团组数, 人数, 保有量, 批次) in the same amount columns, which are counts and never summed.
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { sheetFromRows, type CellValue } from '../../src/core/grid/grid';
import { lineItems } from '../../src/core/recognize/line-items';

const ROWS: CellValue[][] = [
  ['某局2017年度部门“三公”经费预算情况表'],
  ['单位：万元'],
  ['项目', '2016年执行数', '2017年预算数'],
  ['一、支出合计', 24, 25],
  ['1、因公出国(境)费用', null, null],
  ['2、公务接待费', 14, 15],
  ['3、公务用车费', 10, 10],
  ['其中:(1)公务用车运行维护费', 10, 10],
  ['(2)公务用车购置', null, null],
  ['二、相关统计数', null, null],
  ['1.因公出国(境)团组数(个)', 0, 0],
  ['2.因公出国(境)人数(人)', 0, 0],
  ['3.公务用车购置数(辆)', null, null],
  ['4.公务用车保有量(辆)', 1, 1],
  ['5.公务接待批次(批)', 12, 10],
  ['6.公务接待人数(人)', 480, 500],
  ['三、“三公”经费增减变化原因等说明', null, null],
];

const check = (rows: CellValue[][]) => analyzeWorkbook({ name: 't.xlsx', sheets: [sheetFromRows('三公', rows)] }, { catalogs: builtinCatalogs });
const edited = (label: string, col: number, value: CellValue) => ROWS.map((r) => (r[0] === label ? r.map((v, i) => (i === col ? value : v)) : r));

describe('list-total on a "三公" table by rows', () => {
  it('reads the statistics as counts and the （1）（2） lines as parts of 3、公务用车费', () => {
    const report = check(ROWS);
    const items = lineItems(report.tables[0]!);
    const of = (label: string) => items.find((i) => i.row.name === label)!;
    expect(of('4.公务用车保有量(辆)').kind).toBe('count');
    expect(of('6.公务接待人数(人)').kind).toBe('count');
    expect(of('其中:(1)公务用车运行维护费')).toMatchObject({ level: 3, parent: of('3、公务用车费').row });
    expect(of('3、公务用车费')).toMatchObject({ level: 2, parent: of('一、支出合计').row });
  });

  it('finds nothing in a consistent table, having compared 一 = 1 + 2 + 3 and 3 = （1） + （2） in both years', () => {
    const report = check(ROWS);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(report.outcomes.find((o) => o.rule === 'list-total')).toMatchObject({ status: 'pass', compared: 4 });
  });

  it('says nothing when only a count changes', () => {
    expect(check(edited('5.公务接待批次(批)', 2, 11)).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('finds a car cost that does not add up, at 3、公务用车费, and offers the running cost back', () => {
    const found = check(edited('其中:(1)公务用车运行维护费', 2, 12)).findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => [f.rule, f.cells[0]!.address])).toEqual([['list-total', 'C7']]);
    expect(found[0]!.fixes.map((x) => x.edits.map((e) => `${e.address}→${e.after}`).join())).toContain('C8→10.00');
  });
});
