// Generates large, consistent consolidated (汇总) department budget workbooks: every total is computed
// in integer cents from its parts, so a correct checker finds no error and no warning in them.
//
//   npx tsx scripts/generate-workbook.ts [--rows 100000] [--seed 1] [--out /tmp/gouji-100k.xlsx]
//
// Also a library (the benchmark and the tests use it): generateConsolidated() builds the layout,
// layoutToWorkbook() turns it into the engine's grid model, writeLayoutXlsx() writes it with ExcelJS.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import functional2024 from '../src/core/catalog/data/functional-2024.json';
import economicDepartment from '../src/core/catalog/data/economic-department.json';
import economicGovernment from '../src/core/catalog/data/economic-government.json';
import economicMapping from '../src/core/catalog/data/economic-mapping.json';
import { setCells } from '../src/core/grid/cells';
import { a1, type Cell, type Rect, type Sheet, type Workbook } from '../src/core/grid/grid';
import type { TableKind } from '../src/core/recognize/kinds';

// ---------------------------------------------------------------------------------------------
// Layout model: what is written, cell by cell.

/** A cell as generated: text (codes are text), an amount in integer cents, or empty. */
export type GenValue = string | { cents: number } | undefined;

export interface GenTable {
  readonly kind: TableKind;
  readonly title: string;
  /** 0-based sheet rows: title, first and last header row, last row. */
  readonly titleRow: number;
  readonly headerFirst: number;
  readonly headerLast: number;
  readonly lastRow: number;
  /** Rows under the header (合计, unit and subject rows). */
  readonly dataRows: number;
}

export interface GenSheet {
  readonly name: string;
  readonly rows: GenValue[][];
  readonly merges: Rect[];
  readonly tables: GenTable[];
}

export interface GenWorkbook {
  readonly name: string;
  readonly sheets: GenSheet[];
}

/** Amount cells are written as numbers with this format (two decimals, thousands separators). */
export const AMOUNT_FORMAT = '#,##0.00';

export const cents = (n: number): { cents: number } => ({ cents: n });

/** Integer cents → the JS number Excel stores (exact as a decimal: String(x) gives the two decimals back). */
export function centsToNumber(c: number): number {
  return c / 100;
}

/** Total data rows of a generated workbook. */
export function dataRowCount(wb: GenWorkbook): number {
  return wb.sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.dataRows, 0), 0);
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

/** mulberry32: a small seeded PRNG (same seed, same workbook). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** k distinct items, in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx
      .slice(0, Math.min(k, items.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]!);
  }
  /** Splits an amount in cents into n non-negative integer parts that add up to it exactly. */
  split(total: number, n: number): number[] {
    if (n <= 0) return [];
    const weights = Array.from({ length: n }, () => 0.2 + this.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.floor((total * w) / sum));
    parts[n - 1]! += total - parts.reduce((a, b) => a + b, 0);
    return parts;
  }
}

// ---------------------------------------------------------------------------------------------
// The catalogs, as the generator uses them.

type Entries = ReadonlyArray<readonly [string, string]>;

const FUNCTIONAL = new Map<string, string>((functional2024 as unknown as { entries: Entries }).entries.map(([c, n]) => [c, n]));
const ECONOMIC = new Map<string, string>((economicDepartment as unknown as { entries: Entries }).entries.map(([c, n]) => [c, n]));
const GOVERNMENT = new Map<string, string>((economicGovernment as unknown as { entries: Entries }).entries.map(([c, n]) => [c, n]));
const MAPPING = new Map(
  (economicMapping as unknown as { entries: ReadonlyArray<{ dept: string; admin: string; institution: string }> }).entries.map((e) => [e.dept, e]),
);

/** The name of a functional code in the 2024 catalog (throws on an unknown code: the generator only uses catalog codes). */
export function functionalName(code: string): string {
  const n = FUNCTIONAL.get(code);
  if (n === undefined) throw new Error(`generate: ${code} is not in the 2024 functional catalog`);
  return n;
}

export function economicName(code: string): string {
  const n = ECONOMIC.get(code);
  if (n === undefined) throw new Error(`generate: ${code} is not in the economic catalog`);
  return n;
}

/** Every 项 (7-digit) code of the 2024 functional catalog whose 款 and 类 are listed too, in catalog order. */
export const XIANG_CODES: readonly string[] = [...FUNCTIONAL.keys()].filter((c) => c.length === 7 && FUNCTIONAL.has(c.slice(0, 5)) && FUNCTIONAL.has(c.slice(0, 3)));

/** The 类 codes of the catalog, in catalog order. */
export const LEI_CODES: readonly string[] = [...FUNCTIONAL.keys()].filter((c) => c.length === 3);

/** The government economic 款 a department economic 款 maps to, for a kind of unit. */
export function governmentCode(dept: string, kind: UnitKind): string {
  const e = MAPPING.get(dept);
  if (!e) throw new Error(`generate: no mapping for ${dept}`);
  return kind === 'admin' ? e.admin : e.institution;
}

