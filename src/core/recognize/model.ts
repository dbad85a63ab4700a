// What recognition produces: tables with metadata, columns by role and rows with codes and amounts.
import type { Money, ParsedAmount } from '../money/money';
import type { ColumnMeaning } from './column-meaning';
import type { Rect } from '../grid/grid';
import type { FormField } from './fields';
import type { TableKind } from './kinds';

/** What an amount or label column holds. Amount roles are the identities' vocabulary. */
export type ColumnRole =
  | 'seq' // 序号
  | 'code' // one code column (科目编码, 7 digits)
  | 'code-lei' // 类 of split code columns
  | 'code-kuan' // 款
  | 'code-xiang' // 项
  | 'name' // 科目名称, 项目, 单位名称
  | 'unit-code' // 部门(单位)代码
  | 'project-type' // 项目支出表 类别 / 类型 (a code like 011 or a type name)
  | 'project-l1' // 一级项目 name
  | 'project-l2' // 二级项目 name
  | 'project-unit' // 项目单位
  | 'total' // 合计 / 总计
  | 'current-year' // 本年 / 当年预算 / 编制预算
  | 'carryover' // 上年结转
  | 'basic' // 基本支出 (or its 小计)
  | 'basic-personnel' // 人员经费
  | 'basic-public' // 公用经费
  | 'basic-wages' // 工资福利支出 (Henan sub-column)
  | 'basic-household' // 对个人和家庭的补助
  | 'basic-goods' // 商品和服务支出
  | 'basic-capital' // 资本性支出
  | 'project' // 项目支出
  | 'operating' // 事业单位经营支出
  | 'remit-upper' // 上缴上级支出
  | 'subsidy-affiliated' // 对附属单位补助支出
  | 'prior' // a year before the table's (上年执行数, 2023年预算数): compared, never summed with this year's
  | 'reference' // this year's figures of another measure than the table's own (预算数 in 决算 tables, 执行数)
  | 'change' // 增减额: this year minus last year
  | 'change-pct' // 增减%: a percentage, never summed
  | 'ratio' // 占比, 完成率: a ratio, never summed
  | 'amount' // an amount column whose role is not (yet) known
  | 'text'; // a text column of unknown meaning

export interface Column {
  /** 0-based sheet column. */
  readonly col: number;
  /** Header texts from the top header row down, merged cells repeated, duplicates dropped. */
  readonly path: readonly string[];
  readonly role: ColumnRole;
  /** Year, measure and item, from the header path (absent on tables built by hand in tests). */
  readonly meaning?: ColumnMeaning;
}

export interface AmountCell {
  readonly col: number;
  readonly parsed: ParsedAmount;
  /** The amount (absent → undefined; a dash → 0). */
  readonly value: Money | undefined;
  /** The cell's formula without `=`, when it has one. */
  readonly formula?: string;
  /** The cell's value as stored, as text (`1,284.21` for a text cell, `1284.21` for a number). */
  readonly text?: string;
  /** The number format, kept only when it shows a percentage (`0.0%`: the value 0.031 reads 3.1%). */
  readonly numFmt?: string;
}

export interface Row {
  /** 0-based sheet row. */
  readonly row: number;
  /** Normalized subject code (digits only: `2010301`), when the row has or was given one. */
  readonly code?: string;
  /**
   * How the code was obtained: read from the row, inferred from the catalog by name, or aligned with
   * the row at the same position of a coded table of the workbook (001 预算表5 prints codes on its 类 rows only).
   */
  readonly codeSource?: 'cell' | 'inferred' | 'aligned';
  /** For an aligned code: the row of the coded table it was taken from. */
  readonly alignedFrom?: { readonly sheet: string; readonly row: number };
  /** A second code printed beside the first (政府预算经济分类 beside 部门预算经济分类). */
  readonly secondaryCode?: string;
  readonly name: string;
  /** The text of the row's 序号 cell, when the table has a 序号 column. */
  readonly seq?: string;
  /** 0 = a 合计/总计 row, 1 = 类, 2 = 款, 3 = 项; undefined when unknown. */
  readonly level?: number;
  readonly isTotal: boolean;
  /** 单位代码 of a unit row (a 汇总 table's subtotal for one unit). */
  readonly unitCode?: string;
  /** The 单位代码 of the unit row this row is listed under, in tables grouped by unit. */
  readonly unit?: string;
  /** Amount cells by sheet column. */
  readonly amounts: ReadonlyMap<number, AmountCell>;
}

export interface TableMeta {
  /** 预算单位 / 部门（单位）名称 as printed, when the table names one. */
  readonly department?: string;
  readonly departmentCell?: { row: number; col: number };
  /** The whole text of that cell (`预算单位：某局  单位：万元`), for fixes that rewrite it. */
  readonly departmentText?: string;
  /** 单位 of measure: 万元 or 元. */
  readonly unit?: '万元' | '元';
  /** Where the unit is stated (also when the cell says only `单位：`). */
  readonly unitCell?: { row: number; col: number };
  /** The whole text of that cell. */
  readonly unitText?: string;
  readonly year?: number;
}

export interface Table {
  readonly sheet: string;
  /** The table's whole rectangle: title to last data row. */
  readonly rect: Rect;
  readonly kind: TableKind;
  /** 预算 or 决算 (final accounts: 收入支出决算总表 …): the same kinds, with the accounts' own identities. */
  readonly basis?: 'budget' | 'final';
  /**
   * Which side of a two-sided summary (收入 | 支出) this table is, or which half of a list printed in two halves
   * side by side (基本支出决算表: 人员经费 left, 公用经费 right); undefined for ordinary tables.
   */
  readonly part?: 'income' | 'expenditure' | 'left' | 'right';
  readonly title: string;
  readonly titleCell?: { row: number; col: number };
  readonly meta: TableMeta;
  /** First and last header row (0-based), when the table has a header. */
  readonly headerRows?: { readonly first: number; readonly last: number };
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Label–value pairs of form-like tables (绩效目标表 blocks: 项目名称, 年度资金总额 …). */
  readonly fields?: readonly FormField[];
  /** Free text of narrative tables, one entry per non-empty row. */
  readonly paragraphs?: ReadonlyArray<{ row: number; col: number; text: string }>;
}

/** Something recognition could not place, said so a person can look at it. */
export interface RecognitionNote {
  readonly sheet: string;
  readonly range?: string;
  readonly message: string;
}
