// The table kinds of a department budget workbook, and how their titles name them.
import { halfWidth, squash } from '../text';

export const TABLE_KINDS = [
  'income-expense-summary',
  'income-summary',
  'expenditure-summary',
  'fiscal-appropriation-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'three-public-expenses',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'project-expenditure',
  'project-performance',
  'economic-classification-summary',
  'entrusted-fees',
  'department-performance',
  'government-procurement',
  'narrative',
] as const;

export type TableKind = (typeof TABLE_KINDS)[number];

export function isTableKind(s: string): s is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(s);
}

/** zh-CN and en-US names of each kind, for reports and the task pane. */
export const KIND_NAMES: Record<TableKind, { zh: string; en: string }> = {
  'income-expense-summary': { zh: '收支总表', en: 'Income and expenditure summary' },
  'income-summary': { zh: '收入总表', en: 'Income summary' },
  'expenditure-summary': { zh: '支出总表', en: 'Expenditure summary' },
  'fiscal-appropriation-summary': { zh: '财政拨款收支总表', en: 'Fiscal appropriation summary' },
  'general-budget-expenditure': { zh: '一般公共预算支出表', en: 'General public budget expenditure' },
  'general-budget-basic-expenditure': { zh: '一般公共预算基本支出表', en: 'General public budget basic expenditure' },
  'three-public-expenses': { zh: '“三公”经费支出表', en: '"Three public" expenses' },
  'government-fund-expenditure': { zh: '政府性基金预算支出表', en: 'Government fund expenditure' },
  'state-capital-expenditure': { zh: '国有资本经营预算支出表', en: 'State capital operation expenditure' },
  'project-expenditure': { zh: '项目支出表', en: 'Project expenditure' },
  'project-performance': { zh: '项目支出绩效目标表', en: 'Project performance targets' },
  'economic-classification-summary': { zh: '支出经济分类汇总表', en: 'Economic classification summary' },
  'entrusted-fees': { zh: '财政拨款委托业务费支出预算表', en: 'Entrusted business fees' },
  'department-performance': { zh: '部门（单位）整体绩效目标表', en: 'Department performance targets' },
  'government-procurement': { zh: '政府采购预算表', en: 'Government procurement' },
  narrative: { zh: '情况说明', en: 'Narrative' },
};

/**
 * Title patterns, most specific first: the first whose every part occurs in the squashed title wins.
 * Each entry lists alternatives; an alternative is a list of substrings that must all occur.
 */
const TITLE_PATTERNS: ReadonlyArray<[TableKind, ReadonlyArray<ReadonlyArray<string>>]> = [
  ['three-public-expenses', [['三公']]],
  ['general-budget-basic-expenditure', [['一般公共预算', '基本支出']]],
  ['entrusted-fees', [['委托业务费']]],
  // 政府性基金预算财政拨款收入支出决算表 is the fund's table, not the fiscal summary.
  ['government-fund-expenditure', [['政府性基金', '支出']]],
  ['state-capital-expenditure', [['国有资本经营', '支出']]],
  // 一般公共预算财政拨款收入支出决算表 (the national 决算 template's table 5) lists the general budget's spending by subject,
  // with its carry-overs: not the fiscal summary.
  ['general-budget-expenditure', [['一般公共预算', '收入支出决算']]],
  ['fiscal-appropriation-summary', [['财政拨款', '收支'], ['财政拨款', '收入支出']]],
  ['general-budget-expenditure', [['一般公共预算', '支出']]],
  ['department-performance', [['整体绩效'], ['整体支出绩效'], ['部门绩效目标'], ['单位绩效目标']]],
  ['project-performance', [['项目', '绩效']]],
  // After the performance tables: a unit named …（州政府采购中心） heads its own performance table.
  ['government-procurement', [['政府采购预算'], ['政府采购', '明细表'], ['政府采购', '情况表']]],
  ['project-expenditure', [['项目支出表'], ['项目支出预算表'], ['项目支出情况表']]],
  ['economic-classification-summary', [['经济分类汇总'], ['经济分类', '汇总表']]],
  ['income-expense-summary', [['收支总表'], ['收支总体情况'], ['收支预算总表'], ['收支预算总体'], ['收入支出决算总表'], ['收入支出', '总表']]],
  ['income-summary', [['收入总表'], ['收入总体情况'], ['收入预算总表'], ['部门收入预算表'], ['单位收入预算表'], ['收入决算表'], ['收入决算总表']]],
  ['expenditure-summary', [['支出总表'], ['支出总体情况'], ['支出预算总表'], ['部门支出预算表'], ['单位支出预算表'], ['支出决算表'], ['支出决算总表']]],
  ['narrative', [['情况说明']]],
];

/**
 * Titles that name no kind although their words would match one: the layout varies (一般公共预算财政拨款项目支出决算表 lists
 * economic subjects in some provinces, functional ones in others), and checked as a general budget table it would get
 * false findings. Left unrecognized, they are reported as content not read as a table.
 */
const UNKNOWN_LAYOUTS: ReadonlyArray<ReadonlyArray<string>> = [['一般公共预算', '项目支出决算']];

/** Whether a title names final accounts (部门决算: 收入支出决算总表 …) rather than a budget. */
export function isFinalAccounts(title: string): boolean {
  return /决算/.test(squash(title));
}

/** The kind a table title names, or undefined. Titles are short labels, not sentences. */
export function kindFromTitle(title: string): TableKind | undefined {
  const t = halfWidth(squash(title));
  if (t.length < 3 || t.length > 60 || /[。；;]/.test(t)) return undefined;
  if (!/(表|情况说明)(\(.*\))?(续.*)?$/.test(t.replace(/\(预算表\d+\)$/, '表'))) return undefined;
  if (UNKNOWN_LAYOUTS.some((parts) => parts.every((p) => t.includes(p)))) return undefined;
  for (const [kind, alternatives] of TITLE_PATTERNS) {
    if (alternatives.some((parts) => parts.every((p) => t.includes(p)))) return kind;
  }
  return undefined;
}
