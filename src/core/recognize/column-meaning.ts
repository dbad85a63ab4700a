// What an amount column means, from its header path: which year (本年 / 上年), which measure (预算数,
// 执行数, 决算数, 增减额, 增减%), and which item it holds once those words are set aside. Only columns of the
// same year and measure may be summed or compared; a percentage is never summed.
import { halfWidth, labelKey } from '../text';

export type Period = 'current' | 'prior';
export type Measure = 'budget' | 'execution' | 'final' | 'change' | 'change-pct' | 'ratio';

export interface ColumnMeaning {
  /** 本年 (the budget or accounts year) or 上年 (a year before it). */
  readonly period: Period;
  /** The measure the header says; undefined when it says none (the table's own measure). */
  readonly measure?: Measure;
  /** The header path without its year and measure words: the item the column holds (`基本支出/人员经费`). */
  readonly item: readonly string[];
  /** A year a header label names (`2023年执行数` → 2023). */
  readonly year?: number;
}

/** A header label that names a year or a measure rather than an item, and what it says. */
export interface LabelWord {
  readonly period?: Period;
  readonly measure?: Measure;
  readonly year?: number;
  /** The item the label also names (`2024年基本支出` → 基本支出, `2024年“三公”经费预算数` → “三公”经费). */
  readonly item?: string;
}

const MEASURES: ReadonlyArray<[RegExp, Measure]> = [
  [/预计执行|执行|实际/, 'execution'],
  [/决算/, 'final'],
  [/预算|批复|安排/, 'budget'],
];

/** `预算数` → budget, `2023年执行数` → execution; undefined when the label names no measure. */
function measureIn(k: string): Measure | undefined {
  for (const [re, m] of MEASURES) if (re.test(k)) return m;
  return undefined;
}

/**
 * What a header label says of year and measure, or undefined for an item label (合计, 基本支出, 上年结转 …).
 * `budgetYear` tells a prior year's column (`2023年执行数` in a 2024 budget) from the year's own.
 */
export function labelWord(label: string, budgetYear?: number): LabelWord | undefined {
  const k = halfWidth(labelKey(label)).replace(/[()（）]/g, '');
  if (k === '') return undefined;
  // Comparisons: a percentage (增减%, 增长率, 比上年增长%) or an amount of change (增减额).
  if (/占比|比重|构成|占.*%$/.test(k)) return { measure: 'ratio' };
  if (/(增减|增长|增幅|变动|比上年).*(%|率|比例|幅度)|^(%|增长率|增减率|增幅)$|^增减%$/.test(k) || (/增减|增长/.test(k) && /%$/.test(k))) return { measure: 'change-pct' };
  if (/为预算(数)?的?%|完成率|执行率|%$/.test(k)) return { measure: 'ratio' };
  if (/^(增减|增减额|增减数|增加额|比上年增减|增减变化|增减金额)$/.test(k) || /比.*增减(额|数)?$/.test(k)) return { measure: 'change' };
  // A year: `2023年执行数`, `2024年预算数`, `2024年度`, `2024年`.
  const y = /^(20\d{2})年度?(年初|全年|调整)?(预算|部门预算|执行|预计执行|预算执行|决算|实际|)(数|金额)?$/.exec(k);
  if (y) {
    const year = Number(y[1]);
    const period: Period = budgetYear !== undefined && year < budgetYear ? 'prior' : 'current';
    const measure = y[3] ? measureIn(y[3]) : undefined;
    return { period, year, ...(measure ? { measure } : {}) };
  }
  // A year before an item, with or without a measure after it: `2024年基本支出`, `2024年“三公”经费预算数`.
  const yi = /^(20\d{2})年度?(.{2,16}?)(预算|执行|决算)?(数)?$/.exec(k);
  if (yi && !/结转|结余|比|增减/.test(yi[2]!)) {
    const year = Number(yi[1]);
    const period: Period = budgetYear !== undefined && year < budgetYear ? 'prior' : 'current';
    const measure = yi[3] && yi[4] ? measureIn(yi[3]) : undefined;
    const item = yi[3] && !yi[4] ? yi[2]! + yi[3] : yi[2]!;
    return { period, year, item, ...(measure ? { measure } : {}) };
  }
  // 上年执行数, 上年预算数, 上年决算数 (never 上年结转 / 上年结余: those are this year's money).
  const prior = /^(上年度?|上一年度?|去年)(年初|全年|调整)?(预算|执行|预计执行|决算|实际)?(数|金额)?$/.exec(k);
  if (prior && !/结转|结余/.test(k)) return { period: 'prior', ...(prior[3] ? { measure: measureIn(prior[3])! } : {}) };
  // 本年预算数, 本年决算数 (a measure word with 数: 本年预算 alone is the current-year part beside 上年结转).
  const current = /^(本年度?|当年)(年初|全年|调整)?(预算|决算|执行)数$/.exec(k);
  if (current) return { period: 'current', measure: measureIn(current[3]!)! };
  // 预算数, 决算数, 年初预算数, 全年预算数, 调整预算数, 执行数.
  const bare = /^(年初|全年|调整|本年|年度)?(预算|决算|执行|预计执行)数$/.exec(k);
  if (bare) return { measure: measureIn(bare[2]!)! };
  return undefined;
}

