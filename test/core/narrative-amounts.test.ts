// Rule narrative-amounts on a small hand-made workbook: 收支总表, 支出总表 and a 情况说明 quoting them.
import { analyzeWorkbook } from '../../src/core/analyze';
import { sheetFromRows, type CellValue, type Rect, type Sheet } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import { narrativeAmounts } from '../../src/core/rules/narrative-amounts';

/** 收支总表: 本年 1000 + 结转 200 = 1200 on both sides. */
function incomeExpense(): Sheet {
  const rows: CellValue[][] = [
    ['收支总表(预算表1)'],
    ['预算单位：测试局', null, null, null, null, null, '单位：万元'],
    ['序号', '收 入', null, null, '支 出', null, null],
    [null, '项 目', '编制预算', '上年结转', '项 目', '编制预算', '上年结转'],
    [1, '一、财政拨款收入', 1000, 200, '一、一般公共服务支出', 900, 200],
    [2, '一般公共预算收入', 1000, 200, '二、住房保障支出', 100, null],
    [3, '本年收入合计', 1000, 200, '本年支出合计', 1000, 200],
    [4, '收入总计', 1000, 200, '支出总计', 1000, 200],
  ];
  const merges: Rect[] = [
    { r0: 0, c0: 0, r1: 0, c1: 6 },
    { r0: 2, c0: 0, r1: 3, c1: 0 },
    { r0: 2, c0: 1, r1: 2, c1: 3 },
    { r0: 2, c0: 4, r1: 2, c1: 6 },
  ];
  return sheetFromRows('预算表1', rows, merges);
}

