// Every sentence the task pane shows, in zh-CN (first) and en-US. Nothing else in src/taskpane holds UI text.
import type { Lang } from '../core/messages/catalog';
import type { RuleGroup } from '../core/rules/rule';
import type { PortErrorCode } from './port';

export type { Lang };
export type Severity = 'error' | 'warning' | 'info';

/** A sentence about a failure; `subject` is the sheet or cell it concerns ('' when none). */
type Refusal = (subject: string) => string;

export interface Strings {
  readonly lang: Lang;
  readonly product: { readonly name: string; readonly tagline: string };
  readonly starting: string;
  readonly modeFile: string;
  readonly file: {
    readonly open: string;
    readonly change: string;
    readonly hint: string;
    readonly reading: string;
    readonly size: (kb: number) => string;
    readonly cancelled: string;
  };
  readonly summary: {
    readonly heading: string;
    readonly department: string;
    readonly year: string;
    readonly unit: string;
    readonly unknown: string;
    readonly tables: (n: number) => string;
    readonly sheets: (names: string) => string;
    /** The chip's menu: change the kind of a table. */
    readonly kindMenu: (label: string) => string;
    readonly kindHint: string;
    readonly table: (sheet: string, range: string) => string;
    readonly resetKind: string;
    readonly overridden: string;
    /** How many of the amount cells some identity checked. */
    readonly coverage: (pct: number) => string;
    /** Tables the checks barely covered: their layout may not have been understood. */
    readonly lowCoverage: (list: string) => string;
  };
  readonly check: {
    readonly button: string;
    readonly again: string;
    readonly introExcel: string;
    readonly introFile: string;
    readonly needFile: string;
    readonly auto: string;
    /** The findings shown are from before a check that was stopped. */
    readonly outdated: string;
    /** The user edited the workbook since the check. */
    readonly changed: string;
  };
  readonly progress: {
    readonly read: string;
    readonly readFile: string;
    readonly analyze: string;
    readonly write: string;
    readonly verify: (rechecks: number) => string;
    readonly cancel: string;
    readonly cancelHint: string;
  };
  readonly results: {
    readonly heading: string;
    readonly severity: Readonly<Record<Severity, string>>;
    readonly severityHint: Readonly<Record<Severity, string>>;
    readonly count: (n: number) => string;
    readonly empty: string;
    readonly emptyDetail: (tables: number) => string;
    readonly noTables: string;
    readonly noTablesDetail: string;
    readonly expected: string;
    readonly actual: string;
    readonly difference: string;
    readonly fix: (title: string) => string;
    readonly confidence: (percent: number) => string;
    readonly safe: string;
    readonly safeHint: string;
    readonly locate: (where: string) => string;
    readonly evidence: string;
    readonly evidenceMore: (n: number) => string;
    readonly apply: string;
    readonly applyLabel: (title: string) => string;
    readonly applied: string;
    readonly undo: string;
    readonly undoLabel: (title: string) => string;
    readonly otherFixes: (n: number) => string;
    readonly emptyCell: string;
    readonly change: (where: string, before: string, after: string) => string;
    /** 另影响 N 处勾稽关系: the identities the cause also breaks (besides the finding's own), folded. */
    readonly consequences: (n: number) => string;
    readonly consequencesLabel: string;
    /** A class of similar findings shown as one. */
    readonly members: (n: number) => string;
    readonly membersToggle: (n: number) => string;
    readonly membersLabel: string;
    /** Two fixes about as likely: the user chooses. */
    readonly balanced: string;
    readonly choice: (n: number) => string;
  };
  readonly actions: {
    readonly heading: string;
    readonly fixSafe: (cells: number) => string;
    readonly fixSafeHint: string;
    /** After a round of safe fixes, more became safe (a narrative figure whose two tables now agree). */
    readonly moreSafe: (cells: number) => string;
    readonly noSafe: string;
    readonly mark: string;
    readonly markHint: string;
    readonly clearMarks: string;
    readonly marked: (n: number) => string;
    readonly legend: string;
    readonly export: string;
    readonly exportSheet: string;
    readonly exportJson: string;
    readonly exportCsv: string;
    readonly exportText: string;
    readonly downloadFixed: string;
    readonly downloadFixedHint: string;
    readonly downloadAnnotated: string;
    readonly downloadAnnotatedHint: string;
    readonly fileNames: { readonly fixed: string; readonly annotated: string; readonly report: string };
  };
  readonly journal: {
    readonly heading: string;
    readonly undoLast: string;
    readonly batchSafe: (fixes: number) => string;
    readonly batchOne: string;
    readonly cells: (n: number) => string;
    readonly persistent: string;
    readonly session: string;
    readonly file: string;
  };
  readonly notices: {
    readonly applied: (title: string, cells: number) => string;
    readonly appliedSafe: (fixes: number, cells: number) => string;
    readonly undone: (fixes: number) => string;
    readonly marked: (n: number) => string;
    readonly cleared: string;
    readonly exported: (name: string) => string;
    readonly saved: (name: string) => string;
    readonly dismiss: string;
    readonly cancelled: string;
  };
  readonly filters: {
    readonly search: string;
    readonly searchPlaceholder: string;
    readonly toggle: string;
    readonly severity: string;
    readonly sheet: string;
    readonly rule: string;
    readonly all: string;
    readonly showing: (shown: number, total: number) => string;
    readonly clear: string;
    readonly noMatch: string;
  };
  readonly settings: {
    readonly open: string;
    readonly heading: string;
    readonly tolerance: string;
    readonly toleranceHint: string;
    readonly toleranceInvalid: string;
    readonly catalogYear: string;
    readonly catalogAuto: string;
    readonly catalogHint: string;
    readonly groups: string;
    readonly groupNames: Readonly<Record<RuleGroup, string>>;
    readonly autoRecheck: string;
    readonly autoRecheckHint: string;
    readonly reset: string;
    readonly appliesOnCheck: string;
  };
  readonly report: {
    /** The report sheet's name (src/excel never reads a sheet of this name). */
    readonly sheetName: string;
    readonly title: (department: string) => string;
    readonly file: (name: string, when: string) => string;
    readonly counts: (errors: number, warnings: number, infos: number) => string;
    readonly header: {
      readonly n: string;
      readonly severity: string;
      readonly rule: string;
      readonly cell: string;
      readonly message: string;
      readonly expected: string;
      readonly actual: string;
      readonly difference: string;
      readonly fix: string;
      readonly confidence: string;
    };
  };
  readonly errors: Readonly<Record<PortErrorCode | 'engine' | 'unknown', Refusal>> & {
    readonly title: string;
    /** A file the reader cannot open. */
    readonly openTitle: string;
    readonly retry: string;
    readonly selectTitle: string;
    readonly applyTitle: string;
    readonly undoTitle: string;
    readonly markTitle: string;
    readonly exportTitle: string;
    readonly watchTitle: string;
  };
  readonly preview: {
    readonly heading: string;
    readonly sheet: string;
    readonly empty: string;
    readonly hidden: string;
    readonly truncated: (rows: number, cols: number) => string;
    readonly gridLabel: (sheet: string) => string;
    readonly edited: string;
    readonly evidence: string;
    readonly loading: string;
    readonly close: string;
    readonly title: (sheet: string) => string;
  };
}

