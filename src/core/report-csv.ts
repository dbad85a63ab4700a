// The findings of checked workbooks as CSV: the CLI's --format csv and the task pane's export.
import type { Lang } from './messages/catalog';
import type { JsonWorkbook } from './report-json';

/** The header and the words of the CSV, per language (people open it in Excel). */
const CSV_WORDS: Record<Lang, { header: readonly string[]; severity: Record<'error' | 'warning' | 'info', string>; unreadable: string }> = {
  'zh-CN': {
    header: ['文件', '严重程度', '规则', '工作表', '单元格', '应为', '实为', '差额', '说明', '建议修正', '把握'],
    severity: { error: '错误', warning: '警告', info: '提示' },
    unreadable: '无法读取',
  },
  'en-US': {
    header: ['file', 'severity', 'rule', 'sheet', 'cell', 'expected', 'actual', 'difference', 'message', 'fix', 'confidence'],
    severity: { error: 'error', warning: 'warning', info: 'info' },
    unreadable: 'unreadable',
  },
};

function csvCell(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  // Guard against formula injection when the CSV is opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Every finding of every workbook as CSV (UTF-8, with a BOM so Excel reads the Chinese), the header
 * and the severities in `lang` (English unless told). The columns are the same in both languages.
 */
export function findingsCsv(workbooks: readonly JsonWorkbook[], lang: Lang = 'en-US'): string {
  const words = CSV_WORDS[lang];
  const lines = [words.header.join(',')];
  for (const w of workbooks) {
    for (const e of w.errors) lines.push([w.file, words.unreadable, '', '', '', '', '', '', e, '', ''].map(csvCell).join(','));
    for (const f of w.findings) {
      const c = f.cells[0];
      const fix = f.fixes[0];
      lines.push([w.file, words.severity[f.severity], f.rule, c?.sheet, c?.address, f.expected, f.actual, f.difference, f.message, fix?.title, fix?.confidence].map(csvCell).join(','));
    }
  }
  return '\ufeff' + lines.join('\r\n');
}
