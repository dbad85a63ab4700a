// Other provinces' templates and 部门决算 (fixtures 005–007, TEMPLATES.md): what every column means, the
// identities of each template, and that a safe fix never changes a correct number.
import { analyzeWorkbook, recognizeWorkbook, type AnalyzeOptions } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Finding } from '../../src/core/findings';
import { fixAllSafe } from '../../src/core/fix-all';
import { applyEdits } from '../../src/core/fix/apply';
import { SAFE_CONFIDENCE } from '../../src/core/fix/safe';
import { a1, sheetFromRows, type CellValue, type Workbook } from '../../src/core/grid/grid';
import { labelWord, meaningOf } from '../../src/core/recognize/column-meaning';
import { roleOf } from '../../src/core/recognize/header';
import { kindFromTitle } from '../../src/core/recognize/kinds';
import { inlineCode } from '../../src/core/recognize/tables';
import type { Table } from '../../src/core/recognize/model';
import { loadFixture } from '../support/fixtures';
import { codesAsNumbers, inYuan, numbersAsText, oneSheet } from '../support/variants';

const options: AnalyzeOptions = { catalogs: builtinCatalogs };
const SHANGHAI = '005-shanghai-pujiang-tiyu-2024';
const CENTRAL = '006-central-shehuifuli-2024';
const FINAL = '007-pujiang-nongye-juesuan-2023';
const NATIONAL_FINAL = '008-shili-nongye-juesuan-2023';

/** Checks the national 决算 fixture with a 情况说明 sheet of these lines added. */
async function finalWithNarrative(): Promise<(lines: CellValue[][]) => ReturnType<typeof analyzeWorkbook>> {
  const wb = await loadFixture(NATIONAL_FINAL);
  return (lines) => analyzeWorkbook({ ...wb, sheets: [...wb.sheets, sheetFromRows('情况说明', lines)] }, options);
}

const alarms = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'info');
const at = (f: Pick<Finding, 'cells'>) => `${f.cells[0]!.sheet}!${f.cells[0]!.address}`;

/** The address of a table's cell: the row whose code (or name) is given, the column whose header path matches. */
function cellOf(tables: readonly Table[], sheet: string, row: string, column: RegExp): { address: string; value: string } {
  const t = tables.find((x) => x.sheet === sheet && x.rows.some((r) => r.code === row || r.name === row))!;
  const r = t.rows.find((x) => x.code === row || x.name === row)!;
  const c = t.columns.find((x) => column.test(x.path.join('/')))!;
  return { address: a1(r.row, c.col), value: r.amounts.get(c.col)?.text ?? '' };
}

describe('what a title names, across provinces', () => {
  it.each([
    ['部门收入预算表', 'income-summary'],
    ['部门支出预算表', 'expenditure-summary'],
    ['部门整体支出绩效目标表', 'department-performance'],
    ['一般公共预算财政拨款收入支出决算表', 'general-budget-expenditure'],
    ['财政拨款收入支出决算表', 'fiscal-appropriation-summary'],
    ['“三公”经费、行政参公单位机关运行经费情况表', 'three-public-expenses'],
    // A list whose layout varies, and one that is no kind Gouji checks: not guessed.
    ['一般公共预算财政拨款项目支出决算表', undefined],
    ['部门基本支出预算表', undefined],
  ])('%s → %s', (title, kind) => {
    expect(kindFromTitle(title)).toBe(kind);
  });
});

describe('a code printed in the name cell', () => {
  it.each([
    ['2010301 行政运行', '2010301', '行政运行'],
    ['[2010301]行政运行', '2010301', '行政运行'],
    ['【201】一般公共服务支出', '201', '一般公共服务支出'],
    ['  [20101] 人大事务', '20101', '人大事务'],
    ['2010301-行政运行', '2010301', '行政运行'],
    ['201.03.01 行政运行', '2010301', '行政运行'],
    ['２０１０３０１　行政运行', '2010301', '行政运行'],
    ['［2010301］行政运行', '2010301', '行政运行'],
    ['\u3000【201】一般公共服务支出', '201', '一般公共服务支出'],
  ])('%s → %s %s', (text, code, name) => {
    expect(inlineCode(text)).toEqual({ code, name });
  });

  it.each(['2024年预算', '行政运行', '1284.21', '100', '3、公务用车费', '(2)公务用车购置'])('%s has none', (text) => {
    expect(inlineCode(text)).toBeUndefined();
  });
});

