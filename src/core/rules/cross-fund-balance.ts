// Rule `cross-fund-balance`: in final accounts (部门决算), each fund's own table against the fiscal summary
// (财政拨款收入支出决算总表): the 合计 row of 一般公共预算 / 政府性基金 / 国有资本经营 …收入支出决算表 carries the same
// 年初结转和结余, 本年收入, 本年支出 and 年末结转和结余 as that fund's lines and column of the summary.
import type { Finding } from '../findings';
import type { TableKind } from '../recognize/kinds';
import type { Column, Row, Table } from '../recognize/model';
import { labelKey } from '../text';
import type { Rule, RuleContext } from './rule';
import { columnOf, PARTS } from './row-balance';
import { colOf, crossSum, label, sideColumns, tableData, type PlacedCell } from './cross-shared';
import type { TableCell } from './sum-check';

const ID = 'cross-fund-balance';

/** The funds of the fiscal summary, each with the table that details it and the words that name it. */
const FUNDS: ReadonlyArray<{ kind: TableKind; name: RegExp; what: string }> = [
  { kind: 'general-budget-expenditure', name: /一般公共预算/, what: 'general' },
  { kind: 'government-fund-expenditure', name: /政府性基金/, what: 'fund' },
  { kind: 'state-capital-expenditure', name: /国有资本经营/, what: 'capital' },
];

const OPENING_LINE = /^年初(财政拨款)?结转和?结余$/;
const CLOSING_LINE = /^年末(财政拨款)?结转和?结余$/;
const SPENDING_LINE = /^本年支出合计$/;

const key = (row: Row) => labelKey(row.name);

/** The summary's figures for one fund: its income line (before 年初), its opening line (after 年初), its column. */
interface FundLines {
  income?: TableCell;
  opening?: TableCell;
  spending?: TableCell;
  closing?: TableCell;
}

function summaryLines(income: Table | undefined, expenditure: Table | undefined, name: RegExp): FundLines {
  const out: FundLines = {};
  if (income) {
    // The side's one amount column (决算数, 金额 beside a 行次 …); a side printed in several is not compared here.
    const cols = sideColumns(income);
    const col = cols.length === 1 ? cols[0] : undefined;
    const openingAt = income.rows.findIndex((r) => OPENING_LINE.test(key(r)));
    if (col !== undefined) {
      const named = (r: Row) => name.test(key(r)) && !r.isTotal;
      const before = income.rows.slice(0, openingAt < 0 ? income.rows.length : openingAt).find(named);
      if (before) out.income = { table: income, row: before, col };
      const after = openingAt < 0 ? undefined : income.rows.slice(openingAt + 1).find(named);
      if (after) out.opening = { table: income, row: after, col };
    }
  }
  if (expenditure) {
    // The fund's own column (一般公共预算财政拨款), never the 合计 beside it.
    const col = expenditure.columns.find((c: Column) => c.role !== 'total' && c.path.some((p) => name.test(labelKey(p))))?.col;
    if (col !== undefined) {
      const spending = expenditure.rows.find((r) => SPENDING_LINE.test(key(r)));
      if (spending) out.spending = { table: expenditure, row: spending, col };
      const closing = expenditure.rows.find((r) => CLOSING_LINE.test(key(r)));
      if (closing) out.closing = { table: expenditure, row: closing, col };
    }
  }
  return out;
}

export const crossFundBalance: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '各资金决算表与财政拨款收入支出决算总表', en: 'Each fund against the fiscal summary (final accounts)' },
    description: {
      zh: '部门决算中，一般公共预算、政府性基金、国有资本经营各收入支出决算表“合计”行的年初结转和结余、本年收入、本年支出、年末结转和结余，应分别等于财政拨款收入支出决算总表中该资金的收入行、年初结转和结余行和支出列。',
      en: 'In final accounts, the 合计 row of each fund table (general budget, government fund, state capital) carries the same opening carry-over, income, spending and closing carry-over as that fund’s lines and column of the fiscal summary.',
    },
    needs: ['fiscal-appropriation-summary', 'general-budget-expenditure', 'government-fund-expenditure', 'state-capital-expenditure'],
    conditional: true,
  },
  check(ctx: RuleContext) {
    const findings: Finding[] = [];
    const final = (t: Table) => t.basis === 'final';
    const income = ctx.tables.find((t) => t.kind === 'fiscal-appropriation-summary' && t.part === 'income' && final(t));
    const expenditure = ctx.tables.find((t) => t.kind === 'fiscal-appropriation-summary' && t.part === 'expenditure' && final(t));
    if (!income && !expenditure) return findings;
    for (const fund of FUNDS) {
      const table = ctx.tables.find((t) => t.kind === fund.kind && final(t) && t.rows.some((r) => r.isTotal));
      if (!table) continue;
      const total = table.rows.find((r) => r.isTotal)!;
      const lines = summaryLines(income, expenditure, fund.name);
      const spending = columnOf(table, PARTS.spending)?.col ?? colOf(table, 'total');
      const pairs: Array<[number | undefined, TableCell | undefined, string]> = [
        [columnOf(table, PARTS.opening)?.col, lines.opening, 'opening'],
        [columnOf(table, PARTS.income)?.col, lines.income, 'income'],
        [spending, lines.spending, 'spending'],
        [columnOf(table, PARTS.closing)?.col, lines.closing, 'closing'],
      ];
      for (const [col, other, what] of pairs) {
        if (col === undefined || !other) continue;
        const checked: PlacedCell = { table, row: total, col };
        const f = crossSum({
          rule: ID,
          ctx,
          checked,
          terms: [other],
          messageId: `${ID}.mismatch`,
          data: () => ({ ...tableData(table, 'table'), ...tableData(other.table!, 'other'), row: label(total), otherRow: label(other.row), what: `@${ID}.what.${what}`, fund: `@${ID}.fund.${fund.what}` }),
        });
        if (f) findings.push(f);
      }
    }
    return findings;
  },
};
