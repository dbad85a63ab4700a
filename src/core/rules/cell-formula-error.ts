// Rule `cell-formula-error`: an amount cell showing an Excel error value (#REF!, #VALUE! …).
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type Finding } from '../findings';
import type { TableKind } from '../recognize/kinds';
import { TABLE_KINDS } from '../recognize/kinds';
import type { Rule } from './rule';
import { ERROR_TEXT } from './cell-text-number';
import { eachAmountCell } from '../recognize/tables';

const ID = 'cell-formula-error';

const KINDS: readonly TableKind[] = TABLE_KINDS.filter((k) => k !== 'narrative');

/** What each error value usually means, for the message (`#REF!` → a deleted cell was referenced). */
const MEANING: Record<string, string> = {
  '#REF!': 'ref',
  '#VALUE!': 'value',
  '#DIV/0!': 'div0',
  '#NAME?': 'name',
  '#N/A': 'na',
  '#NUM!': 'num',
  '#NULL!': 'null',
};

export const cellFormulaError: Rule = {
  meta: {
    id: ID,
    group: 'cell',
    severity: 'error',
    title: { zh: '公式错误值', en: 'Formula error value' },
    description: {
      zh: '金额单元格显示 #REF!、#VALUE!、#DIV/0! 等错误值时，金额无法读取，依赖它的合计也无法核对。',
      en: 'An amount cell showing #REF!, #VALUE!, #DIV/0! or another error value has no amount, and no total that depends on it can be checked.',
    },
    needs: KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const t of ctx.tables) {
      if (!KINDS.includes(t.kind)) continue;
      eachAmountCell(t.rows, (r, cell) => {
        const col = cell.col;
        countCompared(ctx.rounding);
        if (cell.parsed.kind !== 'text') return;
        const text = cell.parsed.text.trim();
        if (!ERROR_TEXT.test(text)) return;
        const address = a1(r.row, col);
        const key = `${t.sheet}!${address}`;
        if (seen.has(key)) return;
        seen.add(key);
        // Until parseAmount keeps the error's text, an error cell reads as "[object Object]".
        const error = text.startsWith('#') ? text : '#?';
        const formula = cell.formula;
        findings.push({
          id: `${ID}@${key}`,
          rule: ID,
          severity: 'error',
          message: {
            id: formula !== undefined ? `${ID}.formula` : `${ID}.value`,
            data: { error, meaning: `@${ID}.meaning.${MEANING[error] ?? 'other'}`, ...(formula !== undefined ? { formula } : {}) },
          },
          cells: [cellRef(t.sheet, r.row, col, 'checked')],
          fixes: [],
        });
      });
    }
    return findings;
  },
};
