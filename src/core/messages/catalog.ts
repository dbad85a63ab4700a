// Every message a finding or fix can carry, in zh-CN and en-US, with {{placeholders}}.

import { CATALOG_CHECK_MESSAGES } from './catalog-checks';
import { CROSS_CHECK_MESSAGES } from './cross-checks';
import { META_CHECK_MESSAGES } from './meta-checks';
import type { Lang, MessageTable } from './lang';

export type { Lang, MessageTable } from './lang';

export const MESSAGES: MessageTable = {
  ...CATALOG_CHECK_MESSAGES,
  ...CROSS_CHECK_MESSAGES,
  ...META_CHECK_MESSAGES,
  'subtotal.mismatch': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其下级科目之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but its sub-items add up to {{expected}} (difference {{difference}}).',
  },
  'subtotal.mismatch.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其下级科目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, its sub-items add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'subtotal.projects': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其下各项目之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but its projects add up to {{expected}} (difference {{difference}}).',
  },
  'subtotal.projects.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其下各项目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项）。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, its projects add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.mismatch': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各类科目之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, but the top-level subjects add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.mismatch.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各类科目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, the top-level subjects add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.personnel': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，工资福利支出与对个人和家庭的补助之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, but wages and transfers to households add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.personnel.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，工资福利支出与对个人和家庭的补助之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, wages and transfers to households add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.public': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，人员经费以外各类科目（商品和服务支出、资本性支出等）之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, but the subjects other than personnel costs (goods and services, capital …) add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.public.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，人员经费以外各类科目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, the subjects other than personnel costs add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.units': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各单位之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, but the units add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.units.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各单位之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, the units add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.unit': {
    'zh-CN': '单位“{{row}}”的“{{column}}”为 {{actual}}，其下各科目之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of unit "{{row}}" is {{actual}}, but its subjects add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.unit.rounding': {
    'zh-CN': '单位“{{row}}”的“{{column}}”为 {{actual}}，其下各科目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of unit "{{row}}" is {{actual}}, its subjects add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'unit-sum.mismatch': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，所属各单位之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but its units add up to {{expected}} (difference {{difference}}).',
  },
  'unit-sum.mismatch.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，所属各单位之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项）。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, its units add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'row-sum.mismatch': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，而 {{parts}} = {{expected}}，相差 {{difference}}。',
    'en-US': 'Row "{{row}}": {{column}} is {{actual}}, but {{parts}} = {{expected}} (difference {{difference}}).',
  },
  'row-sum.mismatch.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，而 {{parts}} = {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': 'Row "{{row}}": {{column}} is {{actual}}, {{parts}} = {{expected}} (difference {{difference}}, within rounding).',
  },
  'row-percent.mismatch': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，而按 {{current}} 与 {{prior}} 计算应为 {{expected}}。',
    'en-US': 'Row "{{row}}": {{column}} is {{actual}}, but from {{current}} and {{prior}} it is {{expected}}.',
  },
  'row-percent.fix-reason': {
    'zh-CN': '按本年数与上年数重算百分比；若是其中一个金额有误，应改那个金额。',
    'en-US': 'Recomputes the percentage from this year and last year; if one of the amounts is wrong, correct that amount instead.',
  },
  'row-balance.mismatch': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，而 {{parts}} = {{expected}}，相差 {{difference}}：结转结余不平衡。',
    'en-US': 'Row "{{row}}": {{column}} is {{actual}}, but {{parts}} = {{expected}} (difference {{difference}}): the carry-over does not balance.',
  },
  'row-balance.mismatch.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，而 {{parts}} = {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': 'Row "{{row}}": {{column}} is {{actual}}, {{parts}} = {{expected}} (difference {{difference}}, within rounding).',
  },
  'row-balance.fix-reason': {
    'zh-CN': '按年初结转结余、本年收入与本年支出重算年末结转结余；若是其中某一项有误，应改那一项。',
    'en-US': 'Recomputes the closing carry-over from the opening one, income and spending; if one of those is wrong, correct it instead.',
  },
  'of-which.exceeds': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，大于它所属的“{{whole}}”{{expected}}，多 {{difference}}：“其中”数只是其中的一部分，不能超过合计。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, more than the {{whole}} it is part of ({{expected}}, by {{difference}}): an "of which" amount cannot exceed its whole.',
  },
  'of-which.negative': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，是负数：“其中”数是“{{whole}}”的一部分，应在 0 与 {{expected}} 之间。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, a negative amount: as part of {{whole}} it lies between 0 and {{expected}}.',
  },
  'of-which.fix-reason': {
    'zh-CN': '这是它最多能是的数，不一定是它应是的数；若是合计有误，应改合计。',
    'en-US': 'The most it can be, not necessarily what it is; if the whole is what is wrong, correct that instead.',
  },
  'value.blank': {
    'zh-CN': '空白',
    'en-US': 'blank',
  },
  'list-total.item': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其明细（{{items}}）之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but its items ({{items}}) add up to {{expected}} (difference {{difference}}).',
  },
  'list-total.item.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其明细之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, its items add up to {{expected}} (difference {{difference}}, within rounding).',
  },
  'list-total.year': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，各项（{{items}}）之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but the items ({{items}}) add up to {{expected}} (difference {{difference}}).',
  },
  'list-total.year.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，各项之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, the items add up to {{expected}} (difference {{difference}}, within rounding).',
  },
  'list-total.grand': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，本年合计与结转（{{items}}）之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but the year total and carry-overs ({{items}}) add up to {{expected}} (difference {{difference}}).',
  },
  'list-total.grand.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，本年合计与结转之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, the year total and carry-overs add up to {{expected}} (difference {{difference}}, within rounding).',
  },
  'list-total.balance': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，而“{{other}}”为 {{expected}}，收支不平衡，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but "{{other}}" is {{expected}}: income and expenditure do not balance (difference {{difference}}).',
  },
  'list-total.balance.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，而“{{other}}”为 {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, "{{other}}" is {{expected}} (difference {{difference}}, within rounding).',
  },
  'fix.reason.balance': {
    'zh-CN': '收入总计与支出总计必须相等；哪一方有误需结合其明细判断。',
    'en-US': 'Total income must equal total expenditure; which side is wrong depends on their items.',
  },
  'skip.no-table': {
    'zh-CN': '工作簿中没有本规则所核对的表（{{tables}}）',
    'en-US': 'the workbook has none of the tables this rule checks ({{tables}})',
  },
  'skip.nothing-to-compare': {
    'zh-CN': '相关的表中没有找到可比较的行或列（或都是空白）',
    'en-US': 'no rows or columns to compare were found in the tables concerned (or they are blank)',
  },
  'skip.subtotal': {
    'zh-CN': '表中只列末级科目（或项目），没有上下级科目行可以比较',
    'en-US': 'the tables list only leaf subjects (or projects): no parent rows to compare',
  },
  'skip.unit-sum': {
    'zh-CN': '收入总表没有按单位分行列示，无单位汇总可核',
    'en-US': 'the income summary lists no units: no unit subtotals to check',
  },
  'skip.total-row': {
    'zh-CN': '表中没有合计行，或合计行与各类科目都为空白',
    'en-US': 'the tables print no total row, or it and the top-level rows are blank',
  },
  'skip.row-sum': {
    'zh-CN': '表头没有“合计 = 各组成部分”的列（或这些列都是空白）',
    'en-US': 'no header states a total column and its parts (or those columns are blank)',
  },
  'skip.list-total': {
    'zh-CN': '收支总表中没有找到本年合计、总计等合计行',
    'en-US': 'no year-total or grand-total lines were found in the summaries',
  },
  'skip.cross-three-public': {
    'zh-CN': '“三公”经费表或基本支出表中没有找到公务接待费、公务用车运行维护费（30217、30231）',
    'en-US': 'no reception or vehicle-operation figures (30217, 30231) were found in the "three public" or the basic expenditure table',
  },
  'skip.cross-economic-summary': {
    'zh-CN': '没有支出经济分类汇总表，或它没有合计行',
    'en-US': 'no economic classification summary, or it has no total row',
  },
  'skip.cell-sum-formula': {
    'zh-CN': '合计单元格中没有求和公式',
    'en-US': 'no total cell holds a SUM formula',
  },
  'skip.meta-sequence': {
    'zh-CN': '表中没有序号列',
    'en-US': 'no table has a 序号 column',
  },
  'skip.catalog-economic-mapping': {
    'zh-CN': '没有同时列出部门预算与政府预算经济分类科目的表',
    'en-US': 'no table lists department and government economic codes side by side',
  },
  'skip.narrative-performance': {
    'zh-CN': '情况说明中没有说到有绩效目标的项目个数与金额',
    'en-US': 'the narrative does not state how many projects have performance targets, nor their amount',
  },
  'skip.row-percent': {
    'zh-CN': '表中没有增减（%）列，或找不到与之对应的本年、上年数',
    'en-US': 'no change (%) column, or no this-year and last-year columns to go with it',
  },
  'skip.row-balance': {
    'zh-CN': '表中没有年初结转和结余、本年收入、本年支出、年末结转和结余四列',
    'en-US': 'no table has the opening carry-over, income, spending and closing carry-over columns',
  },
  'skip.cross-fund-balance': {
    'zh-CN': '只在部门决算中比较：没有决算的财政拨款收入支出决算总表，或没有各资金的收入支出决算表',
    'en-US': 'compared in final accounts only: no final fiscal summary, or no fund table of the final accounts',
  },
  'skip.missing-tables': {
    'zh-CN': '没有{{tables}}，无从比较',
    'en-US': 'no {{tables}} to compare with',
  },
  'skip.crashed': {
    'zh-CN': '核对时出错：{{error}}',
    'en-US': 'the check failed: {{error}}',
  },
  'skip.meta-department.few': {
    'zh-CN': '只有 {{n}} 张表写明了预算单位，无从比较',
    'en-US': 'only {{n}} table(s) name the budget unit: nothing to compare',
  },
  'skip.meta-performance-code.few': {
    'zh-CN': '只有 {{n}} 个绩效目标表写明了主管部门编码，少于 3 个，无从判断多数',
    'en-US': 'only {{n}} performance blocks state the department code (fewer than 3): no majority to compare with',
  },
  'fix.set-value': {
    'zh-CN': '将 {{address}} 改为 {{after}}',
    'en-US': 'Set {{address}} to {{after}}',
  },
  'fix.set-values': {
    'zh-CN': '改 {{changesZh}}，并随之调整其上 {{n}} 个合计（共 {{total}} 个单元格）',
    'en-US': 'Change {{changesEn}} and the {{n}} totals above ({{total}} cells)',
  },
  'fix.reason.explains-all': {
    'zh-CN': '改动这一个单元格即可同时消除 {{n}} 处不一致，且不破坏其他勾稽关系。',
    'en-US': 'Changing this one cell removes {{n}} inconsistencies at once without breaking any other identity.',
  },
  'fix.reason.only-cell': {
    'zh-CN': '涉及的单元格中，只有改动这一个不会破坏其他成立的勾稽关系。',
    'en-US': 'Of the cells involved, only this one can change without breaking an identity that holds.',
  },
  'fix.reason.balanced': {
    'zh-CN': '有 {{n}} 个单元格都能解释这一差异，现有证据不足以判断哪个有误，请核对原始数据后选择。',
    'en-US': '{{n}} cells could each explain this difference and the evidence does not single one out: check the source and choose.',
  },
  'fix.reason.backed': {
    'zh-CN': '有 {{n}} 个单元格都能消除这一差异，只有改这一个同时使它与另一张表的对应数相符。',
    'en-US': '{{n}} cells could each remove this difference; only this one also makes it agree with its counterpart in another table.',
  },
  'fix.reason.unbacked': {
    'zh-CN': '改动此单元格也能消除这一差异，但另一个单元格的改动同时与另一张表的对应数相符，可能性更大。',
    'en-US': 'Changing this cell also removes the difference, but another cell\'s change also agrees with its counterpart in another table: that one is likelier.',
  },
  'fix.reason.spread-backed': {
    'zh-CN': '这 {{n}} 行与各自对应表的差额之和正好等于合计的差额：改这几行，并随之调整其上各级合计，所有核对都相符。',
    'en-US': 'The differences of these {{n}} rows against their counterparts add up to exactly the total\'s difference: corrected there, with the totals above them, every check holds.',
  },
  'fix.reason.spread-explains': {
    'zh-CN': '改这一行并随之调整其上各级合计，可同时消除 {{n}} 处表间不一致，且没有同样好的其他解释。',
    'en-US': 'Changing this row, with the totals above it, settles {{n}} disagreements between tables at once, and nothing else explains them as well.',
  },
  'fix.reason.spread': {
    'zh-CN': '改这里并随之调整其上各级合计可使核对相符，但没有其他证据指向这里，请核对。',
    'en-US': 'Changing this, with the totals above it, makes the checks hold, but nothing else points here: check it.',
  },
  'fix.reason.blank': {
    'zh-CN': '该单元格空白，而其各项已填：应补上合计（另一种办法是把已填的数清零，可能性小得多）。',
    'en-US': 'The cell is blank while its parts are filled: the total is missing (the only other way is to wipe out a typed figure, far less likely).',
  },
  'fix.reason.erase': {
    'zh-CN': '要把已填的数清零才能相符，可能性小：多半是另一处空白漏填了。',
    'en-US': 'Only by wiping out a typed figure: unlikely, a blank elsewhere was most likely left unfilled.',
  },
  'fix.reason.weaker': {
    'zh-CN': '改动此单元格也能消除这一差异，但只能解释 {{n}} 处不一致，可能性较小。',
    'en-US': 'Changing this cell also removes the difference but explains only {{n}} inconsistency, so it is less likely.',
  },
  'fix.typo.swap': { 'zh-CN': '疑似两位数字颠倒（{{after}} 录成 {{before}}）。', 'en-US': 'Looks like two digits swapped ({{after}} typed as {{before}}).' },
  'fix.typo.digit': { 'zh-CN': '疑似一位数字录错（{{after}} 录成 {{before}}）。', 'en-US': 'Looks like one digit mistyped ({{after}} typed as {{before}}).' },
  'fix.typo.shift': { 'zh-CN': '疑似小数点错位（{{after}} 录成 {{before}}）。', 'en-US': 'Looks like a shifted decimal point ({{after}} typed as {{before}}).' },
  'fix.typo.sign': { 'zh-CN': '疑似正负号录反（{{after}} 录成 {{before}}）。', 'en-US': 'Looks like a sign error ({{after}} typed as {{before}}).' },
  'fix.typo.unit': { 'zh-CN': '疑似按“元”而非“万元”录入（{{after}} 录成 {{before}}）。', 'en-US': 'Looks like yuan entered where 万元 was meant ({{after}} typed as {{before}}).' },
  'fix.typo.blank': { 'zh-CN': '该单元格为空白，应填 {{after}}。', 'en-US': 'The cell is blank; it should hold {{after}}.' },
  'fix.caution.percentage': {
    'zh-CN': '这是百分比列：可能是旁边的金额有误，不作为可靠修改自动应用。',
    'en-US': 'A percentage column: an amount beside it may be what is wrong, so this is never applied as a safe fix.',
  },
  'fix.caution.prior': {
    'zh-CN': '这是上年数列：上年数应与上年的表一致，不作为可靠修改自动应用。',
    'en-US': 'A last-year column: it should agree with last year\'s tables, so this is never applied as a safe fix.',
  },
  'fix.caution.other-measure': {
    'zh-CN': '这一列不是本表的本年数（如决算表中的预算数）：不作为可靠修改自动应用。',
    'en-US': 'This column is not the table\'s own figures for the year (such as the budget in final accounts): never applied as a safe fix.',
  },
  'fix.caution.unknown-column': {
    'zh-CN': '这一列没有表头，含义不明：不作为可靠修改自动应用。',
    'en-US': 'This column has no header and its meaning is unknown: never applied as a safe fix.',
  },
  'fix.make-live': {
    'zh-CN': '将 {{address}} 改为公式 ={{formula}}',
    'en-US': 'Make {{address}} the formula ={{formula}}',
  },
  'fix.reason.make-live': {
    'zh-CN': '用求和公式代替手填的合计，以后下级数变动时合计随之更新。',
    'en-US': 'A SUM formula instead of a typed-in total keeps it right when the items change.',
  },
  'fix.reason.parent-from-children': {
    'zh-CN': '按下级明细重算合计；若是某个下级数有误，应改该下级数。',
    'en-US': 'Recomputes the total from its items; if one of the items is wrong, correct that item instead.',
  },
  'fix.reason.total-from-parts': {
    'zh-CN': '按本行各组成部分重算合计；若是某个组成部分有误，应改该部分。',
    'en-US': 'Recomputes the total from the parts of this row; if a part is wrong, correct that part instead.',
  },
};

/**
 * Renders a message in a language; unknown ids render as the id, missing data as the placeholder.
 * A data value `@id` naming a message is itself rendered (words such as 空白 / blank).
 */
export function render(message: { id: string; data: Readonly<Record<string, string>> }, lang: Lang): string {
  const template = MESSAGES[message.id]?.[lang] ?? message.id;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const v = message.data[key];
    if (v === undefined) return whole;
    // `@a|@b`: a list of message words (table kinds), joined as the language joins a list.
    if (v.startsWith('@') && v.includes('|@')) return v.split('|').map((x) => (MESSAGES[x.slice(1)] ? render({ id: x.slice(1), data: {} }, lang) : x)).join(lang === 'zh-CN' ? '、' : ', ');
    return v.startsWith('@') && MESSAGES[v.slice(1)] ? render({ id: v.slice(1), data: {} }, lang) : v;
  });
}
