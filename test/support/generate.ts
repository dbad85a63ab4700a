// Test support: random consistent expenditure summaries (支出总表) in the grid model, for property tests,
// and hostile workbooks for fuzz tests. The large consolidated workbooks live in scripts/generate-workbook.ts.
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { a1, sheetFromRows, type CellValue, type Rect, type Workbook } from '../../src/core/grid/grid';
import { XIANG_CODES, functionalRows, basicOf, totalOf, type FunctionalAmounts } from '../../scripts/generate-workbook';

export { XIANG_CODES } from '../../scripts/generate-workbook';

// ---------------------------------------------------------------------------------------------
// Random expenditure summaries.

/** One 项 row: basic (all 人员经费 here) and project money in cents; 0 prints as a blank cell. */
export interface SummaryItem {
  readonly code: string;
  readonly basic: number;
  readonly project: number;
}

/** How the table is printed: codes as text or as numbers, a 序号 column, amounts as numbers or as text (`1,284.21`). */
export interface SummaryLayout {
  readonly codesAsNumbers: boolean;
  readonly seqColumn: boolean;
  readonly amountsAsText: boolean;
}

export interface SummarySpec {
  readonly items: readonly SummaryItem[];
  readonly layout: SummaryLayout;
}

export type AmountColumn = 'total' | 'basic' | 'project';

/** An amount cell of a generated summary: where it is, what row it is on, what it holds (cents; blank = 0). */
export interface AmountCellInfo {
  readonly address: string;
  readonly row: number;
  readonly col: number;
  /** 0 = 合计 row, 1 = 类, 2 = 款, 3 = 项. */
  readonly level: 0 | 1 | 2 | 3;
  readonly code?: string;
  readonly column: AmountColumn;
  readonly cents: number;
  readonly blank: boolean;
  /** Cells summed with this one in its column's subtotal (its siblings and itself); 1 for the 合计 row. */
  readonly siblings: number;
}

export interface BuiltSummary {
  readonly workbook: Workbook;
  readonly sheet: string;
  readonly cells: readonly AmountCellInfo[];
  /** Builds the same summary with one amount cell changed to `cents` (in the layout's amount style). */
  readonly withCell: (address: string, cents: number) => Workbook;
}

export const SHEET = '支出总表';

const KUAN_OF = new Map<string, string[]>();
for (const x of XIANG_CODES) KUAN_OF.set(x.slice(0, 5), [...(KUAN_OF.get(x.slice(0, 5)) ?? []), x]);
/** 款 codes of the catalog that have 项, in catalog order. */
export const KUAN_CODES: readonly string[] = [...KUAN_OF.keys()];

const cents = fc.integer({ min: 1, max: 9_999_999 });

/** A 项's amounts: basic only, project only, or both (never neither: such rows are not printed). */
export const itemAmounts: fc.Arbitrary<{ basic: number; project: number }> = fc.oneof(
  cents.map((basic) => ({ basic, project: 0 })),
  cents.map((project) => ({ basic: 0, project })),
  fc.tuple(cents, cents).map(([basic, project]) => ({ basic, project })),
);

/**
 * 项 codes from the catalog grouped as real tables group them: a few 款 (of any 类), and for each some of
 * its 项, so that parents have one child or many.
 */
export const itemCodes: fc.Arbitrary<string[]> = fc
  .uniqueArray(fc.constantFrom(...KUAN_CODES), { minLength: 1, maxLength: 6 })
  .chain((kuans) => fc.tuple(...kuans.map((k) => fc.subarray(KUAN_OF.get(k)!, { minLength: 1, maxLength: Math.min(12, KUAN_OF.get(k)!.length) }))))
  .map((groups) => groups.flat());

export const summaryLayout: fc.Arbitrary<SummaryLayout> = fc.record({ codesAsNumbers: fc.boolean(), seqColumn: fc.boolean(), amountsAsText: fc.boolean() });