export function governmentName(code: string): string {
  const n = GOVERNMENT.get(code);
  if (n === undefined) throw new Error(`generate: ${code} is not in the government economic catalog`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Functional rows: 项 amounts in cents, 款 / 类 / totals computed from them.

/** Amount columns of a functional row, integer cents. basic = personnel + public. */
export interface FunctionalAmounts {
  personnel: number;
  public: number;
  project: number;
}

export interface FunctionalRow {
  readonly code: string;
  readonly name: string;
  readonly level: 1 | 2 | 3;
  readonly amounts: FunctionalAmounts;
}

const zero = (): FunctionalAmounts => ({ personnel: 0, public: 0, project: 0 });
const addInto = (a: FunctionalAmounts, b: FunctionalAmounts) => {
  a.personnel += b.personnel;
  a.public += b.public;
  a.project += b.project;
};
export const basicOf = (a: FunctionalAmounts): number => a.personnel + a.public;
export const totalOf = (a: FunctionalAmounts): number => a.personnel + a.public + a.project;

/**
 * The rows of a functional table for a set of 项 and their amounts: each 类, its 款 and their 项 in code order,
 * parents computed as the exact sum of their children. Returns the rows and the sum of all 项.
 */
export function functionalRows(items: ReadonlyMap<string, FunctionalAmounts>): { rows: FunctionalRow[]; total: FunctionalAmounts } {
  const codes = [...items.keys()].sort();
  const sums = new Map<string, FunctionalAmounts>();
  const total = zero();
  for (const code of codes) {
    const a = items.get(code)!;
    for (const parent of [code.slice(0, 3), code.slice(0, 5)]) {
      const s = sums.get(parent) ?? zero();
      addInto(s, a);
      sums.set(parent, s);
    }
    addInto(total, a);
  }
  const rows: FunctionalRow[] = [];
  let lei = '';
  let kuan = '';
  for (const code of codes) {
    if (code.slice(0, 3) !== lei) {
      lei = code.slice(0, 3);
      rows.push({ code: lei, name: functionalName(lei), level: 1, amounts: sums.get(lei)! });
    }
    if (code.slice(0, 5) !== kuan) {
      kuan = code.slice(0, 5);
      rows.push({ code: kuan, name: functionalName(kuan), level: 2, amounts: sums.get(kuan)! });
    }
    rows.push({ code, name: functionalName(code), level: 3, amounts: items.get(code)! });
  }
  return { rows, total };
}

// ---------------------------------------------------------------------------------------------
// A sheet under construction.

/** `>` merges with the cell to the left, `^` with the cell above (as in test/fixtures/src/FORMAT.md). */
export type HeaderToken = string;

export class SheetBuilder {
  readonly rows: GenValue[][] = [];
  readonly merges: Rect[] = [];
  readonly tables: GenTable[] = [];
  private current: { kind: TableKind; title: string; titleRow: number; headerFirst: number; headerLast: number; data: number } | undefined;

  constructor(readonly name: string) {}

  private push(row: GenValue[]): number {
    this.rows.push(row);
    return this.rows.length - 1;
  }

  /** Starts a table: its title (merged over the table's width) and metadata lines. */
  begin(kind: TableKind, title: string, width: number, meta: readonly string[][]): this {
    this.end();
    if (this.rows.length > 0) this.push([]);
    const titleRow = this.push([title]);
    if (width > 1) this.merges.push({ r0: titleRow, c0: 0, r1: titleRow, c1: width - 1 });
    for (const m of meta) this.push([...m]);
    this.current = { kind, title, titleRow, headerFirst: -1, headerLast: -1, data: 0 };
    return this;
  }

  /** Header rows written with `>` / `^` merge tokens. */
  header(lines: readonly (readonly HeaderToken[])[]): this {
    const first = this.rows.length;
    for (const line of lines) this.push(line.map((t) => (t === '>' || t === '^' || t === '' ? undefined : t)));
    const at = (r: number, c: number) => lines[r]?.[c];
    lines.forEach((line, r) => {
      line.forEach((t, c) => {
        if (t === '>' || t === '^' || t === '') return;
        let c1 = c;
        while (at(r, c1 + 1) === '>') c1++;
        let r1 = r;
        while (at(r1 + 1, c) === '^') r1++;
        if (c1 > c || r1 > r) this.merges.push({ r0: first + r, c0: c, r1: first + r1, c1 });
      });
    });
    this.current!.headerFirst = first;
    this.current!.headerLast = this.rows.length - 1;
    return this;
  }

  data(row: GenValue[]): this {
    this.push(row);
    this.current!.data++;
    return this;
  }

  end(): void {
    const c = this.current;
    if (!c) return;
    this.tables.push({ kind: c.kind, title: c.title, titleRow: c.titleRow, headerFirst: c.headerFirst, headerLast: c.headerLast, lastRow: this.rows.length - 1, dataRows: c.data });
    this.current = undefined;
  }

  build(): GenSheet {
    this.end();
    return { name: this.name, rows: this.rows, merges: this.merges, tables: this.tables };
  }
}

const amount = (c: number): GenValue => (c === 0 ? undefined : cents(c));
/** An amount cell that prints 0.00 rather than blank (totals). */
const amount0 = (c: number): GenValue => cents(c);

// ---------------------------------------------------------------------------------------------
// The consolidated workbook.

export type UnitKind = 'admin' | 'institution';

interface Project {
  readonly name: string;
  readonly code: string;
  readonly type: ProjectType;
  readonly item: string;
  readonly cents: number;
}

type ProjectType = '专项业务类' | '其他运转类';
const PROJECT_TYPES: readonly ProjectType[] = ['专项业务类', '其他运转类'];

interface UnitPlan {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly items: Map<string, FunctionalAmounts>;
  readonly projects: Project[];
  /** 部门预算经济分类 款 → 人员经费 / 公用经费 of basic expenditure, cents. */
  readonly basic: Map<string, { personnel: number; public: number }>;
  /** 部门预算经济分类 款 → project expenditure, cents. */
  readonly projectEconomic: Map<string, number>;
}

export interface ConsolidatedOptions {
  /** Approximate number of data rows (rows under the headers, all tables together). Default 100,000. */
  readonly rows?: number;
  readonly seed?: number;
  readonly department?: string;
  readonly departmentCode?: string;
  readonly year?: number;
  /** 项 per unit, besides the four social-insurance 项 every unit has. Default 10..40. */
  readonly itemsPerUnit?: readonly [number, number];
}

/** Personnel-only 项 every unit has, with the economic 款 that holds the same money (cross-economic-functional). */
const CORRESPONDING: ReadonlyArray<{ functional: string; economic: string }> = [
  { functional: '2080505', economic: '30108' },
  { functional: '2210201', economic: '30113' },
  { functional: '2101103', economic: '30111' },
  { functional: '2101101', economic: '30110' },
];

/** 人员经费 款 that take the rest of the personnel money. */
const PERSONNEL_ECONOMIC = ['30101', '30102', '30103', '30107', '30112', '30199', '30302', '30305'];
/** 公用经费 款 (30217 and 30231 always, for the 三公 table). */
const PUBLIC_ECONOMIC = ['30201', '30202', '30205', '30206', '30207', '30211', '30213', '30215', '30216', '30217', '30226', '30228', '30231', '30239', '30299'];
/** 款 that carry project money in the economic classification summary. */
const PROJECT_ECONOMIC = ['30201', '30213', '30218', '30226', '30227', '31002', '31003', '31007'];

const PROJECT_STEMS = ['运行保障经费', '信息化建设经费', '专项业务经费', '设备购置经费', '维修改造经费', '培训经费', '宣传经费', '课题研究经费', '安全保障经费', '购买服务经费'];
const UNIT_STEMS: ReadonlyArray<[string, UnitKind]> = [
  ['第{n}中学', 'institution'],
  ['第{n}执法中队', 'admin'],
  ['第{n}小学', 'institution'],
  ['第{n}幼儿园', 'institution'],
  ['第{n}管理所', 'admin'],
  ['第{n}服务中心', 'institution'],
];

/** 项 with a 行政运行 / 事业运行 row: where a unit's running costs go. */
const RUNNING: Record<UnitKind, string[]> = {
  admin: XIANG_CODES.filter((c) => functionalName(c) === '行政运行'),
  institution: XIANG_CODES.filter((c) => functionalName(c) === '事业运行'),
};

const SPECIAL = new Set(CORRESPONDING.map((c) => c.functional));

function planUnit(r: Random, index: number, departmentCode: string, department: string, itemsPerUnit: readonly [number, number]): UnitPlan {
  // The first unit is the department's own office (本级), the others its subordinate units.
  const [stem, kind]: [string, UnitKind] = index === 0 ? ['机关', 'admin'] : UNIT_STEMS[index % UNIT_STEMS.length]!;
  const code = `${departmentCode}${String(index + 1).padStart(3, '0')}`;
  const name = `${department}${stem.replace('{n}', String(index))}`;
  const items = new Map<string, FunctionalAmounts>();
  const projects: Project[] = [];
  const running = r.pick(RUNNING[kind]);
  items.set(running, { personnel: r.int(5_000, 200_000), public: r.int(1_000, 50_000), project: 0 });
  for (const c of CORRESPONDING) items.set(c.functional, { personnel: r.int(100, 20_000), public: 0, project: 0 });
  const pool = XIANG_CODES.filter((c) => !items.has(c) && !SPECIAL.has(c));
  for (const x of r.sample(pool, r.int(itemsPerUnit[0], itemsPerUnit[1]))) {
    const roll = r.int(0, 9);
    items.set(x, { personnel: 0, public: roll < 3 || roll >= 7 ? r.int(100, 30_000) : 0, project: 0 });
    if (roll >= 3) {
      // 40 % project-only, 30 % public + project.
      for (let k = r.int(1, 2); k > 0; k--) {
        const c = r.int(100, 50_000);
        const n = projects.length + 1;
        projects.push({
          name: `${name}${functionalName(x).slice(0, 8)}${r.pick(PROJECT_STEMS)}${n}`,
          code: `${code}${String(n).padStart(6, '0')}`,
          type: r.pick(PROJECT_TYPES),
          item: x,
          cents: c,
        });
        items.get(x)!.project += c;
      }
    }
  }

  // Basic expenditure by economic 款: the four corresponding 款 take their 项's money exactly,
  // the rest of 人员经费 and all of 公用经费 are spread over the other 款.
  const basic = new Map<string, { personnel: number; public: number }>();
  let personnel = 0;
  let pub = 0;
  for (const a of items.values()) {
    personnel += a.personnel;
    pub += a.public;
  }
  let rest = personnel;
  for (const c of CORRESPONDING) {
    const v = items.get(c.functional)!.personnel;
    basic.set(c.economic, { personnel: v, public: 0 });
    rest -= v;
  }
  const personnelCodes = r.sample(PERSONNEL_ECONOMIC, r.int(3, PERSONNEL_ECONOMIC.length));
  r.split(rest, personnelCodes.length).forEach((v, i) => basic.set(personnelCodes[i]!, { personnel: v, public: 0 }));
  const publicCodes = [...new Set([...r.sample(PUBLIC_ECONOMIC, r.int(4, PUBLIC_ECONOMIC.length)), '30217', '30231'])];
  r.split(pub, publicCodes.length).forEach((v, i) => {
    const e = basic.get(publicCodes[i]!) ?? { personnel: 0, public: 0 };
    e.public += v;
    basic.set(publicCodes[i]!, e);
  });
  const projectEconomic = new Map<string, number>();
  const projectTotal = projects.reduce((s, p) => s + p.cents, 0);
  if (projectTotal > 0) {
    const codes = r.sample(PROJECT_ECONOMIC, r.int(1, 4));
    r.split(projectTotal, codes.length).forEach((v, i) => projectEconomic.set(codes[i]!, v));
  }
  return { code, name, kind, items, projects, basic, projectEconomic };
}

/** Rows a unit adds to the workbook (for sizing). */
function unitRows(u: UnitPlan): number {
  const functional = functionalRows(u.items).rows.length + 1; // + the unit row
  const economicCodes = new Set([...u.basic.keys(), ...u.projectEconomic.keys()]);
  const basicRows = new Set([...u.basic.keys()].map((c) => c.slice(0, 3))).size + u.basic.size + 1;
  const projectRows = PROJECT_TYPES.reduce((n, t) => {
    const k = u.projects.filter((p) => p.type === t).length;
    return n + (k > 0 ? k + 1 : 0);
  }, 0);
  return functional * 2 + basicRows + (economicCodes.size + 1) + projectRows + (u.projects.length + 1) + 1;
}

/** A consistent consolidated workbook of about `rows` data rows over 12 tables (one per sheet). */
export function generateConsolidated(options: ConsolidatedOptions = {}): GenWorkbook {
  const target = options.rows ?? 100_000;
  const r = new Random(options.seed ?? 20240101);
  const department = options.department ?? '示例市教育局';
  const dcode = options.departmentCode ?? '603';
  const year = options.year ?? 2024;
  const per = options.itemsPerUnit ?? [10, 40];
  const FIXED = 34 + 6 + 29 + 2 + 2 + 3; // 收支总表, 三公, 财政拨款收支总表, 两张空表, 合计 rows
  const units: UnitPlan[] = [];
  let rows = FIXED;
  while (rows < target && units.length < 999) {
    const u = planUnit(r, units.length, dcode, department, per);
    units.push(u);
    rows += unitRows(u);
  }
  return layoutConsolidated(units, { department: `${department}（汇总）`, departmentName: department, departmentCode: dcode, year });
}

interface Names {
  department: string;
  departmentName: string;
  departmentCode: string;
  year: number;
}

const metaLines = (n: Names, width: number): string[][] => {
  const line: string[] = [`预算单位：${n.department}`];
  line[Math.max(1, width - 1)] = '单位：万元';
  return [line];
};

function layoutConsolidated(units: readonly UnitPlan[], n: Names): GenWorkbook {
  // Department totals.
  const classTotals = new Map<string, number>();
  const all = zero();
  for (const u of units) {
    for (const [code, a] of u.items) {
      classTotals.set(code.slice(0, 3), (classTotals.get(code.slice(0, 3)) ?? 0) + totalOf(a));
      addInto(all, a);
    }
  }
  const grand = totalOf(all);
  const sheets: GenSheet[] = [];

  // 1. 收支总表: income left, expenditure by 类 right.
  {
    const s = new SheetBuilder('收支总表');
    s.begin('income-expense-summary', `${n.year}年部门收支总表（预算表1）`, 4, metaLines(n, 4));
    s.header([
      ['收 入', '>', '支 出', '>'],
      ['项 目', '预算数', '项 目', '预算数'],
    ]);
    const income: Array<[string, number]> = [
      ['一、一般公共预算拨款收入', grand],
      ['二、政府性基金预算拨款收入', 0],
      ['三、国有资本经营预算拨款收入', 0],
      ['四、财政专户管理资金收入', 0],
      ['五、事业收入', 0],
      ['六、事业单位经营收入', 0],
      ['七、上级补助收入', 0],
      ['八、附属单位上缴收入', 0],
      ['九、其他收入', 0],
    ];
    const numerals = chineseNumerals(LEI_CODES.length);
    LEI_CODES.forEach((lei, i) => {
      const left = income[i];
      s.data([left?.[0], left ? amount(left[1]) : undefined, `${numerals[i]}、${functionalName(lei)}`, amount(classTotals.get(lei) ?? 0)]);
    });
    s.data(['本年收入合计', amount0(grand), '本年支出合计', amount0(grand)]);
    s.data(['上年结转', undefined, '结转下年', undefined]);
    s.data(['收入总计', amount0(grand), '支出总计', amount0(grand)]);
    sheets.push(s.build());
  }

  // 2. 收入总表: the department and each unit by source of money.
  {
    const s = new SheetBuilder('收入总表');
    s.begin('income-summary', `${n.year}年部门收入总表（预算表2）`, 7, metaLines(n, 7));
    s.header([['部门(单位)代码', '部门(单位)名称', '合计', '一般公共预算', '政府性基金预算', '财政专户管理资金', '单位资金']]);
    s.data([undefined, '合计', amount0(grand), amount0(grand)]);
    s.data([n.departmentCode, n.departmentName, amount0(grand), amount0(grand)]);
    for (const u of units) {
      let t = 0;
      for (const a of u.items.values()) t += totalOf(a);
      s.data([u.code, u.name, amount0(t), amount0(t)]);
    }
    sheets.push(s.build());
  }

  // 3. 支出总表 and 5. 一般公共预算支出表: functional rows grouped by unit.
  const perUnit = units.map((u) => ({ u, ...functionalRows(u.items) }));
  {
    const s = new SheetBuilder('支出总表');
    s.begin('expenditure-summary', `${n.year}年部门支出总表（预算表3）`, 6, metaLines(n, 6));
    s.header([['科目编码', '单位代码', '单位(科目名称)', '合计', '基本支出', '项目支出']]);
    s.data([undefined, undefined, '合计', amount0(grand), amount0(basicOf(all)), amount0(all.project)]);
    for (const { u, rows, total } of perUnit) {
      s.data([undefined, u.code, u.name, amount0(totalOf(total)), amount(basicOf(total)), amount(total.project)]);
      for (const row of rows) s.data([row.code, undefined, row.name, amount0(totalOf(row.amounts)), amount(basicOf(row.amounts)), amount(row.amounts.project)]);
    }
    sheets.push(s.build());
  }

  // 4. 财政拨款收支总表.
  {
    const s = new SheetBuilder('财政拨款收支总表');
    s.begin('fiscal-appropriation-summary', `${n.year}年财政拨款收支总表（预算表4）`, 4, metaLines(n, 4));
    s.header([
      ['收 入', '>', '支 出', '>'],
      ['项 目', '预算数', '项 目', '预算数'],
    ]);
    const numerals = chineseNumerals(LEI_CODES.length);
    const left: Array<[string, number] | undefined> = [
      ['一、本年收入', grand],
      ['一般公共预算拨款', grand],
      ['政府性基金预算拨款', 0],
      ['国有资本经营预算拨款', 0],
      ['二、上年结转', 0],
    ];
    s.data([left[0]![0], amount(left[0]![1]), '一、本年支出', amount0(grand)]);
    LEI_CODES.forEach((lei, i) => {
      const l = left[i + 1];
      s.data([l?.[0], l ? amount(l[1]) : undefined, `${numerals[i]}、${functionalName(lei)}`, amount(classTotals.get(lei) ?? 0)]);
    });
    s.data([undefined, undefined, '二、结转下年支出', undefined]);
    s.data(['收入总计', amount0(grand), '支出总计', amount0(grand)]);
    sheets.push(s.build());
  }

  {
    const s = new SheetBuilder('一般公共预算支出表');
    s.begin('general-budget-expenditure', `${n.year}年一般公共预算支出表（预算表5）`, 8, metaLines(n, 8));
    s.header([
      ['科目编码', '单位代码', '单位(科目名称)', '合计', '基本支出', '>', '>', '项目支出'],
      ['^', '^', '^', '^', '小计', '人员经费', '公用经费', '^'],
    ]);
    s.data([undefined, undefined, '合计', amount0(grand), amount0(basicOf(all)), amount0(all.personnel), amount0(all.public), amount0(all.project)]);
    for (const { u, rows, total } of perUnit) {
      s.data([undefined, u.code, u.name, amount0(totalOf(total)), amount(basicOf(total)), amount(total.personnel), amount(total.public), amount(total.project)]);
      for (const row of rows) {
        const a = row.amounts;
        s.data([row.code, undefined, row.name, amount0(totalOf(a)), amount(basicOf(a)), amount(a.personnel), amount(a.public), amount(a.project)]);
      }
    }
    sheets.push(s.build());
  }

  // 6. 一般公共预算基本支出表: economic 类 / 款 rows grouped by unit.
  const reception = { total: 0 };
  const vehicle = { total: 0 };
  {
    const s = new SheetBuilder('一般公共预算基本支出表');
    s.begin('general-budget-basic-expenditure', `${n.year}年一般公共预算基本支出表（预算表6）`, 6, metaLines(n, 6));
    s.header([['科目编码', '单位代码', '单位(科目名称)', '合计', '人员经费', '公用经费']]);
    s.data([undefined, undefined, '合计', amount0(basicOf(all)), amount0(all.personnel), amount0(all.public)]);
    for (const u of units) {
      const codes = [...u.basic.keys()].sort();
      const byClass = new Map<string, { personnel: number; public: number }>();
      let p = 0;
      let q = 0;
      for (const c of codes) {
        const v = u.basic.get(c)!;
        const k = byClass.get(c.slice(0, 3)) ?? { personnel: 0, public: 0 };
        k.personnel += v.personnel;
        k.public += v.public;
        byClass.set(c.slice(0, 3), k);
        p += v.personnel;
        q += v.public;
      }
      reception.total += u.basic.get('30217')?.public ?? 0;
      vehicle.total += u.basic.get('30231')?.public ?? 0;
      s.data([undefined, u.code, u.name, amount0(p + q), amount(p), amount(q)]);
      let lei = '';
      for (const c of codes) {
        if (c.slice(0, 3) !== lei) {
          lei = c.slice(0, 3);
          const k = byClass.get(lei)!;
          s.data([lei, undefined, economicName(lei), amount0(k.personnel + k.public), amount(k.personnel), amount(k.public)]);
        }
        const v = u.basic.get(c)!;
        s.data([c, undefined, economicName(c), amount0(v.personnel + v.public), amount(v.personnel), amount(v.public)]);
      }
    }
    sheets.push(s.build());
  }

  // 7. "三公"经费: reception and vehicles at least the basic expenditure's 30217 / 30231.
  {
    const s = new SheetBuilder('三公经费');
    s.begin('three-public-expenses', `${n.year}年一般公共预算“三公”经费支出表`, 2, metaLines(n, 2));
    s.header([['项 目', `${n.year}年预算数`]]);
    const abroad = 0;
    const purchase = 0;
    s.data(['合 计', amount0(abroad + reception.total + vehicle.total + purchase)]);
    s.data(['1、因公出国（境）费用', amount0(abroad)]);
    s.data(['2、公务接待费', amount0(reception.total)]);
    s.data(['3、公务用车费', amount0(vehicle.total + purchase)]);
    s.data(['其中：（1）公务用车运行维护费', amount0(vehicle.total)]);
    s.data(['（2）公务用车购置', amount0(purchase)]);
    sheets.push(s.build());
  }

  // 8, 9. Empty fund tables.
  for (const [sheet, kind, title] of [
    ['政府性基金', 'government-fund-expenditure', `${n.year}年政府性基金预算支出表`],
    ['国有资本经营', 'state-capital-expenditure', `${n.year}年国有资本经营预算支出表`],
  ] as const) {
    const s = new SheetBuilder(sheet);
    s.begin(kind, title, 5, metaLines(n, 5));
    s.header([['科目编码', '科目名称', '合计', '基本支出', '项目支出']]);
    s.data([undefined, '合计']);
    sheets.push(s.build());
  }

  // 10. 项目支出表: type → 一级项目 (one per unit and type) → 二级项目.
  {
    const s = new SheetBuilder('项目支出表');
    s.begin('project-expenditure', `${n.year}年项目支出表（预算表9）`, 8, metaLines(n, 8));
    s.header([
      ['类别', '项目名称', '>', '项目单位', '合计', '本年拨款', '>', '上年结转'],
      ['^', '一级项目', '二级项目', '^', '^', '一般公共预算', '政府性基金预算', '^'],
    ]);
    s.data(['合计', undefined, undefined, undefined, amount0(all.project), amount0(all.project)]);
    for (const type of PROJECT_TYPES) {
      const mine = units.flatMap((u) => u.projects.filter((p) => p.type === type));
      const t = mine.reduce((a, p) => a + p.cents, 0);
      s.data([type, undefined, undefined, undefined, amount0(t), amount0(t)]);
      for (const u of units) {
        const ps = u.projects.filter((p) => p.type === type);
        if (ps.length === 0) continue;
        const ut = ps.reduce((a, p) => a + p.cents, 0);
        s.data([undefined, `${u.name}${type === '专项业务类' ? '专项业务' : '运转保障'}`, undefined, u.name, amount0(ut), amount0(ut)]);
        for (const p of ps) s.data([undefined, undefined, p.name, u.name, amount0(p.cents), amount0(p.cents)]);
      }
    }
    sheets.push(s.build());
  }

  // 11. 支出经济分类汇总表: department and government economic 款 side by side, by unit.
  {
    const s = new SheetBuilder('支出经济分类汇总表');
    s.begin('economic-classification-summary', `${n.year}年支出经济分类汇总表`, 8, metaLines(n, 8));
    s.header([
      ['单位代码', '部门预算经济分类', '>', '政府预算经济分类', '>', '合计', '基本支出', '项目支出'],
      ['^', '科目编码', '单位(科目名称)', '科目编码', '科目名称', '^', '^', '^'],
    ]);
    s.data([undefined, undefined, '合计', undefined, undefined, amount0(grand), amount0(basicOf(all)), amount0(all.project)]);
    for (const u of units) {
      const codes = [...new Set([...u.basic.keys(), ...u.projectEconomic.keys()])].sort();
      let b = 0;
      let p = 0;
      const lines = codes.map((c) => {
        const basic = (u.basic.get(c)?.personnel ?? 0) + (u.basic.get(c)?.public ?? 0);
        const project = u.projectEconomic.get(c) ?? 0;
        b += basic;
        p += project;
        const gov = governmentCode(c, u.kind);
        return [undefined, c, economicName(c), gov, governmentName(gov), amount0(basic + project), amount(basic), amount(project)] as GenValue[];
      });
      s.data([u.code, undefined, u.name, undefined, undefined, amount0(b + p), amount(b), amount(p)]);
      for (const l of lines) s.data(l);
    }
    sheets.push(s.build());
  }

  // 12. 项目绩效目标汇总表 (Henan layout): a row per project, its unit's row above.
  {
    const s = new SheetBuilder('项目绩效目标表');
    s.begin('project-performance', `${n.year}年部门预算项目绩效目标汇总表`, 8, metaLines(n, 8));
    s.header([
      ['单位编码(项目编码)', '项目单位(项目名称)', '项目金额(万元)', '>', '>', '>', '绩效目标', '>'],
      ['^', '^', '^', '^', '^', '^', '产出指标', '>'],
      ['^', '^', '资金总额', '政府预算资金', '财政专户管理资金', '单位资金', '三级指标', '指标值'],
    ]);
    for (const u of units) {
      if (u.projects.length === 0) continue;
      const t = u.projects.reduce((a, p) => a + p.cents, 0);
      s.data([u.code, u.name, amount0(t), amount0(t)]);
      for (const p of u.projects) s.data([p.code, p.name, amount0(p.cents), amount0(p.cents), undefined, undefined, '完成率', '≥95%']);
    }
    sheets.push(s.build());
  }

  return { name: `${n.departmentName}${n.year}年部门预算（汇总）.xlsx`, sheets };
}

/**
 * A Jilin-style 绩效目标 sheet: one 项目支出绩效目标表 per project, one under the other, each with its merged
 * label cells (项目名称, 项目资金, 绩效指标 …) — how 000's 绩效目标 sheet prints 16 projects, for `n` projects.
 */
export function performanceBlocksSheet(n: number, seed = 1): GenSheet {
  const r = new Random(seed);
  const s = new SheetBuilder('绩效目标');
  for (let b = 0; b < n; b++) {
    s.begin('project-performance', '示例市教育局本级2024年项目支出绩效目标表', 6, []);
    const total = r.int(100, 500_000);
    const fiscal = r.int(0, total);
    const lines: Array<{ tokens: HeaderToken[]; values?: GenValue[] }> = [
      { tokens: ['项目名称', '>', `项目${b + 1}${r.pick(PROJECT_STEMS)}`, '>', '>', '>'] },
      { tokens: ['项目级次', '>', '二级项目', '>', '>', '>'] },
      { tokens: ['主管部门及编码', '>', '示例市教育局-603', '>', '>', '>'] },
      { tokens: ['项目资金(万元)', '年度资金总额', '#', '>', '>', '>'], values: [undefined, undefined, cents(total)] },
      { tokens: ['^', '其中：财政拨款', '#', '>', '>', '>'], values: [undefined, undefined, cents(fiscal)] },
      { tokens: ['^', '其他资金', '#', '>', '>', '>'], values: [undefined, undefined, cents(total - fiscal)] },
      { tokens: ['年度绩效目标', '保障项目顺利实施，提升服务水平。', '>', '>', '>', '>'] },
      { tokens: ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '权重'] },
      { tokens: ['^', '成本指标', '经济成本指标', '办公费', '<=2万元', '10'] },
      { tokens: ['^', '产出指标', '数量指标', '服务人数', '>=100人', '40'] },
      { tokens: ['^', '效益指标', '社会效益指标', '服务效率', '提升', '30'] },
      { tokens: ['^', '满意度指标', '服务对象满意度指标', '满意度', '>=90%', '20'] },
    ];
    // Written as a header block (for its merges), then the amounts put in their cells.
    s.header(lines.map((l) => l.tokens));
    const first = s.rows.length - lines.length;
    lines.forEach((l, i) => l.values?.forEach((v, c) => v !== undefined && (s.rows[first + i]![c] = v)));
  }
  return s.build();
}

/** 一, 二 … 九十九. */
export function chineseNumerals(count: number): string[] {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const tens = Math.floor(i / 10);
    const ones = i % 10;
    out.push(tens === 0 ? d[ones]! : `${tens === 1 ? '' : d[tens]}十${d[ones]}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Output: the engine's grid model, or an .xlsx file.

/** The grid the .xlsx adapter would read from this layout (amounts as numbers with AMOUNT_FORMAT). */
export function layoutToWorkbook(wb: GenWorkbook): Workbook {
  return { name: wb.name, sheets: wb.sheets.map(layoutToSheet) };
}

export function layoutToSheet(s: GenSheet): Sheet {
  const cells: (Cell | undefined)[][] = [];
  let colCount = 0;
  let rowCount = 0;
  s.rows.forEach((values, r) => {
    const line: (Cell | undefined)[] = [];
    values.forEach((v, c) => {
      if (v === undefined || v === '') return;
      line[c] = typeof v === 'string' ? { row: r, col: c, value: v } : { row: r, col: c, value: centsToNumber(v.cents), numFmt: AMOUNT_FORMAT };
      colCount = Math.max(colCount, c + 1);
      rowCount = r + 1;
    });
    if (line.length > 0) cells[r] = line;
  });
  for (const m of s.merges) {
    colCount = Math.max(colCount, m.c1 + 1);
    rowCount = Math.max(rowCount, m.r1 + 1);
  }
  return { name: s.name, cells, merges: [...s.merges], hiddenRows: new Set(), hiddenCols: new Set(), rowCount, colCount };
}

/**
 * The `n` amounts plantAmounts changes: +1.11 each, at cells picked by a fixed pseudo-random sequence (a cell picked
 * twice is changed once).
 */
export function plantedAmounts(wb: Workbook, n: number): Array<{ sheet: string; address: string; before: number; after: number }> {
  const amounts: Array<{ sheet: string; address: string; value: number }> = [];
  for (const s of wb.sheets) {
    s.cells.forEach((row, r) => row?.forEach((c, k) => {
      if (c && typeof c.value === 'number' && c.value > 1) amounts.push({ sheet: s.name, address: a1(r, k), value: c.value });
    }));
  }
  let x = 7;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const picked = new Map<string, { sheet: string; address: string; before: number; after: number }>();
  for (let i = 0; i < n; i++) {
    const p = amounts[Math.floor(next() * amounts.length)]!;
    picked.set(`${p.sheet}!${p.address}`, { sheet: p.sheet, address: p.address, before: p.value, after: Math.round((p.value + 1.11) * 100) / 100 });
  }
  return [...picked.values()];
}

/**
 * The workbook with `n` amounts changed by +1.11 (plantedAmounts), so that fix suggestion has work to do (a
 * consistent workbook has nothing to fix).
 */
export function plantAmounts(wb: Workbook, n: number): Workbook {
  if (n === 0) return wb;
  return setCells(wb, plantedAmounts(wb, n).map((p) => ({ sheet: p.sheet, address: p.address, state: { value: p.after } })));
}

/** Writes the layout as .xlsx with ExcelJS's streaming writer (fast, little memory); returns the path. */
export async function writeLayoutXlsx(wb: GenWorkbook, path: string): Promise<string> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  writer.creator = 'gouji generate-workbook';
  for (const s of wb.sheets) {
    const ws = writer.addWorksheet(s.name);
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    ws.columns = Array.from({ length: width }, (_, c) => ({ width: c === 2 ? 40 : 14 }));
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    s.rows.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        if (v === undefined) return;
        const cell = row.getCell(c + 1);
        if (typeof v === 'string') cell.value = v;
        else {
          cell.value = centsToNumber(v.cents);
          cell.numFmt = AMOUNT_FORMAT;
        }
      });
      row.commit();
    });
    ws.commit();
  }
  await writer.commit();
  return path;
}

/** The layout as .xlsx bytes (in memory, ExcelJS's ordinary writer; for small workbooks in tests). */
export async function layoutXlsxBytes(wb: GenWorkbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    s.rows.forEach((values, r) => {
      values.forEach((v, c) => {
        if (v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'string') cell.value = v;
        else {
          cell.value = centsToNumber(v.cents);
          cell.numFmt = AMOUNT_FORMAT;
        }
      });
    });
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rows = Number(arg('--rows') ?? 100_000);
  const seed = Number(arg('--seed') ?? 20240101);
  const out = arg('--out') ?? join(mkdtempSync(join(tmpdir(), 'gouji-gen-')), `consolidated-${rows}.xlsx`);
  const layout = generateConsolidated({ rows, seed });
  await writeLayoutXlsx(layout, out);
  console.log(`${out}: ${dataRowCount(layout)} data rows, ${layout.sheets.length} sheets`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
