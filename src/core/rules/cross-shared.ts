// Shared helpers of the cross-table rules (rules/cross-*.ts): finding tables, reading summary sides and
// total rows, what money the department has, and the equality / inequality findings between tables.
import type { Catalog } from '../catalog/catalog';
import { a1 } from '../grid/grid';
import { amountsOf, cellRef, classifyDifference, countCompared, type CellRef, type Finding, type Message, type RoundingPolicy, type Severity } from '../findings';
import { displayAmount, sum, ZERO, type Money } from '../money/money';
import type { TableKind } from '../recognize/kinds';
import { lineItems } from '../recognize/line-items';
import { OTHER_FIGURE_ROLES } from '../recognize/roles';
import type { ColumnRole, Row, Table } from '../recognize/model';
import { isTotalLabel, labelKey, squash } from '../text';
import type { ConstraintSink } from '../fix/constraints';
import { CellBound, recordBound } from '../fix/bounds';
import type { RuleContext } from './rule';
import { hierarchyOf } from './hierarchy';
import { amountAt, checkSum, columnLabel, rowLabel, type TableCell } from './sum-check';
import { amountList } from '../recognize/tables';

/** A cell of a known table (the checked cell of a cross-table comparison). */
export interface PlacedCell extends TableCell {
  readonly table: Table;
}

/** The tables of a kind (and side of a two-sided summary), in workbook order. */
export function tablesOf(ctx: RuleContext, kind: TableKind, part?: 'income' | 'expenditure'): Table[] {
  return ctx.tables.filter((t) => t.kind === kind && (part === undefined || t.part === part));
}

/** The first table of a kind (and side), or undefined. */
export function firstTable(ctx: RuleContext, kind: TableKind, part?: 'income' | 'expenditure'): Table | undefined {
  return tablesOf(ctx, kind, part)[0];
}

/**
 * The tables of a kind as printed: a list printed in two halves side by side (基本支出决算表: 人员经费 left,
 * 公用经费 right) is one printed table of two halves; any other table is alone in its group.
 */
export function printedGroups(ctx: RuleContext, kind: TableKind): Table[][] {
  const groups: Table[][] = [];
  for (const t of tablesOf(ctx, kind)) {
    const twin = t.part === 'right' ? groups.find((g) => g[0]!.part === 'left' && g[0]!.sheet === t.sheet && g[0]!.rect.r0 === t.rect.r0) : undefined;
    if (twin) twin.push(t);
    else groups.push([t]);
  }
  return groups;
}

/** A unit written with another code in one table than in the others (1129 where every other table prints 129). */
export interface OddUnitCode {
  readonly table: Table;
  readonly row: Row;
  /** The code this table prints. */
  readonly code: string;
  /** The code the other tables print for the unit of the same name. */
  readonly majority: string;
  /** How many tables print the majority's code. */
  readonly votes: number;
}

const UNIT_CODES = new WeakMap<readonly Table[], { odd: OddUnitCode[]; alias: Map<Table, Map<string, string>> }>();

/**
 * Units named alike in several tables are one unit: where one table writes its code differently from the majority
 * (a scanning slip, a typing slip), the tables are compared by the majority's code, and the odd code is one finding.
 */
export function unitCodes(tables: readonly Table[]): { odd: OddUnitCode[]; alias: Map<Table, Map<string, string>> } {
  const cached = UNIT_CODES.get(tables);
  if (cached) return cached;
  const byName = new Map<string, Array<{ table: Table; row: Row }>>();
  for (const t of tables) {
    for (const row of t.rows) {
      if (row.unitCode === undefined) continue;
      const key = labelKey(row.name);
      if (key.length < 2) continue;
      const list = byName.get(key) ?? [];
      if (!list.some((x) => x.table === t)) list.push({ table: t, row });
      byName.set(key, list);
    }
  }
  const odd: OddUnitCode[] = [];
  const alias = new Map<Table, Map<string, string>>();
  for (const list of byName.values()) {
    const votes = new Map<string, number>();
    for (const { row } of list) votes.set(row.unitCode!, (votes.get(row.unitCode!) ?? 0) + 1);
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const [majority, n] = ranked[0]!;
    if (ranked.length < 2 || n < 2 || n === ranked[1]![1]) continue;
    for (const { table, row } of list) {
      if (row.unitCode === majority) continue;
      odd.push({ table, row, code: row.unitCode!, majority, votes: n });
      const m = alias.get(table) ?? new Map<string, string>();
      m.set(row.unitCode!, majority);
      alias.set(table, m);
    }
  }
  const out = { odd, alias };
  UNIT_CODES.set(tables, out);
  return out;
}

