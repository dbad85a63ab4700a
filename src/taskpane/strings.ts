// Every sentence the task pane shows, in zh-CN (first) and en-US. Nothing else in src/taskpane holds UI text.
import type { Lang } from '../core/messages/catalog';
import type { PortErrorCode } from './port';

export type { Lang };
export type Severity = 'error' | 'warning' | 'info';

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
  };
  readonly summary: {
    readonly heading: string;
    readonly department: string;
    readonly year: string;
    readonly unit: string;
    readonly unknown: string;
    readonly tables: (n: number) => string;
    readonly sheets: (names: string) => string;
  };
  readonly check: {
    readonly button: string;
    readonly introExcel: string;
    readonly introFile: string;
    readonly needFile: string;
  };
  readonly progress: { readonly read: string; readonly analyze: string };
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
    readonly locate: (where: string) => string;
  };
  readonly errors: Readonly<Record<PortErrorCode | 'engine' | 'unknown', string>> & {
    readonly title: string;
    readonly retry: string;
    readonly selectTitle: string;
  };
  readonly preview: {
    readonly heading: string;
    readonly sheet: string;
    readonly empty: string;
    readonly hidden: string;
    readonly truncated: (rows: number, cols: number) => string;
    readonly gridLabel: (sheet: string) => string;
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
  },
  summary: {
    heading: '工作簿',
    department: '预算单位',
    year: '年度',
    unit: '单位',
    unknown: '—',
    tables: (n) => `识别到 ${n} 张表`,
    sheets: (names) => `工作表：${names}`,
  },
  check: {
    button: '检查',
    introExcel: '核对当前工作簿各表之间的勾稽关系：上下级科目、合计行与行内合计。',
    introFile: '打开一个部门预算工作簿（.xlsx），然后检查其中各表的勾稽关系。',
    needFile: '请先打开一个 .xlsx 文件。',
  },
  progress: { read: '正在读取工作簿…', analyze: '正在核对勾稽关系…' },
  results: {
    heading: '检查结果',
    severity: { error: '错误', warning: '警告', info: '提示' },
    severityHint: { error: '金额不符，需要更正', warning: '可能有误，请核实', info: '四舍五入误差范围内，可不处理' },
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
    locate: (where) => `定位到 ${where}`,
  },
  errors: {
    title: '无法完成检查',
    retry: '重试',
    selectTitle: '无法定位到该单元格',
    'no-file': '请先打开一个 .xlsx 文件。',
    unreadable: '无法读取此文件：它不是有效的 .xlsx 工作簿。',
    'read-failed': 'Excel 未能提供工作簿内容。请退出单元格编辑状态后重试。',
    'sheet-not-found': '找不到该工作表，它可能已被重命名或删除。请重新检查。',
    'select-failed': 'Excel 未能选中该单元格。',
    engine: '检查过程中出现内部错误。',
    unknown: '出现了意外错误。',
  },
  preview: {
    heading: '预览',
    sheet: '工作表',
    empty: '打开文件后，这里显示工作表内容；点击检查结果中的单元格即可定位。',
    hidden: '（隐藏）',
    truncated: (rows, cols) => `仅显示前 ${rows} 行、${cols} 列。`,
    gridLabel: (sheet) => `工作表“${sheet}”的只读预览`,
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
  },
  summary: {
    heading: 'Workbook',
    department: 'Department',
    year: 'Year',
    unit: 'Unit',
    unknown: '—',
    tables: (n) => `${n} ${n === 1 ? 'table' : 'tables'} recognized`,
    sheets: (names) => `Sheets: ${names}`,
  },
  check: {
    button: 'Check',
    introExcel: 'Checks that the tables of this workbook agree: parent and child subjects, total rows and row totals.',
    introFile: 'Open a department budget workbook (.xlsx), then check that its tables agree.',
    needFile: 'Open a .xlsx file first.',
  },
  progress: { read: 'Reading the workbook…', analyze: 'Checking the tables…' },
  results: {
    heading: 'Results',
    severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
    severityHint: { error: 'Amounts disagree and need correcting', warning: 'Possibly wrong, please verify', info: 'Within rounding, may be left as is' },
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
    locate: (where) => `Go to ${where}`,
  },
  errors: {
    title: 'The check could not finish',
    retry: 'Try again',
    selectTitle: 'Cannot go to that cell',
    'no-file': 'Open a .xlsx file first.',
    unreadable: 'Cannot read this file: it is not a valid .xlsx workbook.',
    'read-failed': 'Excel did not hand over the workbook. Leave cell editing mode and try again.',
    'sheet-not-found': 'That sheet is gone; it may have been renamed or deleted. Check again.',
    'select-failed': 'Excel could not select that cell.',
    engine: 'The check stopped on an internal error.',
    unknown: 'Something unexpected went wrong.',
  },
  preview: {
    heading: 'Preview',
    sheet: 'Sheet',
    empty: 'Open a file to see its sheets here; click a cell in the results to go to it.',
    hidden: ' (hidden)',
    truncated: (rows, cols) => `Showing the first ${rows} rows and ${cols} columns.`,
    gridLabel: (sheet) => `Read-only preview of sheet "${sheet}"`,
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
