// The cross-table rules on the fixtures: every `cross-table` inconsistency a person found by hand
// (test/fixtures/src/*.handcheck.tsv) is found at the right cell by the rule that checks it, and no
// cross-table error is reported that a person did not find.
import { analyzeWorkbook, recognizeWorkbook, type WorkbookReport } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { a1, cellText, type Sheet, type Workbook } from '../../src/core/grid/grid';
import { CROSS_RULES } from '../../src/core/rules/cross-rules';
import { labelKey } from '../../src/core/text';
import { loadFixture, loadHandChecks, STEMS, type HandCheck } from '../support/fixtures';
import { locate } from '../support/locate';

/** Which rule finds each cross-table hand check (by stem, sheet, row and column). */
const RULE_OF: ReadonlyArray<{ stem: string; sheet: string; row: string; column: string; rule: string }> = [
  { stem: '000-yanbian-zhengwu-2024', sheet: '预算表3', row: '合计', column: '合计', rule: 'cross-expenditure-total' },
  { stem: '000-yanbian-zhengwu-2024', sheet: '预算表2', row: '合计', column: '合计', rule: 'cross-income-total' },
  { stem: '000-yanbian-zhengwu-2024', sheet: '绩效目标', row: '州政务大厅购买“综窗”工作人员服务费', column: '项目名称', rule: 'cross-project-performance' },
  { stem: '000-yanbian-zhengwu-2024', sheet: '绩效目标', row: '延边州直部门电子政务外网接入费', column: '项目名称', rule: 'cross-project-performance' },
  { stem: '001-yanbian-zhengfuban-2023', sheet: '预算表6', row: '合计', column: '合计', rule: 'cross-basic-vs-general-budget' },
  { stem: '001-yanbian-zhengfuban-2023', sheet: '预算表6', row: '合计', column: '人员经费', rule: 'cross-basic-vs-general-budget' },
  { stem: '001-yanbian-zhengfuban-2023', sheet: '预算表6', row: '30108', column: '合计', rule: 'cross-economic-functional' },
  { stem: '001-yanbian-zhengfuban-2023', sheet: '预算表6', row: '30113', column: '合计', rule: 'cross-economic-functional' },
  { stem: '001-yanbian-zhengfuban-2023', sheet: '预算表9', row: '合计', column: '合计', rule: 'cross-project-total' },
  { stem: '001-yanbian-zhengfuban-2023', sheet: '预算表10', row: '延边州政协驻长办业务及运行经费', column: '项目名称', rule: 'cross-project-performance' },
  { stem: '002-siping-zhengwu-2024', sheet: '绩效目标', row: '便民热线服务费', column: '项目级次', rule: 'cross-project-performance' },
  { stem: '004-yanbian-gongxin-2024', sheet: '绩效目标', row: '卧钢退休人员工资', column: '项目名称', rule: 'cross-project-performance' },
  { stem: '004-yanbian-gongxin-2024', sheet: '预算表9', row: '工业招商经费(含对口帮扶产业合作资金)', column: '本年财政拨款 一般公共预算', rule: 'cross-project-performance' },
  { stem: '004-yanbian-gongxin-2024', sheet: '预算表9', row: '安全生产和核应急', column: '本年财政拨款 一般公共预算', rule: 'cross-project-performance' },
];

/**
 * Cross-table hand checks the rules do not find, each with the reason. Every `cross-table` line of the
 * fixtures is found today; a line added to a hand check must be found or listed here.
 */
const NOT_COVERED: ReadonlyArray<{ stem: string; sheet: string; row: string; why: string }> = [];

/** The cross-table findings the rules give on each fixture (`rule severity sheet!cell`), as reviewed. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  '000-yanbian-zhengwu-2024': [
    'cross-project-performance warning 绩效目标!C100',
    'cross-project-performance warning 绩效目标!C145',
    'cross-income-total info 预算表2!D6',
    'cross-expenditure-total info 预算表3!D5',
  ],
  '001-yanbian-zhengfuban-2023': [
    'cross-basic-vs-general-budget error 预算表6!D4',
    'cross-basic-vs-general-budget error 预算表6!E4',
    'cross-project-total error 预算表9!H6',
    'cross-economic-functional warning 预算表6!D10',
    'cross-economic-functional warning 预算表6!D14',
    'cross-project-performance warning 预算表10!C100',
  ],
  '002-siping-zhengwu-2024': ['cross-project-performance warning 绩效目标!D3'],
  // The performance summary prints one decimal (36.1, 89): differences within that rounding are notes.
  '003-yanjin-zhengwu-2024': ['cross-project-performance info 项目绩效目标汇总表!C11', 'cross-project-performance info 项目绩效目标汇总表!C18'],
  '004-yanbian-gongxin-2024': [
    'cross-project-performance warning 预算表9!I17',
    'cross-project-performance warning 预算表9!I19',
    'cross-project-performance warning 绩效目标!C131',
  ],
  // Consistent workbooks laid out in other templates (TEMPLATES.md): nothing to report.
  '005-shanghai-pujiang-tiyu-2024': [],
  '006-central-shehuifuli-2024': [],
  '007-pujiang-nongye-juesuan-2023': [],
  '008-shili-nongye-juesuan-2023': [],
};

/**
 * The cell a hand check names. Performance blocks print 项目名称 / 项目级次 as label | value pairs above
 * their amounts, which no table row holds: the value cell is found on the sheet, right of its label, in
 * the block whose name cell holds the project's name.
 */
