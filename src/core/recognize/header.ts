// Reading a table's header: merged and multi-row header cells into one path per column, and its role.
import { cellAt, cellText, type Rect, type Sheet } from '../grid/grid';
import { halfWidth, labelKey, squash } from '../text';
import { budgetYearOf, isOwn, meaningOf, ownMeasure, type ColumnMeaning } from './column-meaning';
import type { Column, ColumnRole } from './model';
import { OWN_AMOUNT_ROLES } from './roles';

const MERGES_BY_ROW = new WeakMap<Sheet, Map<number, Rect[]>>();

/** The merged areas crossing each row, indexed once per sheet (never one entry per merged cell). */
function mergesByRow(sheet: Sheet): Map<number, Rect[]> {
  let index = MERGES_BY_ROW.get(sheet);
  if (!index) {
    index = new Map();
    for (const m of sheet.merges) {
      // A merge taller than the sheet's rows is clipped: its rows beyond hold nothing to read.
      for (let r = m.r0; r <= Math.min(m.r1, sheet.cells.length); r++) {
        const list = index.get(r);
        if (list) list.push(m);
        else index.set(r, [m]);
      }
    }
    MERGES_BY_ROW.set(sheet, index);
  }
  return index;
}

/** For each cell position inside a merged area, the area's anchor text. */
export function mergedText(sheet: Sheet): (row: number, col: number) => string {
  const index = mergesByRow(sheet);
  return (row, col) => {
    const m = index.get(row)?.find((x) => col >= x.c0 && col <= x.c1);
    return cellText(m ? cellAt(sheet, m.r0, m.c0) : cellAt(sheet, row, col)).trim();
  };
}

/**
 * The header path of each column in rows first..last. Merged cells spread their text over
 * their area; an empty upper cell right of a group label whose lower row is filled belongs to
 * that group (headers whose merge was lost in export). Repeated texts are dropped from a path.
 */
