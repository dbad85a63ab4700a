// The code hierarchy of one table: each coded row's nearest ancestor row present in the table.
import { RATIO_ROLES } from '../recognize/roles';
import { eachAmountCell, parentCode } from '../recognize/tables';
import type { Row, Table } from '../recognize/model';

export interface Hierarchy {
  /** Rows whose nearest present ancestor is `code` (`''` for the top level), within one unit's block. */
  childrenOf(code: string, unit?: string): readonly Row[];
  /** Coded rows that have children in the table, in table order. */
  readonly parents: readonly Row[];
  /** Unit rows (单位代码 rows of a table grouped by unit), in table order. */
  readonly unitRows: readonly Row[];
}

const HIERARCHIES = new WeakMap<Table, Hierarchy>();
const NONE: readonly Row[] = [];

/**
 * Builds the hierarchy of a table's coded rows, separately for each unit's block. Within a block
 * a code that repeats keeps its first occurrence. Computed once per table (several rules ask).
 */
export function hierarchyOf(table: Table): Hierarchy {
  let h = HIERARCHIES.get(table);
  if (!h) HIERARCHIES.set(table, (h = buildHierarchy(table)));
  return h;
}

/**
 * The first row of each code within each unit's block (unit '' when none), as two levels of maps: no key string is
 * made per row (a 汇总 has thousands of units and a coded row each).
 */
export class FirstByUnitAndCode {
  private readonly byUnit = new Map<string, Map<string, Row>>();

  /** Keeps `row` under its unit and code unless a row is there already; whether it was kept. */
  add(unit: string, code: string, row: Row): boolean {
    let codes = this.byUnit.get(unit);
    if (codes === undefined) this.byUnit.set(unit, (codes = new Map()));
    if (codes.has(code)) return false;
    codes.set(code, row);
    return true;
  }

  get(unit: string, code: string): Row | undefined {
    return this.byUnit.get(unit)?.get(code);
  }

  /** The first row of each code of one unit (undefined when the unit has none). */
  codesOf(unit: string): ReadonlyMap<string, Row> | undefined {
    return this.byUnit.get(unit);
  }
}

function buildHierarchy(table: Table): Hierarchy {
  const first = new FirstByUnitAndCode();
  const coded: Row[] = [];
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!row.code || row.isTotal) continue;
    if (first.add(row.unit ?? '', row.code, row)) coded.push(row);
  }
  // unit → parent code ('' for the top level) → children. A unit's rows come together: its two maps are looked up
  // once for the run of its rows, not per row.
  const children = new Map<string, Map<string, Row[]>>();
  // The rows some row is a child of.
  const hasChildren = new Set<Row>();
  let unit: string | undefined;
  let codes: ReadonlyMap<string, Row> | undefined;
  let mine: Map<string, Row[]> | undefined;
  for (let i = 0; i < coded.length; i++) {
    const row = coded[i]!;
    const u = row.unit ?? '';
    if (u !== unit || mine === undefined) {
      unit = u;
      codes = first.codesOf(u);
      mine = children.get(u);
      if (mine === undefined) children.set(u, (mine = new Map()));
    }
    let p = parentCode(row.code!);
    let parent: Row | undefined;
    while (p !== undefined && (parent = codes?.get(p)) === undefined) p = parentCode(p);
    if (parent !== undefined) hasChildren.add(parent);
    const k = p ?? '';
    const list = mine.get(k);
    if (list === undefined) mine.set(k, [row]);
    else list.push(row);
  }
  const parents = coded.filter((r) => hasChildren.has(r));
  return {
    childrenOf: (code, unit) => children.get(unit ?? '')?.get(code) ?? NONE,
    parents,
    unitRows: table.rows.filter((r) => r.unitCode !== undefined),
  };
}

const AMOUNT_COLUMNS = new WeakMap<Table, readonly number[]>();

/** The amount columns of a table (columns whose role is an amount role and that hold amounts); computed once per table. */
export function amountColumns(table: Table): readonly number[] {
  let cols = AMOUNT_COLUMNS.get(table);
  if (!cols) {
    const set = new Set<number>();
    // Percentages and ratios never add up.
    const skip = new Set(table.columns.filter((c) => RATIO_ROLES.has(c.role)).map((c) => c.col));
    eachAmountCell(table.rows, (_, cell) => {
      if (!skip.has(cell.col)) set.add(cell.col);
    });
    cols = [...set].sort((a, b) => a - b);
    AMOUNT_COLUMNS.set(table, cols);
  }
  return cols;
}

/**
 * Parent → children by order and level (project tables: type → 一级 → 二级): a row's children are
 * the rows after it one level deeper, up to the next row at its level or above.
 */
export function orderedChildren(table: Table): Array<{ parent: Row; children: Row[] }> {
  const out: Array<{ parent: Row; children: Row[] }> = [];
  const rows = table.rows.filter((r) => r.level !== undefined);
  rows.forEach((parent, i) => {
    const children: Row[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const r = rows[j]!;
      if (r.level! <= parent.level!) break;
      if (r.level === parent.level! + 1) children.push(r);
    }
    if (children.length > 0) out.push({ parent, children });
  });
  return out;
}