/** The years header labels name, for telling the budget year when the title names none. */
export function headerYears(paths: ReadonlyArray<readonly string[]>): number[] {
  const years: number[] = [];
  for (const path of paths) for (const label of path) {
    const w = labelWord(label);
    if (w?.year !== undefined) years.push(w.year);
  }
  return years;
}

/**
 * The budget year of a table: the title's, else the latest year its header names (a `2023年执行数` beside a
 * `2024年预算数` is last year's figure, never the table's year).
 */
export function budgetYearOf(titleYear: number | undefined, paths: ReadonlyArray<readonly string[]>): number | undefined {
  if (titleYear !== undefined) return titleYear;
  const years = headerYears(paths);
  return years.length > 0 ? Math.max(...years) : undefined;
}

/** The meaning of one column's header path. */
export function meaningOf(path: readonly string[], budgetYear?: number): ColumnMeaning {
  let period: Period = 'current';
  let measure: Measure | undefined;
  let year: number | undefined;
  const item: string[] = [];
  for (const label of path) {
    const w = labelWord(label, budgetYear);
    if (!w) {
      item.push(label);
      continue;
    }
    if (w.item) item.push(w.item);
    if (w.period) period = w.period;
    if (w.year !== undefined) year = w.year;
    // A comparison word wins over the measures it compares (`2024年预算数比2023年执行数增减/%`).
    if (w.measure && !(isComparison(measure) && !isComparison(w.measure))) measure = w.measure;
  }
  return { period, item, ...(measure ? { measure } : {}), ...(year !== undefined ? { year } : {}) };
}

export function isComparison(m: Measure | undefined): boolean {
  return m === 'change' || m === 'change-pct' || m === 'ratio';
}

/** Measures that add up (parent = Σ children, total = Σ parts); percentages and ratios do not. */
export function isAdditive(m: ColumnMeaning): boolean {
  return m.measure !== 'change-pct' && m.measure !== 'ratio';
}

/**
 * The table's own figures: 决算数 in final accounts (a column says 决算), else the budget. A column that says no
 * measure holds the table's own.
 */
export function ownMeasure(meanings: readonly ColumnMeaning[]): Measure {
  return meanings.some((m) => m.measure === 'final' && m.period === 'current') ? 'final' : 'budget';
}

/** Whether a column holds the table's own figures: this year, its own measure (or none said). */
export function isOwn(m: ColumnMeaning, own: Measure): boolean {
  return m.period === 'current' && (m.measure === undefined || m.measure === own);
}

/** The group a column's sums stay within: same year and measure (`current/budget`, `prior/execution`). */
export function groupKey(m: ColumnMeaning, own: Measure): string {
  return `${m.period}/${m.measure ?? own}`;
}
