// Filters and search, settings (validation, storage), the CSV and the report sheet, the mark colours.
import type { JsonFinding, JsonWorkbook } from '../../src/core/report-json';
import { SEVERITY_FILL } from '../../src/file/write';
import { changeExcerpt, groupFindings } from '../../src/taskpane/display';
import { ruleInfo } from '../../src/taskpane/engine';
import { derivedName, findingsCsv, reportSheet } from '../../src/taskpane/export';
import { filterChoices, filterGroups, fold, isFiltering, NO_FILTER } from '../../src/taskpane/filters';
import { isMarkFormula, markCounts, markFormula, marksOf, MARK_STYLE } from '../../src/taskpane/marks';
import { DEFAULT_SETTINGS, enabledGroups, isDefault, loadSettings, parseSettings, saveSettings, validTolerance } from '../../src/taskpane/settings';
import { STRINGS } from '../../src/taskpane/strings';

const zh = ruleInfo('zh-CN');
function finding(id: string, severity: JsonFinding['severity'], sheet: string, address: string, rule: string, message: string, extra: Partial<JsonFinding> = {}): JsonFinding {
  return { id, rule, severity, message, cells: [{ sheet, address, role: 'checked' }], fixes: [], ...extra };
}
const findings = [
  finding('a', 'error', '预算表9', 'H7', 'subtotal', '“专项业务支出”的“合计”为 1,218.49', {
    expected: '1216.49',
    actual: '1218.49',
    difference: '2.00',
    fixes: [{ title: '将 H10 改为 548.27', confidence: 0.95, verified: true, edits: [{ sheet: '预算表9', address: 'H10', before: '546.27', after: '548.27' }] }],
  }),
  finding('b', 'warning', '预算表6', 'C14', 'catalog-name', '名称“其他社会保险缴费”不一致'),
  finding('c', 'info', '预算表3', 'D5', 'total-row', '合计行相差 0.01', { cells: [{ sheet: '预算表3', address: 'D5', role: 'checked' }, { sheet: '预算表2', address: 'D6', role: 'evidence' }] }),
];
const sheets = ['预算表2', '预算表3', '预算表6', '预算表9'];
const groups = groupFindings(findings, sheets, zh);

describe('filters', () => {
  const keys = (f: typeof NO_FILTER) => filterGroups(groups, f).flatMap((g) => g.findings.map((x) => x.id));
  it('by severity, sheet (checked or evidence cell), rule and words', () => {
    expect(keys(NO_FILTER)).toEqual(['a', 'b', 'c']);
    expect(keys({ ...NO_FILTER, hidden: ['info', 'warning'] })).toEqual(['a']);
    expect(keys({ ...NO_FILTER, sheet: '预算表2' })).toEqual(['c']);
    expect(keys({ ...NO_FILTER, rule: 'catalog-name' })).toEqual(['b']);
    expect(keys({ ...NO_FILTER, query: 'h10' })).toEqual(['a']);
    expect(keys({ ...NO_FILTER, query: '１２１８.４９ 专项' })).toEqual(['a']);
    expect(keys({ ...NO_FILTER, query: '1218.49' })).toEqual(['a']);
    expect(keys({ ...NO_FILTER, query: '预算表6!C14' })).toEqual(['b']);
    expect(keys({ ...NO_FILTER, query: 'nothing like this' })).toEqual([]);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, query: ' ' })).toBe(false);
    expect(fold('ＡＢＣ 1,234')).toBe('abc 1234');
  });
  it('offers the sheets in workbook order and the rules in list order', () => {
    expect(filterChoices(groups, sheets)).toEqual({
      sheets: ['预算表3', '预算表6', '预算表9'],
      rules: [
        { id: 'subtotal', name: '上下级科目' },
        { id: 'catalog-name', name: expect.any(String) },
        { id: 'total-row', name: '合计行' },
      ],
    });
  });
});

describe('fix previews', () => {
  it('shows the first fix with its edits, and whether it is safe', () => {
    const a = groups[0]!.findings[0]!;
    expect(a.fix).toMatchObject({ title: '将 H10 改为 548.27', percent: 95, safe: true, verified: true, edits: [{ where: '预算表9!H10', before: '546.27', after: '548.27' }] });
    expect(groups[2]!.findings[0]!.evidence).toEqual([{ sheet: '预算表2', address: 'D6', where: '预算表2!D6' }]);
  });
  it('shows only the changed part of a long text', () => {
    const before = '2024 年支出预算 1686 万元，其中：基本支出 467.5 万元，占 27.73%；项目支出 1218.9 万元，占 72.27%。';
    const after = before.replace('1218.9', '1218.49');
    expect(changeExcerpt(before, after)).toEqual({ before: '…项目支出 1218.9 万元，占 72.…', after: '…项目支出 1218.49 万元，占 72.…' });
    expect(changeExcerpt('546.27', '548.27')).toEqual({ before: '546.27', after: '548.27' });
  });
});

