// Rule `cross-three-public`: the "三公" table's 公务接待费 ≥ 30217 公务接待费 and 公务用车运行维护费 ≥ 30231 in the
// basic expenditure table (projects may carry the rest of the 三公 money, basic expenditure no more than it).
import type { Finding } from '../findings';
import type { Row, Table } from '../recognize/model';
import { labelKey } from '../text';
import type { Rule, RuleContext } from './rule';
import { colOf, colsLabelled, crossBound, label, rowText, sideColumns, tableData, tablesOf, type PlacedCell } from './cross-shared';
import { columnLabel } from './sum-check';
import { isCountLine } from '../recognize/line-items';

const ID = 'cross-three-public';

interface Item {
  readonly key: 'reception' | 'vehicle';
  readonly economic: string;
  /** How the item is labelled in the 三公 table (a row name or a column header). */
  readonly label: RegExp;
}

const ITEMS: readonly Item[] = [
  { key: 'reception', economic: '30217', label: /公务接待/ },
  { key: 'vehicle', economic: '30231', label: /(公务)?用车运行(维护)?费?$|运行维护费/ },
];

/** The 三公 table's cell of an item: a column of a one-row table (Henan), or a row of a list (its total column). */
function threePublicCell(table: Table, item: Item): PlacedCell | undefined {
  // The item a column holds, its year and measure words set aside (`公务接待费/决算数` → 公务接待费).
  const last = (col: number) => {
    const c = table.columns.find((x) => x.col === col)!;
    const item = c.meaning && c.meaning.item.length > 0 ? c.meaning.item : c.path;
    return labelKey(item[item.length - 1]!);
  };
  const cols = colsLabelled(table, item.label).filter((c) => item.label.test(last(c)) && !/购置/.test(last(c)));
  const data = table.rows.find((r) => cols.some((c) => r.amounts.get(c)?.value !== undefined));
  if (cols.length > 0 && data) return { table, row: data, col: cols[0]! };
  // A list: the item's row, named by a short label (a note under the table mentions the items too).
  const row = table.rows.find((r) => {
    const k = labelKey(rowText(r));
    return k.length <= 16 && item.label.test(k) && !/购置/.test(k) && !isCountLine(r.name);
  });
  const col = colOf(table, 'total') ?? sideColumns(table)[0];
  return row && col !== undefined ? { table, row, col } : undefined;
}

/** The basic expenditure table's row of an economic code: by code, else by the catalog name of the code. */
function economicRow(ctx: RuleContext, table: Table, code: string): Row | undefined {
  const byCode = table.rows.find((r) => r.code === code);
  if (byCode) return byCode;
  const name = ctx.catalogs.economicDepartment?.name(code);
  return name ? table.rows.find((r) => r.code === undefined && labelKey(rowText(r)) === labelKey(name)) : undefined;
}

export const crossThreePublic: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'warning',
    title: { zh: '“三公”经费与基本支出', en: '"Three public" expenses vs basic expenditure' },
    description: {
      zh: '“三公”经费表的公务接待费不小于基本支出表 30217 公务接待费，公务用车运行维护费不小于 30231 公务用车运行维护费（项目支出可能另有安排）。',
      en: 'Official reception in the "three public" table is at least 30217 in the basic expenditure table, and vehicle operation at least 30231 (projects may carry more).',
    },
    needs: ['three-public-expenses', 'general-budget-basic-expenditure'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const basics = tablesOf(ctx, 'general-budget-basic-expenditure');
    for (const three of tablesOf(ctx, 'three-public-expenses')) {
      for (const item of ITEMS) {
        const checked = threePublicCell(three, item);
        if (!checked) continue;
        for (const basic of basics) {
          const row = economicRow(ctx, basic, item.economic);
          const col = colOf(basic, 'total') ?? colOf(basic, 'basic');
          if (!row || col === undefined) continue;
          const f = crossBound({
            rule: ID,
            ctx,
            checked,
            bound: [{ row, col, table: basic }],
            relation: 'at-least',
            messageId: `${ID}.${item.key}`,
            data: { ...tableData(three, 'table'), ...tableData(basic, 'other'), row: rowText(checked.row) ? label(checked.row) : columnLabel(three, checked.col), otherRow: label(row) },
          });
          if (f) findings.push(f);
        }
      }
    }
    return findings;
  },
};