export function headerPaths(sheet: Sheet, first: number, last: number, c0: number, c1: number): string[][] {
  const text = mergedText(sheet);
  const grid: string[][] = [];
  for (let r = first; r <= last; r++) {
    const line: string[] = [];
    for (let c = c0; c <= c1; c++) line.push(text(r, c));
    grid.push(line);
  }
  // Spread a group label to the right over empty cells that have sub-headers below them.
  for (let i = 0; i < grid.length - 1; i++) {
    const line = grid[i]!;
    const below = grid[i + 1]!;
    for (let j = 1; j < line.length; j++) {
      if (line[j] === '' && line[j - 1] !== '' && below[j] !== '' && below[j - 1] !== '') {
        const left = line[j - 1]!;
        if (!isStandaloneHeader(left)) line[j] = left;
      }
    }
  }
  const paths: string[][] = [];
  for (let j = 0; j <= c1 - c0; j++) {
    const path: string[] = [];
    for (const line of grid) {
      const t = squash(line[j] ?? '');
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

/** Header words that never head a group of sub-columns. */
function isStandaloneHeader(s: string): boolean {
  return /^(序号|行次|栏次|合计|总计|科目编码|科目名称|功能分类科目名称)$/.test(squash(s));
}

const BASIC_SUBS: ReadonlyArray<[RegExp, ColumnRole]> = [
  [/^(小计|合计)$/, 'basic'],
  [/人员经费/, 'basic-personnel'],
  [/公用经费/, 'basic-public'],
  [/工资福利/, 'basic-wages'],
  [/对个人和家庭/, 'basic-household'],
  [/商品和服务/, 'basic-goods'],
  [/资本性支出/, 'basic-capital'],
];

/** The role of a column from its header path. */
export function roleOf(path: readonly string[]): ColumnRole {
  // The 收入 | 支出 sides of a two-sided summary are not groups of the columns under them.
  if (path.length > 1 && /^(收入|支出)$/.test(squash(path[0]!))) return roleOf(path.slice(1));
  if (path.length === 0) return 'text';
  const keys = path.map((p) => halfWidth(labelKey(p)));
  const last = keys[keys.length - 1]!;
  const parents = keys.slice(0, -1);
  const under = (w: string) => parents.some((p) => p.includes(w));
  // 行次 (决算 tables number their lines, each side of a summary its own) is a 序号, never an amount.
  if (/^(序号|行次|栏次)$/.test(last)) return 'seq';
  if (last === '类') return 'code-lei';
  if (last === '款') return 'code-kuan';
  if (last === '项') return 'code-xiang';
  if (/(单位|部门).*(代码|编码)$/.test(last)) return 'unit-code';
  if (/^(项目)?(类别|类型)\d?[IⅠ1]?$/.test(last)) return 'project-type';
  if (/^性质$/.test(last)) return 'text';
  if (last === '一级项目' || (last === '项目名称' && under('一级'))) return 'project-l1';
  if (last === '二级项目' || (last === '项目名称' && under('二级'))) return 'project-l2';
  if (/^项目单位$/.test(last)) return 'project-unit';
  if (/(编码|代码|编号)$/.test(last)) return 'code';
  if (/名称\)?$/.test(last) || /^(项目|科目)$/.test(last) || /分类科目$/.test(last)) return 'name';
  // 小计/合计 under a group header is the group's own total (基本支出/小计 → basic, 项目支出/小计 → project).
  if (/^(小计|合计)$/.test(last) && parents.length > 0) {
    const group = roleOf(path.slice(0, -1));
    if (group !== 'amount' && group !== 'text') return group;
  }
  if (under('基本支出')) {
    for (const [re, role] of BASIC_SUBS) if (re.test(last)) return role;
  }
  for (const [re, role] of BASIC_SUBS.slice(1)) if (re.test(last)) return role;
  if (/^基本支出/.test(last)) return 'basic';
  if (/^项目支出/.test(last)) return 'project';
  if (/经营支出$/.test(last)) return 'operating';
  if (/上缴上级/.test(last)) return 'remit-upper';
  if (/对附属单位补助/.test(last)) return 'subsidy-affiliated';
  if (/上年结转/.test(last)) return 'carryover';
  if (/^(当年预算|编制预算|本年预算|本年|当年|本年收入|本年拨款)$/.test(last)) return 'current-year';
  if (/^(合计|总计|小计)$/.test(last) && parents.length === 0) return 'total';
  // 决算 tables: 本年收入合计 | 财政拨款收入 …, 本年支出合计 | 基本支出 | 项目支出.
  if (/^本年(收入|支出)合计$/.test(last) && parents.length === 0) return 'total';
  if (/^\d{4}年预算数?$/.test(last) || /^预算数$/.test(last)) return 'total';
  return 'amount';
}

/** The role of a column that holds another year's or measure's figures, or a comparison. */
function otherRole(m: ColumnMeaning): ColumnRole {
  if (m.measure === 'change' || m.measure === 'change-pct' || m.measure === 'ratio') return m.measure;
  return m.period === 'prior' ? 'prior' : 'reference';
}

/** The role of a column of the table's own figures from its item path (year and measure words set aside). */
function itemRole(item: readonly string[], path: readonly string[]): ColumnRole {
  // Only year and measure words (`2024年预算数`, `收入/预算数`): the amount of the whole row.
  if (item.length === 0) return path.length > 0 ? 'total' : 'text';
  return roleOf(item);
}

/** The 收入 | 支出 side of a two-sided summary is not a group of the columns under it. */
function withoutSide(item: readonly string[]): readonly string[] {
  return item.length > 0 && /^(收入|支出)$/.test(squash(item[0]!)) ? item.slice(1) : item;
}

/**
 * A caption over every amount column (`支出预算`, `一般公共预算支出` above 合计 | 基本支出 | 项目支出) says what the
 * whole table holds; under it, 合计 is the table's total. Returns the items with such a caption removed.
 */
function withoutCaption(items: ReadonlyArray<readonly string[]>, amount: readonly boolean[]): Array<readonly string[]> {
  const idx = items.map((_, i) => i).filter((i) => amount[i]);
  if (idx.length < 2) return [...items];
  const caption = items[idx[0]!]![0];
  if (caption === undefined) return [...items];
  if (!idx.every((i) => items[i]!.length >= 2 && items[i]![0] === caption)) return [...items];
  if (roleOf([caption]) !== 'amount') return [...items];
  // Under the caption stand this year's columns and, often, last year's or another measure's beside them.
  return items.map((item) => (item.length >= 2 && item[0] === caption ? item.slice(1) : item));
}

/** Columns c0..c1 of a header, with paths, meanings and roles. `titleYear` is the year the title names. */
export function readColumns(sheet: Sheet, header: { first: number; last: number } | undefined, rect: Rect, titleYear?: number): Column[] {
  if (!header) {
    const cols: Column[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) cols.push({ col: c, path: [], role: 'amount' });
    return cols;
  }
  const paths = headerPaths(sheet, header.first, header.last, rect.c0, rect.c1);
  const year = budgetYearOf(titleYear, paths);
  const meanings = paths.map((p) => {
    const m = meaningOf(p, year);
    return { ...m, item: withoutSide(m.item) };
  });
  const own = ownMeasure(meanings);
  const mine = meanings.map((m) => isOwn(m, own));
  const provisional = meanings.map((m, i) => (mine[i] ? itemRole(m.item, paths[i]!) : otherRole(m)));
  const items = withoutCaption(
    meanings.map((m) => m.item),
    provisional.map((r, i) => mine[i]! && OWN_AMOUNT_ROLES.has(r)),
  );
  return paths.map((path, i) => {
    const meaning = { ...meanings[i]!, item: items[i]! };
    const role = mine[i] ? itemRole(meaning.item, path) : provisional[i]!;
    return { col: rect.c0 + i, path, role, meaning };
  });
}