describe('settings', () => {
  it('validates the tolerance', () => {
    for (const ok of ['0.01', '0', '1', '.5', ' 0.05 ']) expect(validTolerance(ok)).toBe(true);
    for (const bad of ['', '-0.01', 'abc', '1e3', '0.01.2', '2000000']) expect(validTolerance(bad)).toBe(false);
  });
  it('reads back what it saved, and falls back to defaults for anything odd', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as unknown as Storage;
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    const mine = { tolerance: '0.05', catalogYear: 2023, disabledGroups: ['narrative' as const], autoRecheck: true };
    saveSettings(mine, storage);
    expect(loadSettings(storage)).toEqual(mine);
    expect(isDefault(mine)).toBe(false);
    expect(enabledGroups(mine)).toEqual(['row', 'hierarchy', 'cross-table', 'cell', 'metadata']);
    expect(enabledGroups(DEFAULT_SETTINGS)).toBeUndefined();
    expect(parseSettings('{"tolerance":"-1","catalogYear":1999,"disabledGroups":["x","row"],"autoRecheck":"yes"}')).toEqual({ ...DEFAULT_SETTINGS, disabledGroups: ['row'] });
    expect(parseSettings('not json')).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings({ getItem: () => { throw new Error('denied'); } } as unknown as Storage)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('exports', () => {
  const wb: JsonWorkbook = { file: '延边.xlsx', meta: { department: '某局', year: 2024, unit: '万元' }, tables: [], findings, errors: [], notes: [] };
  it('the CSV has the CLI columns, a BOM, and quotes what needs quoting', () => {
    const csv = findingsCsv([wb]);
    expect(csv.startsWith('\ufefffile,severity,rule,sheet,cell,expected,actual,difference,message,fix,confidence\r\n')).toBe(true);
    expect(csv).toContain('延边.xlsx,error,subtotal,预算表9,H7,1216.49,1218.49,2.00,"“专项业务支出”的“合计”为 1,218.49",将 H10 改为 548.27,0.95');
    expect(csv.split('\r\n')).toHaveLength(4);
  });
  it('the report sheet: heading, header, one row per finding in list order with a link and numbers for amounts', () => {
    const sheet = reportSheet(wb, groups, STRINGS['zh-CN'], new Date(2024, 1, 8, 9, 30));
    expect(sheet.name).toBe('勾稽报告');
    expect(sheet.heading[0]).toBe('勾稽报告 · 某局');
    expect(sheet.heading[2]).toBe('错误 1 项，警告 1 项，提示 1 项');
    expect(sheet.header).toEqual(['序号', '严重程度', '规则', '单元格', '说明', '应为', '实为', '差额', '建议修正', '把握']);
    expect(sheet.rows[0]).toEqual({ values: [1, '错误', '上下级科目', '预算表9!H7', findings[0]!.message, 1216.49, 1218.49, 2, '将 H10 改为 548.27', '95%'], link: { sheet: '预算表9', address: 'H7' } });
    expect(sheet.rows.map((r) => r.values[3])).toEqual(['预算表9!H7', '预算表6!C14', '预算表3!D5']);
    expect(STRINGS['en-US'].report.sheetName).toBe('Gouji report');
  });
  it('names the files after the workbook', () => {
    expect(derivedName('延边.xlsx', '已修正', 'xlsx')).toBe('延边-已修正.xlsx');
    expect(derivedName('Excel', 'gouji-report', 'json')).toBe('Excel-gouji-report.json');
  });
});

describe('marks', () => {
  it('one mark per checked cell with the worst severity, counted', () => {
    const marks = marksOf([...findings, finding('d', 'error', '预算表3', 'D5', 'row-sum', 'x')]);
    expect(marks).toEqual([
      { sheet: '预算表9', address: 'H7', severity: 'error' },
      { sheet: '预算表6', address: 'C14', severity: 'warning' },
      { sheet: '预算表3', address: 'D5', severity: 'error' },
    ]);
    expect(markCounts(marks)).toEqual({ error: 2, warning: 1, info: 0 });
  });
  it('the colours are those of the annotated .xlsx copy, with dark text that reads on them', () => {
    for (const sev of ['error', 'warning', 'info'] as const) {
      expect(`FF${MARK_STYLE[sev].fill.slice(1)}`).toBe(SEVERITY_FILL[sev]);
      const lum = (hex: string) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = (lum(MARK_STYLE[sev].fill) + 0.05) / (lum(MARK_STYLE[sev].font) + 0.05);
      // WCAG AA for normal text.
      expect(contrast).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('recognizes its own conditional-format formulas only', () => {
    expect(isMarkFormula(markFormula('warning'))).toBe(true);
    expect(isMarkFormula('=istext( "gouji:info" )')).toBe(true);
    expect(isMarkFormula('=A1>0')).toBe(false);
    expect(isMarkFormula(undefined)).toBe(false);
  });
});