export const summarySpec: fc.Arbitrary<SummarySpec> = fc
  .tuple(itemCodes, summaryLayout)
  .chain(([codes, layout]) => fc.tuple(...codes.map(() => itemAmounts)).map((amounts) => ({ layout, items: codes.map((code, i) => ({ code, ...amounts[i]! })) })));

/** An amount as an export writes it into a text cell: `1,284.21`. */
export function amountText(c: number): string {
  const negative = c < 0;
  const abs = Math.abs(c);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Lays a summary out as a 支出总表 sheet: title, 预算单位 / 单位 line, one header row, the 合计 row, then each
 * 类, 款 and 项 in code order with 合计 = 基本支出 + 项目支出 in every row. Parents are exact sums (integer cents).
 */
export function buildSummary(spec: SummarySpec): BuiltSummary {
  const { layout } = spec;
  const items = new Map<string, FunctionalAmounts>();
  for (const it of spec.items) if (!items.has(it.code)) items.set(it.code, { personnel: it.basic, public: 0, project: it.project });
  const { rows: coded, total } = functionalRows(items);
  const off = layout.seqColumn ? 1 : 0;
  const col = { code: off, name: off + 1, total: off + 2, basic: off + 3, project: off + 4 };
  const width = off + 5;
  const values: (CellValue | undefined)[][] = [];
  const merges: Rect[] = [{ r0: 0, c0: 0, r1: 0, c1: width - 1 }];
  values.push(['2024年部门支出总表（预算表3）']);
  const meta: (CellValue | undefined)[] = ['预算单位：示例市政务服务中心'];
  meta[width - 1] = '单位：万元';
  values.push(meta);
  values.push([...(layout.seqColumn ? ['序号'] : []), '科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  const cells: AmountCellInfo[] = [];
  // Children per parent, per column alike: the number of terms a subtotal sums.
  const childCount = new Map<string, number>();
  for (const r of coded) {
    const parent = r.level === 1 ? '' : r.code.slice(0, r.level === 2 ? 3 : 5);
    childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  }
  const amount = (c: number, blankIfZero: boolean): CellValue | undefined => (c === 0 && blankIfZero ? undefined : layout.amountsAsText ? amountText(c) : c / 100);
  const addRow = (level: 0 | 1 | 2 | 3, code: string | undefined, name: string, a: FunctionalAmounts, seq: number) => {
    const r = values.length;
    const line: (CellValue | undefined)[] = [];
    if (layout.seqColumn) line[0] = seq;
    if (code !== undefined) line[col.code] = layout.codesAsNumbers ? Number(code) : code;
    line[col.name] = name;
    const parent = level === 0 ? undefined : level === 1 ? '' : code!.slice(0, level === 2 ? 3 : 5);
    const siblings = parent === undefined ? 1 : childCount.get(parent)!;
    for (const [column, c, blankIfZero] of [
      ['total', totalOf(a), false],
      ['basic', basicOf(a), true],
      ['project', a.project, true],
    ] as const) {
      const v = amount(c, blankIfZero);
      line[col[column]] = v;
      cells.push({ address: a1(r, col[column]), row: r, col: col[column], level, ...(code !== undefined ? { code } : {}), column, cents: c, blank: v === undefined, siblings });
    }
    values.push(line);
  };
  addRow(0, undefined, '合计', total, 1);
  coded.forEach((r, i) => addRow(r.level, r.code, r.name, r.amounts, i + 2));
  const make = (rows: (CellValue | undefined)[][]): Workbook => ({ name: 'generated.xlsx', sheets: [sheetFromRows(SHEET, rows, merges.map((m) => ({ ...m })))] });
  const workbook = make(values);
  const withCell = (address: string, c: number): Workbook => {
    const info = cells.find((x) => x.address === address);
    if (!info) throw new Error(`no amount cell at ${address}`);
    const copy = values.map((l) => [...l]);
    copy[info.row]![info.col] = layout.amountsAsText ? amountText(c) : c / 100;
    return make(copy);
  };
  return { workbook, sheet: SHEET, cells, withCell };
}

// ---------------------------------------------------------------------------------------------
// Amounts printed the ways exports print them.

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

export interface AmountFormat {
  /** Thousands separator: none, comma, full-width comma, space, no-break space, ideographic space. */
  readonly group: '' | ',' | '，' | ' ' | '\u00a0' | '\u3000';
  /** Decimals: always two (`12.50`), or trailing zeros dropped (`12.5`, `12`). */
  readonly decimals: 'two' | 'trim';
  readonly point: '.' | '．';
  /** Which characters (by index) are written as full-width digits. */
  readonly fullWidth: readonly boolean[];
  /** Negative amounts: `-`, full-width `－`, the minus sign `−`, or parentheses. */
  readonly negative: '-' | '－' | '−' | '()';
  /** Whitespace inserted before the character at these indexes (OCR spaces: `421. 29`). */
  readonly spaces: readonly number[];
  readonly plus: boolean;
}

export const amountFormat: fc.Arbitrary<AmountFormat> = fc.record({
  group: fc.constantFrom('' as const, ',' as const, '，' as const, ' ' as const, '\u00a0' as const, '\u3000' as const),
  decimals: fc.constantFrom('two' as const, 'trim' as const),
  point: fc.constantFrom('.' as const, '．' as const),
  fullWidth: fc.array(fc.boolean(), { maxLength: 24 }),
  negative: fc.constantFrom('-' as const, '－' as const, '−' as const, '()' as const),
  spaces: fc.array(fc.nat({ max: 24 }), { maxLength: 3 }),
  plus: fc.boolean(),
});

/** Writes an amount in cents the way `f` says. */
export function formatAmountText(c: number | bigint, f: AmountFormat): string {
  const big = BigInt(c);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  let int = (abs / 100n).toString();
  let frac = (abs % 100n).toString().padStart(2, '0');
  if (f.decimals === 'trim') frac = frac.replace(/0+$/, '');
  if (f.group !== '') int = int.replace(/\B(?=(\d{3})+(?!\d))/g, f.group);
  let body = frac === '' ? int : `${int}${f.point}${frac}`;
  body = [...body].map((ch, i) => (/\d/.test(ch) && f.fullWidth[i] ? FULL_WIDTH_DIGITS[Number(ch)]! : ch)).join('');
  for (const at of [...f.spaces].sort((a, b) => b - a)) if (at > 0 && at < body.length) body = `${body.slice(0, at)} ${body.slice(at)}`;
  if (!negative) return f.plus ? `+${body}` : body;
  return f.negative === '()' ? `(${body})` : `${f.negative}${body}`;
}

// ---------------------------------------------------------------------------------------------
// Hostile workbooks for fuzz tests, built with ExcelJS in memory.

export async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A small 支出总表 at the top of a sheet: title, unit line, header, a 合计 row and one 类 row. */
export function smallSummary(ws: ExcelJS.Worksheet, top = 1): void {
  ws.getCell(top, 1).value = '支出总表（预算表3）';
  ws.getCell(top + 1, 1).value = '预算单位：示例局';
  ws.getCell(top + 1, 5).value = '单位：万元';
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'].forEach((h, i) => (ws.getCell(top + 2, i + 1).value = h));
  const rows: Array<[string | undefined, string, number, number, number]> = [
    [undefined, '合计', 12.5, 10, 2.5],
    ['201', '一般公共服务支出', 12.5, 10, 2.5],
  ];
  rows.forEach(([code, name, t, b, p], i) => {
    const r = ws.getRow(top + 3 + i);
    if (code) r.getCell(1).value = code;
    r.getCell(2).value = name;
    r.getCell(3).value = t;
    r.getCell(4).value = b;
    r.getCell(5).value = p;
  });
}
