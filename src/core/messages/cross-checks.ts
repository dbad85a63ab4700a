// Messages of the cross-table rules (rules/cross-*.ts). Every message names both tables and their sheets;
// the first named is the table whose cell is marked (the more detailed one when we cannot tell which is wrong).
import { KIND_NAMES, TABLE_KINDS } from '../recognize/kinds';
import type { MessageTable } from './lang';

type Text = { zh: string; en: string };

/** Table kind names, for data values `@cross.kind.<kind>`. */
const KINDS: MessageTable = Object.fromEntries(TABLE_KINDS.map((k) => [`cross.kind.${k}`, { 'zh-CN': KIND_NAMES[k].zh, 'en-US': KIND_NAMES[k].en }]));

/**
 * An equality between two tables: `id` for a real difference (the sentence, then why it must hold and which
 * cell is marked) and `id.rounding` for a difference within rounding.
 */
function equality(id: string, stated: Text, why: Text): MessageTable {
  return {
    [id]: {
      'zh-CN': `${stated.zh}，相差 {{difference}}。${why.zh}`,
      'en-US': `${stated.en} (difference {{difference}}). ${why.en}`,
    },
    [`${id}.rounding`]: {
      'zh-CN': `${stated.zh}，相差 {{difference}}，属于四舍五入误差。`,
      'en-US': `${stated.en} (difference {{difference}}, within rounding).`,
    },
  };
}

const TOTALS: Text = {
  zh: '{{table}}（{{sheet}}）“{{row}}”行的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）“{{otherRow}}”（{{otherColumns}}）为 {{expected}}',
  en: '{{table}} ({{sheet}}): {{column}} of the "{{row}}" row is {{actual}}, but "{{otherRow}}" in the {{other}} ({{otherSheet}}; {{otherColumns}}) is {{expected}}',
};

