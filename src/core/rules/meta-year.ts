// Rule `meta-year`: tables and the narrative name the workbook's budget year, not another.
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type Finding } from '../findings';
import { budgetYearMentions } from '../narrative/years';
import { printedTables } from '../narrative/tables';
import { TABLE_KINDS } from '../recognize/kinds';
import { yearIn } from '../recognize/meta';
import type { Table } from '../recognize/model';
import type { Rule } from './rule';

const ID = 'meta-year';

/** Where a table states its year: the title, else the header cell of the column that names it. */
function yearCell(t: Table): { row: number; col: number } | undefined {
  if (yearIn(t.title) !== undefined) return t.titleCell;
  const col = t.columns.find((c) => c.path.some((p) => yearIn(p) === t.meta.year));
  if (!col || !t.headerRows) return t.titleCell;
  const rows = t.headerRows.last - t.headerRows.first + 1;
  const index = col.path.findIndex((p) => yearIn(p) === t.meta.year);
  // A path as long as the header has one entry per header row; otherwise the top row holds the merge.
  return { row: col.path.length === rows ? t.headerRows.first + index : t.headerRows.first, col: col.col };
}

export const metaYear: Rule = {
  meta: {
    id: ID,
    group: 'metadata',
    severity: 'warning',
    title: { zh: '预算年度', en: 'Budget year' },
    description: {
      zh: '各表标题、表头和情况说明中作为本预算年度出现的年份应与工作簿的预算年度一致；“比 2023 年增加”“截止 2023 年 12 月 31 日”这类比较和日期不算。',
      en: 'The year that table titles, headers and the narrative give as the budget year should be the workbook\'s; comparisons ("比 2023 年增加") and dates ("截止 2023 年 12 月 31 日") do not count.',
    },
    needs: [...TABLE_KINDS],
  },
  check(ctx) {
    const year = ctx.meta.year;
    if (year === undefined) return [];
    const findings: Finding[] = [];
    for (const t of printedTables(ctx.tables)) {
      if (t.meta.year !== undefined) countCompared(ctx.rounding);
      if (t.meta.year !== undefined && t.meta.year !== year) {
        const cell = yearCell(t);
        if (cell) {
          findings.push({
            id: `${ID}@${t.sheet}!${a1(cell.row, cell.col)}`,
            rule: ID,
            severity: 'warning',
            message: { id: `${ID}.table`, data: { title: t.title, stated: String(t.meta.year), year: String(year) } },
            cells: [cellRef(t.sheet, cell.row, cell.col, 'checked')],
            actual: String(t.meta.year),
            expected: String(year),
            fixes: [],
          });
        }
      }
      if (t.kind !== 'narrative') continue;
      for (const p of t.paragraphs ?? []) {
        const wrong = budgetYearMentions(p.text).filter((m) => m.year !== year);
        wrong.forEach((m, i) => {
          const address = a1(p.row, p.col);
          const after = `${p.text.slice(0, m.start)}${year}${p.text.slice(m.end)}`;
          findings.push({
            id: `${ID}@${t.sheet}!${address}${i > 0 ? `#${i + 1}` : ''}`,
            rule: ID,
            severity: 'warning',
            message: { id: `${ID}.narrative`, data: { stated: String(m.year), year: String(year), excerpt: excerpt(p.text, m.start, m.end) } },
            cells: [cellRef(t.sheet, p.row, p.col, 'checked')],
            actual: String(m.year),
            expected: String(year),
            fixes:
              wrong.length === 1
                ? [{ title: { id: `${ID}.fix.year`, data: { stated: String(m.year), year: String(year) } }, confidence: 0.7, reason: { id: `${ID}.fix.reason`, data: {} }, edits: [{ sheet: t.sheet, address, before: p.text, after }] }]
                : [],
          });
        });
      }
    }
    return findings;
  },
};

/** A few characters around a stretch of text, for the message (`…无 2022 年政府性基金…`). */
function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 6);
  const to = Math.min(text.length, end + 14);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
