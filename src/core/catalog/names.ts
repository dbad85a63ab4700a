// Printed subject names and codes against the catalogs: name comparison, and where a row's code and name sit.
import type { Catalogs, WorkbookMeta } from '../analyze';
import type { TableKind } from '../recognize/kinds';
import type { Column, Row, Table } from '../recognize/model';
import { amountList, codeGroups as columnCodeGroups, parentCode } from '../recognize/tables';
import { halfWidth, labelKey, squash } from '../text';
import type { CatalogSet } from './builtin';
import type { Catalog, CatalogFamily, Rename } from './catalog';

// ---------------------------------------------------------------------------------------------
// Names

/** Conversion dust around a name: stray punctuation after it (`奖金 :`, `印刷费 .`), bullets before it. */
const TRAILING_DUST = /[\s:：.。,，;；、·•'"`_~\-—]+$/;
const LEADING_DUST = /^[\s:：.。,，;；、·•'"`_~\-—*]+/;

/**
 * The key a printed name is compared by: no spaces (also inside the name), half-width brackets,
 * no list numbering (`一、`), no conversion dust, and no leading copy of the row's own code
 * (`2010301 行政运行`, `[201]一般公共服务支出`).
 */
export function printedKey(name: string, code?: string): string {
  // Asked for the same names again and again (every row, every rule): remembered, per code.
  const memo = PRINTED.get(code ?? '');
  const known = memo?.get(name);
  if (known !== undefined) return known;
  let s = halfWidth(squash(name)).replace(/[〔［【]/g, '(').replace(/[〕］】]/g, ')');
  if (code) s = s.replace(new RegExp(`^[\\[(]?${code}[\\])]?`), '');
  s = labelKey(s).replace(LEADING_DUST, '').replace(TRAILING_DUST, '');
  if (PRINTED_SIZE.n >= 50_000) {
    PRINTED.clear();
    PRINTED_SIZE.n = 0;
  }
  if (memo) memo.set(name, s);
  else PRINTED.set(code ?? '', new Map([[name, s]]));
  PRINTED_SIZE.n++;
  return s;
}

/** printedKey's answers by code ('' for none) and name; bounded. */
const PRINTED = new Map<string, Map<string, string>>();
const PRINTED_SIZE = { n: 0 };

/** Names that are a kind of budget money (资金性质), never the name of a subject. */
const FUND_TYPE_KEYS: ReadonlySet<string> = new Set(
  [
    '一般公共预算', '一般公共预算支出', '一般公共预算拨款', '一般公共预算财政拨款', '一般公共预算拨款支出',
    '政府性基金预算', '政府性基金预算支出', '政府性基金预算拨款', '政府性基金支出',
    '国有资本经营预算', '国有资本经营预算拨款', '社会保险基金预算', '社会保险基金预算支出',
    '财政拨款', '财政拨款支出', '财政专户管理资金', '单位资金',
  ].map((n) => printedKey(n)),
);

/** What a printed name is, measured against the catalog's name of the row's code. */
export type NameVerdict =
  | { readonly kind: 'match' }
  | { readonly kind: 'empty' }
  /** The printed name is the beginning of the catalog's name (cut by the column width). */
  | { readonly kind: 'truncated' }
  /** The printed name is a former name of the code; `since`: first year of the current name, when known. */
  | { readonly kind: 'renamed'; readonly rename: Rename; readonly since: number | null }
  /** The printed name is the name of the code's 款 or 类 (`truncated`: its beginning). */
  | { readonly kind: 'ancestor'; readonly code: string; readonly name: string; readonly truncated: boolean }
  /** The printed name is exactly the catalog name of another code. */
  | { readonly kind: 'other-code'; readonly code: string; readonly name: string }
  /** The printed name is a kind of budget money (一般公共预算支出), not a subject. */
  | { readonly kind: 'fund-type' }
  | { readonly kind: 'different' };

/**
 * Compares a printed name with the catalog's name of `code` (which must be in the catalog).
 * Order matters: a truncation of the row's own name is never taken for another code's name.
 */
export function judgeName(printed: string, code: string, catalog: Catalog, renames: readonly Rename[] = []): NameVerdict {
  // The catalog's name printed as it is (most rows): a match without making or looking up keys. Exactly when its first
  // character is a Chinese one that no step of printedKey removes (a list numeral, 其中, a bracket, a code, dust), so
  // the two keys are the same and not empty.
  if (printed === catalog.name(code) && keptFirst(printed.charCodeAt(0))) return MATCH;
  const p = printedKey(printed, code);
  if (p === '') return { kind: 'empty' };
  const c = printedKey(catalog.name(code) ?? '');
  if (p === c) return { kind: 'match' };
  const own = renames.filter((r) => r.catalog === catalog.catalog && r.code === code && r.new !== null);
  for (const r of own) {
    const old = printedKey(r.old);
    if (p === old || (p.length >= 4 && old.startsWith(p) && !c.startsWith(p))) {
      // 医疗卫生支出 → 医疗卫生与计划生育支出 (2014) → 卫生健康支出 (2019): the current name dates from 2019.
      const current = own.find((x) => printedKey(x.new!) === c);
      return { kind: 'renamed', rename: r, since: current?.since ?? null };
    }
  }
  if (c.startsWith(p)) return { kind: 'truncated' };
  for (let a = parentCode(code); a !== undefined; a = parentCode(a)) {
    const name = catalog.name(a);
    if (name === undefined) continue;
    const k = printedKey(name);
    // A cut-off parent name must keep at least 4 characters to be told from a cut-off name of the row's own level.
    if (p === k || (p.length >= 4 && k.startsWith(p))) return { kind: 'ancestor', code: a, name, truncated: p !== k };
  }
  const others = catalog.codesNamed(p).filter((x) => x !== code);
  if (others.length > 0) {
    const parent = parentCode(code);
    const rank = (x: string) => (parentCode(x) === parent ? 0 : x.slice(0, 3) === code.slice(0, 3) ? 1 : x.length === code.length ? 2 : 3);
    const best = [...others].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0]!;
    return { kind: 'other-code', code: best, name: catalog.name(best)! };
  }
  if (FUND_TYPE_KEYS.has(p)) return { kind: 'fund-type' };
  return { kind: 'different' };
}

const MATCH: NameVerdict = { kind: 'match' };

/** The characters printedKey may remove from the start of a name that are Chinese: list numerals and 其 (其中：). */
const LEADING_REMOVABLE = new Set([...'一二三四五六七八九十百零〇其'].map((ch) => ch.charCodeAt(0)));

/** Whether a name starting with this character keeps it as the first character of its printedKey. */
function keptFirst(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff && !LEADING_REMOVABLE.has(c);
}

/** Whether two printed names are the same name (as printedKey compares them). */
export function sameName(a: string, b: string): boolean {
  const ka = printedKey(a);
  return ka !== '' && ka === printedKey(b);
}

/**
 * The text a name cell should hold: the catalog name, keeping the list numbering the printed
 * name started with (`一、`, `（一）`, `其中：`).
 */
export function renamedText(printed: string, catalogName: string): string {
  const m = /^\s*(其中\s*[:：]?\s*|[(（]\s*[一二三四五六七八九十百零〇\d]+\s*[)）]\s*[、.]?\s*|[一二三四五六七八九十百零〇\d]+\s*(?:、|\.(?!\d))\s*)/.exec(printed);
  return (m?.[1] ?? '') + catalogName;
}

// ---------------------------------------------------------------------------------------------
// Which catalog a table's codes belong to

/** Tables whose primary code is a 支出功能分类 code. */
export const FUNCTIONAL_KINDS: readonly TableKind[] = [
  'expenditure-summary',
  'general-budget-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
];

/** Tables whose primary code is a 部门预算支出经济分类 code (and secondary, if any, a 政府预算 one). */
export const ECONOMIC_KINDS: readonly TableKind[] = ['general-budget-basic-expenditure', 'economic-classification-summary'];

/** Every table kind the catalog checks read. */
export const CATALOG_CHECKED_KINDS: readonly TableKind[] = [...FUNCTIONAL_KINDS, ...ECONOMIC_KINDS];

/** A catalog as the checks use it: the catalog and how messages name it. */
export interface AppliedCatalog {
  readonly catalog: Catalog;
  readonly family: CatalogFamily;
  /** `2024年支出功能分类科目`, with the workbook year when it differs. */
  readonly zh: string;
  readonly en: string;
}

/** The catalogs of the context (typed with the fields builtin.ts adds). */
export function catalogSet(catalogs: Catalogs): CatalogSet {
  return catalogs as CatalogSet;
}

const FAMILY_NAMES: Record<CatalogFamily, { zh: string; en: string }> = {
  functional: { zh: '支出功能分类科目', en: 'functional classification (支出功能分类)' },
  'economic-department': { zh: '部门预算支出经济分类科目', en: 'department economic classification (部门预算支出经济分类)' },
  'economic-government': { zh: '政府预算支出经济分类科目', en: 'government economic classification (政府预算支出经济分类)' },
};

/** How a message names a catalog: its year (or first year in force), and the workbook's year when the catalog is of another. */
export function describeCatalog(catalog: Catalog, family: CatalogFamily, workbookYear: number | undefined): { zh: string; en: string } {
  const n = FAMILY_NAMES[family];
  if (catalog.year !== undefined) {
    const base = { zh: `${catalog.year}年${n.zh}`, en: `${catalog.year} ${n.en}` };
    if (workbookYear === undefined) return { zh: `${base.zh}（工作簿未写明年度，按最新目录）`, en: `${base.en} (the workbook states no year; latest catalog used)` };
    if (workbookYear !== catalog.year)
      return { zh: `${base.zh}（工作簿为${workbookYear}年，本工具无该年目录，按最近年份）`, en: `${base.en} (the workbook is for ${workbookYear}; no catalog of that year, nearest used)` };
    return base;
  }
  if (catalog.validFrom !== undefined) return { zh: `${n.zh}（${catalog.validFrom}年起）`, en: `${n.en}, in force from ${catalog.validFrom}` };
  return { zh: n.zh, en: n.en };
}

/** The catalog of a table's primary codes (which = 0) or of its secondary codes (which = 1), or undefined. */
export function catalogForTable(kind: TableKind, catalogs: Catalogs, meta: WorkbookMeta, which: 0 | 1 = 0): AppliedCatalog | undefined {
  const set = catalogSet(catalogs);
  let catalog: Catalog | undefined;
  let family: CatalogFamily;
  if (FUNCTIONAL_KINDS.includes(kind)) {
    if (which === 1) return undefined;
    catalog = set.functional?.(meta.year);
    family = 'functional';
  } else if (ECONOMIC_KINDS.includes(kind)) {
    catalog = which === 0 ? set.economicDepartment : set.economicGovernment;
    family = which === 0 ? 'economic-department' : 'economic-government';
  } else return undefined;
  if (!catalog) return undefined;
  return { catalog, family, ...describeCatalog(catalog, family, meta.year) };
}

/** The other catalogs a stray code may come from (an economic code in a functional table …). */
export function otherCatalogs(kind: TableKind, catalogs: Catalogs, meta: WorkbookMeta): AppliedCatalog[] {
  const set = catalogSet(catalogs);
  const out: AppliedCatalog[] = [];
  const add = (catalog: Catalog | undefined, family: CatalogFamily) => {
    if (catalog) out.push({ catalog, family, ...describeCatalog(catalog, family, meta.year) });
  };
  if (FUNCTIONAL_KINDS.includes(kind)) {
    add(set.economicDepartment, 'economic-department');
    add(set.economicGovernment, 'economic-government');
  } else {
    add(set.functional?.(meta.year), 'functional');
    add(set.economicGovernment, 'economic-government');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where a row's code and name are printed

/**
 * The code column groups of a table, as recognition forms them: one 科目编码 column or one
 * 类 | 款 | 项 run each; the first is the rows' code, the second their secondary code.
 */
export function codeGroups(table: Table): Column[][] {
  return columnCodeGroups(table.columns);
}

/**
 * The sheet column of the cell holding a row's code: the code column, or in split 类 | 款 | 项
 * columns the column of the code's own level (`focus` picks another level: 1 类, 2 款, 3 项).
 */
export function codeColumn(table: Table, code: string, which: 0 | 1 = 0, focus?: 1 | 2 | 3): number | undefined {
  const group = codeGroups(table)[which];
  if (!group || group.length === 0) return undefined;
  const single = group.find((c) => c.role === 'code');
  if (single) return single.col;
  const level = focus ?? (code.length >= 7 ? 3 : code.length >= 5 ? 2 : 1);
  const role = level === 3 ? 'code-xiang' : level === 2 ? 'code-kuan' : 'code-lei';
  return (group.find((c) => c.role === role) ?? group[group.length - 1]!).col;
}

/**
 * The sheet column of the cell holding a row's name: the first 科目名称 column (which = 0) or the
 * one after the secondary code columns (which = 1); without a name column, the first text column.
 */
export function nameColumn(table: Table, which: 0 | 1 = 0): number | undefined {
  const names = table.columns.filter((c) => c.role === 'name');
  if (which === 1) {
    const second = codeGroups(table)[1];
    if (!second) return undefined;
    const after = second[second.length - 1]!.col;
    return names.find((c) => c.col > after)?.col;
  }
  return names[0]?.col ?? table.columns.find((c) => c.role === 'text')?.col;
}

// ---------------------------------------------------------------------------------------------
// Rows with a subject code

/** A row and the code it stands for, with where that code came from. */
export interface SubjectRow {
  readonly row: Row;
  readonly code: string;
  /**
   * `cell`: printed in the row; `inferred`: given by recognition from the name; `aligned`: the row
   * prints no code, and the code is that of the row at the same position of a coded table of the
   * same workbook whose coded rows all agree with this table's (001 预算表5 prints codes on its 类 rows only).
   */
  readonly source: 'cell' | 'inferred' | 'aligned';
  /** For `aligned`: the table and row the code was taken from. */
  readonly from?: { readonly table: Table; readonly row: Row };
}

/** Rows that carry data (not 合计, not a unit's row, not a note without amounts). */
function dataRows(table: Table): Row[] {
  let rows = DATA_ROWS.get(table);
  if (!rows) DATA_ROWS.set(table, (rows = table.rows.filter((r) => !r.isTotal && r.unitCode === undefined && (r.code !== undefined || holdsAmount(r)))));
  return rows;
}

const DATA_ROWS = new WeakMap<Table, Row[]>();

function holdsAmount(r: Row): boolean {
  for (const a of amountList(r.amounts)) if (a.value !== undefined) return true;
  return false;
}

/**
 * Codes for the uncoded rows of a partly coded table, from another table of the same workbook:
 * a table of the same classification whose rows are all coded, with as many data rows, whose
 * codes agree at every position where this table prints one, and whose code at each uncoded
 * position stays in the 类 of the nearest coded row above. Several such tables must agree.
 */
export function alignedCodes(table: Table, tables: readonly Table[]): Map<Row, { code: string; table: Table; row: Row }> {
  const out = new Map<Row, { code: string; table: Table; row: Row }>();
  const rows = dataRows(table);
  if (!rows.some((r) => r.code !== undefined && r.codeSource !== 'inferred') || rows.every((r) => r.code !== undefined)) return out;
  const family = (k: TableKind) => (FUNCTIONAL_KINDS.includes(k) ? 'f' : ECONOMIC_KINDS.includes(k) ? 'e' : '');
  let chosen: { table: Table; rows: Row[] } | undefined;
  let conflict = false;
  for (const other of tables) {
    if (other === table || family(other.kind) !== family(table.kind) || family(table.kind) === '') continue;
    const ref = dataRows(other);
    if (ref.length !== rows.length || ref.some((r) => r.code === undefined || r.codeSource !== 'cell')) continue;
    let ok = true;
    let anchor: string | undefined;
    for (let i = 0; i < rows.length && ok; i++) {
      const mine = rows[i]!;
      const theirs = ref[i]!.code!;
      if (mine.code !== undefined) {
        ok = mine.code === theirs;
        anchor = mine.code;
      } else if (anchor !== undefined && anchor.slice(0, 3) !== theirs.slice(0, 3)) ok = false;
    }
    if (!ok) continue;
    if (chosen && chosen.rows.some((r, i) => r.code !== ref[i]!.code)) conflict = true;
    chosen ??= { table: other, rows: ref };
  }
  if (!chosen || conflict) return out;
  rows.forEach((r, i) => {
    if (r.code === undefined) out.set(r, { code: chosen!.rows[i]!.code!, table: chosen!.table, row: chosen!.rows[i]! });
  });
  return out;
}

/** The rows of a table that stand for a subject code, in table order (合计 and unit rows left out). */
export function subjectRows(table: Table, tables: readonly Table[]): SubjectRow[] {
  const aligned = alignedCodes(table, tables);
  const out: SubjectRow[] = [];
  // The rows codes were aligned from, by sheet (a 汇总 aligns thousands).
  const from = new Map<string, Map<number, { table: Table; row: Row }>>();
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.isTotal || row.unitCode !== undefined) continue;
    if (row.code !== undefined && row.codeSource === 'aligned' && row.alignedFrom) {
      const { sheet, row: at } = row.alignedFrom;
      let onSheet = from.get(sheet);
      if (onSheet === undefined) from.set(sheet, (onSheet = rowsAt(tables, sheet)));
      const source = onSheet.get(at);
      out.push({ row, code: row.code, source: 'aligned', ...(source ? { from: source } : {}) });
    } else if (row.code !== undefined) out.push({ row, code: row.code, source: row.codeSource ?? 'cell' });
    else {
      const a = aligned.get(row);
      if (a) out.push({ row, code: a.code, source: 'aligned', from: { table: a.table, row: a.row } });
    }
  }
  return out;
}

/**
 * Per sheet row of one sheet, the first table (in order) with a row there, and its first row there. Made by each
 * caller for itself (not kept across rules: a re-check learns which tables a rule reads by watching it read them).
 */
function rowsAt(tables: readonly Table[], sheet: string): Map<number, { table: Table; row: Row }> {
  const index = new Map<number, { table: Table; row: Row }>();
  for (const t of tables) {
    if (t.sheet !== sheet) continue;
    for (const r of t.rows) if (!index.has(r.row)) index.set(r.row, { table: t, row: r });
  }
  return index;
}

const UNIT_CODES = new WeakMap<readonly Table[], ReadonlySet<string>>();

/** 单位代码 seen anywhere in the workbook (unit rows of grouped tables). */
export function unitCodes(tables: readonly Table[]): ReadonlySet<string> {
  let codes = UNIT_CODES.get(tables);
  if (!codes) {
    const found = new Set<string>();
    for (const t of tables) {
      const rows = t.rows;
      for (let i = 0; i < rows.length; i++) if (rows[i]!.unitCode !== undefined) found.add(rows[i]!.unitCode!);
    }
    codes = found;
    UNIT_CODES.set(tables, codes);
  }
  return codes;
}

/** Department names of the workbook, as keys (`（汇总）`/`（本级）` dropped). */
function departmentKeys(tables: readonly Table[], meta: WorkbookMeta): Set<string> {
  const key = (s: string) => printedKey(s).replace(/\((汇总|本级|部门|单位)\)$/, '');
  const keys = new Set<string>();
  if (meta.department) keys.add(key(meta.department));
  for (const t of tables) if (t.meta.department) keys.add(key(t.meta.department));
  keys.delete('');
  return keys;
}

/**
 * Whether a coded row is really a unit's row that recognition read as a subject: its code is a
 * 单位代码 of the workbook (or starts with one) or its name is the department's name
 * (003 支出经济分类汇总表 prints 单位代码 129 in the 类 column).
 */
export function looksLikeUnitRow(row: Row, code: string, tables: readonly Table[], meta: WorkbookMeta): boolean {
  // A unit code u with code === u, or code = u + 3 digits: looked up, not searched (a 汇总 has thousands of units).
  const units = unitCodes(tables);
  if (units.has(code) || (code.length >= 3 && units.has(code.slice(0, code.length - 3)))) return true;
  const name = printedKey(row.name).replace(/\((汇总|本级|部门|单位)\)$/, '');
  if (name === '') return false;
  let keys = DEPARTMENT_KEYS.get(tables);
  if (keys?.meta !== meta) DEPARTMENT_KEYS.set(tables, (keys = { meta, keys: departmentKeys(tables, meta) }));
  return keys.keys.has(name);
}

const DEPARTMENT_KEYS = new WeakMap<readonly Table[], { meta: WorkbookMeta; keys: Set<string> }>();
