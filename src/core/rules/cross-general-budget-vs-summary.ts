// Rule `cross-general-budget-vs-summary`: 一般公共预算支出表 against 支出总表, row by row (same code): 合计,
// 基本支出 and 项目支出. Equal when all of the department's money is 一般公共预算 money; otherwise the general
// budget is a part and may not exceed the summary. A row in one table only is reported as well.
import { cellRef, type Finding } from '../findings';
import { displayAmount, ZERO, type Money } from '../money/money';
import type { ColumnRole, Row, Table } from '../recognize/model';
import { codeGroups } from '../recognize/tables';
import { labelKey } from '../text';
import { FirstByUnitAndCode } from './hierarchy';
import type { Rule, RuleContext } from './rule';
import { colOf, crossBound, crossSum, firstTable, funding, hasMoney, label, labelWithCode, notice, rowCodes, rowText, tableData, tablesOf, total, unitCodes, valueAt, type RowCode } from './cross-shared';

const ID = 'cross-general-budget-vs-summary';

/**
 * Rows are matched by code (within a unit's block), unit rows by unit code, and the 合计 rows with each other. A unit
 * one table codes differently from the others is matched by the majority's code (meta-unit-code says so, once).
 * The first row of each key counts; rows without a key are not matched.
 */
class RowsByKey {
  private total: Row | undefined;
  private readonly units = new Map<string, Row>();
  private readonly coded = new FirstByUnitAndCode();
  /** The rows kept, in table order. */
  readonly rows: Row[] = [];
  /** The table's unit codes that stand for the majority's (see unitOf). */
  private readonly alias: ReadonlyMap<string, string> | undefined;

  constructor(
    ctx: RuleContext,
    table: Table,
    private readonly codes: Map<Row, RowCode>,
  ) {
    this.alias = unitCodes(ctx.tables).alias.get(table);
    for (const r of table.rows) {
      if (r.isTotal) {
        if (this.total === undefined) this.rows.push((this.total = r));
      } else if (r.unitCode !== undefined) {
        const unit = this.unitOf(r.unitCode);
        if (this.units.has(unit)) continue;
        this.units.set(unit, r);
        this.rows.push(r);
      } else {
        const code = codeOf(r, codes);
        if (code !== undefined && this.coded.add(this.unitOf(r.unit ?? ''), code, r)) this.rows.push(r);
      }
    }
  }

  /** A unit as matched: the majority's code for one this table codes differently ('' stays ''). */
  private unitOf(unit: string): string {
    return this.alias?.get(unit) ?? unit;
  }

  /** This table's row under the key `r` has in `of` (this table when not given). */
  find(r: Row, of: RowsByKey = this): Row | undefined {
    if (r.isTotal) return this.total;
    if (r.unitCode !== undefined) return this.units.get(of.unitOf(r.unitCode));
    const code = codeOf(r, of.codes);
    return code === undefined ? undefined : this.coded.get(of.unitOf(r.unit ?? ''), code);
  }
}

/** A row's code as rowCodes gives it: its own when it has one (no look-up), else the one aligned to it. */
function codeOf(r: Row, codes: Map<Row, RowCode>): string | undefined {
  return r.code ?? codes.get(r)?.code;
}

const ROLES: readonly ColumnRole[] = ['total', 'basic', 'project'];

/** A row found in one table only, and its finding (made only when it is not half of a mirrored pair). */
interface Missing {
  readonly row: Row;
  readonly amount: Money;
  readonly finding: () => Finding;
}

/**
 * Rows in one table only, both ways. A row missing from each side with the same name (or, failing that, the same
 * amount) is one row coded differently in the two tables: one finding at its code, not two mirrored ones.
 */
function mirrored(ctx: RuleContext, gbe: Table, es: Table, gbeCodes: Map<Row, RowCode>, esCodes: Map<Row, RowCode>, mine: readonly Missing[], theirs: readonly Missing[]): Finding[] {
  const out: Finding[] = [];
  const taken = new Set<Missing>();
  const unique = (list: readonly Missing[]) => (list.length === 1 ? list[0] : undefined);
  for (const m of mine) {
    const free = theirs.filter((t) => !taken.has(t));
    const twin = unique(free.filter((t) => labelKey(rowText(t.row)) === labelKey(rowText(m.row)) && labelKey(rowText(m.row)).length >= 2)) ?? unique(free.filter((t) => t.amount.eq(m.amount) && !m.amount.isZero()));
    const a = gbeCodes.get(m.row);
    const b = twin ? esCodes.get(twin.row) : undefined;
    if (!twin || !a || !b || a.code === b.code) {
      out.push(m.finding());
      continue;
    }
    taken.add(twin);
    // The code's last column (项 of split 类 | 款 | 项 codes: where two codes of one 款 differ), else the name.
    const codeCol = (t: Table) => codeGroups(t.columns)[0]?.at(-1)?.col ?? t.columns.find((c) => c.role === 'name')?.col ?? t.rect.c0;
    out.push(
      notice(ID, a.source === 'cell' && b.source === 'cell' ? 'error' : 'warning', { table: gbe, row: m.row.row, col: codeCol(gbe) }, [cellRef(es.sheet, twin.row.row, codeCol(es), 'evidence')], `${ID}.code-differs`, {
        ...tableData(gbe, 'table'),
        ...tableData(es, 'other'),
        row: labelWithCode(ctx, m.row, a.code),
        otherRow: label(twin.row),
        code: a.code,
        otherCode: b.code,
        actual: displayAmount(m.amount),
      }),
    );
  }
  for (const t of theirs) if (!taken.has(t)) out.push(t.finding());
  return out;
}

