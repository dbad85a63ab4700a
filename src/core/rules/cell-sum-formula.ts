// Rule `cell-sum-formula`: a subtotal's formula adds up every child row the hierarchy gives it.
import { a1, columnIndex } from '../grid/grid';
import { cellRef, countCompared, type Finding, type Fix } from '../findings';
import { displayAmount, ZERO, type Money } from '../money/money';
import type { Row, Table } from '../recognize/model';
import { hierarchyOf, orderedChildren } from './hierarchy';
import { CODED_KINDS } from './kinds';
import type { Rule } from './rule';
import { columnLabel, rowLabel } from './sum-check';
import { amountList } from '../recognize/tables';

const ID = 'cell-sum-formula';

const REF = /(?:(?:'((?:[^']|'')+)'|([^\s'!=+\-*/(),:]+))!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?/g;

/**
 * The cells a plain sum formula adds (`SUM(D7:D9)+D12`), as `row,col` keys, or undefined when the
 * formula is anything else (another sheet, subtraction, other functions, names): then nothing is said.
 */
export function sumFormulaCells(formula: string, sheet: string): Set<string> | undefined {
  const f = formula.replace(/^=/, '');
  const cells = new Set<string>();
  let rest = '';
  let last = 0;
  for (const m of f.matchAll(REF)) {
    const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    // A function name followed by "(" is not a reference (LOG10(…)); the regex needs a row number, SUM has none.
    if (sheetName !== undefined && sheetName !== sheet) return undefined;
    rest += f.slice(last, m.index);
    last = m.index + m[0].length;
    const r0 = Number(m[6]) - 1;
    const c0 = columnIndex(m[4]!);
    const r1 = m[10] !== undefined ? Number(m[10]) - 1 : r0;
    const c1 = m[8] !== undefined ? columnIndex(m[8]) : c0;
    if (Math.abs(r1 - r0) > 10000) return undefined;
    for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++) for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) cells.add(`${r},${c}`);
  }
  rest += f.slice(last);
  if (!/^[\s+(),]*$/.test(rest.replace(/SUM/gi, ''))) return undefined;
  return cells.size > 0 ? cells : undefined;
}

/** Whether an amount cell of the table holds a formula. */
function hasFormula(table: Table): boolean {
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const cells = amountList(rows[i]!.amounts);
    for (let k = 0; k < cells.length; k++) if (cells[k]!.formula !== undefined) return true;
  }
  return false;
}

/** Parent → children of a table, as the hierarchy says (codes, or levels in project tables). */
function familiesOf(table: Table): Map<Row, readonly Row[]> {
  const families = new Map<Row, readonly Row[]>();
  if (table.kind === 'project-expenditure') {
    for (const { parent, children } of orderedChildren(table)) families.set(parent, children);
    return families;
  }
  if (!CODED_KINDS.includes(table.kind)) return families;
  const h = hierarchyOf(table);
  for (const p of h.parents) families.set(p, h.childrenOf(p.code!, p.unit));
  // The 合计 row adds up the top level, in tables not grouped by unit.
  if (h.unitRows.length === 0) {
    const top = h.childrenOf('');
    for (const total of table.rows.filter((r) => r.isTotal && r.level === 0)) if (top.length > 0) families.set(total, top);
  }
  return families;
}

export const cellSumFormula: Rule = {
  meta: {
    id: ID,
    group: 'cell',
    severity: 'warning',
    title: { zh: '合计公式漏项', en: 'Subtotal formula misses a row' },
    description: {
      zh: '上级科目或合计单元格的求和公式应包含其全部下级行：漏掉的行目前有金额为警告，目前为空或为零为提示（今后填数时合计会出错）。',
      en: 'The sum formula of a parent or total cell should include every child row: a left-out row that holds an amount is a warning, one that is blank or zero a note (the total goes wrong once it is filled).',
    },
    needs: [...CODED_KINDS, 'project-expenditure'],
    conditional: true,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.kind !== 'project-expenditure' && !CODED_KINDS.includes(table.kind)) continue;
      // Only a formula can leave a row out: a table without any (typed in, or exported as values) has nothing to say.
      if (!hasFormula(table)) continue;
      const families = familiesOf(table);
      if (families.size === 0) continue;
      for (const [parent, children] of families) {
        for (const cell of amountList(parent.amounts)) {
          const col = cell.col;
          if (cell.formula === undefined) continue;
          const refs = sumFormulaCells(cell.formula, table.sheet);
          if (!refs) continue;
          countCompared(ctx.rounding);
          // Only sums down the column: a formula across the row (合计 = 基本 + 项目) is row-sum's business.
          if ([...refs].some((k) => Number(k.split(',')[1]) !== col)) continue;
          const covered = (row: Row): boolean => refs.has(`${row.row},${col}`) || ((families.get(row)?.length ?? 0) > 0 && families.get(row)!.every(covered));
          const touches = (row: Row): boolean => refs.has(`${row.row},${col}`) || (families.get(row) ?? []).some(touches);
          if (!children.some(touches)) continue; // not a sum of these rows at all
          const missing = children.filter((c) => !covered(c));
          if (missing.length === 0) continue;
          const missingValue = missing.reduce((acc: Money, r) => acc.plus(r.amounts.get(col)?.value ?? ZERO), ZERO);
          const matters = missing.some((r) => !(r.amounts.get(col)?.value ?? ZERO).isZero() || r.amounts.get(col)?.parsed.kind === 'text');
          const address = a1(parent.row, col);
          const refsOf = missing.map((r) => a1(r.row, col));
          const stated = cell.value;
          const fixes: Fix[] =
            stated !== undefined && missing.every((r) => r.amounts.get(col)?.parsed.kind !== 'text')
              ? [
                  {
                    title: { id: `${ID}.fix.add`, data: { refs: refsOf.join(', ') } },
                    confidence: 0.7,
                    reason: { id: `${ID}.fix.reason`, data: {} },
                    edits: [
                      {
                        sheet: table.sheet,
                        address,
                        before: stated.toFixed(Math.max(2, stated.decimalPlaces())),
                        after: stated.plus(missingValue).toFixed(Math.max(2, stated.decimalPlaces())),
                        formula: `${cell.formula.replace(/^=/, '')}+${refsOf.join('+')}`,
                      },
                    ],
                  },
                ]
              : [];
          findings.push({
            id: `${ID}@${table.sheet}!${address}`,
            rule: ID,
            severity: matters ? 'warning' : 'info',
            message: {
              id: matters ? `${ID}.missing` : `${ID}.missing.empty`,
              data: {
                row: rowLabel(parent),
                column: columnLabel(table, col),
                formula: `=${cell.formula.replace(/^=/, '')}`,
                missing: missing.map(rowLabel).join('、'),
                cells: refsOf.join(', '),
                value: displayAmount(missingValue, 2),
              },
            },
            cells: [cellRef(table.sheet, parent.row, col, 'checked'), ...missing.map((r) => cellRef(table.sheet, r.row, col, 'evidence'))],
            fixes,
          });
        }
      }
    }
    return findings;
  },
};
