// Small synthetic workbooks for the cross-table rules: one consistent department (测试局, 2024, 万元), each table
// a function of its data rows so a test can change one amount, drop a row, or leave a table out.
// Tables are written in the fixture source format (test/fixtures/src/FORMAT.md) and built in memory.
import { analyzeWorkbook, type WorkbookReport } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Workbook } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import type { Finding } from '../../src/core/findings';
import { CROSS_RULES } from '../../src/core/rules/cross-rules';
import { parseFixtureSource } from '../../scripts/fixtures/source';
import { sourceToWorkbook } from '../../scripts/fixtures/to-grid';

export type Cell = string | number | null;
export type Rows = Cell[][];

const line = (kind: string, cells: readonly Cell[]) => [kind, ...cells.map((c) => (c === null ? '' : String(c)))].join('\t');
const data = (rows: Rows) => rows.map((r) => line('D', r));
const copy = (rows: Rows): Rows => rows.map((r) => [...r]);

/** 支出总表 (预算表3): 合计 = 基本支出 + 项目支出. */
export const ES_ROWS: Rows = [
  [1, null, '合计', 310, 210, 100],
  [2, "'201", '一般公共服务支出', 250, 150, 100],
  [3, "'20103", '政府办公厅（室）及相关机构事务', 250, 150, 100],
  [4, "'2010301", '行政运行', 150, 150, null],
  [5, "'2010399", '其他政府办公厅（室）及相关机构事务支出', 100, null, 100],
  [6, "'208", '社会保障和就业支出', 30, 30, null],
  [7, "'20805", '行政事业单位养老支出', 30, 30, null],
  [8, "'2080505", '机关事业单位基本养老保险缴费支出', 30, 30, null],
  [9, "'210", '卫生健康支出', 10, 10, null],
  [10, "'21011", '行政事业单位医疗', 10, 10, null],
  [11, "'2101101", '行政单位医疗', 10, 10, null],
  [12, "'221", '住房保障支出', 20, 20, null],
  [13, "'22102", '住房改革支出', 20, 20, null],
  [14, "'2210201", '住房公积金', 20, 20, null],
];
export function es(rows: Rows = ES_ROWS, unit = '万元'): string[] {
  return ['sheet:\t预算表3', 'table:\texpenditure-summary', 'T\t支出总表（预算表3）', 'M\t预算单位：测试局', `M\t单位：${unit}`, line('H', ['序号', '科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出']), ...data(rows)];
}

/** 一般公共预算支出表 (预算表5): the same rows, 基本支出 split into 人员经费 + 公用经费. */
export const GBE_ROWS: Rows = [
  [1, null, '合计', 310, 210, 180, 30, 100],
  [2, "'201", '一般公共服务支出', 250, 150, 120, 30, 100],
  [3, "'20103", '政府办公厅（室）及相关机构事务', 250, 150, 120, 30, 100],
  [4, "'2010301", '行政运行', 150, 150, 120, 30, null],
  [5, "'2010399", '其他政府办公厅（室）及相关机构事务支出', 100, null, null, null, 100],
  [6, "'208", '社会保障和就业支出', 30, 30, 30, null, null],
  [7, "'20805", '行政事业单位养老支出', 30, 30, 30, null, null],
  [8, "'2080505", '机关事业单位基本养老保险缴费支出', 30, 30, 30, null, null],
  [9, "'210", '卫生健康支出', 10, 10, 10, null, null],
  [10, "'21011", '行政事业单位医疗', 10, 10, 10, null, null],
  [11, "'2101101", '行政单位医疗', 10, 10, 10, null, null],
  [12, "'221", '住房保障支出', 20, 20, 20, null, null],
  [13, "'22102", '住房改革支出', 20, 20, 20, null, null],
  [14, "'2210201", '住房公积金', 20, 20, 20, null, null],
];
export function gbe(rows: Rows = GBE_ROWS): string[] {
  return [
    'sheet:\t预算表5',
    'table:\tgeneral-budget-expenditure',
    'T\t本年一般公共预算支出表（预算表5）',
    'M\t预算单位：测试局',
    'M\t单位：万元',
    line('H', ['序号', '科目编码', '功能分类科目名称', '合计', '基本支出', '>', '>', '项目支出']),
    line('H', ['^', '^', '^', '^', '小计', '人员经费', '公用经费', '^']),
    ...data(rows),
  ];
}

