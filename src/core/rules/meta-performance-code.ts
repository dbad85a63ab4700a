// Rule `meta-performance-code`: every 绩效目标表 block names the same 主管部门 code (…-601).
import { cellRef, countCompared, skipReason, type Finding } from '../findings';
import type { Rule } from './rule';

const ID = 'meta-performance-code';

export const metaPerformanceCode: Rule = {
  meta: {
    id: ID,
    group: 'metadata',
    severity: 'warning',
    title: { zh: '绩效目标表主管部门编码', en: 'Department code of performance targets' },
    description: {
      zh: '各项目支出绩效目标表“主管部门及编码”中的部门编码应一致；与多数不同的编码多半是抄错。',
      en: 'The department code in “主管部门及编码” should be the same in every project performance block; one that differs from the majority is most likely mistyped.',
    },
    needs: ['project-performance'],
    conditional: true,
  },
  check(ctx) {
    const coded = ctx.tables.flatMap((t) =>
      (t.fields ?? [])
        .filter((f) => f.label === '主管部门及编码')
        .map((f) => ({ table: t, field: f, code: /(\d{3,})\s*$/.exec(f.text)?.[1] }))
        .filter((x): x is typeof x & { code: string } => x.code !== undefined),
    );
    const counts = new Map<string, number>();
    for (const c of coded) counts.set(c.code, (counts.get(c.code) ?? 0) + 1);
    const [majority, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    // A majority needs at least three blocks and more than half of them.
    if (coded.length < 3 || n * 2 <= coded.length) {
      skipReason(ctx.rounding, 'skip.meta-performance-code.few', { n: String(coded.length) });
      return [];
    }
    countCompared(ctx.rounding, coded.length - 1);
    return coded
      .filter((c) => c.code !== majority)
      .map((c): Finding => ({
        id: `${ID}@${c.table.sheet}!${cellRef(c.table.sheet, c.field.cell.row, c.field.cell.col, 'checked').address}`,
        rule: ID,
        severity: 'warning',
        message: { id: `${ID}.differs`, data: { text: c.field.text, code: c.code, majority, n: String(n) } },
        cells: [cellRef(c.table.sheet, c.field.cell.row, c.field.cell.col, 'checked')],
        fixes: [
          {
            title: { id: `${ID}.fix`, data: { majority } },
            confidence: 0.8,
            reason: { id: `${ID}.reason`, data: { n: String(n) } },
            edits: [{ sheet: c.table.sheet, address: cellRef(c.table.sheet, c.field.cell.row, c.field.cell.col, 'checked').address, before: c.field.text, after: c.field.text.replace(/(\d{3,})\s*$/, majority) }],
          },
        ],
      }));
  },
};
