// Rule `cell-text-number`: amounts stored as text, and amount cells whose text is not a number at all.
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type Edit, type Finding, type Fix } from '../findings';
import { parseAmountText, type Money } from '../money/money';
import type { TableKind } from '../recognize/kinds';
import { TABLE_KINDS } from '../recognize/kinds';
import type { AmountCell, Table } from '../recognize/model';
import type { Rule } from './rule';
import { eachAmountCell } from '../recognize/tables';

const ID = 'cell-text-number';

/** Performance tables are left out: their "amount" columns are mostly text (indicators, codes such as 129). */
const KINDS: readonly TableKind[] = TABLE_KINDS.filter((k) => k !== 'narrative' && k !== 'project-performance' && k !== 'department-performance');

/** Excel's error values, and what a `{ error }` cell reads as until parseAmount keeps the error's text. */
export const ERROR_TEXT = /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)|\[object Object\])$/;

/** The text of an amount cell as stored, when recognition keeps it (proposed `AmountCell.text`). */
export function storedText(cell: AmountCell): string | undefined {
  const text = (cell as AmountCell & { text?: string }).text;
  return text ?? (cell.parsed.kind === 'text' ? cell.parsed.text : undefined);
}

/**
 * Columns that really hold amounts: at least half of their filled cells read as numbers (or as damaged
 * numbers). A column
 * recognition took for an amount column but that holds names (`合 计`, `一、工资福利支出`) is left out.
 */
export function numericColumns(t: Table): Set<number> {
  const counts = new Map<number, { numbers: number; texts: number }>();
  eachAmountCell(t.rows, (_, a) => {
    const col = a.col;
    const c = counts.get(col) ?? { numbers: 0, texts: 0 };
    if (a.parsed.kind === 'amount' || a.parsed.kind === 'dash' || (a.parsed.kind === 'text' && looksNumeric(a.parsed.text))) c.numbers++;
    else if (a.parsed.kind === 'text' && !ERROR_TEXT.test(a.parsed.text.trim())) c.texts++;
    counts.set(col, c);
  });
  return new Set([...counts].filter(([, c]) => c.numbers > 0 && c.numbers >= c.texts).map(([col]) => col));
}

/** Text that looks like a number damaged by OCR or typing (`421. 2¢`, `421.29)`), not like a word. */
export function looksNumeric(text: string): boolean {
  const s = text.replace(/[\s\u3000]+/g, '');
  if (!/\d/.test(s) || /%$/.test(s)) return false;
  if (/[\u4e00-\u9fa5]/.test(s.replace(/万?元$/, ''))) return false;
  const other = s.replace(/[\d.,，．\-−()（）]/g, '');
  return other.length <= 2 && other.length < s.length / 2;
}