const zhCN: Strings = {
  lang: 'zh-CN',
  product: { name: '勾稽', tagline: '预算表校验' },
  starting: '正在启动…',
  modeFile: '浏览器模式',
  file: {
    open: '打开 .xlsx 文件',
    change: '换一个文件',
    hint: '文件只在本机浏览器中读取，不会上传。',
    reading: '正在读取文件…',
    size: (kb) => `${kb.toLocaleString('zh-CN')} KB`,
    cancelled: '已停止读取文件。',
  },
  summary: {
    heading: '工作簿',
    department: '预算单位',
    year: '年度',
    unit: '单位',
    unknown: '—',
    tables: (n) => `识别到 ${n} 张表`,
    sheets: (names) => `工作表：${names}`,
    kindMenu: (label) => `更改“${label}”的表格类型`,
    kindHint: '识别错了？为表格指定类型后会重新检查。',
    table: (sheet, range) => `${sheet} · ${range}`,
    resetKind: '恢复自动识别',
    overridden: '已手动指定类型',
    coverage: (pct) => `已核对 ${pct}% 的金额单元格`,
    lowCoverage: (list) => `核对不足：${list}。表头或行可能未能识别，可展开上方的表格列表为它指定类型。`,
  },
  check: {
    button: '检查',
    again: '重新检查',
    introExcel: '核对当前工作簿各表之间的勾稽关系：上下级科目、合计行与行内合计。',
    introFile: '打开一个部门预算工作簿（.xlsx），然后检查其中各表的勾稽关系。',
    needFile: '请先打开一个 .xlsx 文件。',
    auto: '工作簿已修改，正在自动重新检查…',
    outdated: '检查已停止，下面是上一次检查的结果。',
    changed: '工作簿在检查之后已修改，下面的结果可能已过时。',
  },
  progress: {
    read: '正在读取工作簿…',
    readFile: '正在读取文件…',
    analyze: '正在核对勾稽关系…',
    write: '正在写入工作簿…',
    verify: (n) => `正在核验修正建议（已复核 ${n} 次）…`,
    cancel: '取消',
    cancelHint: '停止读取或检查；已应用的修正不受影响。',
  },
  results: {
    heading: '检查结果',
    severity: { error: '错误', warning: '警告', info: '提示' },
    severityHint: { error: '应当更正', warning: '可能有误，请核实', info: '供参考，可不处理' },
    count: (n) => `${n} 项`,
    empty: '未发现不一致之处',
    emptyDetail: (tables) => `已核对 ${tables} 张表的勾稽关系。`,
    noTables: '未识别到预算表',
    noTablesDetail: '工作簿中没有找到收支总表、支出总表等部门预算表格，因此没有可检查的内容。',
    expected: '应为',
    actual: '实为',
    difference: '差额',
    fix: (title) => `建议：${title}`,
    confidence: (p) => `把握 ${p}%`,
    safe: '可靠',
    safeHint: '已验证：应用后此问题消失，且不产生新的错误；把握不低于 75%。',
    locate: (where) => `定位到 ${where}`,
    evidence: '依据',
    evidenceMore: (n) => `等 ${n} 个单元格`,
    apply: '应用',
    applyLabel: (title) => `应用修正：${title}`,
    applied: '已应用',
    undo: '撤销',
    undoLabel: (title) => `撤销修正：${title}`,
    otherFixes: (n) => `其他 ${n} 个建议`,
    emptyCell: '（空）',
    change: (where, before, after) => `${where}：${before} 改为 ${after}`,
    // 另: besides the finding's own, so that a fix that removes N + 1 inconsistencies (fix.reason.explains-all) adds up.
    consequences: (n) => `另影响 ${n} 处勾稽关系`,
    consequencesLabel: '同一原因造成的其他不一致',
    members: (n) => `共 ${n} 项`,
    membersToggle: (n) => `查看全部 ${n} 项`,
    membersLabel: '同类问题',
    balanced: '两个建议的把握相近，无法判断哪个单元格有误：请核实后自行选择。',
    choice: (n) => `建议 ${n}`,
  },
  actions: {
    heading: '操作',
    fixSafe: (n) => `一键修正可靠项（${n}）`,
    fixSafeHint: '应用所有已验证、把握不低于 75% 且每个单元格只有一个建议值的修正。可以撤销。',
    moreSafe: (n) => `上一轮修正之后，又有 ${n} 处修改变得可靠（例如情况说明所引的两张表现已一致），可再点一次“一键修正可靠项”。`,
    noSafe: '没有可以放心一键应用的修正。',
    mark: '标出问题单元格',
    markHint: '按严重程度为每个问题单元格加上底色（条件格式），不改动单元格原有格式。',
    clearMarks: '清除标记',
    marked: (n) => `已标出 ${n} 个单元格`,
    legend: '标记颜色',
    export: '导出报告',
    exportSheet: '添加“勾稽报告”工作表',
    exportJson: '保存 JSON',
    exportCsv: '保存 CSV',
    exportText: '保存文字报告',
    downloadFixed: '下载修正后的文件',
    downloadFixedHint: '原文件不会被修改；下载的副本包含已应用的修正。',
    downloadAnnotated: '下载标注文件',
    downloadAnnotatedHint: '问题单元格按严重程度填色并附批注说明。',
    fileNames: { fixed: '已修正', annotated: '标注', report: '勾稽报告' },
  },
  journal: {
    heading: '已应用的修正',
    undoLast: '撤销上一批',
    batchSafe: (n) => `一键修正 · ${n} 项`,
    batchOne: '修正',
    cells: (n) => `${n} 个单元格`,
    persistent: '撤销记录随工作簿保存，关闭后再打开仍可撤销。',
    session: '此版本 Excel 不能把撤销记录存入工作簿：关闭窗格后将无法撤销。',
    file: '修改只作用于浏览器中的副本，原文件不变；用“下载修正后的文件”保存结果。',
  },
  notices: {
    applied: (title, n) => `已应用：${title}（${n} 个单元格）`,
    appliedSafe: (fixes, cells) => `已应用 ${fixes} 项可靠修正（${cells} 个单元格）。`,
    undone: (n) => `已撤销 ${n} 项修正。`,
    marked: (n) => `已标出 ${n} 个单元格。`,
    cleared: '已清除标记，单元格恢复原有格式。',
    exported: (name) => `已添加“${name}”工作表。`,
    saved: (name) => `已保存 ${name}`,
    dismiss: '关闭提示',
    cancelled: '已停止检查。',
  },
  filters: {
    search: '搜索检查结果',
    searchPlaceholder: '搜索说明、单元格或规则',
    toggle: '筛选',
    severity: '严重程度',
    sheet: '工作表',
    rule: '规则',
    all: '全部',
    showing: (shown, total) => `显示 ${shown} / ${total} 项`,
    clear: '清除筛选',
    noMatch: '没有符合筛选条件的检查结果。',
  },
  settings: {
    open: '设置',
    heading: '检查设置',
    tolerance: '容差（每项）',
    toleranceHint: '每个四舍五入的加数允许的误差，单位与表格相同（默认 0.01）。超出容差的差额报为错误。',
    toleranceInvalid: '请输入不小于 0 的数字，例如 0.01。',
    catalogYear: '科目目录年度',
    catalogAuto: '自动',
    catalogHint: '支出功能分类科目目录；“自动”按工作簿的预算年度选择。',
    groups: '规则组',
    groupNames: {
      row: '行内合计',
      hierarchy: '上下级科目、合计行',
      'cross-table': '表间勾稽',
      cell: '单元格（公式、文本数字、科目目录）',
      metadata: '表头信息（单位、年度、预算单位）',
      narrative: '情况说明中的金额',
    },
    autoRecheck: '修改后自动重新检查',
    autoRecheckHint: '在 Excel 中修改单元格约 1.5 秒后自动重新检查。',
    reset: '恢复默认',
    appliesOnCheck: '更改设置后会重新检查。',
  },
  report: {
    sheetName: '勾稽报告',
    title: (department) => `勾稽报告 · ${department}`,
    file: (name, when) => `工作簿：${name}　检查时间：${when}`,
    counts: (e, w, i) => `错误 ${e} 项，警告 ${w} 项，提示 ${i} 项`,
    header: {
      n: '序号',
      severity: '严重程度',
      rule: '规则',
      cell: '单元格',
      message: '说明',
      expected: '应为',
      actual: '实为',
      difference: '差额',
      fix: '建议修正',
      confidence: '把握',
    },
  },
  errors: {
    title: '无法完成检查',
    openTitle: '无法打开文件',
    retry: '重试',
    selectTitle: '无法定位到该单元格',
    applyTitle: '修正未应用',
    undoTitle: '未能撤销',
    markTitle: '无法标记单元格',
    exportTitle: '无法导出报告',
    watchTitle: '无法自动重新检查',
    'no-file': () => '请先打开一个 .xlsx 文件。',
    unreadable: () => '文件已损坏，或不是 Excel 工作簿（.xlsx）。',
    'read-failed': () => 'Excel 未能提供工作簿内容。请退出单元格编辑状态后重试。',
    'sheet-not-found': (s) => `找不到工作表${s ? `“${s}”` : ''}，它可能已被重命名或删除。请重新检查。`,
    'select-failed': () => 'Excel 未能选中该单元格。',
    stale: (c) => `单元格 ${c} 在检查之后已被修改，与建议修正时的内容不同。未写入任何内容；请重新检查后再应用。`,
    protected: (s) => `工作表${s ? `“${s}”` : ''}受保护，无法修改。未写入任何内容。请先在“审阅 → 撤销工作表保护”中取消保护，然后重试。`,
    'read-only': () => '工作簿以只读方式打开，修改无法保存。未写入任何内容。请以可编辑方式打开后重试。',
    'structure-protected': () => '工作簿结构受保护，不能添加工作表。未写入任何内容。请先在“审阅 → 保护工作簿”中取消保护。',
    'undo-changed': (c) => `单元格${c ? ` ${c} ` : ''}在修正之后又被修改过，撤销会覆盖这些修改，因此没有撤销。`,
    'undo-later': (c) => `单元格${c ? ` ${c} ` : ''}之后又被另一项修正改过，请先撤销那一项。`,
    unsupported: (v) => `此版本的 Excel 不支持该功能（需要 ExcelApi ${v}）。`,
    'write-failed': () => 'Excel 未能写入工作簿。请重新检查后再试。',
    'edit-mode': () => 'Excel 正在编辑单元格，暂时不能读写工作簿。请按 Enter 或 Esc 结束编辑后重试。未写入任何内容。',
    engine: () => '检查过程中出现内部错误。',
    unknown: () => '出现了意外错误。',
  },
  preview: {
    heading: '预览',
    sheet: '工作表',
    empty: '打开文件后，这里显示工作表内容；点击检查结果中的单元格即可定位。',
    hidden: '（隐藏）',
    truncated: (rows, cols) => `仅显示前 ${rows} 行、${cols} 列。`,
    gridLabel: (sheet) => `工作表“${sheet}”的只读预览`,
    edited: '已修正',
    evidence: '依据单元格',
    loading: '正在载入工作表…',
    close: '关闭预览',
    title: (sheet) => `预览 · ${sheet}`,
  },
};