export const CROSS_CHECK_MESSAGES: MessageTable = {
  ...KINDS,
  'cross.rows.top': { 'zh-CN': '各类科目之和', 'en-US': 'the sum of its top-level rows' },
  'cross.fix.reason.other-table': {
    'zh-CN': '按另一张表的数改本单元格；两表哪一张有误需结合各自明细判断，若是另一张表有误，应改那一张。',
    'en-US': "Copies the other table's amount into this cell; which table is wrong depends on their details — if it is the other one, correct that table instead.",
  },

  // cross-expenditure-total
  ...equality('cross-expenditure-total.mismatch', TOTALS, {
    zh: '两表的支出总额应相等；标出的是按科目列示、更详细的{{table}}，也可能是{{other}}有误。',
    en: 'Total expenditure must be the same in both; the more detailed {{table}} is marked, but the {{other}} may be the wrong one.',
  }),

  // final-vs-budget
  'final-vs-budget.exceeds': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，超过“{{budget}}”{{expected}}，多 {{difference}}：决算数超过预算数的，应在情况说明中解释原因。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, more than {{budget}} {{expected}} by {{difference}}: spending beyond the budget should be explained in the narrative.',
  },

  // cross-income-by-code
  ...equality(
    'cross-income-by-code.mismatch',
    {
      zh: '{{table}}（{{sheet}}）中“{{row}}”的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）中同一科目“{{otherRow}}”的合计为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, but the same subject "{{otherRow}}" in the {{other}} ({{otherSheet}}) totals {{expected}}',
    },
    {
      zh: '收支平衡、没有结转下年时，每个科目的收入应等于其支出；两表哪一张有误需结合明细判断。',
      en: 'With income equal to expenditure and nothing carried to next year, each subject receives what it spends; which table is wrong depends on their details.',
    },
  ),
  'cross-income-by-code.missing': {
    'zh-CN': '{{table}}（{{sheet}}）中“{{row}}”有收入 {{actual}}，而{{other}}（{{otherSheet}}）中没有这一科目的支出。',
    'en-US': '{{table}} ({{sheet}}) shows income of {{actual}} for "{{row}}", but the {{other}} ({{otherSheet}}) has no expenditure under that subject.',
  },

  // cross-fund-balance
  ...equality(
    'cross-fund-balance.mismatch',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”行的{{what}}为 {{actual}}，而{{other}}（{{otherSheet}}）中{{fund}}的“{{otherRow}}”为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{what}} on the "{{row}}" row is {{actual}}, but "{{otherRow}}" of {{fund}} in the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '各资金的决算表与财政拨款收入支出决算总表中该资金的数应相等；标出的是按科目列示、更详细的{{table}}，也可能是{{other}}有误。',
      en: "Each fund's table and that fund's figures in the fiscal summary must agree; the more detailed {{table}} is marked, but the {{other}} may be the wrong one.",
    },
  ),
  'cross-fund-balance.what.opening': { 'zh-CN': '年初结转和结余', 'en-US': 'the opening carry-over' },
  'cross-fund-balance.what.income': { 'zh-CN': '本年收入', 'en-US': 'income of the year' },
  'cross-fund-balance.what.spending': { 'zh-CN': '本年支出', 'en-US': 'spending of the year' },
  'cross-fund-balance.what.closing': { 'zh-CN': '年末结转和结余', 'en-US': 'the closing carry-over' },
  'cross-fund-balance.fund.general': { 'zh-CN': '一般公共预算财政拨款', 'en-US': 'the general public budget' },
  'cross-fund-balance.fund.fund': { 'zh-CN': '政府性基金预算财政拨款', 'en-US': 'the government funds' },
  'cross-fund-balance.fund.capital': { 'zh-CN': '国有资本经营预算财政拨款', 'en-US': 'the state capital budget' },

  // cross-income-total
  ...equality('cross-income-total.mismatch', TOTALS, {
    zh: '两表的收入总额应相等；标出的是按单位和资金来源列示、更详细的{{table}}，也可能是{{other}}有误。',
    en: 'Total income must be the same in both; the more detailed {{table}} (by unit and source) is marked, but the {{other}} may be the wrong one.',
  }),

  // cross-project-total
  ...equality(
    'cross-project-total.mismatch',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”行的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）“{{otherRow}}”行的项目支出为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of the "{{row}}" row is {{actual}}, but project expenditure on the "{{otherRow}}" row of the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '各项目之和应等于支出总表的项目支出；标出的是逐个列示项目的{{table}}（可能漏列或多列了项目），也可能是{{other}}有误。',
      en: 'The projects must add up to the project expenditure of the expenditure summary; the {{table}}, which lists each project, is marked (a project may be missing or extra), but the {{other}} may be the wrong one.',
    },
  ),

  // cross-economic-summary
  ...equality(
    'cross-economic-summary.mismatch',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”行的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）“{{otherRow}}”行的合计为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of the "{{row}}" row is {{actual}}, but the total on the "{{otherRow}}" row of the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '同一笔支出按经济分类汇总与按功能分类汇总应相等；标出的是{{table}}，也可能是{{other}}有误。',
      en: 'The same expenditure summed by economic and by functional class must agree; the {{table}} is marked, but the {{other}} may be the wrong one.',
    },
  ),

  // cross-basic-vs-general-budget
  ...equality(
    'cross-basic-vs-general-budget.mismatch',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”行的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）“{{otherRow}}”的“{{otherColumns}}”为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of the "{{row}}" row is {{actual}}, but {{otherColumns}} of "{{otherRow}}" in the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '同一笔一般公共预算基本支出按经济分类与按功能分类应相等；标出的是按经济科目列示、更详细的{{table}}，也可能是{{other}}有误（例如某项在一张表中列为基本支出、在另一张表中列为项目支出）。',
      en: 'The same general budget basic expenditure, by economic and by functional subject, must be equal; the more detailed {{table}} is marked, but the {{other}} may be the wrong one (an amount booked as basic in one table and as project in the other, for instance).',
    },
  ),

  // cross-expenditure-by-class
  ...equality(
    'cross-expenditure-by-class.mismatch',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）对应的“{{otherRow}}”（{{otherColumns}}）为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, but the matching "{{otherRow}}" in the {{other}} ({{otherSheet}}; {{otherColumns}}) is {{expected}}',
    },
    {
      zh: '同一类支出在两表中应相等；标出的是{{table}}中的数，也可能是{{other}}有误。{{note}}',
      en: 'The same class must show the same expenditure in both tables; the cell in the {{table}} is marked, but the {{other}} may be the wrong one.{{note}}',
    },
  ),
  'cross-expenditure-by-class.blank': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）对应的“{{otherRow}}”为空白：同一类支出在两表中应相等。{{note}}',
    'en-US': '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, but the matching "{{otherRow}}" in the {{other}} ({{otherSheet}}) is blank; the same class must show the same expenditure in both tables.{{note}}',
  },
  'cross-expenditure-by-class.missing-line': {
    'zh-CN': '{{table}}（{{sheet}}）列有“{{row}}”{{actual}}，而{{other}}（{{otherSheet}}）的支出项目中找不到 {{code}} 这一类：收支总表应列出每一类有支出的科目。',
    'en-US': '{{table}} ({{sheet}}) shows "{{row}}" with {{actual}}, but the expenditure side of the {{other}} ({{otherSheet}}) has no line for class {{code}}; every class with expenditure should be listed there.',
  },
  'cross-expenditure-by-class.missing-class': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”为 {{actual}}，而{{other}}（{{otherSheet}}）没有 {{code}} 类的科目：收支总表的每一类支出都应在支出总表中列示。{{note}}',
    'en-US': '{{table}} ({{sheet}}): "{{row}}" is {{actual}}, but the {{other}} ({{otherSheet}}) has no subject of class {{code}}; every class of the summary must appear in the expenditure summary.{{note}}',
  },
  'cross-expenditure-by-class.note.position': {
    'zh-CN': '（收支总表此行的名称不是科目名称，按它在列表中的位置对应到该类。）',
    'en-US': ' (The line is not named like a subject; it was matched to the class by its position in the list.)',
  },

  // cross-fiscal-vs-summary
  ...equality(
    'cross-fiscal-vs-summary.mismatch',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）“{{otherRow}}”（{{otherColumns}}）为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, but "{{otherRow}}" in the {{other}} ({{otherSheet}}; {{otherColumns}}) is {{expected}}',
    },
    {
      zh: '{{basis}}标出的是{{table}}中的数，也可能是{{other}}有误。',
      en: '{{basis}} The cell in the {{table}} is marked, but the {{other}} may be the wrong one.',
    },
  ),
  'cross-fiscal-vs-summary.exceeds': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，大于{{other}}（{{otherSheet}}）“{{otherRow}}”（{{otherColumns}}）的 {{expected}}，多 {{difference}}。财政拨款只是全部资金的一部分，不应大于收支总表的数。{{basis}}',
    'en-US': '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, more than "{{otherRow}}" in the {{other}} ({{otherSheet}}; {{otherColumns}}), {{expected}}, by {{difference}}. Fiscal appropriations are part of all the money and cannot exceed the summary. {{basis}}',
  },
  'cross-fiscal-vs-summary.exceeds.rounding': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，比{{other}}（{{otherSheet}}）“{{otherRow}}”的 {{expected}} 多 {{difference}}，属于四舍五入误差。',
    'en-US': '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, {{difference}} more than "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}: within rounding.',
  },
  'cross-fiscal-vs-summary.basis.only-fiscal': {
    'zh-CN': '收支总表的收入只有财政拨款，两表应一致。',
    'en-US': 'The income side of the income and expenditure summary shows fiscal appropriations only, so the two tables must agree.',
  },
  'cross-fiscal-vs-summary.basis.only-fiscal-income': {
    'zh-CN': '收入总表只列有财政拨款收入，两表应一致。',
    'en-US': 'The income summary shows fiscal appropriations only, so the two tables must agree.',
  },
  'cross-fiscal-vs-summary.basis.other-money': {
    'zh-CN': '（部门另有非财政拨款资金。）',
    'en-US': '(The department also has money other than fiscal appropriations.)',
  },
  'cross-fiscal-vs-summary.basis.unknown': {
    'zh-CN': '（无法从收支总表判断部门是否只有财政拨款资金，故只检查不大于。）',
    'en-US': '(The summary does not tell whether all the money is fiscal, so only "not more than" is checked.)',
  },

  // cross-general-budget-vs-summary
  ...equality(
    'cross-general-budget-vs-summary.mismatch',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）同一科目“{{otherRow}}”为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, but the same subject "{{otherRow}}" in the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '{{basis}}标出的是{{table}}中的数（它把基本支出再分为人员经费和公用经费），也可能是{{other}}有误。',
      en: '{{basis}} The cell in the {{table}} is marked (it also splits basic expenditure into personnel and public funds), but the {{other}} may be the wrong one.',
    },
  ),
  'cross-general-budget-vs-summary.exceeds': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，大于{{other}}（{{otherSheet}}）同一科目“{{otherRow}}”的 {{expected}}，多 {{difference}}：一般公共预算支出只是全部支出的一部分，不应更大。{{basis}}',
    'en-US': '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, more than the same subject "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}, by {{difference}}; general budget expenditure is part of all expenditure and cannot be larger. {{basis}}',
  },
  'cross-general-budget-vs-summary.exceeds.rounding': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，比{{other}}（{{otherSheet}}）同一科目的 {{expected}} 多 {{difference}}，属于四舍五入误差。',
    'en-US': '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, {{difference}} more than the same subject in the {{other}} ({{otherSheet}}), {{expected}}: within rounding.',
  },
  'cross-general-budget-vs-summary.code-differs': {
    'zh-CN': '{{table}}（{{sheet}}）中“{{row}}”（{{actual}}）与{{other}}（{{otherSheet}}）中的“{{otherRow}}”应是同一行，而编码一为 {{code}}、一为 {{otherCode}}：两表中只有一张编码正确，请按目录核对后统一。',
    'en-US': '"{{row}}" ({{actual}}) in the {{table}} ({{sheet}}) and "{{otherRow}}" in the {{other}} ({{otherSheet}}) are the same row coded {{code}} and {{otherCode}}: only one of the tables codes it right; check the catalog and make them agree.',
  },
  'cross-general-budget-vs-summary.missing-in-summary': {
    'zh-CN': '{{table}}（{{sheet}}）列有“{{row}}”{{actual}}，而{{other}}（{{otherSheet}}）没有这一科目：支出总表包含全部支出，一般公共预算支出的每个科目都应在其中。',
    'en-US': '{{table}} ({{sheet}}) shows "{{row}}" with {{actual}}, but the {{other}} ({{otherSheet}}) has no such subject; the expenditure summary covers all expenditure, so every general budget subject must appear in it.',
  },
  'cross-general-budget-vs-summary.missing-in-general': {
    'zh-CN': '{{table}}（{{sheet}}）列有“{{row}}”{{actual}}，而{{other}}（{{otherSheet}}）没有这一科目。{{basis}}',
    'en-US': '{{table}} ({{sheet}}) shows "{{row}}" with {{actual}}, but the {{other}} ({{otherSheet}}) has no such subject. {{basis}}',
  },
  'cross-general-budget-vs-summary.basis.only-general': {
    'zh-CN': '部门的资金全部是一般公共预算资金，两表应逐行一致。',
    'en-US': 'All the money of the department is general budget money, so the two tables must agree row by row.',
  },
  'cross-general-budget-vs-summary.basis.other-money': {
    'zh-CN': '（部门另有一般公共预算以外的资金。）',
    'en-US': '(The department also has money other than the general budget.)',
  },
  'cross-general-budget-vs-summary.basis.unknown': {
    'zh-CN': '（无法判断部门是否只有一般公共预算资金，故只检查不大于。）',
    'en-US': '(Whether all the money is general budget money is not known, so only "not more than" is checked.)',
  },

  // cross-economic-functional
  ...equality(
    'cross-economic-functional.equal',
    {
      zh: '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，而{{other}}（{{otherSheet}}）“{{otherRow}}”的基本支出为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, but basic expenditure of "{{otherRow}}" in the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '这两者通常相等，但并非必然（{{certainty}}）：请核对是否有一方列错了科目，或一部分列在了项目支出。',
      en: 'The two are usually equal, though not necessarily ({{certainty}}): check whether one of them is booked under another subject, or partly as project expenditure.',
    },
  ),
  'cross-economic-functional.at-most': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，大于{{other}}（{{otherSheet}}）“{{otherRow}}”的基本支出 {{expected}}，多 {{difference}}。职工基本医疗保险缴费通常列在行政单位医疗、事业单位医疗（两者还可能含医疗费补助等），一般不会大于它们（{{certainty}}）。',
    'en-US': '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, more than basic expenditure of "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}, by {{difference}}. Basic medical insurance is usually booked under medical care of administrative and public institutions (which may also hold other medical payments), so it is usually not larger ({{certainty}}).',
  },
  'cross-economic-functional.at-most.rounding': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”的“{{column}}”为 {{actual}}，比{{other}}（{{otherSheet}}）“{{otherRow}}”的基本支出 {{expected}} 多 {{difference}}，属于四舍五入误差。',
    'en-US': '{{table}} ({{sheet}}): {{column}} of "{{row}}" is {{actual}}, {{difference}} more than basic expenditure of "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}: within rounding.',
  },
  'cross-economic-functional.no-functional': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”为 {{actual}}，而{{other}}（{{otherSheet}}）没有通常与之对应的“{{otherRow}}”（{{certainty}}）：请核对功能科目是否列错。',
    'en-US': '{{table}} ({{sheet}}): "{{row}}" is {{actual}}, but the {{other}} ({{otherSheet}}) has no "{{otherRow}}", which usually holds it ({{certainty}}); check the functional subject.',
  },
  'cross-economic-functional.no-economic': {
    'zh-CN': '{{other}}（{{otherSheet}}）中“{{otherRow}}”的基本支出为 {{actual}}，而{{table}}（{{sheet}}）没有通常与之对应的“{{row}}”（{{certainty}}）：请核对经济科目是否列错。',
    'en-US': 'Basic expenditure of "{{otherRow}}" in the {{other}} ({{otherSheet}}) is {{actual}}, but the {{table}} ({{sheet}}) has no "{{row}}", which usually matches it ({{certainty}}); check the economic subject.',
  },
  'cross-economic-functional.certainty.high': {
    'zh-CN': '这一对应通常一一成立，把握较大',
    'en-US': 'a correspondence that usually holds one to one; fairly sure',
  },
  'cross-economic-functional.certainty.medium': {
    'zh-CN': '这一对应只是通常成立，把握中等',
    'en-US': 'a correspondence that only usually holds; moderately sure',
  },

  // cross-three-public
  'cross-three-public.reception': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”为 {{actual}}，小于{{other}}（{{otherSheet}}）“{{otherRow}}”的 {{expected}}，少 {{difference}}：“三公”经费中的公务接待费包括基本支出和项目支出中的接待费，不应小于基本支出中的公务接待费。',
    'en-US': '{{table}} ({{sheet}}): "{{row}}" is {{actual}}, less than "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}, by {{difference}}; official reception in the "three public" expenses covers basic and project expenditure, so it cannot be less than the basic expenditure on reception.',
  },
  'cross-three-public.reception.rounding': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”为 {{actual}}，比{{other}}（{{otherSheet}}）“{{otherRow}}”的 {{expected}} 少 {{difference}}，属于四舍五入误差。',
    'en-US': '{{table}} ({{sheet}}): "{{row}}" is {{actual}}, {{difference}} less than "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}: within rounding.',
  },
  'cross-three-public.vehicle': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”为 {{actual}}，小于{{other}}（{{otherSheet}}）“{{otherRow}}”的 {{expected}}，少 {{difference}}：“三公”经费中的公务用车运行维护费包括基本支出和项目支出中的部分，不应小于基本支出中的公务用车运行维护费。',
    'en-US': '{{table}} ({{sheet}}): "{{row}}" is {{actual}}, less than "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}, by {{difference}}; vehicle operation in the "three public" expenses covers basic and project expenditure, so it cannot be less than the basic expenditure on it.',
  },
  'cross-three-public.vehicle.rounding': {
    'zh-CN': '{{table}}（{{sheet}}）“{{row}}”为 {{actual}}，比{{other}}（{{otherSheet}}）“{{otherRow}}”的 {{expected}} 少 {{difference}}，属于四舍五入误差。',
    'en-US': '{{table}} ({{sheet}}): "{{row}}" is {{actual}}, {{difference}} less than "{{otherRow}}" in the {{other}} ({{otherSheet}}), {{expected}}: within rounding.',
  },

  // cross-project-performance
  ...equality(
    'cross-project-performance.amount',
    {
      zh: '{{table}}（{{sheet}}）项目“{{name}}”的{{what}}为 {{actual}}，而{{other}}（{{otherSheet}}）中该项目（“{{otherName}}”）的{{otherWhat}}为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{what}} of project "{{name}}" is {{actual}}, but {{otherWhat}} of the project ("{{otherName}}") in the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '两表同一项目的资金应相等；标出的是绩效目标表中的数，也可能是{{other}}有误。',
      en: 'The same project must have the same funds in both tables; the performance target is marked, but the {{other}} may be the wrong one.',
    },
  ),
  ...equality(
    'cross-project-performance.amount-tenths',
    {
      zh: '{{table}}（{{sheet}}）项目“{{name}}”的{{what}}为 {{actual}}，而{{other}}（{{otherSheet}}）中该项目（“{{otherName}}”）的{{otherWhat}}为 {{expected}}',
      en: '{{table}} ({{sheet}}): {{what}} of project "{{name}}" is {{actual}}, but {{otherWhat}} of the project ("{{otherName}}") in the {{other}} ({{otherSheet}}) is {{expected}}',
    },
    {
      zh: '绩效目标表的金额只印到一位小数，但差额超出了这一舍入范围；两表同一项目的资金应相等。',
      en: 'The performance table prints one decimal, but the difference is larger than that rounding; the same project must have the same funds in both tables.',
    },
  ),
  'cross-project-performance.amount-tenths.rounding': {
    'zh-CN': '{{table}}（{{sheet}}）项目“{{name}}”的{{what}}为 {{actual}}，{{other}}（{{otherSheet}}）中为 {{expected}}，相差 {{difference}}：绩效目标表的金额只印到一位小数，属于四舍五入误差。',
    'en-US': '{{table}} ({{sheet}}): {{what}} of project "{{name}}" is {{actual}}, {{expected}} in the {{other}} ({{otherSheet}}) (difference {{difference}}): the performance table prints one decimal, so this is within rounding.',
  },
  'cross-project-performance.what.total': { 'zh-CN': '年度资金总额', 'en-US': 'annual funds' },
  'cross-project-performance.what.annual': { 'zh-CN': '本年资金（本年拨款及其他本年资金）', 'en-US': 'current-year money (appropriation and other current money)' },
  'cross-project-performance.what.fiscal': { 'zh-CN': '其中财政拨款', 'en-US': 'fiscal appropriation' },
  'cross-project-performance.what.fiscal-current': { 'zh-CN': '本年财政拨款', 'en-US': 'current-year appropriation' },
  'cross-project-performance.fix.reason': {
    'zh-CN': '按项目支出表改绩效目标表中的金额；若是项目支出表有误，应改项目支出表。',
    'en-US': 'Copies the amount of the project expenditure table into the performance target; if the project table is the wrong one, correct it instead.',
  },
  'cross-project-performance.fix.rename': {
    'zh-CN': '将 {{where}} 的项目名称改为“{{after}}”',
    'en-US': 'Rename the project in {{where}} to "{{after}}"',
  },
  'cross-project-performance.fix.reason.which-name': {
    'zh-CN': '两表名称不同而金额相同，无法判断哪个名称对：请按批复的项目名称选择。',
    'en-US': 'The amounts agree and the names do not; which name is right cannot be told from the tables: choose the approved project name.',
  },
  'cross-project-performance.name': {
    'zh-CN': '{{table}}（{{sheet}}）的项目名称“{{name}}”与{{other}}（{{otherSheet}}）中金额相同（{{amount}}）的项目“{{otherName}}”不一致（名称相似度 {{similarity}}%）：若是同一项目，两表名称应统一；若不是，则两表各缺一个项目。',
    'en-US': '{{table}} ({{sheet}}) names the project "{{name}}", but the project with the same amount ({{amount}}) in the {{other}} ({{otherSheet}}) is "{{otherName}}" (names {{similarity}}% alike): if it is the same project the names should agree; if not, each table lacks a project.',
  },
  'cross-project-performance.name-amount': {
    'zh-CN': '{{table}}（{{sheet}}）的项目名称“{{name}}”在{{other}}（{{otherSheet}}）中找不到，最相近的是“{{otherName}}”（名称相似度 {{similarity}}%，本年资金 {{amount}}）：请核对是否同一项目。',
    'en-US': '{{table}} ({{sheet}}) names the project "{{name}}", which the {{other}} ({{otherSheet}}) does not list; the nearest is "{{otherName}}" (names {{similarity}}% alike, current-year money {{amount}}): check whether it is the same project.',
  },
  'cross-project-performance.level': {
    'zh-CN': '{{table}}（{{sheet}}）将项目“{{name}}”列为“{{level}}”，而{{other}}（{{otherSheet}}）中它是{{otherLevel}}。',
    'en-US': '{{table}} ({{sheet}}) gives project "{{name}}" the level "{{level}}", but in the {{other}} ({{otherSheet}}) it is a {{otherLevel}}.',
  },
  'cross-project-performance.no-block': {
    'zh-CN': '{{table}}（{{sheet}}）中的项目“{{name}}”有本年资金 {{actual}}，但{{other}}（{{otherSheet}}）中没有它的绩效目标（按名称和金额都找不到）：有本年资金的项目通常都应编报绩效目标。',
    'en-US': 'Project "{{name}}" in the {{table}} ({{sheet}}) has {{actual}} of current-year money, but the {{other}} ({{otherSheet}}) has no block for it (by name or amount); a project with current-year money usually has performance targets.',
  },
  'cross-project-performance.no-project': {
    'zh-CN': '{{table}}（{{sheet}}）中的项目“{{name}}”（年度资金总额 {{actual}}）在{{other}}（{{otherSheet}}）中找不到。',
    'en-US': 'Project "{{name}}" of the {{table}} ({{sheet}}; annual funds {{actual}}) is not in the {{other}} ({{otherSheet}}).',
  },
};