function address(wb: Workbook, tables: ReturnType<typeof recognizeWorkbook>['tables'], h: HandCheck): string | undefined {
  const sheet = wb.sheets.find((s) => s.name === h.sheet)!;
  const fromTables = tables.filter((t) => t.sheet === h.sheet).map((t) => locate(t, sheet, h)).find((a) => a !== undefined);
  if (fromTables) return fromTables;
  const text = (s: Sheet, r: number, c: number) => labelKey(cellText(s.cells[r]?.[c]));
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      if (text(sheet, r, c) !== labelKey(h.row)) continue;
      for (let rr = r; rr < Math.min(sheet.rowCount, r + 4); rr++) {
        for (let cc = 0; cc < c; cc++) if (text(sheet, rr, cc) === labelKey(h.column)) return a1(rr, c);
      }
    }
  }
  return undefined;
}

const same = (a: { stem: string; sheet: string; row: string }, stem: string, h: HandCheck) => a.stem === stem && a.sheet === h.sheet && a.row === h.row;

describe.each(STEMS)('%s: the cross-table rules', (stem) => {
  let wb: Workbook;
  let report: WorkbookReport;
  let tables: ReturnType<typeof recognizeWorkbook>['tables'];
  const checks = loadHandChecks(stem);
  beforeAll(async () => {
    wb = await loadFixture(stem);
    report = analyzeWorkbook(wb, { catalogs: builtinCatalogs, rules: CROSS_RULES, suggestFixes: false });
    tables = report.tables as ReturnType<typeof recognizeWorkbook>['tables'];
  });

  it('find every cross-table inconsistency of the hand check at its cell', () => {
    for (const h of checks.filter((x) => x.identity === 'cross-table')) {
      if (NOT_COVERED.some((g) => same(g, stem, h))) continue;
      const expected = RULE_OF.find((x) => same(x, stem, h) && x.column === h.column);
      expect([h.sheet, h.row, h.column, expected?.rule]).toEqual([h.sheet, h.row, h.column, expect.stringMatching(/^cross-/)]);
      const at = address(wb, tables, h);
      expect([h.sheet, h.row, h.column, at]).toEqual([h.sheet, h.row, h.column, expect.stringMatching(/^[A-Z]+\d+$/)]);
      const found = report.findings.filter((f) => f.rule === expected!.rule && f.cells[0]!.sheet === h.sheet && f.cells[0]!.address === at);
      expect([h.sheet, h.row, h.column, found.length]).toEqual([h.sheet, h.row, h.column, 1]);
      // Where the hand check states amounts, the finding states the same ones.
      const n = (s: string) => (s !== '' && !Number.isNaN(Number(s)) ? Number(s).toFixed(2) : undefined);
      if (n(h.stated) !== undefined && n(h.expected) !== undefined) expect([found[0]!.actual, found[0]!.expected]).toEqual([n(h.stated), n(h.expected)]);
      // Cent-level differences are notes; real ones are not.
      if (/cent-level/.test(h.note)) expect(found[0]!.severity).toBe('info');
    }
  });

  it('report no cross-table error that a person did not find', () => {
    const byHand = new Set(checks.map((h) => `${h.sheet}!${address(wb, tables, h) ?? ''}`));
    const unexpected = report.findings.filter((f) => f.severity === 'error' && !byHand.has(`${f.cells[0]!.sheet}!${f.cells[0]!.address}`));
    expect(unexpected.map((f) => `${f.rule} ${f.cells[0]!.sheet}!${f.cells[0]!.address}`)).toEqual([]);
  });

  it('give exactly the reviewed findings', () => {
    expect(report.findings.map((f) => `${f.rule} ${f.severity} ${f.cells[0]!.sheet}!${f.cells[0]!.address}`)).toEqual(EXPECTED[stem]);
    expect(report.outcomes.filter((o) => o.status === 'crashed')).toEqual([]);
  });
});
