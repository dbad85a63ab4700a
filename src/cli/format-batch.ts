// Batch outputs: the summary table of a folder check, and the CSV of all findings.
import type { Lang } from '../core/messages/catalog';
import type { JsonWorkbook } from '../core/report-json';

const count = (wb: JsonWorkbook, sev: string) => wb.findings.filter((f) => f.severity === sev).length;

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** One line per workbook: name, errors, warnings, infos, tables found (unreadable ones say so). */
export function summaryTable(workbooks: readonly JsonWorkbook[], lang: Lang): string {
  const head = lang === 'zh-CN' ? ['工作簿', '错误', '警告', '提示', '表格数'] : ['Workbook', 'Errors', 'Warnings', 'Info', 'Tables'];
  const rows = workbooks.map((w) =>
    w.errors.length > 0
      ? [w.file, lang === 'zh-CN' ? '无法读取' : 'unreadable', '', '', '']
      : [w.file, String(count(w, 'error')), String(count(w, 'warning')), String(count(w, 'info')), String(w.tables.length)],
  );
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