/** The unit a row belongs to, as the majority of the tables writes its code. */
export function unitOf(ctx: RuleContext, table: Table, unit: string | undefined): string | undefined {
  return unit === undefined ? undefined : (unitCodes(ctx.tables).alias.get(table)?.get(unit) ?? unit);
}

/** A message-data reference to a table kind's name, rendered in the reader's language (`@cross.kind.…`). */
export function kindRef(kind: TableKind): string {
  return `@cross.kind.${kind}`;
}

/** Data naming a table in messages: its kind and its sheet, under the given prefix (`table`/`sheet`, `other`/`otherSheet`). */
export function tableData(table: Table, prefix: 'table' | 'other'): Record<string, string> {
  return prefix === 'table' ? { table: kindRef(table.kind), sheet: table.sheet } : { other: kindRef(table.kind), otherSheet: table.sheet };
}

/** What a row shows as its label: its name, or the first text cell read among its amounts (a label column read as amounts). */
export function rowText(row: Row): string {
  if (row.name.trim() !== '') return row.name.trim();
  for (const cell of amountList(row.amounts)) if (cell.parsed.kind === 'text') return cell.parsed.text.trim();
  return '';
}

/** A row's label for messages (`2010301 行政运行`, `合计`, `一、一般公共服务支出`), spaces removed. */
export function label(row: Row): string {
  const text = squash(rowText(row));
  if (row.code && text) return `${row.code} ${text}`;
  return row.code ?? (text || rowLabel(row));
}

/**
 * A row's label with a code it does not print (aligned from another table): `2010301 行政运行` for a row printed
 * `行政`, the catalog's name when the printed one is cut from it.
 */
export function labelWithCode(ctx: RuleContext, row: Row, code: string): string {
  if (row.code !== undefined && row.codeSource !== 'aligned') return label(row);
  const printed = squash(rowText(row));
  const full = code.length === 5 && code.startsWith('3') ? ctx.catalogs.economicDepartment?.name(code) : ctx.catalogs.functional?.(ctx.meta.year)?.name(code);
  return `${code} ${full !== undefined && labelKey(full).startsWith(labelKey(printed)) ? full : printed}`.trim();
}

/** The table's 合计 row: a row read as a total, else the first row whose label is a total label. */
export function totalRowOf(table: Table): Row | undefined {
  return table.rows.find((r) => r.isTotal) ?? table.rows.find((r) => r.code === undefined && r.unitCode === undefined && isTotalLabel(rowText(r)));
}

/** Columns of the given roles, in table order. */
export function colsOf(table: Table, ...roles: ColumnRole[]): number[] {
  return table.columns.filter((c) => roles.includes(c.role)).map((c) => c.col);
}

/** The first column of a role, or undefined. */
export function colOf(table: Table, role: ColumnRole): number | undefined {
  return table.columns.find((c) => c.role === role)?.col;
}


/** The columns of the table's own figures whose header path has a label (compared by labelKey) matching `re`. */
export function colsLabelled(table: Table, re: RegExp): number[] {
  return table.columns.filter((c) => !OTHER_FIGURE_ROLES.has(c.role) && c.path.some((p) => re.test(labelKey(p)))).map((c) => c.col);
}

/** The last word of a column's header path, for matching columns between tables (`编制预算`, `上年结转`). */
export function columnTail(table: Table, col: number): string {
  const c = table.columns.find((x) => x.col === col);
  return c && c.path.length > 0 ? labelKey(c.path[c.path.length - 1]!) : '';
}

/** Whether any row of the table fills the column with an amount. */
function holdsAmounts(table: Table, col: number): boolean {
  return table.rows.some((r) => r.amounts.get(col)?.parsed.kind === 'amount' || r.amounts.get(col)?.parsed.kind === 'dash');
}