export const crossGeneralBudgetVsSummary: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '一般公共预算支出表与支出总表', en: 'General budget expenditure vs expenditure summary' },
    description: {
      zh: '一般公共预算支出表与支出总表逐行（按科目编码）比较合计、基本支出、项目支出：部门全部资金为一般公共预算时应相等，否则一般公共预算数不应大于支出总表；只在一张表中出现的科目也列出。',
      en: 'The general budget expenditure table against the expenditure summary, row by row (by code), on total, basic and project expenditure: equal when all the money is general budget money, otherwise not larger; a subject in only one of them is reported too.',
    },
    needs: ['general-budget-expenditure', 'expenditure-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const es = firstTable(ctx, 'expenditure-summary');
    if (!es) return findings;
    const money = funding(ctx);
    const equal = money.onlyGeneral === true;
    const basis = equal ? `@${ID}.basis.only-general` : money.onlyGeneral === false ? `@${ID}.basis.other-money` : `@${ID}.basis.unknown`;
    const esCodes = rowCodes(es);
    const esRows = new RowsByKey(ctx, es, esCodes);
    for (const gbe of tablesOf(ctx, 'general-budget-expenditure')) {
      const onlyGeneral: Missing[] = [];
      const pairs = ROLES.map((role) => ({ mine: colOf(gbe, role), theirs: colOf(es, role) })).filter(
        (p): p is { mine: number; theirs: number } => p.mine !== undefined && p.theirs !== undefined,
      );
      if (pairs.length === 0) continue;
      const mineCols = pairs.map((p) => p.mine);
      const theirCols = pairs.map((p) => p.theirs);
      const gbeCodes = rowCodes(gbe, es);
      const gbeRows = new RowsByKey(ctx, gbe, gbeCodes);
      for (const row of gbeRows.rows) {
        const other = esRows.find(row, gbeRows);
        // Made only for a finding: labels cost time on every row.
        const data = () => ({ ...tableData(gbe, 'table'), ...tableData(es, 'other'), row: gbeCodes.get(row) ? labelWithCode(ctx, row, gbeCodes.get(row)!.code) : label(row), otherRow: other ? label(other) : '', basis });
        if (!other) {
          if (row.isTotal || !hasMoney(row, mineCols)) continue;
          const amount = valueAt({ row, col: mineCols[0]! }) ?? total(mineCols.slice(1).map((col) => ({ row, col })));
          onlyGeneral.push({
            row,
            amount,
            finding: () =>
              notice(ID, gbeCodes.get(row)?.source === 'cell' ? 'error' : 'warning', { table: gbe, row: row.row, col: mineCols[0]! }, [cellRef(es.sheet, es.titleCell?.row ?? es.rect.r0, es.titleCell?.col ?? es.rect.c0, 'evidence')], `${ID}.missing-in-summary`, {
                ...data(),
                actual: displayAmount(amount),
              }, { actual: amount, expected: ZERO }),
          });
          continue;
        }
        for (const { mine, theirs } of pairs) {
          const checked = { table: gbe, row, col: mine };
          const terms = [{ row: other, col: theirs, table: es }];
          const f = equal
            ? crossSum({ rule: ID, ctx, checked, terms, messageId: `${ID}.mismatch`, data })
            : crossBound({ rule: ID, ctx, checked, bound: terms, relation: 'at-most', messageId: `${ID}.exceeds`, data });
          if (f) findings.push(f);
        }
      }
      const onlySummary: Missing[] = [];
      if (equal) {
        for (const other of esRows.rows) {
          if (gbeRows.find(other, esRows) !== undefined || other.isTotal || !hasMoney(other, theirCols)) continue;
          const amount = valueAt({ row: other, col: theirCols[0]! }) ?? ZERO;
          onlySummary.push({
            row: other,
            amount,
            finding: () =>
              notice(ID, esCodes.get(other)?.source === 'cell' && !gbe.rows.some((r) => r.code === undefined && !r.isTotal && r.unitCode === undefined) ? 'error' : 'warning', { table: es, row: other.row, col: theirCols[0]! }, [cellRef(gbe.sheet, gbe.titleCell?.row ?? gbe.rect.r0, gbe.titleCell?.col ?? gbe.rect.c0, 'evidence')], `${ID}.missing-in-general`, {
                ...tableData(es, 'table'),
                ...tableData(gbe, 'other'),
                row: label(other),
                actual: displayAmount(amount),
                basis,
              }, { actual: amount, expected: ZERO }),
          });
        }
      }
      findings.push(...mirrored(ctx, gbe, es, gbeCodes, esCodes, onlyGeneral, onlySummary));
    }
    return findings;
  },
};
