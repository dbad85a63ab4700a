// Rule `cross-fiscal-vs-summary`: 财政拨款收支总表 against 收支总表 — the totals of both sides and each 类 line of
// the expenditure side. Equal when the department has only fiscal money (收支总表's income lines say so);
// otherwise the fiscal amounts are a part and may not exceed the summary's.
import type { Finding } from '../findings';
import type { Row, Table } from '../recognize/model';
import type { Rule, RuleContext } from './rule';
import { classLines, columnsLabel, crossBound, crossSums, firstTable, funding, hasMoney, label, sidePairs, sideTotalLine, tableData, tablesOf } from './cross-shared';

const ID = 'cross-fiscal-vs-summary';

function compare(ctx: RuleContext, equal: boolean, fiscal: Table, fr: Row, summary: Table, sr: Row, basis: string): Finding[] {
  const out: Finding[] = [];
  for (const pair of sidePairs(fiscal, summary)) {
    const left = pair.a.map((col) => ({ table: fiscal, row: fr, col }));
    const right = pair.b.map((col) => ({ row: sr, col, table: summary }));
    const data = { ...tableData(fiscal, 'table'), ...tableData(summary, 'other'), row: label(fr), otherRow: label(sr), otherColumns: columnsLabel(summary, pair.b), basis };
    if (equal) {
      const f = crossSums(ID, ctx, left, right, `${ID}.mismatch`, data);
      if (f) out.push(f);
    } else if (left.length === 1) {
      const f = crossBound({ rule: ID, ctx, checked: left[0]!, bound: right, relation: 'at-most', messageId: `${ID}.exceeds`, data });
      if (f) out.push(f);
    }
  }
  return out;
}

export const crossFiscalVsSummary: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '财政拨款收支总表与收支总表', en: 'Fiscal appropriation vs income and expenditure summary' },
    description: {
      zh: '财政拨款收支总表的收入总计、支出总计和各类支出，在部门只有财政拨款资金时与收支总表相等，否则不大于收支总表。',
      en: 'Total income, total expenditure and each class in the fiscal appropriation summary equal the income and expenditure summary when all the money is fiscal, and otherwise do not exceed it.',
    },
    needs: ['fiscal-appropriation-summary', 'income-expense-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const money = funding(ctx);
    // The fiscal table itself cannot tell that all the money is fiscal: only 收支总表 or 收入总表 can.
    const told = money.source !== undefined && money.source.kind !== 'fiscal-appropriation-summary';
    const equal = money.onlyFiscal === true && told;
    const basis = equal
      ? `@${ID}.basis.only-fiscal${money.source!.kind === 'income-summary' ? '-income' : ''}`
      : money.onlyFiscal === false && told
        ? `@${ID}.basis.other-money`
        : `@${ID}.basis.unknown`;
    for (const part of ['income', 'expenditure'] as const) {
      const fiscal = firstTable(ctx, 'fiscal-appropriation-summary', part);
      const summary = firstTable(ctx, 'income-expense-summary', part);
      if (!fiscal || !summary) continue;
      const fr = sideTotalLine(fiscal);
      const sr = sideTotalLine(summary);
      if (fr && sr) findings.push(...compare(ctx, equal, fiscal, fr, summary, sr, basis));
      if (part !== 'expenditure') continue;
      const coded = [...tablesOf(ctx, 'expenditure-summary'), ...tablesOf(ctx, 'general-budget-expenditure')];
      const inSummary = new Map<string, Row>();
      for (const l of classLines(ctx, summary, coded)) if (!inSummary.has(l.code) || hasMoney(l.row)) inSummary.set(l.code, l.row);
      const seen = new Set<string>();
      for (const l of classLines(ctx, fiscal, coded)) {
        const other = inSummary.get(l.code);
        if (!other || seen.has(l.code)) continue;
        if (!hasMoney(l.row) && !(equal && hasMoney(other))) continue;
        seen.add(l.code);
        findings.push(...compare(ctx, equal, fiscal, l.row, summary, other, basis));
      }
    }
    return findings;
  },
};