const AMOUNTISH: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['total', 'current-year', 'carryover', 'amount']);

/**
 * The columns whose sum is a summary side's whole amount: its total column (2023年预算数, 合计, 金额),
 * else its current-year and carry-over columns, else every amount column that is not an "of which" part.
 */
export function sideColumns(side: Table): number[] {
  const total = colsOf(side, 'total');
  if (total.length > 0) return [total[0]!];
  const named = side.columns
    .filter((c) => AMOUNTISH.has(c.role) && c.path.length > 0 && /^(合计|总计|金额|预算数|小计)$/.test(labelKey(c.path[c.path.length - 1]!)))
    .sort((a, b) => a.path.length - b.path.length);
  if (named.length > 0) return [named[0]!.col];
  const parts = colsOf(side, 'current-year', 'carryover');
  if (parts.length > 0) return parts;
  return side.columns
    .filter((c) => AMOUNTISH.has(c.role) && !c.path.some((p) => /^其中/.test(labelKey(p)) || /^其中/.test(p.trim())) && holdsAmounts(side, c.col))
    .map((c) => c.col);
}

/** The column labels of a list of columns joined with ` + ` (`支出/当年预算 + 支出/上年结转`). */
export function columnsLabel(table: Table, cols: readonly number[]): string {
  return cols.map((c) => columnLabel(table, c)).join(' + ');
}

/** A summary side's total line: 支出总计 / 收入总计, or its 本年合计 when the side prints no grand total. */
export function sideTotalLine(side: Table): Row | undefined {
  const items = lineItems(side);
  return items.find((i) => i.kind === 'grand-total')?.row ?? [...items].reverse().find((i) => i.kind === 'year-total')?.row;
}

/** The value of a cell, undefined when blank or unreadable. */
export function valueAt(c: TableCell): Money | undefined {
  return amountAt(c)?.value;
}

/** Whether any of the cells holds text that is not a number (then nothing can be compared). */
export function unreadable(cells: readonly TableCell[]): boolean {
  return cells.some((c) => amountAt(c)?.parsed.kind === 'text');
}

