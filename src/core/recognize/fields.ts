// Label–value forms (绩效目标表 blocks): 项目名称 → its value, 年度资金总额 → its amount, and so on.
import { cellAt, cellText, type Sheet } from '../grid/grid';
import { amountOf, parseAmount } from '../money/money';
import { labelKey } from '../text';
import type { AmountCell, Row } from './model';

/** One labelled value of a form: where the label is, where its value is, and the value as text and amount. */
export interface FormField {
  /** The label as printed, squashed (`项目名称`, `年度资金总额`, `其中:财政拨款`). */
  readonly label: string;
  readonly labelCell: { readonly row: number; readonly col: number };
  readonly cell: { readonly row: number; readonly col: number };
  readonly text: string;
  readonly amount: AmountCell;
}

/** The labels performance forms use; a cell holding one of them is a label, never a value. */
const LABELS = /^(项目名称|项目级次|项目类别|项目属性|主管部门及编码|主管部门|实施单位|项目资金(\(万元\))?|年度资金总额|其中[:：]?财政拨款|财政拨款|其他资金|资金总额|项目负责人|联系电话|年度绩效目标|绩效指标|部门\(单位\)名称)$/;

/**
 * Each of the labels holds one of these characters, and labelKey keeps Chinese characters as they are: a text
 * without any of them (an amount, most names) is no label, and no key is made for it.
 */
const LABEL_CHARS = /[项主实年其财资联绩部]/;

export function isFormLabel(text: string): boolean {
  return LABEL_CHARS.test(text) && LABELS.test(labelKey(text).replace(/（/g, '(').replace(/）/g, ')'));
}

/** Whether a text is the 绩效指标 label (only a text holding 标 can be: labelKey keeps Chinese characters). */
function isIndicatorLabel(text: string): boolean {
  return text.includes('标') && labelKey(text) === '绩效指标';
}

/**
 * Reads the label–value pairs in rows first..last, columns c0..c1: for each cell holding a known
 * label, its value is the next filled cell to the right that is not itself a label (a merged
 * value area holds its text in its first cell). Rows below 绩效指标 (the indicator grid) are not read.
 */
export function readFormFields(sheet: Sheet, first: number, last: number, c0: number, c1: number): FormField[] {
  const out: FormField[] = [];
  const n = c1 - c0 + 1;
  for (let r = first; r <= last; r++) {
    const line = sheet.cells[r];
    // Each cell's text made when first asked for (a form's rows of numbers need none: only a text can be a label).
    const texts: Array<string | undefined> = [];
    const textOf = (i: number): string => (texts[i] ??= cellText(line?.[c0 + i]).trim());
    const isText = (i: number): boolean => typeof line?.[c0 + i]?.value === 'string';
    let indicator = false;
    for (let i = 0; i < n && !indicator; i++) indicator = isText(i) && isIndicatorLabel(textOf(i));
    if (indicator) break;
    for (let i = 0; i < n; i++) {
      if (!isText(i)) continue;
      const t = textOf(i);
      if (t === '' || !isFormLabel(t) || (i > 0 && textOf(i - 1) === t)) continue;
      for (let j = i + 1; j < n; j++) {
        const v = textOf(j);
        if (v === '' || v === t) continue;
        if (isFormLabel(v)) {
          if (/资金|财政拨款/.test(labelKey(t))) continue; // 项目资金 | 年度资金总额 | 17.30: the amount is further right
          break;
        }
        const col = c0 + j;
        const parsed = parseAmount(cellAt(sheet, r, col)?.value ?? null);
        out.push({ label: labelKey(t), labelCell: { row: r, col: c0 + i }, cell: { row: r, col }, text: v, amount: { col, parsed, value: amountOf(parsed), text: v } });
        break;
      }
    }
  }
  return out;
}

/** A field's value as a one-cell row, so sums can compare it with table cells. */
export function fieldRow(field: FormField): Row {
  return { row: field.cell.row, name: field.label, isTotal: false, amounts: new Map([[field.cell.col, field.amount]]) };
}
