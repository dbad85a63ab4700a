// Rule `narrative-performance`: "确定 N 个二级项目…的绩效目标…涉及金额 X 万元" against the performance blocks printed.
import { cellRef, countCompared, type Finding } from '../findings';
import { displayAmount, Money, parseAmountText, sum } from '../money/money';
import { squash } from '../text';
import type { Rule } from './rule';

const ID = 'narrative-performance';
const SENTENCE = /确定(\d+)个(一级|二级)?项目(?:支出)?的绩效目标.*?涉及(?:金额|资金)([\d,.\s]+)万元/;

export const narrativePerformance: Rule = {
  meta: {
    id: ID,
    group: 'narrative',
    severity: 'warning',
    title: { zh: '情况说明与绩效目标表', en: 'Narrative vs performance targets' },
    description: {
      zh: '情况说明所称公开绩效目标的项目个数和涉及金额，应与工作簿中项目支出绩效目标表的个数及其年度资金总额之和一致。',
      en: 'The number of projects and the amount the narrative says have published performance targets equal the performance blocks printed and the sum of their 年度资金总额.',
    },
    needs: ['narrative', 'project-performance'],
    conditional: true,
  },
  check(ctx) {
    const blocks = ctx.tables.filter((t) => t.kind === 'project-performance' && t.fields?.some((f) => f.label === '项目名称'));
    if (blocks.length === 0) return [];
    const totals = blocks.map((t) => t.fields!.find((f) => f.label === '年度资金总额')?.amount.value);
    if (totals.some((v) => v === undefined)) return [];
    const printed = sum(totals);
    const out: Finding[] = [];
    for (const t of ctx.tables.filter((x) => x.kind === 'narrative')) {
      for (const p of t.paragraphs ?? []) {
        const m = SENTENCE.exec(squash(p.text));
        if (!m) continue;
        const stated = Number(m[1]);
        const amount = parseAmountText(m[3]!);
        if (amount === undefined) continue;
        countCompared(ctx.rounding);
        const countDiffers = stated !== blocks.length;
        const amountDiffers = !amount.eq(printed.toDecimalPlaces(amount.decimalPlaces(), Money.ROUND_HALF_UP));
        if (!countDiffers && !amountDiffers) continue;
        const checked = cellRef(t.sheet, p.row, p.col, 'checked');
        out.push({
          id: `${ID}@${t.sheet}!${checked.address}`,
          rule: ID,
          severity: 'warning',
          message: {
            id: `${ID}.differs`,
            data: { stated: String(stated), amount: m[3]!.trim(), blocks: String(blocks.length), printed: displayAmount(printed), sheet: blocks[0]!.sheet },
          },
          cells: [checked, ...blocks.map((b) => cellRef(b.sheet, b.fields!.find((f) => f.label === '年度资金总额')!.cell.row, b.fields!.find((f) => f.label === '年度资金总额')!.cell.col, 'evidence'))],
          fixes: [],
        });
      }
    }
    return out;
  },
};
