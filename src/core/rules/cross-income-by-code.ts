// Rule `cross-income-by-code`: a 收入总表 laid out by functional subject (Shanghai's 部门收入预算总表, the central
// 收入总表) against the 支出总表, code by code: in a budget whose income equals its expenditure (nothing carried to
// next year), the money each subject receives is the money it spends. Final accounts carry money over: never there.
import { cellRef, classifyDifference, type Finding } from '../findings';
import { displayAmount } from '../money/money';
import type { Row, Table } from '../recognize/model';
import { FirstByUnitAndCode } from './hierarchy';
import type { Rule } from './rule';
import { colOf, crossSum, firstTable, hasMoney, label, notice, tableData, tablesOf, totalRowOf, valueAt } from './cross-shared';

const ID = 'cross-income-by-code';

/** The functional-subject rows of a table, the first of each code within a unit's block. */
class Coded {
  private readonly first = new FirstByUnitAndCode();
  /** The rows kept, in table order. */
  readonly rows: Row[] = [];

  constructor(table: Table) {
    for (const r of table.rows) {
      if (r.code === undefined || r.unitCode !== undefined || r.isTotal || !r.code.startsWith('2')) continue;
      if (this.first.add(r.unit ?? '', r.code, r)) this.rows.push(r);
    }
  }

  /** This table's row of the same unit and code as `r`. */
  get(r: Row): Row | undefined {
    return this.first.get(r.unit ?? '', r.code!);
  }
}

export const crossIncomeByCode: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '收入总表与支出总表逐科目', en: 'Income vs expenditure by subject' },
    description: {
      zh: '收入总表按功能分类科目列示时，逐科目比较其合计与支出总表的合计：收支平衡、没有结转下年的预算中应相等（决算有结转结余，不比较）。',
      en: 'An income summary laid out by functional subject is compared with the expenditure summary subject by subject: in a budget whose income equals its expenditure (nothing carried to next year) they are equal (final accounts carry money over and are not compared).',
    },
    needs: ['income-summary', 'expenditure-summary'],
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    const es = firstTable(ctx, 'expenditure-summary');
    if (!es || es.basis === 'final') return findings;
    const esCol = colOf(es, 'total');
    const esTotal = totalRowOf(es);
    if (esCol === undefined) return findings;
    const esRows = new Coded(es);
    for (const income of tablesOf(ctx, 'income-summary')) {
      if (income.basis === 'final') continue;
      const col = colOf(income, 'total');
      const rows = new Coded(income);
      if (col === undefined || rows.rows.length === 0) continue;
      // Only when the two totals agree: then no money is carried to next year and every subject balances.
      const total = totalRowOf(income);
      const a = total && valueAt({ row: total, col });
      const b = esTotal && valueAt({ row: esTotal, col: esCol });
      if (a === undefined || b === undefined) continue;
      if (classifyDifference(a.minus(b), 2, ctx.rounding) === 'real') {
        // Money carried to next year, or a slip carried into one of the totals: nothing to report, but the subjects
        // that still balance and the ones that do not are evidence of which row carries the slip (soft, unreported).
        const evidence = { perTerm: ctx.rounding.perTerm, ...(ctx.rounding.sink ? { sink: ctx.rounding.sink } : {}) };
        for (const row of rows.rows) {
          const other = esRows.get(row);
          if (other) crossSum({ rule: ID, ctx, checked: { table: income, row, col }, terms: [{ row: other, col: esCol, table: es }], messageId: `${ID}.mismatch`, data: {}, severity: 'warning', policy: evidence });
        }
        continue;
      }
      for (const row of rows.rows) {
        const other = esRows.get(row);
        // Made only for a finding: labels cost time on every row.
        const data = () => ({ ...tableData(income, 'table'), ...tableData(es, 'other'), row: label(row), otherRow: other ? label(other) : '' });
        if (!other) {
          if (hasMoney(row, [col]))
            findings.push(notice(ID, 'warning', { table: income, row: row.row, col }, [cellRef(es.sheet, es.titleCell?.row ?? es.rect.r0, es.titleCell?.col ?? es.rect.c0, 'evidence')], `${ID}.missing`, { ...data(), actual: displayAmount(valueAt({ row, col })!) }));
          continue;
        }
        const f = crossSum({ rule: ID, ctx, checked: { table: income, row, col }, terms: [{ row: other, col: esCol, table: es }], messageId: `${ID}.mismatch`, data, fix: { confidence: 0.4, reason: 'cross.fix.reason.other-table' } });
        if (f) findings.push(f);
      }
    }
    return findings;
  },
};