/** Whether a row holds a non-zero amount in any of the columns (all of its amount columns when none are given). */
export function hasMoney(row: Row, cols?: readonly number[]): boolean {
  for (const cell of amountList(row.amounts)) {
    const col = cell.col;
    if (cols && !cols.includes(col)) continue;
    if (cell.value !== undefined && !cell.value.isZero()) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The class (类) a summary line names.

/** A 类 code resolved for a summary line, and how: by name (catalog or the 支出总表's own rows) or by its position in the list. */
export interface ClassLine {
  readonly row: Row;
  readonly code: string;
  readonly via: 'name' | 'position';
}

/** The 3-digit 类 codes listed by a catalog, in catalog order. */
function catalogClasses(catalog: Catalog | undefined): string[] {
  if (!catalog) return [];
  const out: string[] = [];
  for (const [code] of catalog.entries()) if (code.length === 3) out.push(code);
  return out;
}

/** The 类 rows of 支出总表-like tables by name key, for resolving names without a catalog. */
function classNamesOf(tables: readonly Table[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tables) for (const [k, code] of classNamesOfTable(t)) if (!out.has(k)) out.set(k, code);
  return out;
}

const CLASS_NAMES = new WeakMap<Table, Map<string, string>>();

/** One table's 类 rows by name key (first row wins), read once per table. */
function classNamesOfTable(t: Table): Map<string, string> {
  let out = CLASS_NAMES.get(t);
  if (!out) {
    out = new Map<string, string>();
    for (const r of t.rows) if (r.code?.length === 3 && !out.has(labelKey(r.name))) out.set(labelKey(r.name), r.code);
    CLASS_NAMES.set(t, out);
  }
  return out;
}

/**
 * The 类 of each item line of a summary side (`一、一般公共服务支出`, truncated `七、文化旅游体育与传`, Henan
 * `(十) 卫生健康支出`). A name is resolved by the functional catalog of the budget year (or, without one, by
 * the 类 rows of the coded tables); a line with amounts whose name is not a 类 name is placed by its position
 * between the resolved lines before and after it, when that leaves exactly one 类.
 */
export function classLines(ctx: RuleContext, side: Table, coded: readonly Table[]): ClassLine[] {
  const catalog = ctx.catalogs.functional?.(ctx.meta.year);
  const known = classNamesOf(coded);
  const byName = (name: string): string | undefined => {
    const key = labelKey(name);
    if (key.length < 2) return undefined;
    const fromCatalog = catalog?.findByName(key, '', 3) ?? [];
    if (fromCatalog.length === 1) return fromCatalog[0];
    const exact = known.get(key);
    if (exact) return exact;
    if (key.length >= 4) {
      const prefixed = [...known.entries()].filter(([k]) => k.startsWith(key) || key.startsWith(k)).map(([, c]) => c);
      if (new Set(prefixed).size === 1) return prefixed[0];
    }
    return undefined;
  };
  const items = lineItems(side).filter((i) => i.kind === 'item' && !isTotalLabel(i.row.name));
  const resolved: Array<{ row: Row; code?: string }> = items.map((i) => ({ row: i.row, code: byName(i.row.name) }));
  const order = catalogClasses(catalog);
  const universe = order.length > 0 ? order : [...new Set(coded.flatMap((t) => t.rows.map((r) => r.code?.slice(0, 3)).filter((c): c is string => c !== undefined && c.length === 3)))].sort();
  const taken = new Set(resolved.map((r) => r.code).filter((c): c is string => c !== undefined));
  const out: ClassLine[] = [];
  resolved.forEach((r, i) => {
    if (r.code) {
      out.push({ row: r.row, code: r.code, via: 'name' });
      return;
    }
    if (!hasMoney(r.row)) return;
    const before = resolved.slice(0, i).reverse().find((x) => x.code)?.code ?? '';
    const after = resolved.slice(i + 1).find((x) => x.code)?.code ?? '999';
    const between = universe.filter((c) => c > before && c < after && !taken.has(c));
    if (between.length === 1) {
      out.push({ row: r.row, code: between[0]!, via: 'position' });
      taken.add(between[0]!);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// What money the department has.

export type FundKind = 'general' | 'fiscal' | 'fund' | 'capital' | 'other';

/** The kind of money an income label or column names (一般公共预算, 政府性基金, 事业收入 …), or undefined. */
export function fundKindOf(text: string): FundKind | undefined {
  const k = labelKey(text);
  if (/政府性基金/.test(k)) return 'fund';
  if (/国有资本/.test(k)) return 'capital';
  if (/财政专户|单位资金|事业收入|经营收入|上级补助|附属单位|其他收入|事业基金|其他资金|非财政/.test(k)) return 'other';
  if (/一般公共预算/.test(k)) return 'general';
  if (/财政拨款/.test(k)) return 'fiscal';
  return undefined;
}

/** What money a workbook's summaries show the department has, and which table says so. */
export interface Funding {
  /** Only 财政拨款 (no 财政专户, 单位资金, 事业收入 …); undefined when no table tells. */
  readonly onlyFiscal?: boolean;
  /** Only 一般公共预算 money; undefined when no table tells. */
  readonly onlyGeneral?: boolean;
  readonly source?: Table;
}

/** Funding from the income lines of a summary side that carry amounts; undefined when a line's money is not known. */
function fromIncomeLines(side: Table): Set<FundKind> | undefined {
  const kinds = new Set<FundKind>();
  const items = lineItems(side);
  for (const item of items) {
    if (item.kind === 'year-total' || item.kind === 'grand-total') continue;
    if (!hasMoney(item.row)) continue;
    const k = fundKindOf(item.row.name);
    if (k === undefined) {
      // A bare 上年结转 line: its money is told by its sub-lines, if any carry amounts.
      if (item.level === 1 && items.some((s) => s.parent === item.row && hasMoney(s.row))) continue;
      return undefined;
    }
    kinds.add(k);
  }
  return kinds;
}

function verdict(kinds: Set<FundKind>, source: Table): Funding {
  const onlyFiscal = !kinds.has('other');
  const onlyGeneral = onlyFiscal && !kinds.has('fund') && !kinds.has('capital') ? (kinds.has('general') ? true : undefined) : false;
  return { onlyFiscal, ...(onlyGeneral !== undefined ? { onlyGeneral } : {}), source };
}

/**
 * What money the department has, from 收支总表's income lines, else 收入总表's columns, else 财政拨款收支总表
 * compared with 支出总表 (fiscal total = total expenditure means all money is fiscal).
 */
export function funding(ctx: RuleContext): Funding {
  const ies = firstTable(ctx, 'income-expense-summary', 'income');
  if (ies) {
    const kinds = fromIncomeLines(ies);
    if (kinds && kinds.size > 0) return verdict(kinds, ies);
  }
  const income = firstTable(ctx, 'income-summary');
  const incomeTotal = income && (totalRowOf(income) ?? income.rows.find((r) => r.unitCode !== undefined));
  if (income && incomeTotal) {
    const kinds = new Set<FundKind>();
    for (const c of income.columns) {
      if (c.role !== 'amount' || !hasMoney(incomeTotal, [c.col])) continue;
      const k = fundKindOf(c.path.join('/'));
      if (k !== undefined) kinds.add(k);
    }
    if (kinds.size > 0) return verdict(kinds, income);
  }
  const fiscalIn = firstTable(ctx, 'fiscal-appropriation-summary', 'income');
  const fiscalOut = firstTable(ctx, 'fiscal-appropriation-summary', 'expenditure');
  const es = firstTable(ctx, 'expenditure-summary');
  if (fiscalOut && es) {
    const line = sideTotalLine(fiscalOut);
    const esTotal = totalRowOf(es);
    const esCol = colOf(es, 'total');
    if (line && esTotal && esCol !== undefined) {
      const fiscal = sum(sideColumns(fiscalOut).map((col) => valueAt({ row: line, col })));
      const all = valueAt({ row: esTotal, col: esCol });
      if (all !== undefined && classifyDifference(fiscal.minus(all), 2, ctx.rounding) !== 'real') {
        const kinds = (fiscalIn && fromIncomeLines(fiscalIn)) ?? new Set<FundKind>();
        for (const c of fiscalOut.columns) if (hasMoney(line, [c.col]) && fundKindOf(c.path.join('/')) !== undefined) kinds.add(fundKindOf(c.path.join('/'))!);
        kinds.delete('other');
        if (kinds.size === 0) kinds.add('fiscal');
        return verdict(kinds, fiscalOut);
      }
      return { onlyFiscal: false, onlyGeneral: false, source: fiscalOut };
    }
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Findings.

export interface CrossSum {
  readonly rule: string;
  readonly ctx: RuleContext;
  readonly checked: PlacedCell;
  readonly terms: readonly TableCell[];
  readonly messageId: string;
  readonly data: LazyData;
  /** Severity of a real difference when it is not an identity that must hold (default: error). */
  readonly severity?: Severity;
  /** The set-value fix: its confidence and reason id; false for none. Default 0.4, `cross.fix.reason.other-table`. */
  readonly fix?: { confidence: number; reason: string } | false;
  readonly policy?: RoundingPolicy;
}

/**
 * The policy a cross-table sum is checked under. An identity that must hold is recorded as a constraint for
 * error localization; a correspondence that usually holds (a warning) is recorded as soft: it never points the
 * single-cell fix finder at a cell, but it is evidence for which rows carry a difference that spreads to a total.
 */
function recordable(policy: RoundingPolicy, severity: Severity | undefined): RoundingPolicy {
  const sink = policy.sink;
  if (severity === undefined || severity === 'error' || !sink) return policy;
  const soft: ConstraintSink = { add: (c, values) => sink.add({ ...c, soft: true }, values) };
  if (sink.recordSum) soft.recordSum = (rule, sheet, checked, terms, perTerm, totalValue, held) => sink.recordSum!(rule, sheet, checked, terms, perTerm, totalValue, held, true);
  return { ...policy, sink: soft };
}

/**
 * Whether cells of these tables can be compared: tables that state different units of measure (万元 and 元) are
 * not compared here — the unit difference is the metadata rules' finding, and every amount would differ.
 */
export function comparable(tables: ReadonlyArray<Table | undefined>): boolean {
  let unit: string | undefined;
  for (const t of tables) {
    const u = t?.meta.unit;
    if (u === undefined) continue;
    if (unit === undefined) unit = u;
    else if (u !== unit) return false;
  }
  return true;
}

/** Message data, or a function that makes it only when a finding needs it (labels cost time on every row). */
export type LazyData = Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);

const dataOf = (d: LazyData): Readonly<Record<string, string>> => (typeof d === 'function' ? d() : d);

/** comparable([checked, ...the terms' tables]), without making the list (every cross-table sum and bound asks). */
function termsComparable(checked: Table | undefined, terms: readonly TableCell[]): boolean {
  let unit = checked?.meta.unit;
  for (let k = 0; k < terms.length; k++) {
    const u = terms[k]!.table?.meta.unit;
    if (u === undefined) continue;
    if (unit === undefined) unit = u;
    else if (u !== unit) return false;
  }
  return true;
}

const NO_FIX = { confidence: 0, reason: 'cross.fix.reason.other-table' };
const DEFAULT_FIX = { confidence: 0.4, reason: 'cross.fix.reason.other-table' };
/** The fix reasons of cross-table sums, one object per reason (every checked sum names one). */
const REASONS = new Map<string, Message>();

function reasonOf(id: string): Message {
  let m = REASONS.get(id);
  if (!m) REASONS.set(id, (m = { id, data: {} }));
  return m;
}

/** checked = Σ terms across tables, through checkSum; real differences at the given severity. */
export function crossSum(c: CrossSum): Finding | undefined {
  if (!termsComparable(c.checked.table, c.terms)) return undefined;
  const fix = c.fix === false ? NO_FIX : (c.fix ?? DEFAULT_FIX);
  const f = checkSum({
    rule: c.rule,
    table: c.checked.table,
    checked: { row: c.checked.row, col: c.checked.col },
    terms: c.terms,
    policy: recordable(c.policy ?? c.ctx.rounding, c.severity),
    messageId: c.messageId,
    data: c.data,
    fixConfidence: fix.confidence,
    fixReason: reasonOf(fix.reason),
  });
  if (!f) return undefined;
  let out: Finding = f;
  if (c.severity && f.severity === 'error') out = { ...out, severity: c.severity };
  if (c.fix === false) out = { ...out, fixes: [] };
  return out;
}

export interface CrossBound {
  readonly rule: string;
  readonly ctx: RuleContext;
  readonly checked: PlacedCell;
  /** The cells whose sum bounds the checked cell. */
  readonly bound: readonly TableCell[];
  /** at-most: checked ≤ Σ bound; at-least: checked ≥ Σ bound. */
  readonly relation: 'at-most' | 'at-least';
  readonly messageId: string;
  readonly data: LazyData;
  /** Severity of a real violation (default warning); a violation within rounding is info. */
  readonly severity?: Severity;
}

function decimalsFor(...values: Money[]): number {
  return Math.max(2, ...values.map((v) => v.decimalPlaces()));
}

/**
 * An inequality between tables (三公 公务接待费 ≥ 30217; 一般公共预算 ≤ 支出总表). Blank cells count as zero; a
 * text cell makes it unknowable. The finding's expected is the bound, its difference actual − bound.
 */
export function crossBound(c: CrossBound): Finding | undefined {
  if (!termsComparable(c.checked.table, c.bound)) return undefined;
  const cells = [c.checked, ...c.bound];
  if (unreadable(cells)) return undefined;
  const stated = valueAt(c.checked);
  const values = c.bound.map(valueAt);
  if (stated === undefined && values.every((v) => v === undefined)) return undefined;
  countCompared(c.ctx.rounding);
  const sheet = c.checked.table.sheet;
  // Evidence for error localization (which row carries a slip), not an identity.
  if (c.ctx.rounding.sink) recordBound(c.ctx.rounding.sink, new CellBound(c.rule, sheet, c.checked, c.bound, c.relation, c.ctx.rounding.perTerm));
  const actual = stated ?? ZERO;
  const limit = sum(values);
  const excess = c.relation === 'at-most' ? actual.minus(limit) : limit.minus(actual);
  if (excess.lte(0)) return undefined;
  const kind = classifyDifference(excess, Math.max(1, c.bound.length), c.ctx.rounding);
  if (kind === undefined) return undefined;
  const decimals = decimalsFor(actual, limit);
  const rounding = kind === 'rounding';
  const address = a1(c.checked.row.row, c.checked.col);
  return {
    id: `${c.rule}@${sheet}!${address}`,
    rule: c.rule,
    severity: rounding ? 'info' : (c.severity ?? 'warning'),
    message: {
      id: rounding ? `${c.messageId}.rounding` : c.messageId,
      data: {
        ...dataOf(c.data),
        actual: stated === undefined ? '@value.blank' : displayAmount(actual, decimals),
        expected: displayAmount(limit, decimals),
        difference: displayAmount(actual.minus(limit), decimals),
        column: columnLabel(c.checked.table, c.checked.col),
      },
    },
    cells: [cellRef(sheet, c.checked.row.row, c.checked.col, 'checked'), ...c.bound.map((t) => cellRef(t.table?.sheet ?? sheet, t.row.row, t.col, 'evidence'))],
    ...amountsOf(actual, limit),
    fixes: [],
  };
}

/** A finding without amounts to compare (a line missing in one table, a name that differs). */
export function notice(rule: string, severity: Severity, checked: { table: Table; row: number; col: number }, evidence: readonly CellRef[], messageId: string, data: Readonly<Record<string, string>>, amounts?: { actual: Money; expected: Money }): Finding {
  const address = a1(checked.row, checked.col);
  return {
    id: `${rule}@${checked.table.sheet}!${address}`,
    rule,
    severity,
    message: { id: messageId, data },
    cells: [cellRef(checked.table.sheet, checked.row, checked.col, 'checked'), ...evidence],
    ...(amounts ? amountsOf(amounts.actual, amounts.expected) : {}),
    fixes: [],
  };
}

/**
 * Several cells of one table against several of another: Σ left = Σ right, when the checked side is more than
 * one cell (a summary line's current-year + carry-over against one row). The first left cell is the checked one.
 */
export function crossSums(rule: string, ctx: RuleContext, left: readonly PlacedCell[], right: readonly TableCell[], messageId: string, data: Readonly<Record<string, string>>, severity: Severity = 'error'): Finding | undefined {
  if (left.length === 0) return undefined;
  if (left.length === 1) return crossSum({ rule, ctx, checked: left[0]!, terms: right, messageId, data, severity });
  if (!comparable([...left, ...right].map((c) => c.table)) || unreadable([...left, ...right])) return undefined;
  const lv = left.map(valueAt);
  const rv = right.map(valueAt);
  if (lv.every((v) => v === undefined) && rv.every((v) => v === undefined)) return undefined;
  countCompared(ctx.rounding);
  const actual = sum(lv);
  const expected = sum(rv);
  const kind = classifyDifference(actual.minus(expected), left.length + right.length - 1, ctx.rounding);
  if (kind === undefined) return undefined;
  const first = left[0]!;
  const decimals = decimalsFor(actual, expected);
  const rounding = kind === 'rounding';
  return {
    id: `${rule}@${first.table.sheet}!${a1(first.row.row, first.col)}`,
    rule,
    severity: rounding ? 'info' : severity,
    message: {
      id: rounding ? `${messageId}.rounding` : messageId,
      data: {
        ...data,
        actual: lv.every((v) => v === undefined) ? '@value.blank' : displayAmount(actual, decimals),
        expected: displayAmount(expected, decimals),
        difference: displayAmount(actual.minus(expected), decimals),
        terms: String(left.length + right.length - 1),
        column: columnsLabel(first.table, left.map((c) => c.col)),
      },
    },
    cells: [
      cellRef(first.table.sheet, first.row.row, first.col, 'checked'),
      ...left.slice(1).map((c) => cellRef(c.table.sheet, c.row.row, c.col, 'evidence')),
      ...right.map((t) => cellRef(t.table?.sheet ?? first.table.sheet, t.row.row, t.col, 'evidence')),
    ],
    ...amountsOf(actual, expected),
    fixes: [],
  };
}

/** Sum of the values of cells (blank = 0). */
export function total(cells: readonly TableCell[]): Money {
  return sum(cells.map(valueAt));
}

/**
 * The cells whose sum is a table's total in the given columns: its 合计 row, or — for a table that prints no
 * 合计 row — its unit rows, or its top-level (类) rows.
 */
export function totalCells(table: Table, cols: readonly number[]): { cells: TableCell[]; row?: Row } {
  const row = totalRowOf(table);
  if (row) return { cells: cols.map((col) => ({ row, col, table })), row };
  const units = table.rows.filter((r) => r.unitCode !== undefined);
  const top = units.length > 0 ? units : hierarchyOf(table).childrenOf('');
  return { cells: top.flatMap((r) => cols.map((col) => ({ row: r, col, table }))) };
}

/** 人员经费 columns: the 人员经费 column, else its parts (工资福利支出 + 对个人和家庭的补助). */
export function personnelCols(table: Table): number[] {
  const own = colsOf(table, 'basic-personnel');
  if (own.length > 0) return own;
  return colsOf(table, 'basic-wages', 'basic-household');
}

/** 公用经费 columns: the 公用经费 column, else its parts (商品和服务支出 + 资本性支出). */
export function publicCols(table: Table): number[] {
  const own = colsOf(table, 'basic-public');
  if (own.length > 0) return own;
  return colsOf(table, 'basic-goods', 'basic-capital');
}

/**
 * How to compare two summary sides' lines: column pairs matched by their header's last word when both sides
 * print the same columns (编制预算 ↔ 编制预算), else each side's whole amount (合计 ↔ 金额, 2023年预算数 ↔ 当年 + 结转).
 */
export function sidePairs(a: Table, b: Table): Array<{ a: number[]; b: number[] }> {
  const ca = sideColumns(a);
  const cb = sideColumns(b);
  if (ca.length === 0 || cb.length === 0) return [];
  if (ca.length === 1 && cb.length === 1) return [{ a: ca, b: cb }];
  if (ca.length === cb.length) {
    const pairs = ca.map((x) => ({ a: [x], b: cb.filter((y) => columnTail(b, y) === columnTail(a, x)) }));
    if (pairs.every((p) => p.b.length === 1)) return pairs;
  }
  return [{ a: ca, b: cb }];
}

/** Rows that carry data: not 合计, not a unit's row, and coded or holding an amount. */
function dataRows(table: Table): Row[] {
  return table.rows.filter((r) => !r.isTotal && r.unitCode === undefined && (r.code !== undefined || amountList(r.amounts).some((a) => a.value !== undefined)));
}

/** A row's subject code and where it comes from: printed, inferred by recognition, or aligned with another table. */
export interface RowCode {
  readonly code: string;
  readonly source: 'cell' | 'inferred' | 'aligned';
}

/**
 * The code of every coded row of a table. A partly coded table (001 预算表5 prints codes on its 类 rows only)
 * takes the codes of its uncoded rows from `ref` — a fully coded table with as many data rows whose codes agree
 * at every position where this table prints one, and stay in the 类 of the coded row above.
 */
export function rowCodes(table: Table, ref?: Table): Map<Row, RowCode> {
  const out = new Map<Row, RowCode>();
  for (const r of table.rows) if (r.code !== undefined) out.set(r, { code: r.code, source: r.codeSource ?? 'cell' });
  if (!ref || ref === table) return out;
  const rows = dataRows(table);
  const theirs = dataRows(ref);
  if (rows.every((r) => r.code !== undefined) || !rows.some((r) => r.code !== undefined)) return out;
  if (theirs.length !== rows.length || theirs.some((r) => r.code === undefined)) return out;
  let anchor: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const mine = rows[i]!.code;
    const other = theirs[i]!.code!;
    if (mine !== undefined) {
      if (mine !== other) return out;
      anchor = mine;
    } else if (anchor !== undefined && anchor.slice(0, 3) !== other.slice(0, 3)) return out;
  }
  rows.forEach((r, i) => {
    if (r.code === undefined) out.set(r, { code: theirs[i]!.code!, source: 'aligned' });
  });
  return out;
}
