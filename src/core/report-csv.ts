// The findings of checked workbooks as CSV: the CLI's --format csv and the task pane's export.
import type { JsonWorkbook } from './report-json';

function csvCell(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  // Guard against formula injection when the CSV is opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every finding of every workbook as CSV (UTF-8, with a BOM so Excel reads the Chinese). */
export function findingsCsv(workbooks: readonly JsonWorkbook[]): string {
  const header = ['file', 'severity', 'rule', 'sheet', 'cell', 'expected', 'actual', 'difference', 'message', 'fix', 'confidence'];
  const lines = [header.join(',')];
  for (const w of workbooks) {
    for (const e of w.errors) lines.push([w.file, 'unreadable', '', '', '', '', '', '', e, '', ''].map(csvCell).join(','));
    for (const f of w.findings) {
      const c = f.cells[0];
      const fix = f.fixes[0];
      lines.push([w.file, f.severity, f.rule, c?.sheet, c?.address, f.expected, f.actual, f.difference, f.message, fix?.title, fix?.confidence].map(csvCell).join(','));
    }
  }
  return '\ufeff' + lines.join('\r\n');
}
