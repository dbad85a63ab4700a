// What 导出报告 and the downloads produce: the CSV of the findings, the 勾稽报告 sheet's rows, file names.
import type { JsonWorkbook } from '../core/report-json';
import type { SeverityGroup } from './display';
import type { ReportSheet } from './port';
import type { Strings } from './strings';

export { findingsCsv } from '../core/report-csv';

/** `预算.xlsx` + `已修正` → `预算-已修正.xlsx`. */
export function derivedName(file: string, suffix: string, extension: string): string {
  const base = file.replace(/\.(xlsx|xlsm|xls)$/i, '') || 'workbook';
  return `${base}-${suffix}.${extension}`;
}

/** An amount string as a number for the sheet (undefined stays empty). */
function amount(text: string | undefined): number | string {
  if (text === undefined) return '';
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : text;
}

/** The 勾稽报告 sheet: a heading, then one row per finding in the order the pane lists them, each linking to its cell. */
export function reportSheet(report: JsonWorkbook, groups: readonly SeverityGroup[], s: Strings, when: Date): ReportSheet {
  const h = s.report.header;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  const findings = groups.flatMap((g) => g.findings);
  return {
    name: s.report.sheetName,
    heading: [
      s.report.title(report.meta.department ?? report.file),
      s.report.file(report.file, when.toLocaleString(s.lang, { hour12: false })),
      s.report.counts(counts.error, counts.warning, counts.info),
    ],
    header: [h.n, h.severity, h.rule, h.cell, h.message, h.expected, h.actual, h.difference, h.fix, h.confidence],
    rows: findings.map((f, i) => ({
      values: [
        i + 1,
        s.results.severity[f.severity],
        f.ruleName,
        f.where,
        f.message,
        amount(f.expected),
        amount(f.actual),
        amount(f.difference),
        f.fix?.title ?? '',
        f.fix ? `${f.fix.percent}%` : '',
      ],
      ...(f.sheet !== undefined && f.address !== undefined ? { link: { sheet: f.sheet, address: f.address } } : {}),
    })),
    linkColumn: 3,
    amountColumns: [5, 6, 7],
    widths: [6, 8, 16, 16, 60, 12, 12, 12, 36, 8],
  };
}