/** The number a damaged text clearly means: stray brackets, quotes or a unit at an end taken off. */
export function intendedNumber(text: string): Money | undefined {
  const s = text.trim().replace(/^['"‘’“”(（]+/, '').replace(/(万?元|['"‘’“”)）。、,，])+$/, '');
  if (s === text.trim()) return undefined;
  return parseAmountText(s);
}

export const cellTextNumber: Rule = {
  meta: {
    id: ID,
    group: 'cell',
    severity: 'warning',
    title: { zh: '文本型数字', en: 'Number stored as text' },
    description: {
      zh: '金额单元格应存为数值：以文本形式存储的数字（如“1,284.21”“421. 29”）为提示，可一键转为数值；无法识别为金额的文本（如 OCR 损坏的“421. 2¢”）为警告，只有意图明确时才给出修改。',
      en: 'Amount cells should hold numbers: a number stored as text (`1,284.21`, `421. 29`) is a note, with a one-click conversion; text that cannot be read as an amount (OCR damage such as `421. 2¢`) is a warning, with a fix only when the intended number is clear.',
    },
    needs: KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    // Numbers stored as text are listed once per printed table (a workbook exported as text has hundreds).
    const asText = new Map<string, { table: Table; cells: Array<{ row: number; col: number; cell: AmountCell }> }>();
    for (const t of ctx.tables) {
      if (!KINDS.includes(t.kind)) continue;
      const numeric = numericColumns(t);
      eachAmountCell(t.rows, (r, cell) => {
        const col = cell.col;
        if (!numeric.has(col)) return;
        countCompared(ctx.rounding);
        // Only text can be a finding here (the same cell reads the same in every table that holds it).
        if (cell.parsed.kind !== 'text' && !(cell.parsed.kind === 'amount' && cell.parsed.storage === 'text')) return;
        const address = a1(r.row, col);
        const key = `${t.sheet}!${address}`;
        if (seen.has(key)) return;
        seen.add(key);
        if (cell.parsed.kind === 'amount' && cell.parsed.storage === 'text') {
          const tableKey = `${t.sheet}|${t.rect.r0}|${t.rect.c0}`;
          const group = asText.get(tableKey) ?? { table: t, cells: [] };
          group.cells.push({ row: r.row, col, cell });
          asText.set(tableKey, group);
        } else if (cell.parsed.kind === 'text') {
          const text = cell.parsed.text;
          if (ERROR_TEXT.test(text.trim()) || !looksNumeric(text)) return;
          const intended = intendedNumber(text);
          const after = intended?.toFixed(Math.max(0, intended.decimalPlaces()));
          findings.push({
            id: `${ID}@${key}`,
            rule: ID,
            severity: 'warning',
            message: { id: intended ? `${ID}.unreadable.clear` : `${ID}.unreadable`, data: { text, ...(after !== undefined ? { value: after } : {}) } },
            cells: [cellRef(t.sheet, r.row, col, 'checked')],
            fixes:
              after !== undefined
                ? [{ title: { id: `${ID}.fix.convert`, data: { after } }, confidence: 0.6, reason: { id: `${ID}.fix.reason.stray`, data: {} }, edits: [{ sheet: t.sheet, address, before: text, after }] }]
                : [],
          });
        }
      });
    }
    for (const { table, cells } of asText.values()) {
      cells.sort((a, b) => a.row - b.row || a.col - b.col);
      const first = cells[0]!;
      const edits: Edit[] = [];
      let commaDecimal = false;
      let normalized = false;
      for (const { row, col, cell } of cells) {
        if (cell.parsed.kind !== 'amount') continue;
        const stored = storedText(cell);
        if (stored === undefined) continue;
        const value = cell.parsed.value;
        edits.push({ sheet: table.sheet, address: a1(row, col), before: stored, after: value.toFixed(Math.max(0, value.decimalPlaces())) });
        // "421, 29": the comma was read as a decimal point; another reading is possible.
        if (/^\s*\d+\s*,\s*\d{2}\s*$/.test(stored)) commaDecimal = true;
        if (cell.parsed.normalized) normalized = true;
      }
      const firstStored = storedText(first.cell);
      const firstValue = first.cell.parsed.kind === 'amount' ? first.cell.parsed.value : undefined;
      const fixes: Fix[] =
        edits.length === cells.length
          ? [
              {
                title: { id: `${ID}.fix.convert-all`, data: { count: String(edits.length) } },
                confidence: commaDecimal ? 0.6 : normalized ? 0.9 : 0.95,
                reason: { id: commaDecimal ? `${ID}.fix.reason.comma` : `${ID}.fix.reason.convert`, data: {} },
                edits,
              },
            ]
          : [];
      findings.push({
        id: `${ID}@${table.sheet}!${a1(first.row, first.col)}`,
        rule: ID,
        severity: 'info',
        message: {
          id: `${ID}.text${cells.length === 1 ? '' : '.many'}${firstStored === undefined ? '.plain' : ''}`,
          data: {
            count: String(cells.length),
            ...(firstStored !== undefined ? { text: firstStored } : {}),
            value: firstValue?.toFixed(Math.max(0, firstValue.decimalPlaces())) ?? '',
            cells: cells.slice(0, 8).map((c) => a1(c.row, c.col)).join(', ') + (cells.length > 8 ? ' …' : ''),
          },
        },
        cells: cells.map((c) => cellRef(table.sheet, c.row, c.col, 'checked')),
        fixes,
      });
    }
    return findings;
  },
};
