// Rule `cross-economic-functional`: economic ↔ functional correspondences that usually (not always) hold between
// 一般公共预算基本支出表 (economic rows) and the 基本支出 of 一般公共预算支出表 (functional rows):
// 30108 养老保险缴费 = 2080505, 30113 住房公积金 = 2210201, 30111 公务员医疗补助缴费 = 2101103, and
// 30110 职工基本医疗保险缴费 ≤ 2101101 行政单位医疗 + 2101102 事业单位医疗 (which may also carry 医疗费补助 …).
import { cellRef, type Finding } from '../findings';
import { displayAmount } from '../money/money';
import type { Row, Table } from '../recognize/model';
import type { Rule, RuleContext } from './rule';
import { colOf, crossBound, crossSum, firstTable, hasMoney, label, labelWithCode, notice, printedGroups, rowCodes, rowText, tableData, total } from './cross-shared';

const ID = 'cross-economic-functional';

interface Correspondence {
  readonly economic: string;
  /** Functional 项 whose 基本支出 holds the economic subject; `fallback` when none of them is in the table. */
  readonly functional: readonly string[];
  readonly fallback?: readonly string[];
  readonly relation: 'equal' | 'at-most';
  readonly certainty: 'high' | 'medium';
}

export const CORRESPONDENCES: readonly Correspondence[] = [
  { economic: '30108', functional: ['2080505'], relation: 'equal', certainty: 'high' },
  { economic: '30113', functional: ['2210201'], relation: 'equal', certainty: 'high' },
  { economic: '30111', functional: ['2101103'], relation: 'equal', certainty: 'high' },
  { economic: '30110', functional: ['2101101', '2101102'], fallback: ['21011'], relation: 'at-most', certainty: 'medium' },
];

/** The economic rows of a basic expenditure table by code: printed codes, else names resolved by the economic catalog. */
function economicRows(ctx: RuleContext, table: Table): Map<string, Row> {
  const out = new Map<string, Row>();
  const catalog = ctx.catalogs.economicDepartment;
  for (const r of table.rows) {
    if (r.isTotal || r.unitCode !== undefined) continue;
    let code = r.code;
    if (code === undefined && catalog) {
      const found = catalog.findByName(rowText(r), '', 5);
      if (found.length === 1) code = found[0];
    }
    if (code !== undefined && !out.has(code)) out.set(code, r);
  }
  return out;
}

/** The functional rows by code (first occurrence, any unit); codes a row does not print are aligned with `ref`. */
function functionalRows(table: Table, ref: Table | undefined): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const [r, c] of rowCodes(table, ref)) if (!r.isTotal && !out.has(c.code)) out.set(c.code, r);
  return out;
}

export const crossEconomicFunctional: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'warning',
    title: { zh: '经济分类与功能分类对应', en: 'Economic vs functional subjects' },
    description: {
      zh: '基本支出表中 30108 养老保险缴费、30113 住房公积金、30111 公务员医疗补助缴费通常分别等于一般公共预算支出表 2080505、2210201、2101103 的基本支出；30110 职工基本医疗保险缴费通常不大于 2101101 + 2101102。这些对应通常成立但并非必然，不符时为警告。',
      en: 'In the basic expenditure table 30108 pension contributions, 30113 housing fund and 30111 civil-servant medical subsidy usually equal the basic expenditure of 2080505, 2210201 and 2101103 in the general budget expenditure table, and 30110 basic medical insurance usually does not exceed 2101101 + 2101102. These usually but not always hold: a mismatch is a warning.',
    },
    needs: ['general-budget-basic-expenditure', 'general-budget-expenditure', 'expenditure-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const es = firstTable(ctx, 'expenditure-summary');
    const candidates = [firstTable(ctx, 'general-budget-expenditure'), es]
      .filter((t): t is Table => t !== undefined && colOf(t, 'basic') !== undefined)
      .map((t) => ({ t, rows: functionalRows(t, es) }));
    const chosen = candidates.find((c) => [...c.rows.keys()].some((code) => code.length === 7));
    if (!chosen) return findings;
    const functional = chosen.t;
    const fCol = colOf(functional, 'basic')!;
    const fRows = chosen.rows;
    const fCatalog = ctx.catalogs.functional?.(ctx.meta.year);
    const eCatalog = ctx.catalogs.economicDepartment;
    for (const halves of printedGroups(ctx, 'general-budget-basic-expenditure')) {
      // The rows of every half, each with its own amount column (人员经费 left, 公用经费 right).
      const eRows = new Map<string, { row: Row; table: Table; col: number }>();
      for (const half of halves) {
        const col = colOf(half, 'total') ?? colOf(half, 'basic');
        if (col === undefined) continue;
        for (const [code, row] of economicRows(ctx, half)) if (!eRows.has(code)) eRows.set(code, { row, table: half, col });
      }
      if (eRows.size === 0) continue;
      const basic = halves[0]!;
      for (const c of CORRESPONDENCES) {
        const found = eRows.get(c.economic);
        const eRow = found?.row;
        const eCol = found?.col ?? colOf(basic, 'total') ?? colOf(basic, 'basic')!;
        let codes = c.functional.filter((code) => fRows.has(code));
        if (codes.length === 0 && c.fallback) codes = c.fallback.filter((code) => fRows.has(code));
        const rows = codes.map((code) => fRows.get(code)!);
        const terms = rows.map((row) => ({ row, col: fCol, table: functional }));
        const economicLabel = eRow ? label(eRow) : `${c.economic} ${eCatalog?.name(c.economic) ?? ''}`.trim();
        const functionalLabel = rows.length > 0 ? rows.map((r, i) => labelWithCode(ctx, r, codes[i]!)).join(' + ') : c.functional.map((code) => `${code} ${fCatalog?.name(code) ?? ''}`.trim()).join(' + ');
        const data = {
          ...tableData(basic, 'table'),
          ...tableData(functional, 'other'),
          row: economicLabel,
          otherRow: functionalLabel,
          certainty: `@${ID}.certainty.${c.certainty}`,
        };
        if (eRow && rows.length > 0) {
          const checked = { table: found!.table, row: eRow, col: eCol };
          const f =
            c.relation === 'equal'
              ? crossSum({ rule: ID, ctx, checked, terms, messageId: `${ID}.equal`, data, severity: 'warning', fix: false })
              : crossBound({ rule: ID, ctx, checked, bound: terms, relation: 'at-most', messageId: `${ID}.at-most`, data });
          if (f) findings.push(f);
          continue;
        }
        // One side has the subject and the other has no row for it at all (only when the economic rows were read).
        if (eRows.size < 3) continue;
        if (eRow && hasMoney(eRow, [eCol])) {
          const amount = total([{ row: eRow, col: eCol }]);
          findings.push(
            notice(ID, 'warning', { table: found!.table, row: eRow.row, col: eCol }, [cellRef(functional.sheet, functional.titleCell?.row ?? functional.rect.r0, functional.titleCell?.col ?? functional.rect.c0, 'evidence')], `${ID}.no-functional`, {
              ...data,
              actual: displayAmount(amount),
            }),
          );
        } else if (!eRow && c.relation === 'equal' && rows.some((r) => hasMoney(r, [fCol]))) {
          const amount = total(terms);
          findings.push(
            notice(ID, 'warning', { table: functional, row: rows[0]!.row, col: fCol }, [cellRef(basic.sheet, basic.titleCell?.row ?? basic.rect.r0, basic.titleCell?.col ?? basic.rect.c0, 'evidence')], `${ID}.no-economic`, {
              ...data,
              actual: displayAmount(amount),
            }),
          );
        }
      }
    }
    return findings;
  },
};