describe('the unit printed on the title row', () => {
  const tables = (rows: CellValue[][]) => recognizeWorkbook({ name: 'x.xlsx', sheets: [sheetFromRows('表3', rows)] }, options).tables;
  const body: CellValue[][] = [['科目编码', '科目名称', '合计'], [null, '合计', 10], ['201', '一般公共服务支出', 10]];

  it('is read from the title itself: 支出总表（单位：万元）', () => {
    expect(tables([['2024年部门支出总表（单位：万元）'], ...body]).map((t) => [t.kind, t.meta.unit, t.meta.unitCell])).toEqual([['expenditure-summary', '万元', { row: 0, col: 0 }]]);
  });

  it('is read from a cell beside the title, which is no part of the title', () => {
    expect(tables([['2024年部门支出总表', null, '单位：元'], ...body]).map((t) => [t.kind, t.title, t.meta.unit])).toEqual([['expenditure-summary', '2024年部门支出总表', '元']]);
    expect(tables([['2024年部门支出总表（单位：万元）', null, '公开03表'], ...body]).map((t) => [t.kind, t.meta.unit])).toEqual([['expenditure-summary', '万元']]);
    expect(tables([['2024年部门支出总表', '部门：示例局', '单位：万元', '公开03表'], ...body]).map((t) => [t.title, t.meta.unit, t.meta.department])).toEqual([['2024年部门支出总表', '万元', '示例局']]);
  });

  it('gives way to a unit line under the title', () => {
    expect(tables([['2024年部门支出总表（单位：万元）'], ['单位：元'], ...body]).map((t) => t.meta.unit)).toEqual(['元']);
  });
});

describe('a basic expenditure list with 人员经费 and 公用经费 lines above their subjects', () => {
  const rows = (publicCosts: number): CellValue[][] => [
    ['2024年一般公共预算基本支出表'],
    ['部门：示例局', null, '单位：万元'],
    ['科目编码', '科目名称', '合计'],
    [null, '合计', 100],
    [null, '人员经费', 80],
    ['301', '工资福利支出', 70],
    ['30101', '基本工资', 70],
    ['303', '对个人和家庭的补助', 10],
    ['30302', '退休费', 10],
    [null, '公用经费', publicCosts],
    ['302', '商品和服务支出', 15],
    ['30201', '办公费', 15],
    ['310', '资本性支出', 5],
    ['31002', '办公设备购置', 5],
  ];
  const check = (publicCosts: number) => analyzeWorkbook({ name: 'x.xlsx', sheets: [sheetFromRows('表6', rows(publicCosts))] }, options);

  it('checks 人员经费 = 301 + 303 and 公用经费 = the other 类', () => {
    const report = check(20);
    expect(alarms(report.findings)).toEqual([]);
    // 合计 = Σ 类, 人员经费 = 301 + 303, 公用经费 = 302 + 310.
    expect(report.outcomes.find((o) => o.rule === 'total-row')).toMatchObject({ status: 'pass', compared: 3 });
  });

  it('finds a 公用经费 line that is not its subjects’ sum', () => {
    expect(alarms(check(25).findings).map((f) => [f.rule, at(f)])).toEqual([['total-row', '表6!C10']]);
  });
});

