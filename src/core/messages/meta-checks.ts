// Messages of the metadata, narrative and cell rules (rules/meta-*.ts, rules/narrative-*.ts, rules/cell-*.ts).
import { KIND_NAMES, TABLE_KINDS } from '../recognize/kinds';
import type { MessageTable } from './lang';

/** Table kind names, for `@meta.kind.<kind>` in message data. */
const KINDS: MessageTable = Object.fromEntries(TABLE_KINDS.map((k) => [`meta.kind.${k}`, { 'zh-CN': KIND_NAMES[k].zh, 'en-US': KIND_NAMES[k].en }]));

export const META_CHECK_MESSAGES: MessageTable = {
  'meta-unit-code.odd': {
    'zh-CN': '{{table}}（{{sheet}}）中单位“{{unit}}”的代码写作 {{code}}，而其他 {{n}} 张表都为 {{majority}}：应为同一单位，已按 {{majority}} 与其他表逐行比较。',
    'en-US': '{{table}} ({{sheet}}) codes the unit "{{unit}}" as {{code}}, while {{n}} other tables code it {{majority}}: the same unit, compared row by row as {{majority}}.',
  },
  'meta-unit-code.fix-reason': {
    'zh-CN': '其他 {{n}} 张表中同名单位的代码都是这个。',
    'en-US': 'The {{n}} other tables give the unit of this name this code.',
  },
  ...KINDS,

  // meta-department
  'meta-department.other-body': {
    'zh-CN': '本表预算单位为“{{name}}”，与其他 {{count}} 张表的“{{majority}}”完全不是同一单位，可能是套用了其他单位的模板。',
    'en-US': 'This table names "{{name}}" as the department, a different body from "{{majority}}" named by {{count}} other tables; it may come from another unit\'s template.',
  },
  'meta-department.variant': {
    'zh-CN': '本表预算单位为“{{name}}”，与其他 {{count}} 张表的“{{majority}}”写法不同，请确认是否同一单位。',
    'en-US': 'This table names "{{name}}" as the department, worded differently from "{{majority}}" in {{count}} other tables; check that it is the same body.',
  },
  'meta-department.short': {
    'zh-CN': '本表预算单位写作简称“{{name}}”，其他 {{count}} 张表为全称“{{majority}}”；是同一单位，建议统一写法。',
    'en-US': 'This table uses the short name "{{name}}"; {{count}} other tables write it in full, "{{majority}}". Same department; better written the same way.',
  },
  'meta-department.scope-both': {
    'zh-CN': '本表预算单位“{{name}}”同时写有“本级”和“汇总”，自相矛盾；其他 {{count}} 张表为“{{majority}}”。{{why}}',
    'en-US': 'This table\'s department "{{name}}" says both 本级 (own budget) and 汇总 (consolidated), a contradiction; {{count}} other tables say "{{majority}}". {{why}}',
  },
  'meta-department.scope-opposite': {
    'zh-CN': '本表预算单位为“{{name}}”，其他 {{count}} 张表为“{{majority}}”，本级与汇总口径不同。{{why}}',
    'en-US': 'This table names "{{name}}", {{count}} other tables "{{majority}}": own budget (本级) and consolidated (汇总) differ. {{why}}',
  },
  'meta-department.scope-added': {
    'zh-CN': '本表预算单位为“{{name}}”，多了其他 {{count}} 张表（“{{majority}}”）所没有的口径后缀。{{why}}',
    'en-US': 'This table names "{{name}}", with a scope suffix that the {{count}} other tables ("{{majority}}") do not carry. {{why}}',
  },
  'meta-department.scope-missing': {
    'zh-CN': '本表预算单位为“{{name}}”，缺少其他 {{count}} 张表（“{{majority}}”）都有的口径后缀。{{why}}',
    'en-US': 'This table names "{{name}}" without the scope suffix that the {{count}} other tables ("{{majority}}") carry. {{why}}',
  },
  'meta-department.why.both': {
    'zh-CN': '应按本表数据所属口径改为其中之一。',
    'en-US': 'It should be one of the two, whichever the table\'s figures cover.',
  },
  'meta-department.why.single': {
    'zh-CN': '收入总表只列本部门一个单位，本级与汇总数额相同，仅写法不一致。',
    'en-US': 'The income summary lists the department as its only unit, so own and consolidated figures are the same: only the wording differs.',
  },
  'meta-department.why.several': {
    'zh-CN': '收入总表列有多个所属单位，本工作簿为汇总口径。',
    'en-US': 'The income summary lists several units: the workbook is consolidated.',
  },
  'meta-department.why.several-but-own': {
    'zh-CN': '收入总表列有多个所属单位（汇总口径），标为“本级”的表可能只含本部门自身的数，请核对。',
    'en-US': 'The income summary lists several units (consolidated): a table marked 本级 may hold the department\'s own figures only; check it.',
  },
  'meta-department.why.unknown': {
    'zh-CN': '工作簿中没有可判断口径的收入总表。',
    'en-US': 'No income summary in the workbook tells which scope is right.',
  },
  'meta-department.fix.align': {
    'zh-CN': '按多数表改为“{{after}}”',
    'en-US': 'Align to the majority: "{{after}}"',
  },
  'meta-department.fix.reason': {
    'zh-CN': '其他 {{count}} 张表都写这个名称；若本表数据确属另一单位，应换表而不是改名。',
    'en-US': '{{count}} other tables use this name; if the table\'s figures really belong to another body, replace the table rather than the name.',
  },

  // meta-unit
  'meta-unit.missing': {
    'zh-CN': '“{{title}}”没有注明计量单位，其他 {{count}} 张表为“{{majority}}”。',
    'en-US': '"{{title}}" states no unit of measure; {{count}} other tables say {{majority}}.',
  },
  'meta-unit.blank': {
    'zh-CN': '“{{title}}”的单位行只写了“单位：”，没有注明计量单位；其他 {{count}} 张表为“{{majority}}”。',
    'en-US': '"{{title}}" prints 单位： with no unit after it; {{count}} other tables say {{majority}}.',
  },
  'meta-unit.other.label-wrong': {
    'zh-CN': '“{{title}}”标明单位为“{{unit}}”，但表中数额与其他 {{count}} 张“{{majority}}”表的数相同，单位标注有误。',
    'en-US': '"{{title}}" is labelled {{unit}}, but its amounts are the same numbers as in the {{count}} tables in {{majority}}: the label is wrong.',
  },
  'meta-unit.other.really-other': {
    'zh-CN': '“{{title}}”以“{{unit}}”为单位（数额换算后与其他表一致），而其他 {{count}} 张表为“{{majority}}”；各表应统一计量单位。',
    'en-US': '"{{title}}" is in {{unit}} (its amounts agree with the other tables once converted) while {{count}} other tables are in {{majority}}; all tables should use one unit.',
  },
  'meta-unit.other.unknown': {
    'zh-CN': '“{{title}}”标明单位为“{{unit}}”，而其他 {{count}} 张表为“{{majority}}”；无法从数额判断哪一个对，请核对。',
    'en-US': '"{{title}}" is labelled {{unit}} while {{count}} other tables say {{majority}}; the amounts do not tell which is right.',
  },
  'meta-unit.other.empty': {
    'zh-CN': '“{{title}}”标明单位为“{{unit}}”，而其他 {{count}} 张表为“{{majority}}”（本表无数据）。',
    'en-US': '"{{title}}" is labelled {{unit}} while {{count}} other tables say {{majority}} (the table holds no amounts).',
  },
  'meta-unit.fix.fill': {
    'zh-CN': '补为“{{after}}”',
    'en-US': 'Fill in "{{after}}"',
  },
  'meta-unit.fix.reason.fill': {
    'zh-CN': '其他 {{count}} 张表都用这个单位。',
    'en-US': '{{count}} other tables use this unit.',
  },
  'meta-unit.fix.align': {
    'zh-CN': '单位改为“{{after}}”',
    'en-US': 'Change the unit to {{after}}',
  },
  'meta-unit.fix.reason.align': {
    'zh-CN': '表中数额与其他表按同一单位列示。',
    'en-US': 'The amounts are written in the same unit as the other tables.',
  },

  // meta-year
  'meta-year.table': {
    'zh-CN': '“{{title}}”标注的年度为 {{stated}} 年，而本预算为 {{year}} 年度。',
    'en-US': '"{{title}}" gives the year {{stated}}, but the budget is for {{year}}.',
  },
  'meta-year.narrative': {
    'zh-CN': '情况说明把 {{stated}} 年作为预算年度（“{{excerpt}}”），而本预算为 {{year}} 年度。',
    'en-US': 'The narrative gives {{stated}} as the budget year ("{{excerpt}}"), but the budget is for {{year}}.',
  },
  'meta-year.fix.year': {
    'zh-CN': '将 {{stated}} 年改为 {{year}} 年',
    'en-US': 'Change {{stated}} to {{year}}',
  },
  'meta-year.fix.reason': {
    'zh-CN': '其他各表和说明的标题都是这个年度；若此处本意是上年的数，应改写为比较的说法。',
    'en-US': 'The other tables and headings give this year; if last year was meant here, word it as a comparison.',
  },

  // narrative-amounts
  'narrative-amounts.amount': {
    'zh-CN': '情况说明称“{{label}}”为 {{stated}} {{unit}}，而{{table}}（{{where}}，“{{row}}”{{column}}）为 {{expected}}，相差 {{difference}}。',
    'en-US': 'The narrative says {{label}} is {{stated}} {{unit}}, but the {{table}} ({{where}}, "{{row}}" {{column}}) says {{expected}} (difference {{difference}}).',
  },
  'narrative-amounts.amount.rounded': {
    'zh-CN': '情况说明称“{{label}}”为 {{stated}} {{unit}}，{{table}}（{{where}}，“{{row}}”{{column}}）为 {{expected}}：说明中的数只保留 {{decimals}} 位小数，四舍五入后与表中数相同，属于四舍五入误差。',
    'en-US': 'The narrative says {{label}} is {{stated}} {{unit}}; the {{table}} ({{where}}, "{{row}}" {{column}}) says {{expected}}: the narrative keeps {{decimals}} decimals and agrees once the table figure is rounded, a rounding difference.',
  },
  'narrative-amounts.amount.rounding': {
    'zh-CN': '情况说明称“{{label}}”为 {{stated}} {{unit}}，{{table}}（{{where}}，“{{row}}”{{column}}）为 {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': 'The narrative says {{label}} is {{stated}} {{unit}}; the {{table}} ({{where}}, "{{row}}" {{column}}) says {{expected}} (difference {{difference}}, within rounding).',
  },
  'narrative-amounts.running-costs': {
    'zh-CN': '情况说明称“{{label}}”为 {{stated}} {{unit}}，超过{{table}}（{{where}}，“{{row}}”{{column}}）的公用经费 {{expected}}（多 {{difference}}）。机关运行经费是行政单位基本支出中的公用经费，不应超过公用经费，请核对说明或表中数。',
    'en-US': 'The narrative says {{label}} is {{stated}} {{unit}}, more than the public costs of the {{table}} ({{where}}, "{{row}}" {{column}}), {{expected}} (by {{difference}}). Running costs are part of the public costs of basic expenditure and cannot exceed them: check the narrative or the table.',
  },
  'narrative-amounts.share': {
    'zh-CN': '情况说明称“{{label}}”占 {{stated}}，按表中数计算为 {{part}} ÷ {{whole}} = {{computed}}（按说明的精度为 {{rounded}}；{{partWhere}}、{{wholeWhere}}）。',
    'en-US': 'The narrative gives {{label}} a share of {{stated}}; the tables give {{part}} ÷ {{whole}} = {{computed}} ({{rounded}} at the printed precision; {{partWhere}}, {{wholeWhere}}).',
  },
  'narrative-amounts.share.rounding': {
    'zh-CN': '情况说明称“{{label}}”占 {{stated}}，按表中数计算为 {{part}} ÷ {{whole}} = {{computed}}，差异在表中数四舍五入的范围内。',
    'en-US': 'The narrative gives {{label}} a share of {{stated}}; the tables give {{part}} ÷ {{whole}} = {{computed}}, within the rounding of the table figures.',
  },
  'narrative-amounts.listed': {
    'zh-CN': '情况说明列出的各项（{{items}}）合计为 {{sum}} {{unit}}，而总数“{{label}}”为 {{stated}} {{unit}}，相差 {{difference}}。',
    'en-US': 'The items the narrative lists ({{items}}) add up to {{sum}} {{unit}}, but the total ({{label}}) is {{stated}} {{unit}} (difference {{difference}}).',
  },
  'narrative-amounts.listed.rounding': {
    'zh-CN': '情况说明列出的各项（{{items}}）合计为 {{sum}} {{unit}}，总数“{{label}}”为 {{stated}} {{unit}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': 'The items the narrative lists ({{items}}) add up to {{sum}} {{unit}}, the total ({{label}}) is {{stated}} {{unit}} (difference {{difference}}, within rounding).',
  },
  'narrative-amounts.fix.amount': {
    'zh-CN': '将说明中的 {{stated}} 改为 {{after}}',
    'en-US': 'Change {{stated}} in the narrative to {{after}}',
  },
  'narrative-amounts.fix.reason.amount': {
    'zh-CN': '按表中数改说明；若表中数有误，应改表。',
    'en-US': 'Takes the table\'s figure; if the table is what is wrong, correct the table instead.',
  },
  'narrative-amounts.fix.reason.agreed': {
    'zh-CN': '{{count}} 张表都列这个数，说明中的数应是笔误。',
    'en-US': '{{count}} tables state this figure: the narrative\'s is most likely a slip.',
  },
  'narrative-amounts.fix.share': {
    'zh-CN': '将说明中的 {{stated}} 改为 {{after}}',
    'en-US': 'Change {{stated}} in the narrative to {{after}}',
  },
  'narrative-amounts.fix.reason.share': {
    'zh-CN': '按表中两数重新计算占比；各项占比之和可能因此不再恰为 100%。',
    'en-US': 'Recomputes the share from the two table figures; the shares may then no longer add up to exactly 100%.',
  },

  // cell-text-number
  'cell-text-number.text': {
    'zh-CN': '以文本形式存储的数字：“{{text}}”（按数值 {{value}} 读取）；Excel 求和会忽略它。',
    'en-US': 'Number stored as text: "{{text}}" (read as {{value}}); Excel sums leave it out.',
  },
  'cell-text-number.text.plain': {
    'zh-CN': '以文本形式存储的数字（按数值 {{value}} 读取）；Excel 求和会忽略它。',
    'en-US': 'Number stored as text (read as {{value}}); Excel sums leave it out.',
  },
  'cell-text-number.text.many': {
    'zh-CN': '本表有 {{count}} 个金额是以文本形式存储的数字（{{cells}}），如“{{text}}”按数值 {{value}} 读取；Excel 求和会忽略它们。',
    'en-US': '{{count}} amounts of this table are numbers stored as text ({{cells}}), e.g. "{{text}}" read as {{value}}; Excel sums leave them out.',
  },
  'cell-text-number.text.many.plain': {
    'zh-CN': '本表有 {{count}} 个金额是以文本形式存储的数字（{{cells}}）；Excel 求和会忽略它们。',
    'en-US': '{{count}} amounts of this table are numbers stored as text ({{cells}}); Excel sums leave them out.',
  },
  'cell-text-number.fix.convert-all': {
    'zh-CN': '将这 {{count}} 个单元格转换为数值',
    'en-US': 'Convert these {{count}} cells to numbers',
  },
  'cell-text-number.unreadable': {
    'zh-CN': '无法识别为金额：“{{text}}”（可能是录入或识别错误），相关合计无法核对。',
    'en-US': 'Cannot be read as an amount: "{{text}}" (a typing or recognition error?); totals that use it cannot be checked.',
  },
  'cell-text-number.unreadable.clear': {
    'zh-CN': '无法识别为金额：“{{text}}”，去掉多余符号后为 {{value}}。',
    'en-US': 'Cannot be read as an amount: "{{text}}"; without the stray marks it reads {{value}}.',
  },
  'cell-text-number.fix.convert': {
    'zh-CN': '转换为数值 {{after}}',
    'en-US': 'Convert to the number {{after}}',
  },
  'cell-text-number.fix.reason.convert': {
    'zh-CN': '文本与数值表示同一个数。',
    'en-US': 'The text and the number are the same amount.',
  },
  'cell-text-number.fix.reason.comma': {
    'zh-CN': '逗号后只有两位数字，按小数点读取；若本意是千位分隔，请勿采用。',
    'en-US': 'Only two digits follow the comma, so it is read as a decimal point; do not apply if a thousands separator was meant.',
  },
  'cell-text-number.fix.reason.stray': {
    'zh-CN': '去掉的只是首尾多余的括号、引号或标点。',
    'en-US': 'Only stray brackets, quotes or punctuation at the ends are removed.',
  },

  // cell-formula-error
  'cell-formula-error.formula': {
    'zh-CN': '单元格显示错误值 {{error}}（{{meaning}}），公式为 ={{formula}}；金额无法读取。',
    'en-US': 'The cell shows the error {{error}} ({{meaning}}); its formula is ={{formula}}. No amount can be read.',
  },
  'cell-formula-error.value': {
    'zh-CN': '单元格显示错误值 {{error}}（{{meaning}}）；金额无法读取。',
    'en-US': 'The cell shows the error {{error}} ({{meaning}}). No amount can be read.',
  },
  'cell-formula-error.meaning.ref': { 'zh-CN': '公式引用的单元格已被删除', 'en-US': 'the formula refers to a deleted cell' },
  'cell-formula-error.meaning.value': { 'zh-CN': '公式中有文本参与计算', 'en-US': 'text took part in a calculation' },
  'cell-formula-error.meaning.div0': { 'zh-CN': '除数为零', 'en-US': 'division by zero' },
  'cell-formula-error.meaning.name': { 'zh-CN': '公式中有无法识别的名称', 'en-US': 'the formula uses an unknown name' },
  'cell-formula-error.meaning.na': { 'zh-CN': '查找的值不存在', 'en-US': 'a looked-up value is missing' },
  'cell-formula-error.meaning.num': { 'zh-CN': '数值无效', 'en-US': 'an invalid number' },
  'cell-formula-error.meaning.null': { 'zh-CN': '引用的区域不相交', 'en-US': 'the ranges do not intersect' },
  'cell-formula-error.meaning.other': { 'zh-CN': '公式计算出错', 'en-US': 'the formula failed' },

  // cell-sum-formula
  'cell-sum-formula.missing': {
    'zh-CN': '“{{row}}”的“{{column}}”公式 {{formula}} 漏掉了下级“{{missing}}”（{{cells}}，合计 {{value}}）。',
    'en-US': 'The formula {{formula}} of "{{row}}" {{column}} leaves out its child "{{missing}}" ({{cells}}, {{value}} in all).',
  },
  'cell-sum-formula.missing.empty': {
    'zh-CN': '“{{row}}”的“{{column}}”公式 {{formula}} 漏掉了下级“{{missing}}”（{{cells}}，目前为空或为零，今后填数时合计会出错）。',
    'en-US': 'The formula {{formula}} of "{{row}}" {{column}} leaves out its child "{{missing}}" ({{cells}}, blank or zero for now: the total goes wrong once it is filled).',
  },
  'cell-sum-formula.fix.add': {
    'zh-CN': '在公式中加上 {{refs}}',
    'en-US': 'Add {{refs}} to the formula',
  },
  'cell-sum-formula.fix.reason': {
    'zh-CN': '按科目层级，这些行属于本行；若有意不计入，请说明原因。',
    'en-US': 'By the subject hierarchy these rows belong to this one; if they are left out on purpose, say why.',
  },

  // meta-sequence
  'meta-sequence.gap': {
    'zh-CN': '序号从 {{previous}} 跳到 {{current}}，缺 {{missing}}（可能删去了行）。',
    'en-US': 'The sequence jumps from {{previous}} to {{current}}: {{missing}} missing (rows may have been deleted).',
  },
  'meta-sequence.repeat': {
    'zh-CN': '序号 {{current}} 重复。',
    'en-US': 'Sequence number {{current}} is repeated.',
  },
  'meta-sequence.back': {
    'zh-CN': '序号从 {{previous}} 倒退到 {{current}}。',
    'en-US': 'The sequence goes back from {{previous}} to {{current}}.',
  },
  'meta-performance-code.differs': {
    'zh-CN': '绩效目标表的“主管部门及编码”写作“{{text}}”，编码 {{code}} 与其他 {{n}} 个绩效目标表的 {{majority}} 不一致。',
    'en-US': '“主管部门及编码” reads “{{text}}”: the code {{code}} differs from {{majority}} in {{n}} other performance blocks.',
  },
  'meta-performance-code.fix': {
    'zh-CN': '把编码改为 {{majority}}',
    'en-US': 'Change the code to {{majority}}',
  },
  'meta-performance-code.reason': {
    'zh-CN': '其他 {{n}} 个绩效目标表都写作这个编码。',
    'en-US': '{{n}} other performance blocks give this code.',
  },
  'narrative-performance.differs': {
    'zh-CN': '情况说明称确定 {{stated}} 个项目的绩效目标、涉及金额 {{amount}} 万元，而工作簿（{{sheet}} 等）中有 {{blocks}} 个项目支出绩效目标表，年度资金总额合计 {{printed}} 万元：可能缺了绩效目标表，或说明中的数有误。',
    'en-US': 'The narrative says {{stated}} projects with performance targets, {{amount}} 万元 in all, but the workbook ({{sheet}} …) prints {{blocks}} project performance blocks totalling {{printed}} 万元: a block may be missing, or the narrative is wrong.',
  },
};