const enUS: Strings = {
  lang: 'en-US',
  product: { name: 'Gouji', tagline: 'Budget workbook checker' },
  starting: 'Starting…',
  modeFile: 'Browser mode',
  file: {
    open: 'Open .xlsx file',
    change: 'Open another file',
    hint: 'The file is read in this browser only; nothing is uploaded.',
    reading: 'Reading the file…',
    size: (kb) => `${kb.toLocaleString('en-US')} KB`,
    cancelled: 'Stopped reading the file.',
  },
  summary: {
    heading: 'Workbook',
    department: 'Department',
    year: 'Year',
    unit: 'Unit',
    unknown: '—',
    tables: (n) => `${n} ${n === 1 ? 'table' : 'tables'} recognized`,
    sheets: (names) => `Sheets: ${names}`,
    kindMenu: (label) => `Change the kind of "${label}"`,
    kindHint: 'Recognized wrongly? Choose the kind of a table and it is checked again.',
    table: (sheet, range) => `${sheet} · ${range}`,
    resetKind: 'Recognize automatically',
    overridden: 'Kind chosen by hand',
    coverage: (pct) => `${pct}% of the amount cells checked`,
    lowCoverage: (list) => `Barely checked: ${list}. Its headers or rows may not have been understood: open the table list above to set its kind.`,
  },
  check: {
    button: 'Check',
    again: 'Check again',
    introExcel: 'Checks that the tables of this workbook agree: parent and child subjects, total rows and row totals.',
    introFile: 'Open a department budget workbook (.xlsx), then check that its tables agree.',
    needFile: 'Open a .xlsx file first.',
    auto: 'The workbook changed; checking again…',
    outdated: 'The check was stopped; these are the results of the one before.',
    changed: 'The workbook changed after the check; these results may be out of date.',
  },
  progress: {
    read: 'Reading the workbook…',
    readFile: 'Reading the file…',
    analyze: 'Checking the tables…',
    write: 'Writing to the workbook…',
    verify: (n) => `Verifying the suggested fixes (${n} re-check${n === 1 ? '' : 's'} so far)…`,
    cancel: 'Cancel',
    cancelHint: 'Stops reading or checking; fixes already applied stay.',
  },
  results: {
    heading: 'Results',
    severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
    severityHint: { error: 'Need correcting', warning: 'Possibly wrong, please verify', info: 'For information, may be left as is' },
    count: (n) => `${n}`,
    empty: 'No inconsistency found',
    emptyDetail: (tables) => `Checked ${tables} ${tables === 1 ? 'table' : 'tables'}.`,
    noTables: 'No budget table recognized',
    noTablesDetail: 'This workbook has no department budget tables (income and expenditure summary, expenditure summary …), so there is nothing to check.',
    expected: 'Expected',
    actual: 'Actual',
    difference: 'Difference',
    fix: (title) => `Fix: ${title}`,
    confidence: (p) => `${p}% sure`,
    safe: 'Safe',
    safeHint: 'Verified: once applied this problem goes away and no new error appears; at least 75% sure.',
    locate: (where) => `Go to ${where}`,
    evidence: 'Evidence',
    evidenceMore: (n) => `and ${n} more`,
    apply: 'Apply',
    applyLabel: (title) => `Apply the fix: ${title}`,
    applied: 'Applied',
    undo: 'Undo',
    undoLabel: (title) => `Undo the fix: ${title}`,
    otherFixes: (n) => `${n} other ${n === 1 ? 'suggestion' : 'suggestions'}`,
    emptyCell: '(empty)',
    change: (where, before, after) => `${where}: ${before} to ${after}`,
    consequences: (n) => `Breaks ${n} more ${n === 1 ? 'identity' : 'identities'}`,
    consequencesLabel: 'Other disagreements with the same cause',
    members: (n) => `${n} alike`,
    membersToggle: (n) => `Show all ${n}`,
    membersLabel: 'Findings of this kind',
    balanced: 'The two fixes are about as likely; which cell is wrong cannot be told: check, then choose one.',
    choice: (n) => `Fix ${n}`,
  },
  actions: {
    heading: 'Actions',
    fixSafe: (n) => `Fix all safe (${n})`,
    fixSafeHint: 'Applies every fix that is verified, at least 75% sure, and the only value suggested for its cell. Can be undone.',
    moreSafe: (n) => `After the last round, ${n} more change${n === 1 ? '' : 's'} became safe (a narrative figure whose two tables now agree, for instance): press Fix all safe again.`,
    noSafe: 'No fix is safe to apply without a look.',
    mark: 'Mark problem cells',
    markHint: 'Colours each problem cell by severity (a conditional format); the cells keep their own formatting.',
    clearMarks: 'Clear marks',
    marked: (n) => `${n} ${n === 1 ? 'cell' : 'cells'} marked`,
    legend: 'Mark colours',
    export: 'Export report',
    exportSheet: 'Add the "Gouji report" sheet',
    exportJson: 'Save JSON',
    exportCsv: 'Save CSV',
    exportText: 'Save text report',
    downloadFixed: 'Download fixed file',
    downloadFixedHint: 'The original file is not changed; the copy holds the applied fixes.',
    downloadAnnotated: 'Download annotated file',
    downloadAnnotatedHint: 'Problem cells filled by severity, each with a note.',
    fileNames: { fixed: 'fixed', annotated: 'annotated', report: 'gouji-report' },
  },
  journal: {
    heading: 'Applied fixes',
    undoLast: 'Undo last batch',
    batchSafe: (n) => `Fix all safe · ${n} ${n === 1 ? 'fix' : 'fixes'}`,
    batchOne: 'Fix',
    cells: (n) => `${n} ${n === 1 ? 'cell' : 'cells'}`,
    persistent: 'The undo record is saved with the workbook: fixes can be undone after closing and reopening it.',
    session: 'This Excel cannot keep the undo record in the workbook: fixes can be undone until the pane closes.',
    file: 'Changes apply to a copy in this browser; the original file is unchanged. Save them with Download fixed file.',
  },
  notices: {
    applied: (title, n) => `Applied: ${title} (${n} ${n === 1 ? 'cell' : 'cells'})`,
    appliedSafe: (fixes, cells) => `Applied ${fixes} safe ${fixes === 1 ? 'fix' : 'fixes'} (${cells} ${cells === 1 ? 'cell' : 'cells'}).`,
    undone: (n) => `Undid ${n} ${n === 1 ? 'fix' : 'fixes'}.`,
    marked: (n) => `Marked ${n} ${n === 1 ? 'cell' : 'cells'}.`,
    cleared: 'Marks cleared; the cells look as they did before.',
    exported: (name) => `Added the "${name}" sheet.`,
    saved: (name) => `Saved ${name}`,
    dismiss: 'Dismiss',
    cancelled: 'Check stopped.',
  },
  filters: {
    search: 'Search the results',
    searchPlaceholder: 'Search messages, cells, rules',
    toggle: 'Filter',
    severity: 'Severity',
    sheet: 'Sheet',
    rule: 'Rule',
    all: 'All',
    showing: (shown, total) => `Showing ${shown} of ${total}`,
    clear: 'Clear filters',
    noMatch: 'No result matches the filters.',
  },
  settings: {
    open: 'Settings',
    heading: 'Check settings',
    tolerance: 'Tolerance per term',
    toleranceHint: 'The difference allowed per rounded term, in the table unit (default 0.01). Larger differences are errors.',
    toleranceInvalid: 'Enter a number of 0 or more, such as 0.01.',
    catalogYear: 'Catalog year',
    catalogAuto: 'Auto',
    catalogHint: 'The functional classification catalog; Auto picks the budget year of the workbook.',
    groups: 'Rule groups',
    groupNames: {
      row: 'Row totals',
      hierarchy: 'Parent subjects and total rows',
      'cross-table': 'Across tables',
      cell: 'Cells (formulas, numbers as text, subject catalog)',
      metadata: 'Headings (unit, year, department)',
      narrative: 'Amounts in the narrative',
    },
    autoRecheck: 'Check again after edits',
    autoRecheckHint: 'In Excel, checks again about 1.5 seconds after a cell is edited.',
    reset: 'Restore defaults',
    appliesOnCheck: 'Changing a setting checks again.',
  },
  report: {
    sheetName: 'Gouji report',
    title: (department) => `Gouji report · ${department}`,
    file: (name, when) => `Workbook: ${name}   Checked: ${when}`,
    counts: (e, w, i) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${i} ${i === 1 ? 'note' : 'notes'}`,
    header: {
      n: 'No.',
      severity: 'Severity',
      rule: 'Rule',
      cell: 'Cell',
      message: 'Message',
      expected: 'Expected',
      actual: 'Actual',
      difference: 'Difference',
      fix: 'Suggested fix',
      confidence: 'Confidence',
    },
  },
  errors: {
    title: 'The check could not finish',
    openTitle: 'Cannot open the file',
    retry: 'Try again',
    selectTitle: 'Cannot go to that cell',
    applyTitle: 'The fix was not applied',
    undoTitle: 'Could not undo',
    markTitle: 'Cannot mark the cells',
    exportTitle: 'Cannot export the report',
    watchTitle: 'Cannot check again automatically',
    'no-file': () => 'Open a .xlsx file first.',
    unreadable: () => 'The file is damaged, or it is not an Excel workbook (.xlsx).',
    'read-failed': () => 'Excel did not hand over the workbook. Leave cell editing mode and try again.',
    'sheet-not-found': (s) => `The sheet${s ? ` "${s}"` : ''} is gone; it may have been renamed or deleted. Check again.`,
    'select-failed': () => 'Excel could not select that cell.',
    stale: (c) => `Cell ${c} changed after the check, so it no longer holds what the fix expects. Nothing was written; check again, then apply.`,
    protected: (s) => `The sheet${s ? ` "${s}"` : ''} is protected. Nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.`,
    'read-only': () => 'The workbook is open read-only, so changes cannot be saved. Nothing was written. Open it for editing and try again.',
    'structure-protected': () => 'The workbook structure is protected, so no sheet can be added. Nothing was written. Unprotect it (Review → Protect Workbook) first.',
    'undo-changed': (c) => `Cell${c ? ` ${c}` : ''} was edited after the fix; undoing would overwrite that edit, so nothing was undone.`,
    'undo-later': (c) => `A later fix also changed cell${c ? ` ${c}` : ''}; undo that one first.`,
    unsupported: (v) => `This version of Excel does not support this (it needs ExcelApi ${v}).`,
    'write-failed': () => 'Excel could not write to the workbook. Check again and retry.',
    'edit-mode': () => 'Excel is editing a cell and cannot read or write the workbook now. Press Enter or Esc to finish editing, then retry. Nothing was written.',
    engine: () => 'The check stopped on an internal error.',
    unknown: () => 'Something unexpected went wrong.',
  },
  preview: {
    heading: 'Preview',
    sheet: 'Sheet',
    empty: 'Open a file to see its sheets here; click a cell in the results to go to it.',
    hidden: ' (hidden)',
    truncated: (rows, cols) => `Showing the first ${rows} rows and ${cols} columns.`,
    gridLabel: (sheet) => `Read-only preview of sheet "${sheet}"`,
    edited: 'Fixed',
    evidence: 'Evidence cell',
    loading: 'Loading the sheet…',
    close: 'Close the preview',
    title: (sheet) => `Preview · ${sheet}`,
  },
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { 'zh-CN': zhCN, 'en-US': enUS };

/**
 * The pane's language: en-US when `?lang=en-US` (or `en`) is in the URL or Office's display
 * language starts with `en`; zh-CN otherwise (also for `?lang=zh-CN`, which wins over Office).
 */
export function pickLang(search: string, displayLanguage?: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked) return /^en/i.test(asked) ? 'en-US' : 'zh-CN';
  return displayLanguage && /^en/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}
