// Rule `meta-unit-code`: a unit (单位代码 + name) is written with the same code in every table. One table that
// writes it differently (1129 where every other table prints 129) is one finding at that code — the tables are
// compared by the majority's code, so the slip does not turn every row of the unit into a difference.
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type Finding } from '../findings';
import { CODE_ROLES } from '../recognize/tables';
import type { Row, Table } from '../recognize/model';
import type { Rule } from './rule';
import { tableData, unitCodes } from './cross-shared';

const ID = 'meta-unit-code';

/** The column a unit row's code is printed in: the 单位代码 column, else the code column it was read from. */
function codeColumn(table: Table, row: Row): number | undefined {
  const unitCol = table.columns.find((c) => c.role === 'unit-code')?.col;
  if (unitCol !== undefined && row.amounts.get(unitCol) === undefined) return unitCol;
  return table.columns.find((c) => CODE_ROLES.has(c.role))?.col ?? unitCol;
}

export const metaUnitCode: Rule = {
  meta: {
    id: ID,
    group: 'metadata',
    severity: 'error',
    title: { zh: '单位代码', en: 'Unit codes' },
    description: {
      zh: '同一单位（名称相同）在各表中的单位代码应一致；一张表写得与其他表不同时，只在该单元格报告一次，各表仍按多数表的代码逐行比较。',
      en: 'A unit (same name) has the same code in every table; where one table writes it differently, that cell is reported once and the tables are still compared row by row by the majority\'s code.',
    },
    needs: ['income-summary', 'expenditure-summary', 'general-budget-expenditure', 'general-budget-basic-expenditure', 'economic-classification-summary'],
    conditional: true,
  },
  check(ctx) {
    const { odd } = unitCodes(ctx.tables);
    const units = ctx.tables.reduce((n, t) => n + t.rows.filter((r) => r.unitCode !== undefined).length, 0);
    if (units > 1) countCompared(ctx.rounding, units - 1);
    const findings: Finding[] = [];
    for (const o of odd) {
      const col = codeColumn(o.table, o.row);
      if (col === undefined) continue;
      const address = a1(o.row.row, col);
      findings.push({
        id: `${ID}@${o.table.sheet}!${address}`,
        rule: ID,
        severity: 'error',
        message: { id: `${ID}.odd`, data: { ...tableData(o.table, 'table'), unit: o.row.name.trim(), code: o.code, majority: o.majority, n: String(o.votes) } },
        cells: [cellRef(o.table.sheet, o.row.row, col, 'checked')],
        actual: o.code,
        expected: o.majority,
        fixes: [
          {
            title: { id: 'fix.set-value', data: { address, after: o.majority } },
            confidence: o.votes >= 2 ? 0.8 : 0.5,
            reason: { id: `${ID}.fix-reason`, data: { n: String(o.votes) } },
            edits: [{ sheet: o.table.sheet, address, before: o.code, after: o.majority }],
          },
        ],
      });
    }
    return findings;
  },
};
