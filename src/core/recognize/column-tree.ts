// The header as a tree: which amount column is the total of which others (合计 = 基本支出 + 项目支出 …).
import { labelKey } from '../text';
import type { Column, Table } from './model';
import { groupKey, ownMeasure } from './column-meaning';
import { ADDITIVE_ROLES } from './roles';
import { eachAmountCell } from './tables';

/** One additive identity between the columns of a row: `total` = Σ `parts`. */
export interface ColumnIdentity {
  readonly total: number;
  readonly parts: readonly number[];
}

interface Node {
  readonly label: string;
  readonly children: Node[];
  col?: number;
}

/** A header label that names the total of its siblings: 合计, 小计, 总计, 2024年预算数, "三公"经费合计 … */
export function isTotalHeader(label: string): boolean {
  const k = labelKey(label).replace(/["“”]/g, '');
  return /^(合计|小计|总计|预算数|合计数)$/.test(k) || /^\d{4}年预算数?$/.test(k) || /经费合计$/.test(k) || /^本年(收入|支出)合计$/.test(k);
}

/** Labels of columns that are not additive parts: comparisons, ratios, "of which". */
function isNonAdditive(label: string): boolean {
  return /(增减|增长|比上年|上年预算|上年决算|占比|比重|%|％)/.test(label);
}

function isOfWhich(label: string): boolean {
  return /^其中/.test(labelKey(label)) || /^其中/.test(label.trim());
}

function buildTree(columns: readonly Column[], holdsAmounts: ReadonlySet<number>): Node {
  const root: Node = { label: '', children: [] };
  for (const c of columns) {
    if (!ADDITIVE_ROLES.has(c.role) || c.path.length === 0 || !holdsAmounts.has(c.col)) continue;
    // Year and measure words are set aside: under them, only the item says what adds up. A column that is
    // only year and measure (`2024年预算数`) is its group's total.
    const item = c.meaning ? c.meaning.item : c.path;
    let node = root;
    for (const label of item.length > 0 ? item : ['合计']) {
      let next = node.children.find((n) => n.label === label && n.col === undefined);
      if (!next) {
        next = { label, children: [] };
        node.children.push(next);
      }
      node = next;
    }
    node.col = c.col;
  }
  return root;
}

/** The columns whose sum is a node's amount: its own column, its total child, or its leaves. */
function termsOf(node: Node): number[] {
  if (node.col !== undefined && node.children.length === 0) return [node.col];
  const totals = node.children.filter((c) => isTotalHeader(c.label) && c.col !== undefined);
  if (totals.length === 1) return [totals[0]!.col!];
  return node.children.filter((c) => !isOfWhich(c.label)).flatMap(termsOf);
}

/**
 * Every identity the header states: in each group (and at the top), a single total column equals
 * the sum of its siblings, each sibling taken as its own total. Groups with comparison or ratio
 * columns, or with more than one total, state nothing. "其中" (of which) columns are never parts.
 * Only columns of the same year and measure are summed together (本年预算数 apart from 上年执行数 and 决算数).
 */
export function columnIdentities(table: Table): ColumnIdentity[] {
  const groups = new Map<string, Column[]>();
  const own = ownMeasure(table.columns.flatMap((c) => (c.meaning ? [c.meaning] : [])));
  for (const c of table.columns) {
    const key = c.meaning ? groupKey(c.meaning, own) : '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  // The columns that hold amounts, found once for every group (a scan of every row).
  const holdsAmounts = new Set<number>();
  eachAmountCell(table.rows, (_, cell) => {
    if (cell.value !== undefined) holdsAmounts.add(cell.col);
  });
  return [...groups.values()].flatMap((cols) => identitiesOf(cols, holdsAmounts));
}

function identitiesOf(columns: readonly Column[], holdsAmounts: ReadonlySet<number>): ColumnIdentity[] {
  const out: ColumnIdentity[] = [];
  const visit = (node: Node) => {
    const totals = node.children.filter((c) => isTotalHeader(c.label) && c.col !== undefined && c.children.length === 0);
    const others = node.children.filter((c) => !totals.includes(c) && !isOfWhich(c.label));
    if (totals.length === 1 && others.length > 0 && !node.children.some((c) => isNonAdditive(c.label))) {
      const parts = others.flatMap(termsOf);
      if (parts.length > 0) out.push({ total: totals[0]!.col!, parts });
    }
    node.children.forEach(visit);
  };
  visit(buildTree(columns, holdsAmounts));
  return out;
}
