// Rule `meta-sequence`: a 序号 column counts 1, 2, 3 … without gaps or repeats.
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type Finding } from '../findings';
import { TABLE_KINDS } from '../recognize/kinds';
import type { Row } from '../recognize/model';
import { halfWidth } from '../text';
import type { Rule } from './rule';

const ID = 'meta-sequence';

/** The 序号 printed in a row, when recognition keeps it (proposed `Row.seq`: the text of the row's 序号 cell). */
export function seqText(row: Row): string | undefined {
  return (row as Row & { seq?: string }).seq;
}

function seqNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const s = halfWidth(text).trim();
  return /^\d{1,4}$/.test(s) ? Number(s) : undefined;
}

export const metaSequence: Rule = {
  meta: {
    id: ID,
    group: 'metadata',
    severity: 'info',
    title: { zh: '序号连续', en: 'Sequence numbers' },
    description: {
      zh: '序号列应从上到下逐一递增：跳号（可能删去了行）或重号为提示。重新从 1 编号的分段不算。',
      en: 'A 序号 column should count up one by one: a gap (rows may have been deleted) or a repeated number is a note. A new block numbered from 1 again is fine.',
    },
    needs: [...TABLE_KINDS],
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    // Data rows of each printed table: a two-sided summary's 序号 also numbers rows only its other side fills.
    const dataRows = new Map<string, Set<number>>();
    const printed = (t: (typeof ctx.tables)[number]) => `${t.sheet}|${t.rect.r0}|${t.rect.c0}`;
    for (const t of ctx.tables) {
      const set = dataRows.get(printed(t)) ?? new Set<number>();
      for (const r of t.rows) set.add(r.row);
      dataRows.set(printed(t), set);
    }
    for (const t of ctx.tables) {
      const seqCol = t.columns.find((c) => c.role === 'seq')?.col;
      if (seqCol === undefined) continue;
      const rows = dataRows.get(printed(t))!;
      const numbered = t.rows.map((row) => ({ row, n: seqNumber(seqText(row)) })).filter((x): x is { row: Row; n: number } => x.n !== undefined);
      countCompared(ctx.rounding, Math.max(0, numbered.length - 1));
      for (let i = 1; i < numbered.length; i++) {
        const prev = numbered[i - 1]!;
        const cur = numbered[i]!;
        if (cur.n === prev.n + 1 || cur.n === 1) continue;
        const gap = cur.n > prev.n + 1;
        // A gap counts only between neighbouring data rows: rows between them may carry the missing numbers.
        if (gap && [...rows].some((r) => r > prev.row.row && r < cur.row.row)) continue;
        const address = a1(cur.row.row, seqCol);
        findings.push({
          id: `${ID}@${t.sheet}!${address}`,
          rule: ID,
          severity: 'info',
          message: {
            id: gap ? `${ID}.gap` : cur.n === prev.n ? `${ID}.repeat` : `${ID}.back`,
            data: {
              previous: String(prev.n),
              current: String(cur.n),
              missing: cur.n - prev.n === 2 ? String(prev.n + 1) : `${prev.n + 1}–${cur.n - 1}`,
            },
          },
          cells: [cellRef(t.sheet, cur.row.row, seqCol, 'checked'), cellRef(t.sheet, prev.row.row, seqCol, 'evidence')],
          fixes: [],
        });
      }
    }
    return findings;
  },
};