describe('a sheet named for its table, without a title row', () => {
  it('is read as that table from its first row (a system export: sheets 1-收支总表, 2-支出总表 …)', () => {
    const sheet = sheetFromRows('2-支出总表', [
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 110, 80, 30],
      ['201', '一般公共服务支出', 90, 60, 30],
      ['221', '住房保障支出', 20, 20, null],
      ['22102', '住房改革支出', 20, 20, null],
      ['2210201', '住房公积金', 21, 20, null],
    ]);
    const report = analyzeWorkbook({ name: 'x.xlsx', sheets: [sheet, sheetFromRows('Sheet3', [['备注'], ['a', 1]])] }, options);
    expect(report.tables.map((t) => [t.kind, t.title, t.meta.unit, t.rows.length])).toEqual([['expenditure-summary', '2-支出总表', '万元', 5]]);
    expect(report.tables[0]!.titleCell).toBeUndefined();
    // A sheet whose name names no table is still content left unread, as before.
    expect(report.notes.map((n) => [n.sheet, n.message])).toEqual([['Sheet3', 'no-title']]);
    expect(alarms(report.findings).map(at)).toEqual(['2-支出总表!C7']);
  });
});

describe('what a column means', () => {
  it('tells year and measure words from items, and a comparison from an amount', () => {
    expect(labelWord('2023年执行数', 2024)).toEqual({ period: 'prior', year: 2023, measure: 'execution' });
    expect(labelWord('2024年预算数', 2024)).toEqual({ period: 'current', year: 2024, measure: 'budget' });
    expect(labelWord('2024年预算数比2023年执行数增减（%）', 2024)).toEqual({ measure: 'change-pct' });
    expect(labelWord('增减额')).toEqual({ measure: 'change' });
    expect(labelWord('决算数')).toEqual({ measure: 'final' });
    expect(labelWord('2024年“三公”经费预算数', 2024)).toMatchObject({ period: 'current', measure: 'budget', item: '"三公"经费' });
    // This year's money, never last year's column: 上年结转 is carried into this year; 本年预算 is its current-year part.
    expect(labelWord('上年结转')).toBeUndefined();
    expect(labelWord('本年预算')).toBeUndefined();
    expect(labelWord('上年执行数')).toEqual({ period: 'prior', measure: 'execution' });
    expect(meaningOf(['2023年预算数', '公务用车购置及运行费', '小计'], 2024)).toEqual({ period: 'prior', measure: 'budget', year: 2023, item: ['公务用车购置及运行费', '小计'] });
  });

  it('reads 项目类型, 类别 and 类型 as the project type, 行次 and 栏次 as numbering: none of them an amount', () => {
    expect(['项目类型', '类别', '类型'].map((h) => roleOf([h]))).toEqual(['project-type', 'project-type', 'project-type']);
    expect(['行次', '栏次', '序号'].map((h) => roleOf([h]))).toEqual(['seq', 'seq', 'seq']);
    expect(roleOf(['收入', '行次'])).toBe('seq');
  });

  it('reads a 合计 under a caption as the table total, and last year, 增减% and 预算数 beside 决算数 as other figures', async () => {
    const read = async (stem: string) => recognizeWorkbook(await loadFixture(stem), options).tables;
    const shanghai = await read(SHANGHAI);
    const es = shanghai.find((t) => t.kind === 'expenditure-summary')!;
    expect(es.columns.filter((c) => c.path.some((p) => /支出预算/.test(p))).map((c) => c.role)).toEqual(['total', 'basic', 'project']);
    const central = await read(CENTRAL);
    const gbe = central.find((t) => t.kind === 'general-budget-expenditure')!;
    expect(gbe.columns.map((c) => c.role)).toEqual(['code', 'name', 'prior', 'total', 'basic', 'project', 'change-pct']);
    const three = central.find((t) => t.kind === 'three-public-expenses')!;
    expect(new Set(three.columns.slice(0, 6).map((c) => c.role))).toEqual(new Set(['prior']));
    const final = await read(FINAL);
    const finalThree = final.find((t) => t.kind === 'three-public-expenses')!;
    expect(finalThree.basis).toBe('final');
    expect(finalThree.columns.map((c) => c.role).filter((r) => r === 'reference')).toHaveLength(6);
  });

  it('reads a 基本支出决算表 printed in two halves as two lists, never as code pairs', async () => {
    const tables = recognizeWorkbook(await loadFixture(FINAL), options).tables.filter((t) => t.kind === 'general-budget-basic-expenditure');
    expect(tables.map((t) => t.part)).toEqual(['left', 'right']);
    expect(tables.flatMap((t) => t.rows).filter((r) => r.secondaryCode !== undefined)).toEqual([]);
    expect(tables[0]!.rows.find((r) => r.code === '30311')?.name).toBe('代缴社会保险费');
    expect(tables[1]!.rows.find((r) => r.isTotal)?.name).toBe('公用经费合计');
  });
});

