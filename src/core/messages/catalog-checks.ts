// Messages of the catalog checks (rules/catalog-*.ts).
// Every message names the printed value, the catalog's value and the catalog (with its year) it was checked against.
import type { MessageTable } from './lang';

export const CATALOG_CHECK_MESSAGES: MessageTable = {
  // catalog-unknown-code
  'catalog-unknown-code.gap': {
    'zh-CN': '编码 {{code}}（“{{name}}”）不在{{catalogZh}}中；其上级科目 {{parent}}“{{parentName}}”在目录中。本工具的目录并不完整，这可能是目录的缺漏：请对照官方《政府收支分类科目》核实该编码。',
    'en-US': 'Code {{code}} ("{{name}}") is not in the {{catalogEn}}, though its parent {{parent}} "{{parentName}}" is. Our catalog is incomplete, so this may be a gap in it: check the code against the official catalog.',
  },
  'catalog-unknown-code.no-class': {
    'zh-CN': '编码 {{code}}（“{{name}}”）的类 {{lei}} 不在{{catalogZh}}中，这不是该目录的科目编码。',
    'en-US': 'Code {{code}} ("{{name}}"): its 类 {{lei}} does not exist in the {{catalogEn}}, so it is not a code of that catalog.',
  },
  'catalog-unknown-code.other-catalog': {
    'zh-CN': '编码 {{code}}（“{{name}}”）不在{{catalogZh}}中：它是{{otherZh}}的编码“{{otherName}}”，不应出现在本表。',
    'en-US': 'Code {{code}} ("{{name}}") is not in the {{catalogEn}}: it is the code of "{{otherName}}" in the {{otherEn}}, which does not belong in this table.',
  },
  'catalog-unknown-code.length': {
    'zh-CN': '编码 {{code}}（“{{name}}”）为 {{digits}} 位，不是科目编码的位数（类 3 位、款 5 位、项 7 位）；核对时所用目录：{{catalogZh}}。',
    'en-US': 'Code {{code}} ("{{name}}") has {{digits}} digits; subject codes have 3 (类), 5 (款) or 7 (项). Checked against the {{catalogEn}}.',
  },
  'catalog-unknown-code.removed': {
    'zh-CN': '编码 {{code}}（“{{name}}”）不在{{catalogZh}}中：科目 {{code}}“{{oldName}}”{{sinceZh}}。',
    'en-US': 'Code {{code}} ("{{name}}") is not in the {{catalogEn}}: {{code}} "{{oldName}}" {{sinceEn}}.',
  },

  // catalog-name
  'catalog-name.truncated': {
    'zh-CN': '名称被截断：“{{printed}}”是{{catalogZh}}中 {{code}}“{{catalogName}}”的开头部分（列宽不够或导出时截断）。{{viaZh}}',
    'en-US': 'Name truncated: "{{printed}}" is the beginning of {{code}} "{{catalogName}}" in the {{catalogEn}} (cut by the column width or the export).{{viaEn}}',
  },
  'catalog-name.renamed': {
    'zh-CN': '{{code}} 的名称“{{printed}}”是旧名称，{{catalogZh}}中已更名为“{{catalogName}}”{{sinceZh}}。{{viaZh}}',
    'en-US': '"{{printed}}" is a former name of {{code}}; in the {{catalogEn}} it is "{{catalogName}}"{{sinceEn}}.{{viaEn}}',
  },
  'catalog-name.ancestor': {
    'zh-CN': '{{code}} 行的名称“{{printed}}”是其上级科目 {{otherCode}}“{{otherName}}”的{{nameOfZh}}，而{{catalogZh}}中 {{code}} 为“{{catalogName}}”。{{viaZh}}',
    'en-US': 'The row of {{code}} is named "{{printed}}", {{nameOfEn}} of its parent {{otherCode}} "{{otherName}}"; in the {{catalogEn}} {{code}} is "{{catalogName}}".{{viaEn}}',
  },
  'catalog-name.other-code': {
    'zh-CN': '{{code}} 行的名称“{{printed}}”在{{catalogZh}}中是 {{otherCode}} 的名称，而 {{code}} 为“{{catalogName}}”：编码与名称必有一处有误。{{viaZh}}',
    'en-US': 'The row of {{code}} is named "{{printed}}", which in the {{catalogEn}} is the name of {{otherCode}}; {{code}} is "{{catalogName}}". Either the code or the name is wrong.{{viaEn}}',
  },
  'catalog-name.fund-type': {
    'zh-CN': '{{code}} 行的名称“{{printed}}”是资金性质（预算类型）的名称，不是科目名称；{{catalogZh}}中 {{code}} 为“{{catalogName}}”。{{viaZh}}',
    'en-US': 'The row of {{code}} is named "{{printed}}", a kind of budget money, not a subject; in the {{catalogEn}} {{code}} is "{{catalogName}}".{{viaEn}}',
  },
  'catalog-name.different': {
    'zh-CN': '{{code}} 行的名称“{{printed}}”与{{catalogZh}}中的名称“{{catalogName}}”不一致。{{viaZh}}',
    'en-US': 'The row of {{code}} is named "{{printed}}"; in the {{catalogEn}} it is "{{catalogName}}".{{viaEn}}',
  },
  'catalog-name.fix': {
    'zh-CN': '将 {{address}} 改为“{{after}}”',
    'en-US': 'Set {{address}} to "{{after}}"',
  },
  'catalog-name.fix.reason.truncated': {
    'zh-CN': '写出目录中的完整名称；若单元格里本是全名、只是列宽不够，加宽该列即可。',
    'en-US': 'Writes the full catalog name; if the cell holds the full name and only the column is too narrow, widen the column instead.',
  },
  'catalog-name.fix.reason.renamed': {
    'zh-CN': '改用当年目录中的现行名称。',
    'en-US': 'Uses the current name of the year’s catalog.',
  },
  'catalog-name.fix.reason.code-or-name': {
    'zh-CN': '按编码 {{code}} 改名称；若是编码有误而名称正确，应改编码。',
    'en-US': 'Renames the row after its code {{code}}; if the code is what is wrong, correct the code instead.',
  },
  'catalog-name.fix.reason.fund-type': {
    'zh-CN': '按编码 {{code}} 写出科目名称。',
    'en-US': 'Writes the subject name of code {{code}}.',
  },
  'catalog-name.fix.reason.different': {
    'zh-CN': '按目录名称改写；若该名称另有依据（如本地目录），可忽略本条。',
    'en-US': 'Uses the catalog name; if the printed wording has a basis (a local catalog), ignore this.',
  },

  // catalog-missing-parent
  'catalog-missing-parent': {
    'zh-CN': '{{code}}“{{name}}”的上级{{levelZh}} {{parent}}“{{parentName}}”在本表{{unitZh}}中没有对应行，而本表列有其他{{levelZh}}行：上级行可能漏列，或编码有误（科目名称据{{catalogZh}}）。',
    'en-US': '{{code}} "{{name}}": its {{levelEn}} {{parent}} "{{parentName}}" has no row in this table{{unitEn}}, though the table lists other {{levelEn}} rows. The parent row may be missing, or the code may be wrong (names from the {{catalogEn}}).',
  },

  // catalog-economic-mapping
  'catalog-economic-mapping.pair': {
    'zh-CN': '部门经济分类 {{dept}}“{{deptName}}”对应的政府经济分类应为 {{admin}}“{{adminName}}”（机关）或 {{institution}}“{{institutionName}}”（事业单位），本行为 {{gov}}“{{govName}}”。依据：{{mappingZh}}，该条把握{{confidenceZh}}。',
    'en-US': 'Department economic code {{dept}} "{{deptName}}" maps to government economic code {{admin}} "{{adminName}}" (administrative unit) or {{institution}} "{{institutionName}}" (public institution), but this row has {{gov}} "{{govName}}". Per the {{mappingEn}}; confidence in this entry: {{confidenceEn}}.',
  },
  'catalog-economic-mapping.pair.single': {
    'zh-CN': '部门经济分类 {{dept}}“{{deptName}}”对应的政府经济分类应为 {{admin}}“{{adminName}}”，本行为 {{gov}}“{{govName}}”。依据：{{mappingZh}}，该条把握{{confidenceZh}}。',
    'en-US': 'Department economic code {{dept}} "{{deptName}}" maps to government economic code {{admin}} "{{adminName}}", but this row has {{gov}} "{{govName}}". Per the {{mappingEn}}; confidence in this entry: {{confidenceEn}}.',
  },
  'catalog-economic-mapping.class': {
    'zh-CN': '部门经济分类 {{dept}}“{{deptName}}”对应的政府经济分类类应为 {{expected}}，本行为 {{gov}}“{{govName}}”。依据：{{mappingZh}}。',
    'en-US': 'Department economic class {{dept}} "{{deptName}}" maps to government economic class {{expected}}, but this row has {{gov}} "{{govName}}". Per the {{mappingEn}}.',
  },
  'catalog-economic-mapping.mixed': {
    'zh-CN': '本表{{unitZh}}的经济分类对应混用了两种单位口径：{{nAdmin}} 行按机关（行政单位、参公单位）对应（{{adminListZh}}），{{nInstitution}} 行按事业单位对应（{{institutionListZh}}）。同一单位只能是一种：若为行政单位，应为 {{toAdminZh}}；若为事业单位，应为 {{toInstitutionZh}}。依据：{{mappingZh}}。',
    'en-US': 'This table{{unitEn}} maps economic codes for two kinds of unit: {{nAdmin}} rows as an administrative unit ({{adminListEn}}) and {{nInstitution}} rows as a public institution ({{institutionListEn}}). A unit is one kind: if it is an administrative unit these should be {{toAdminEn}}; if it is a public institution, {{toInstitutionEn}}. Per the {{mappingEn}}.',
  },
  'catalog-unknown-code.fix': {
    'zh-CN': '将 {{address}} 的编码改为 {{after}}',
    'en-US': 'Change the code in {{address}} to {{after}}',
  },
  'catalog-unknown-code.fix-reason': {
    'zh-CN': '本行名称“{{name}}”在目录中对应编码 {{code}}。',
    'en-US': 'The row’s name “{{name}}” has the code {{code}} in the catalog.',
  },
};
