// Rule `cross-expenditure-by-class`: each 类 line of 收支总表's expenditure side (本年 + 上年结转, or its total
// column) = that 类 in 支出总表 (its 类 row, or — in tables that print only 项 rows — the sum of the class's rows).
import { cellRef, type Finding } from '../findings';
import { displayAmount, ZERO } from '../money/money';
import type { Row } from '../recognize/model';
import { hierarchyOf } from './hierarchy';
import type { Rule } from './rule';
import {
  classLines,
  colOf,
  columnsLabel,
  crossSum,
  crossSums,
  firstTable,
  hasMoney,
  label,
  notice,
  sideColumns,
  tableData,
  tablesOf,
  total,
  valueAt,
  type ClassLine,
} from './cross-shared';

const ID = 'cross-expenditure-by-class';

export const crossExpenditureByClass: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '收支总表各类支出', en: 'Expenditure by class across summaries' },
    description: {
      zh: '收支总表支出方每一类（本年 + 上年结转）等于支出总表中该类的合计数；一方有而另一方没有的类也列出。',
      en: 'Each functional class on the expenditure side of the income and expenditure summary (current year + carry-over) equals that class in the expenditure summary; a class present in only one of them is reported too.',
    },
    needs: ['income-expense-summary', 'expenditure-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const side = firstTable(ctx, 'income-expense-summary', 'expenditure');
    const es = firstTable(ctx, 'expenditure-summary');
    if (!side || !es) return findings;
    const cols = sideColumns(side);
    const esCol = colOf(es, 'total');
    if (cols.length === 0 || esCol === undefined) return findings;

    // 支出总表 by class: the 类 row, and the class's topmost rows (for tables that print no 类 rows).
    const h = hierarchyOf(es);
    const tops = [...new Set(es.rows.map((r) => r.unit))].flatMap((u) => h.childrenOf('', u));
    // A 支出总表 grouped by unit has one 类 row per unit: the class is their sum.
    const classRows = new Map<string, Row[]>();
    const classTops = new Map<string, Row[]>();
    for (const r of es.rows) {
      if (!r.code || r.isTotal || r.unitCode !== undefined || r.code.length !== 3) continue;
      const list = classRows.get(r.code);
      if (list) list.push(r);
      else classRows.set(r.code, [r]);
    }
    for (const r of tops) {
      const k = r.code!.slice(0, 3);
      const list = classTops.get(k);
      if (list) list.push(r);
      else classTops.set(k, [r]);
    }

    // 收支总表 lines by class (a line with money wins over an empty one of the same class).
    const lines = new Map<string, ClassLine>();
    for (const l of classLines(ctx, side, [es, ...tablesOf(ctx, 'general-budget-expenditure')])) {
      const prev = lines.get(l.code);
      if (!prev || (!hasMoney(prev.row, cols) && hasMoney(l.row, cols))) lines.set(l.code, l);
    }

    const codes = [...new Set([...lines.keys(), ...classRows.keys(), ...classTops.keys()])].sort();
    for (const code of codes) {
      const line = lines.get(code);
      const rows = classRows.get(code) ?? [];
      const row = rows.length === 1 ? rows[0] : undefined;
      const parts = rows.length > 0 ? rows : (classTops.get(code) ?? []);
      const note = line?.via === 'position' ? `@${ID}.note.position` : '';
      const lineCells = line ? cols.map((col) => ({ row: line.row, col, table: side })) : [];
      const esCells = parts.map((r) => ({ row: r, col: esCol, table: es }));
      if (line && parts.length > 0) {
        if (row) {
          let f = crossSum({
            rule: ID,
            ctx,
            checked: { table: es, row, col: esCol },
            terms: lineCells,
            messageId: `${ID}.mismatch`,
            data: { ...tableData(es, 'table'), ...tableData(side, 'other'), row: label(row), otherRow: label(line.row), otherColumns: columnsLabel(side, cols), note },
          });
          if (f && lineCells.every((c) => valueAt(c) === undefined)) f = { ...f, message: { ...f.message, id: `${ID}.blank` } };
          if (f) findings.push(f);
        } else {
          const f = crossSums(ID, ctx, lineCells, esCells, `${ID}.mismatch`, {
            ...tableData(side, 'table'),
            ...tableData(es, 'other'),
            row: label(line.row),
            otherRow: `${code}：${parts.slice(0, 3).map(label).join('、')}${parts.length > 3 ? '…' : ''}`,
            otherColumns: columnsLabel(es, [esCol]),
            note,
          });
          if (f) findings.push(f);
        }
        continue;
      }
      if (!line && parts.length > 0) {
        // A class with money in 支出总表 that 收支总表 does not list at all.
        const amount = total(esCells);
        if (amount.isZero()) continue;
        const first = parts[0]!;
        findings.push(
          notice(ID, 'warning', { table: es, row: first.row, col: esCol }, esCells.slice(1).map((c) => cellRef(es.sheet, c.row.row, c.col, 'evidence')), `${ID}.missing-line`, {
            ...tableData(es, 'table'),
            ...tableData(side, 'other'),
            row: label(first),
            code,
            actual: displayAmount(amount),
          }, { actual: amount, expected: ZERO }),
        );
        continue;
      }
      if (line && parts.length === 0 && hasMoney(line.row, cols)) {
        // 收支总表 spends money on a class 支出总表 has no row of.
        const amount = total(lineCells);
        findings.push(
          notice(ID, line.via === 'name' ? 'error' : 'warning', { table: side, row: line.row.row, col: cols[0]! }, lineCells.slice(1).map((c) => cellRef(side.sheet, c.row.row, c.col, 'evidence')), `${ID}.missing-class`, {
            ...tableData(side, 'table'),
            ...tableData(es, 'other'),
            row: label(line.row),
            code,
            actual: displayAmount(amount),
            note,
          }, { actual: amount, expected: ZERO }),
        );
      }
    }
    return findings;
  },
};