describe.each([SHANGHAI, CENTRAL, FINAL, NATIONAL_FINAL])('%s, consistent', (stem) => {
  it('gets no error or warning, and --fix safe changes nothing, in every layout variant', async () => {
    const wb = await loadFixture(stem);
    for (const variant of [wb, inYuan(wb), oneSheet(wb), codesAsNumbers(wb), numbersAsText(wb, 'separators')]) {
      const report = analyzeWorkbook(variant, options);
      expect(alarms(report.findings).map((f) => f.id)).toEqual([]);
      expect(fixAllSafe(variant, report, options).edits).toEqual([]);
    }
  });
});

describe('planted mistakes in the other templates', () => {
  const plantIn = async (stem: string, edits: Array<{ sheet: string; row: string; column: RegExp; after: string }>): Promise<{ wb: Workbook; cells: string[] }> => {
    const wb = await loadFixture(stem);
    const tables = recognizeWorkbook(wb, options).tables;
    const placed = edits.map((e) => ({ ...e, ...cellOf(tables, e.sheet, e.row, e.column) }));
    return { wb: applyEdits(wb, placed.map((p) => ({ sheet: p.sheet, address: p.address, before: p.value, after: p.after }))), cells: placed.map((p) => `${p.sheet}!${p.address}`) };
  };

  it('a wrong 增减% is an error at its cell, with a fix that is never safe', async () => {
    const { wb, cells } = await plantIn(CENTRAL, [{ sheet: '一般公共预算支出表', row: '2080502', column: /增减/, after: '0.068' }]);
    const report = analyzeWorkbook(wb, options);
    const found = alarms(report.findings);
    expect(found.map((f) => [f.rule, at(f)])).toEqual([['row-percent', cells[0]]]);
    expect(found[0]!.expected).toBe('5.8');
    expect(found[0]!.fixes[0]!.confidence).toBeLessThan(SAFE_CONFIDENCE);
    expect(fixAllSafe(wb, report, options).edits).toEqual([]);
  });

  it('a leaf carried into every total above it (formulas) is found by another table', async () => {
    const wb = await loadFixture(SHANGHAI);
    const es = recognizeWorkbook(wb, options).tables.find((t) => t.kind === 'expenditure-summary')!;
    // 2070305 and its 款, 类 and 合计 rows, 合计 and 项目支出 columns, all +1.00.
    const leaf = es.rows.find((r) => r.code?.length === 7 && [...r.amounts.values()].some((a) => a.value && !a.value.isZero()))!;
    const rows = es.rows.filter((r) => r.isTotal || (r.code !== undefined && leaf.code!.startsWith(r.code)));
    const cols = es.columns.filter((c) => c.role === 'total' || c.role === (leaf.amounts.get(es.columns.find((x) => x.role === 'project')!.col)?.value?.isZero() === false ? 'project' : 'basic'));
    const edits = rows.flatMap((r) => cols.map((c) => ({ sheet: es.sheet, address: a1(r.row, c.col), before: '', after: r.amounts.get(c.col)!.value!.plus(1).toFixed(2) })));
    const report = analyzeWorkbook(applyEdits(wb, edits), options);
    const moved = new Set(edits.map((e) => `${e.sheet}!${e.address}`));
    expect(alarms(report.findings).some((f) => f.cells.some((c) => moved.has(`${c.sheet}!${c.address}`)))).toBe(true);
  });

  it('a wrong 编制部门 on one table is named at its cell', async () => {
    const wb = await loadFixture(SHANGHAI);
    const es = recognizeWorkbook(wb, options).tables.find((t) => t.kind === 'expenditure-summary')!;
    const cell = es.meta.departmentCell!;
    const address = a1(cell.row, cell.col);
    const report = analyzeWorkbook(applyEdits(wb, [{ sheet: es.sheet, address, before: es.meta.departmentText!, after: '编制部门：上海市浦江区文化旅游局' }]), options);
    expect(alarms(report.findings).map((f) => [f.rule, at(f)])).toContainEqual(['meta-department', `${es.sheet}!${address}`]);
  });

  it('final accounts: a fund table whose every row balances but whose income is not the fiscal summary’s (formulas carried a slip)', async () => {
    for (const stem of [FINAL, NATIONAL_FINAL]) {
      const wb = await loadFixture(stem);
      const tables = recognizeWorkbook(wb, options).tables;
      const fund = tables.find((t) => t.kind === 'government-fund-expenditure' && t.rows.some((r) => r.code !== undefined))!;
      const column = (re: RegExp) => fund.columns.find((c) => re.test(c.path.join('/')))!.col;
      const [income, closing] = [column(/本年收入/), column(/年末/)];
      // 本年收入 down by 27.53 on every row, and 年末 with it: each row still balances, each subtotal still holds.
      const edits = fund.rows.flatMap((r) =>
        [income, closing].map((col) => ({ sheet: fund.sheet, address: a1(r.row, col), before: '', after: r.amounts.get(col)!.value!.minus('27.53').toFixed(2) })),
      );
      const found = alarms(analyzeWorkbook(applyEdits(wb, edits), options).findings);
      const total = fund.rows.find((r) => r.isTotal)!;
      // Both differences are told, the closing one as a consequence of the same cause (one slip, one finding).
      const told = found.flatMap((f) => [f, ...(f.consequences ?? [])]).filter((f) => f.rule === 'cross-fund-balance');
      expect(told.map(at)).toEqual(expect.arrayContaining([`${fund.sheet}!${a1(total.row, income)}`, `${fund.sheet}!${a1(total.row, closing)}`]));
      expect(found.filter((f) => f.rule === 'cross-fund-balance')).toHaveLength(1);
      expect(found.filter((f) => f.rule === 'row-balance')).toEqual([]);
      // Which side is wrong the tables cannot say: no fix is safe.
      for (const f of found) for (const fix of f.fixes) expect(fix.confidence).toBeLessThan(SAFE_CONFIDENCE);
    }
  });

  it('final accounts: a closing carry-over that does not balance, and 决算数 beyond 预算数', async () => {
    const wb = await loadFixture(FINAL);
    const tables = recognizeWorkbook(wb, options).tables;
    const fund = tables.find((t) => t.kind === 'government-fund-expenditure' && t.rows.some((r) => r.code !== undefined))!;
    const row = fund.rows.find((r) => r.code !== undefined && r.code.length === 7)!;
    const closing = fund.columns.find((c) => /年末/.test(c.path.join('/')))!;
    const three = tables.find((t) => t.kind === 'three-public-expenses')!;
    const reception = three.columns.filter((c) => /公务接待/.test(c.path.join('/')));
    const [budget, final] = [reception.find((c) => c.role === 'reference')!, reception.find((c) => c.role !== 'reference')!];
    const data = three.rows.find((r) => r.amounts.get(final.col)?.value !== undefined)!;
    const edits = [
      { sheet: fund.sheet, address: a1(row.row, closing.col), before: '', after: (row.amounts.get(closing.col)?.value?.plus(5) ?? 5).toString() },
      { sheet: three.sheet, address: a1(data.row, final.col), before: '', after: data.amounts.get(budget.col)!.value!.plus(1).toFixed(2) },
    ];
    const found = alarms(analyzeWorkbook(applyEdits(wb, edits), options).findings);
    expect(found.map((f) => [f.rule, f.severity, at(f)])).toEqual(
      expect.arrayContaining([
        ['row-balance', 'error', `${fund.sheet}!${edits[0]!.address}`],
        ['final-vs-budget', 'warning', `${three.sheet}!${edits[1]!.address}`],
      ]),
    );
  });
});