/** 支出总表: 合计 1200 = 基本 300 + 项目 900. */
function expenditure(): Sheet {
  return sheetFromRows(
    '预算表3',
    [
      ['支出总表（预算表3）'],
      ['预算单位：测试局', null, null, null, null, '单位：万元'],
      ['序号', '科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      [1, null, '合计', 1200, 300, 900],
      [2, '201', '一般公共服务支出', 1100, 200, 900],
      [3, '20103', '政府办公厅（室）及相关机构事务', 1100, 200, 900],
      [4, '2010301', '行政运行', 200, 200, null],
      [5, '2010399', '其他政府办公厅（室）及相关机构事务支出', 900, null, 900],
      [6, '221', '住房保障支出', 100, 100, null],
      [7, '22102', '住房改革支出', 100, 100, null],
      [8, '2210201', '住房公积金', 100, 100, null],
    ],
    [{ r0: 0, c0: 0, r1: 0, c1: 5 }],
  );
}

const NARRATIVE = [
  '一、2024 年收支预算总体情况',
  '2024 年收支总预算 1200 万元，其中：当年预算 1000 万元；上年结转 200 万元。2024 年当年预算比 2023 年预算增加 100 万元。',
  '三、2024 年支出预算情况',
  '2024 年支出预算 1200 万元，其中：基本支出 300 万元，占 25%；项目支出 900 万元，占 75%。',
  '一般公共服务（类）支出 1100 万元，占 91.67%，主要用于人员经费。',
  '住房保障（类）支出 100 万元，占 8.33%，主要用于住房公积金。',
  '十、其他重要事项的说明情况',
  '2024 年机关运行经费财政拨款预算 50 万元，政府采购预算总额 30 万元。',
];

function workbook(paragraphs: readonly string[]) {
  const narrative = sheetFromRows('情况说明', [['第三部分 情况说明'], ...paragraphs.map((p) => [p])]);
  return analyzeWorkbook({ name: 't.xlsx', sheets: [incomeExpense(), expenditure(), narrative] }, { rules: [narrativeAmounts] });
}

/** Paragraph n (0-based) of the narrative is on row n + 2 of the sheet. */
const at = (n: number) => `A${n + 2}`;

const withText = (i: number, from: string, to: string) => NARRATIVE.map((p, j) => (j === i ? p.replace(from, to) : p));

describe('narrative-amounts', () => {
  it('finds nothing when the narrative quotes the tables, skipping changes and figures no table states', () => {
    const r = workbook(NARRATIVE);
    expect(r.findings).toEqual([]);
    expect(r.outcomes).toEqual([{ rule: 'narrative-amounts', status: 'pass', findings: 0, compared: expect.any(Number) }]);
    expect(r.outcomes[0]!.compared).toBeGreaterThan(0);
  });

  it('reports a different number as an error against the table cell, with a verified fix of the sentence', () => {
    const r = workbook(withText(3, '项目支出 900 万元', '项目支出 900.4 万元'));
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ rule: 'narrative-amounts', severity: 'error', actual: '900.40', expected: '900.00', difference: '0.40' });
    expect(f.cells.map((c) => `${c.role}:${c.sheet}!${c.address}`)).toEqual([`checked:情况说明!${at(3)}`, 'evidence:预算表3!F4']);
    expect(render(f.message, 'zh-CN')).toBe('情况说明称“项目支出”为 900.4 万元，而支出总表（预算表3!F4，“合计”项目支出）为 900.00，相差 0.40。');
    expect(render(f.message, 'en-US')).toContain('Expenditure summary');
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes[0]!).toMatchObject({ verified: true, confidence: 0.6 });
    expect(f.fixes[0]!.edits[0]!.after).toContain('项目支出 900.00 万元');
  });

  it('is surer of the fix to a grand total when a second table states the same total', () => {
    const r = workbook(withText(3, '支出预算 1200 万元', '支出预算 1230 万元'));
    expect(r.findings.map((f) => [f.severity, f.cells.map((c) => c.address).join(' ')])).toEqual([['error', `${at(3)} F8 G8`]]);
    const fix = r.findings[0]!.fixes[0]!;
    // 收支总表 支出总计 and 支出总表 合计 both say 1200.
    expect(fix).toMatchObject({ verified: true, confidence: 0.8 });
    expect(render(fix.reason!, 'zh-CN')).toBe('2 张表都列这个数，说明中的数应是笔误。');
  });

  it('reads a grand total as 本年 + 结转 of the 收支总表, and a cent off as rounding (info)', () => {
    const r = workbook(withText(1, '收支总预算 1200 万元', '收支总预算 1200.01 万元'));
    expect(r.findings.map((f) => [f.severity, f.cells[0]!.address, f.cells.slice(1).map((c) => c.address).join('+')])).toEqual([['info', at(1), 'C8+D8']]);
    expect(render(r.findings[0]!.message, 'zh-CN')).toContain('四舍五入');
    expect(r.findings[0]!.fixes).toEqual([]);
  });

  it('takes a figure rounded to fewer decimals as the same number (info), a real difference as an error', () => {
    const rounded = workbook(withText(3, '基本支出 300 万元', '基本支出 300.0 万元'));
    expect(rounded.findings).toEqual([]);
    const tables = workbook(withText(1, '上年结转 200 万元', '上年结转 199 万元'));
    expect(tables.findings.map((f) => [f.severity, f.expected])).toEqual([['error', '200.00']]);
  });

  it('checks a share against the ratio of the two table figures at the printed precision', () => {
    expect(workbook(withText(3, '占 25%', '占 25.00%')).findings).toEqual([]);
    const nudged = workbook(withText(3, '占 25%', '占 26%'));
    expect(nudged.findings.map((f) => [f.severity, f.actual, f.expected])).toEqual([['warning', '26%', '25.00%']]);
    expect(render(nudged.findings[0]!.message, 'zh-CN')).toBe('情况说明称“基本支出”占 26%，按表中数计算为 300.00 ÷ 1,200.00 = 25.00%（按说明的精度为 25%；预算表3!E4、预算表1!F8）。');
    expect(nudged.findings[0]!.fixes[0]!.edits[0]!.after).toContain('占 25%');
    const wrong = workbook(withText(3, '占 75%', '占 70%'));
    expect(wrong.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('relates a 类 share in its own paragraph to the figure that opens the section', () => {
    const r = workbook(withText(4, '占 91.67%', '占 91.76%'));
    expect(r.findings.map((f) => [f.severity, f.cells[0]!.address, f.expected])).toEqual([['error', at(4), '91.67%']]);
  });

  it('reads a figure in 元 in the tables\' unit', () => {
    expect(workbook(withText(1, '1200 万元', '12,000,000 元')).findings).toEqual([]);
  });

  it('checks a listed set of 类 against its whole when the list is complete', () => {
    const listed = [
      '四、2024 年财政拨款收支预算情况',
      '2024 年支出预算 1200 万元。其中：基本支出 300 万元，项目支出 900 万元。支出包括：一般公共服务支出 1100 万元，住房保障支出 100.01 万元。',
    ];
    const r = workbook(listed);
    // 住房保障支出 100.01 is a cent off its table (info), and the list adds up to 1200.01 against 1200 (info).
    expect(r.findings.map((f) => [f.severity, f.id.split('/')[1]])).toEqual([
      ['info', '住房保障支出'],
      ['info', 'Σ支出预算'],
    ]);
    // An incomplete list (a 类 left out) is not summed.
    const partial = workbook(['2024 年支出预算 1200 万元，其中：基本支出 300 万元。支出包括：一般公共服务支出 1100.5 万元。']);
    expect(partial.findings.map((f) => f.id.split('/')[1])).toEqual(['一般公共服务支出']);
  });

  it('says nothing about the parts of a whole it could not read', () => {
    const r = workbook(['2024 年部门收入预算 1200 万元，其中：本年收入 999 万元。']);
    expect(r.findings.map((f) => f.id.split('/')[1])).toEqual(['本年收入']);
    const unknown = analyzeWorkbook({ name: 't', sheets: [expenditure(), sheetFromRows('情况说明', [['第三部分 情况说明'], ['2024 年收入预算 1200 万元，其中：本年收入 999 万元。']])] }, { rules: [narrativeAmounts] });
    expect(unknown.findings).toEqual([]);
  });
});

describe('narrative-amounts: 机关运行经费 against the 公用经费 of the tables', () => {
  /** 一般公共预算支出表: 合计 1200 = 基本 (人员 250 + 公用 50) + 项目 900. */
  function generalBudget(): Sheet {
    return sheetFromRows(
      '预算表5',
      [
        ['一般公共预算支出表（预算表5）'],
        ['预算单位：测试局', null, null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', null, '项目支出'],
        [null, null, null, '人员经费', '公用经费', null],
        [null, '合计', 1200, 250, 50, 900],
        ['201', '一般公共服务支出', 1100, 150, 50, 900],
        ['221', '住房保障支出', 100, 100, null, null],
      ],
      [
        { r0: 0, c0: 0, r1: 0, c1: 5 },
        { r0: 2, c0: 3, r1: 2, c1: 4 },
        { r0: 2, c0: 0, r1: 3, c1: 0 },
        { r0: 2, c0: 1, r1: 3, c1: 1 },
        { r0: 2, c0: 2, r1: 3, c1: 2 },
        { r0: 2, c0: 5, r1: 3, c1: 5 },
      ],
    );
  }
  const check = (paragraph: string) =>
    analyzeWorkbook({ name: 't.xlsx', sheets: [incomeExpense(), expenditure(), generalBudget(), sheetFromRows('情况说明', [['第三部分 情况说明'], [paragraph]])] }, { rules: [narrativeAmounts] });

  it('says nothing while running costs stay within the public costs', () => {
    expect(check('2024 年机关运行经费财政拨款预算 50 万元，比 2023 年预算减少 2 万元。').findings).toEqual([]);
  });

  it('warns when running costs exceed the public costs, pointing at both, with no fix (either may be wrong)', () => {
    const r = check('2024 年机关运行经费财政拨款预算 60 万元，比 2023 年预算减少 2 万元。');
    expect(r.findings.map((f) => [f.severity, f.cells.map((c) => `${c.role}:${c.sheet}!${c.address}`)])).toEqual([['warning', ['checked:情况说明!A2', 'evidence:预算表5!E5']]]);
    expect(r.findings[0]!.fixes).toEqual([]);
    expect(render(r.findings[0]!.message, 'zh-CN')).toContain('超过一般公共预算支出表（预算表5!E5');
    expect(render(r.findings[0]!.message, 'en-US')).toContain('cannot exceed them');
  });
});
