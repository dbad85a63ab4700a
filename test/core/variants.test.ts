// Layout variants of every fixture (one sheet, plain names, codes as numbers, numbers as text,
// amounts in 元, spacer rows and columns): the same tables are found and the same sums fail.
import { analyzeWorkbook, recognizeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Workbook } from '../../src/core/grid/grid';
import { sourceToWorkbook } from '../../scripts/fixtures/to-grid';
import { loadSource, STEMS } from '../support/fixtures';
import { blankAfterTitles, codesAsNumbers, codesInNames, hiddenSpacerRows, inYuan, numbersAsText, oneSheet, plainSheetNames, spacerColumn } from '../support/variants';

const SUMS = new Set(['subtotal', 'total-row', 'unit-sum', 'row-sum', 'list-total']);
const options = { catalogs: builtinCatalogs, suggestFixes: false };

function kinds(wb: Workbook): string[] {
  return recognizeWorkbook(wb, options).tables.map((t) => `${t.kind}${t.part ? `/${t.part}` : ''} ${t.rows.length}`);
}

/** Failing sums as rule + amounts (addresses differ between variants), optionally with severity. */
function sums(wb: Workbook, scale = 1, withSeverity = true): string[] {
  const n = (v: string | undefined) => (Number(v) / scale).toFixed(2);
  return analyzeWorkbook(wb, options)
    .findings.filter((f) => SUMS.has(f.rule))
    .map((f) => `${f.rule} ${n(f.actual)}→${n(f.expected)}${withSeverity ? ` ${f.severity}` : ''}`)
    .sort();
}

describe.each(STEMS)('%s', (stem) => {
  const source = loadSource(stem);
  const base = sourceToWorkbook(source);
  const baseKinds = kinds(base);
  const baseSums = sums(base);
  const titleRows = new Set(source.sheets.flatMap((s) => s.tables.map((t) => `${s.name}:${t.firstRow}`)));

  it('builds a base that recognizes every table', () => {
    expect(baseKinds.length).toBeGreaterThanOrEqual(source.sheets.reduce((n, s) => n + s.tables.length, 0));
  });

  it.each([
    ['all tables on one sheet', oneSheet],
    ['sheets named Sheet1, Sheet2 …', plainSheetNames],
    ['codes stored as numbers', codesAsNumbers],
    ['codes written into the name cell as [2010301]行政运行', (wb: Workbook) => codesInNames(wb, recognizeWorkbook(wb, options).tables)],
    ['numbers stored as text with separators', (wb: Workbook) => numbersAsText(wb, 'separators')],
    ['numbers stored as text with spaces', (wb: Workbook) => numbersAsText(wb, 'spaces')],
    ['numbers stored as text in full-width digits', (wb: Workbook) => numbersAsText(wb, 'full-width')],
    ['a hidden spacer column at A', spacerColumn],
    ['a blank row under each title', (wb: Workbook) => blankAfterTitles(wb, (s, r) => titleRows.has(`${s.name}:${r}`))],
    ['a hidden blank row under each title', (wb: Workbook) => hiddenSpacerRows(wb, (s, r) => titleRows.has(`${s.name}:${r}`))],
  ])('%s: same tables, same failing sums', (_name, variant) => {
    const wb = variant(base);
    expect(kinds(wb)).toEqual(baseKinds);
    expect(sums(wb)).toEqual(baseSums);
  });

  it('amounts in 元: same tables, read as 元, the same sums fail', () => {
    const wb = inYuan(base);
    expect(kinds(wb)).toEqual(baseKinds);
    const units = recognizeWorkbook(wb, options).tables.map((t) => t.meta.unit).filter((u) => u !== undefined);
    expect(new Set(units)).toEqual(new Set(['元']));
    // Cent-level differences in 万元 become real ones in 元: compare the amounts, not the severity.
    expect(sums(wb, 10000, false)).toEqual(sums(base, 1, false));
  });
});