/** 一般公共预算基本支出表 (预算表6): economic rows, 合计 = 人员经费 + 公用经费. */
export const BASIC_ROWS: Rows = [
  [1, null, '合计', 210, 180, 30],
  [2, "'301", '工资福利支出', 180, 180, null],
  [3, "'30101", '基本工资', 120, 120, null],
  [4, "'30108", '机关事业单位基本养老保险缴费', 30, 30, null],
  [5, "'30110", '职工基本医疗保险缴费', 10, 10, null],
  [6, "'30113", '住房公积金', 20, 20, null],
  [7, "'302", '商品和服务支出', 30, null, 30],
  [8, "'30201", '办公费', 25, null, 25],
  [9, "'30217", '公务接待费', 2, null, 2],
  [10, "'30231", '公务用车运行维护费', 3, null, 3],
];
export function basic(rows: Rows = BASIC_ROWS): string[] {
  return [
    'sheet:\t预算表6',
    'table:\tgeneral-budget-basic-expenditure',
    'T\t本年一般公共预算基本支出表(预算表6)',
    'M\t预算单位：测试局',
    'M\t单位：万元',
    line('H', ['序号', '科目编码', '支出经济分类科目名称', '合计', '人员经费', '公用经费']),
    ...data(rows),
  ];
}

/** 支出经济分类汇总表: all expenditure (basic and project) by economic class, 合计 = 支出总表 合计. */
export const ECON_ROWS: Rows = [
  [1, null, '合计', 310, 210, 100],
  [2, "'301", '工资福利支出', 180, 180, null],
  [3, "'30101", '基本工资', 120, 120, null],
  [4, "'30108", '机关事业单位基本养老保险缴费', 30, 30, null],
  [5, "'30110", '职工基本医疗保险缴费', 10, 10, null],
  [6, "'30113", '住房公积金', 20, 20, null],
  [7, "'302", '商品和服务支出', 130, 30, 100],
  [8, "'30201", '办公费', 125, 25, 100],
  [9, "'30217", '公务接待费', 2, 2, null],
  [10, "'30231", '公务用车运行维护费', 3, 3, null],
];
export function econ(rows: Rows = ECON_ROWS, title = '支出经济分类汇总表'): string[] {
  return [
    'sheet:\t经济分类汇总',
    'table:\teconomic-classification-summary',
    `T\t${title}`,
    'M\t预算单位：测试局',
    'M\t单位：万元',
    line('H', ['序号', '科目编码', '部门预算支出经济分类科目名称', '合计', '基本支出', '项目支出']),
    ...data(rows),
  ];
}

/** A two-sided summary's lines: [income name, 编制预算, 上年结转, expenditure name, 编制预算, 上年结转]. */
export const IES_ROWS: Rows = [
  [1, '一、财政拨款收入', 270, 40, '一、一般公共服务支出', 210, 40],
  [2, '一般公共预算收入', 270, 40, '二、外交支出', null, null],
  [3, '政府性基金预算收入', null, null, '八、社会保障和就业支出', 30, null],
  [4, '二、财政专户管理资金收入', null, null, '十、卫生健康支出', 10, null],
  [5, '三、单位资金收入', null, null, '二十、住房保障支出', 20, null],
  [6, '本年收入合计', 270, 40, '本年支出合计', 270, 40],
  [7, '收入总计', 270, 40, '支出总计', 270, 40],
];
function twoSided(sheet: string, kind: string, title: string, rows: Rows): string[] {
  return [
    `sheet:\t${sheet}`,
    `table:\t${kind}`,
    `T\t${title}`,
    'M\t预算单位：测试局\t\t\t\t\t\t单位：万元',
    line('H', ['序号', '收 入', '>', '>', '支 出', '>', '>']),
    line('H', ['^', '项 目', '编制预算', '上年结转', '项 目', '编制预算', '上年结转']),
    ...data(rows),
  ];
}
export function ies(rows: Rows = IES_ROWS): string[] {
  return twoSided('预算表1', 'income-expense-summary', '收支总表(预算表1)', rows);
}

/** 财政拨款收支总表 (预算表4). */
export const FISCAL_ROWS: Rows = [
  [1, '一、本年收入', 270, 40, '一、本年支出', 270, 40],
  [2, '一般公共预算拨款', 270, 40, '一、一般公共服务支出', 210, 40],
  [3, '政府性基金预算拨款', null, null, '二、社会保障和就业支出', 30, null],
  [4, null, null, null, '三、卫生健康支出', 10, null],
  [5, null, null, null, '四、住房保障支出', 20, null],
  [6, '收入总计', 270, 40, '支出总计', 270, 40],
];
export function fiscal(rows: Rows = FISCAL_ROWS): string[] {
  return twoSided('预算表4', 'fiscal-appropriation-summary', '财政拨款收支总表(预算表4)', rows);
}

