// Rule `list-total`: line-item lists add up — an item equals its sub-items, 本年合计 the items,
// 总计 the 本年合计 plus carry-overs; and a two-sided summary's 收入总计 equals its 支出总计.
import type { Finding } from '../findings';
import { lineItems, numbering, type LineItem } from '../recognize/line-items';
import type { TableKind } from '../recognize/kinds';
import type { Row, Table } from '../recognize/model';
import { labelKey } from '../text';
import { amountColumns } from './hierarchy';
import type { Rule, RuleContext } from './rule';
import { checkRowSum, checkSum, columnLabel, rowLabel } from './sum-check';

/** Tables whose rows are line-item lists rather than subject codes. */
export const LIST_KINDS: readonly TableKind[] = ['income-expense-summary', 'fiscal-appropriation-summary', 'three-public-expenses'];

function compare(ctx: RuleContext, table: Table, parent: Row, children: readonly Row[], messageId: string): Finding[] {
  const items = children.map((t) => rowLabel(t)).slice(0, 3).join('、') + (children.length > 3 ? '…' : '');
  return checkRowSum({ rule: 'list-total', table, parent, children, policy: ctx.rounding, messageId, data: { items } });
}

/** The identities of one list. */
function checkList(ctx: RuleContext, table: Table): Finding[] {
  const items = lineItems(table);
  const findings: Finding[] = [];
  // An item equals its sub-items. A lone "of which" line (其中：财政拨款) is a part, not a breakdown, and
  // is left out; "其中：（1）… （2）…" enumerates the whole and counts.
  for (const p of items.filter((i) => i.level === 1 || i.level === 2)) {
    const terms = items.filter((i) => i.parent === p.row && i.kind !== 'count' && !(i.ofWhich && numbering(i.row.name).style === 'none'));
    if (terms.length === 0) continue;
    findings.push(...compare(ctx, table, p.row, terms.map((c) => c.row), 'list-total.item'));
  }
  // 本年合计 = its items (those before it, or after it when it heads the list); 总计 = 本年合计 + carry-overs.
  items.forEach((line, index) => {
    if (line.kind === 'year-total') {
      const before = items.slice(0, index);
      const after = items.slice(index + 1);
      const until = after.findIndex((i) => i.level === 0);
      const scope = index === 0 ? (until < 0 ? after : after.slice(0, until)) : before.slice(lastTotal(before) + 1);
      const terms = scope.filter((i) => i.level === 1 && i.kind === 'item').map((i) => i.row);
      if (terms.length > 0) findings.push(...compare(ctx, table, line.row, terms, 'list-total.year'));
    }
    if (line.kind === 'grand-total') {
      const before = items.slice(0, index);
      const y = before.map((i) => i.kind).lastIndexOf('year-total');
      const terms: LineItem[] =
        y >= 0
          ? [before[y]!, ...before.slice(y + 1).filter((i) => i.kind === 'carry' && i.level <= 1)]
          : before.filter((i) => i.level === 1);
      if (terms.length > 0) findings.push(...compare(ctx, table, line.row, terms.map((t) => t.row), 'list-total.grand'));
    }
  });
  return findings;
}

function lastTotal(items: readonly LineItem[]): number {
  let last = -1;
  items.forEach((i, n) => {
    if (i.level === 0 && i.kind !== 'carry') last = n;
  });
  return last;
}

/** 收入总计 = 支出总计, column by column (columns matched by their header's last words). */
function checkBalance(ctx: RuleContext, income: Table, expenditure: Table): Finding[] {
  const grand = (t: Table) => lineItems(t).find((i) => i.kind === 'grand-total')?.row;
  const gi = grand(income);
  const ge = grand(expenditure);
  if (!gi || !ge) return [];
  const findings: Finding[] = [];
  const tail = (t: Table, col: number) => labelKey(columnLabel(t, col).split('/').pop() ?? '');
  for (const ce of amountColumns(expenditure)) {
    const ci = amountColumns(income).find((c) => tail(income, c) === tail(expenditure, ce));
    if (ci === undefined) continue;
    const f = checkSum({
      rule: 'list-total',
      table: expenditure,
      checked: { row: ge, col: ce },
      terms: [{ row: gi, col: ci, table: income }],
      policy: ctx.rounding,
      messageId: 'list-total.balance',
      data: { row: rowLabel(ge), other: rowLabel(gi) },
      fixConfidence: 0.4,
      fixReason: { id: 'fix.reason.balance', data: {} },
    });
    if (f) findings.push(f);
  }
  return findings;
}

export const listTotal: Rule = {
  meta: {
    id: 'list-total',
    group: 'row',
    severity: 'error',
    title: { zh: '收支合计', en: 'List totals' },
    description: {
      zh: '收支总表、财政拨款收支总表、“三公”经费表中：各项等于其明细之和，本年合计等于各项之和，总计等于本年合计加结转，收入总计等于支出总计',
      en: 'In the summaries and the "three public" table: an item equals its sub-items, the year total the items, the grand total the year total plus carry-overs, and income equals expenditure',
    },
    needs: LIST_KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) if (LIST_KINDS.includes(table.kind)) findings.push(...checkList(ctx, table));
    for (const income of ctx.tables.filter((t) => t.part === 'income')) {
      const expenditure = ctx.tables.find((t) => t.part === 'expenditure' && t.sheet === income.sheet && t.rect.r0 === income.rect.r0);
      if (expenditure) findings.push(...checkBalance(ctx, income, expenditure));
    }
    return findings;
  },
};