describe('the national 部门决算 tables (fixture 008: 公开01表 … 公开09表)', () => {
  it('reads each title as its table: 收入支出决算表 side by side is the summary, 一般公共预算财政拨款收入支出决算表 the general budget by subject', async () => {
    const { tables, notes } = recognizeWorkbook(await loadFixture(NATIONAL_FINAL), options);
    const kindOf = (title: string) => [...new Set(tables.filter((t) => t.title === title).map((t) => t.kind))];
    expect(kindOf('收入支出决算表')).toEqual(['income-expense-summary']);
    expect(kindOf('财政拨款收入支出决算表')).toEqual(['fiscal-appropriation-summary']);
    expect(kindOf('一般公共预算财政拨款收入支出决算表')).toEqual(['general-budget-expenditure']);
    expect(tables.every((t) => t.basis === 'final' || t.kind === 'three-public-expenses')).toBe(true);
    // The 公开NN表 label above each title is the table's number, not content left unread.
    expect(notes.filter((n) => n.message === 'before-first-title')).toEqual([]);
  });

  it('checks the general budget table with its carry-overs, and tells which of the four cells of a row is wrong', async () => {
    const wb = await loadFixture(NATIONAL_FINAL);
    const gbe = recognizeWorkbook(wb, options).tables.find((t) => t.kind === 'general-budget-expenditure')!;
    const row = gbe.rows.find((r) => r.code === '2130122')!;
    const column = (re: RegExp) => gbe.columns.find((c) => re.test(c.path.join('/')))!;
    // A slip in 年初 breaks the row's balance and the 年初 column's subtotal: one cause, at 年初, put back for sure.
    // A slip in 年末 breaks the balance and the 年末 subtotal: one cause, at 年末.
    for (const col of [column(/年初/), column(/年末/)]) {
      const cell = row.amounts.get(col.col)!;
      const edit = { sheet: gbe.sheet, address: a1(row.row, col.col), before: cell.text ?? '', after: cell.value!.plus(3).toFixed(2) };
      const found = alarms(analyzeWorkbook(applyEdits(wb, [edit]), options).findings);
      expect(found.map((f) => at(f))).toEqual([`${gbe.sheet}!${edit.address}`]);
      expect(found[0]!.fixes[0]!.confidence).toBeGreaterThanOrEqual(SAFE_CONFIDENCE);
      expect(found[0]!.fixes[0]!.edits).toEqual([{ sheet: gbe.sheet, address: edit.address, before: edit.after, after: cell.value!.toFixed(2) }]);
    }
  });

  it('keeps 收入支出决算表 a list by subject when it is printed as one (财决02: codes, 年初 … 年末 on each row)', () => {
    const sheet = sheetFromRows('财决02表', [
      ['收入支出决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'],
      ['', '合计', 1, 10, 9, 2],
      ['213', '农林水支出', 1, 10, 9, 2],
    ]);
    const tables = recognizeWorkbook({ name: 'x.xlsx', sheets: [sheet] }, options).tables;
    expect(tables.map((t) => t.kind)).toEqual(['expenditure-summary']);
  });

  it('leaves 一般公共预算财政拨款项目支出决算表 unread (its layout varies by province) rather than check it as the general budget table', () => {
    const sheet = sheetFromRows('表7', [['一般公共预算财政拨款项目支出决算表'], ['单位：万元'], ['科目编码', '科目名称', '决算数'], ['302', '商品和服务支出', 5], ['30201', '办公费', 5]]);
    const { tables, notes } = recognizeWorkbook({ name: 'x.xlsx', sheets: [sheet] }, options);
    expect(tables).toEqual([]);
    expect(notes.map((n) => n.message)).toEqual(['no-title']);
  });

  it('checks a 决算 narrative against the summary’s 总计 and the 三公 决算数 (not the 预算数 beside it)', async () => {
    const withNarrative = await finalWithNarrative();
    const check = (totalIncome: string, reception: string) =>
      withNarrative([
        ['示例县农业农村局2023年度部门决算情况说明'],
        ['一、收入支出决算总体情况说明'],
        [`2023年度收入总计${totalIncome}万元、支出总计7,171.71万元。`],
        ['二、财政拨款“三公”经费支出决算情况说明'],
        [`2023年度“三公”经费财政拨款支出决算为13.00万元，完成预算的86.67%。其中：公务用车运行维护费10.86万元，公务接待费${reception}万元。`],
      ]);
    const right = check('7,171.71', '2.14');
    expect(alarms(right.findings)).toEqual([]);
    expect(right.outcomes.find((o) => o.rule === 'narrative-amounts')).toMatchObject({ status: 'pass', compared: 4 });
    const wrong = alarms(check('7,171.17', '2.41').findings);
    expect(wrong.map((f) => [f.rule, f.cells.map((c) => `${c.sheet}!${c.address}`).join(' ')])).toEqual([
      ['narrative-amounts', '情况说明!A3 表1!B33'],
      ['narrative-amounts', '情况说明!A5 表7!L8'],
    ]);
  });

  it('reads 本年收入合计 / 本年支出合计 in a 决算 narrative as the year totals, and their parts and shares', async () => {
    const withNarrative = await finalWithNarrative();
    const check = (basic: string) => withNarrative([['情况说明'], ['三、支出决算情况说明'], [`本年支出合计6,992.46万元，其中：基本支出${basic}；项目支出4,117.05万元，占58.88%。`]]);
    expect(alarms(check('2,875.41万元，占41.12%').findings)).toEqual([]);
    expect(alarms(check('2,875.14万元，占41.21%').findings).map((f) => f.id)).toEqual(['narrative-amounts@情况说明!A3/基本支出', 'narrative-amounts@情况说明!A3/基本支出%']);
  });

  it('checks the income sources a 决算 narrative lists under 本年收入合计 against the summary’s income lines', async () => {
    const withNarrative = await finalWithNarrative();
    const check = (general: string, operating: string) =>
      withNarrative([
        ['情况说明'],
        ['二、收入决算情况说明'],
        [`本年收入合计6,792.61万元，其中：一般公共预算财政拨款收入${general}万元，占76.66%；政府性基金预算财政拨款收入1,500.00万元，占22.08%；事业收入77.00万元，占${operating}%；其他收入8.40万元，占0.12%。`],
      ]);
    const right = check('5,207.21', '1.13');
    expect(alarms(right.findings)).toEqual([]);
    expect(right.outcomes.find((o) => o.rule === 'narrative-amounts')).toMatchObject({ status: 'pass', compared: 5 });
    expect(alarms(check('5,207.12', '1.31').findings).map((f) => f.id)).toEqual(['narrative-amounts@情况说明!A3/一般公共预算财政拨款收入', 'narrative-amounts@情况说明!A3/事业收入%']);
  });

  it('reads 行次 columns and a 栏次 line as numbering, never as amounts', () => {
    const summary = sheetFromRows(
      '表1',
      [
        ['收入支出决算表'],
        ['部门：示例局', null, null, null, null, '金额单位：万元'],
        ['收入', null, null, '支出', null, null],
        ['项目', '行次', '金额', '项目', '行次', '金额'],
        ['一、一般公共预算财政拨款收入', 1, 100, '一、一般公共服务支出', 32, 90],
        ['二、其他收入', 2, 10, '二、住房保障支出', 33, 20],
        ['本年收入合计', 3, 110, '本年支出合计', 34, 110],
        ['年初结转和结余', 4, 0, '年末结转和结余', 35, 0],
        ['总计', 5, 110, '总计', 36, 110],
      ],
      [{ r0: 0, c0: 0, r1: 0, c1: 5 }, { r0: 2, c0: 0, r1: 2, c1: 2 }, { r0: 2, c0: 3, r1: 2, c1: 5 }],
    );
    const spending = sheetFromRows('表3', [
      ['支出决算表'],
      ['部门：示例局', null, null, null, '金额单位：万元'],
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['栏次', null, 1, 2, 3],
      [null, '合计', 110, 80, 30],
      ['201', '一般公共服务支出', 90, 60, 30],
      ['221', '住房保障支出', 20, 20, null],
    ]);
    const report = analyzeWorkbook({ name: 'x.xlsx', sheets: [summary, spending] }, options);
    expect(report.tables.filter((t) => t.sheet === '表1').map((t) => t.columns.map((c) => c.role))).toEqual([
      ['name', 'seq', 'amount'],
      ['name', 'seq', 'amount'],
    ]);
    expect(report.tables.find((t) => t.sheet === '表3')!.rows.map((r) => r.name)).toEqual(['合计', '一般公共服务支出', '住房保障支出']);
    expect(alarms(report.findings)).toEqual([]);
    expect(report.outcomes.find((o) => o.rule === 'cross-expenditure-total')).toMatchObject({ status: 'pass' });
  });

  it('compares a fund table with a fiscal summary that prints 行次 beside its amounts', () => {
    const fiscal = sheetFromRows(
      '表4',
      [
        ['财政拨款收入支出决算表'],
        ['部门：示例局', null, null, null, null, null, '金额单位：万元'],
        ['收入', null, null, '支出', null, null, null],
        ['项目', '行次', '金额', '项目', '行次', '合计', '政府性基金预算财政拨款'],
        ['一、一般公共预算财政拨款', 1, 0, '一、城乡社区支出', 10, 90, 90],
        ['二、政府性基金预算财政拨款', 2, 80, null, null, null, null],
        ['本年收入合计', 3, 80, '本年支出合计', 11, 90, 90],
        ['年初财政拨款结转和结余', 4, 30, '年末财政拨款结转和结余', 12, 20, 20],
        ['一、一般公共预算财政拨款', 5, 0, null, null, null, null],
        ['二、政府性基金预算财政拨款', 6, 30, null, null, null, null],
        ['总计', 7, 110, '总计', 13, 110, 110],
      ],
      [{ r0: 0, c0: 0, r1: 0, c1: 6 }, { r0: 2, c0: 0, r1: 2, c1: 2 }, { r0: 2, c0: 3, r1: 2, c1: 6 }],
    );
    const fund = (income: number) =>
      sheetFromRows('表8', [
        ['政府性基金预算财政拨款收入支出决算表'],
        ['部门：示例局', null, null, null, null, '金额单位：万元'],
        ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'],
        [null, '合计', 30, income, 90, 20 + income - 80],
        ['212', '城乡社区支出', 30, income, 90, 20 + income - 80],
      ]);
    const consistent = analyzeWorkbook({ name: 'x.xlsx', sheets: [fiscal, fund(80)] }, options);
    expect(alarms(consistent.findings)).toEqual([]);
    expect(consistent.outcomes.find((o) => o.rule === 'cross-fund-balance')).toMatchObject({ status: 'pass', compared: 4 });
    const off = alarms(analyzeWorkbook({ name: 'x.xlsx', sheets: [fiscal, fund(85)] }, options).findings);
    expect(off.flatMap((f) => [f, ...(f.consequences ?? [])]).filter((f) => f.rule === 'cross-fund-balance').map(at)).toEqual(expect.arrayContaining(['表8!D4', '表8!F4']));
  });

  it('drops a table number printed on the title row from the title', () => {
    const sheet = sheetFromRows('表5', [['一般公共预算财政拨款收入支出决算表', '', '', '公开05表'], ['单位：万元'], ['科目编码', '科目名称', '合计'], ['213', '农林水支出', 1]]);
    const tables = recognizeWorkbook({ name: 'x.xlsx', sheets: [sheet] }, options).tables;
    expect(tables.map((t) => [t.kind, t.title])).toEqual([['general-budget-expenditure', '一般公共预算财政拨款收入支出决算表']]);
  });
});