/** 收入总表 (预算表2). */
export const IS_ROWS: Rows = [
  [1, null, '合计', 310, 270, 270, null, 40, 40],
  [2, "'101", '测试局', 310, 270, 270, null, 40, 40],
];
export function incomeSummary(rows: Rows = IS_ROWS): string[] {
  return [
    'sheet:\t预算表2',
    'table:\tincome-summary',
    'T\t收入总表(预算表2)',
    'M\t预算单位：测试局',
    'M\t单位：万元',
    line('H', ['序号', '部门(单位)代码', '部门(单位)名称', '合计', '当年预算', '>', '>', '上年结转资金', '>']),
    line('H', ['^', '^', '^', '^', '小计', '一般公共预算', '事业收入', '小计', '一般公共预算结转资金']),
    ...data(rows),
  ];
}

/** "三公"经费表 as a list of items. */
export const THREE_ROWS: Rows = [
  ['合 计', 7],
  ['1、因公出国（境）费用', 0],
  ['2、公务接待费', 3],
  ['3、公务用车费', 4],
  ['其中：（1）公务用车运行维护费', 4],
  ['（2）公务用车购置', 0],
];
export function three(rows: Rows = THREE_ROWS): string[] {
  return ['sheet:\t三公经费', 'table:\tthree-public-expenses', 'T\t一般公共预算“三公”经费支出表', 'M\t部门（单位）名称：测试局', 'M\t单位：万元', line('H', ['项 目', '2024 年预算数']), ...data(rows)];
}

/** 项目支出表 (预算表9): 类别 → 一级 → 二级 rows; 合计 = 本年 + 结转. */
export const PROJECT_ROWS: Rows = [
  [1, '合计', null, null, null, 100, 60, null, 40],
  [2, "'011", null, null, null, 100, 60, null, 40],
  [3, null, '综合业务', null, null, 100, 60, null, 40],
  [4, null, null, '信息系统运维费', '测试局', 60, 60, null, null],
  [5, null, null, '办公楼维修改造', '测试局', 40, null, null, 40],
];
export function projects(rows: Rows = PROJECT_ROWS): string[] {
  return [
    'sheet:\t预算表9',
    'table:\tproject-expenditure',
    'T\t项目支出表(预算表9)',
    'M\t预算单位：测试局',
    'M\t单位：万元',
    line('H', ['序号', '类别', '项目名称', '>', '项目单位', '合计', '本年财政拨款', '>', '财政拨款结转']),
    line('H', ['^', '^', '一级项目', '二级项目', '^', '^', '一般公共预算', '政府性基金预算', '一般公共预算']),
    ...data(rows),
  ];
}

/** One 项目支出绩效目标表 block (the Jilin layout of fixtures 000/004). */
export function block(name: string, total: Cell, fiscalAmount: Cell = total, level = '二级项目'): string[] {
  return [
    'table:\tproject-performance',
    'T\t测试局2024年项目支出绩效目标表',
    line('D', ['项目名称', '>', name, '>', '>', '>']),
    line('D', ['项目级次', '>', level, '>', '>', '>']),
    line('D', ['主管部门及编码', '>', '测试局-101', '>', '>', '>']),
    line('D', ['项目资金(万元)', '年度资金总额', total, '>', '>', '>']),
    line('D', ['^', '其中：财政拨款', fiscalAmount, '>', '>', '>']),
    line('D', ['^', '其他资金', 0, '>', '>', '>']),
    line('D', ['年度绩效目标', '保障运行', '>', '>', '>', '>']),
    line('D', ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '权重']),
    line('D', ['^', '成本指标', '经济成本指标', '费用', '≤60万元', 20]),
  ];
}
export function performance(...blocks: string[][]): string[] {
  return ['sheet:\t绩效目标', ...blocks.flat()];
}

export { copy };

/** A workbook of the given tables. */
export function book(...tables: string[][]): Workbook {
  return sourceToWorkbook(parseFixtureSource(['workbook:\ttest', ...tables.flat()].join('\n'), 'test'), 'test.xlsx');
}

/** Runs the cross-table rules (or the given ones) with the built-in catalogs; the rules' own fixes, not the fix finder's. */
export function check(wb: Workbook, rules = CROSS_RULES): WorkbookReport {
  return analyzeWorkbook(wb, { catalogs: builtinCatalogs, rules, suggestFixes: false });
}

/** `rule severity sheet!cell actual→expected` of each finding, for compact assertions. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.cells[0]!.sheet}!${f.cells[0]!.address}${f.actual !== undefined ? ` ${f.actual}→${f.expected}` : ''}`);
}

export function zh(f: Finding): string {
  return render(f.message, 'zh-CN');
}
export function en(f: Finding): string {
  return render(f.message, 'en-US');
}
