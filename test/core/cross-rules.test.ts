// The cross-table rules on small synthetic workbooks: a consistent department passes, and each broken
// identity is reported at the right cell, with both tables named, at an honest severity.
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { CROSS_RULES } from '../../src/core/rules/cross-rules';
import { RULES } from '../../src/core/rules';
import { MESSAGES } from '../../src/core/messages/catalog';
import { similarity } from '../../src/core/rules/cross-project-performance';
import {
  basic,
  BASIC_ROWS,
  block,
  book,
  brief,
  check,
  copy,
  econ,
  ECON_ROWS,
  en,
  es,
  ES_ROWS,
  fiscal,
  FISCAL_ROWS,
  gbe,
  GBE_ROWS,
  ies,
  IES_ROWS,
  incomeSummary,
  IS_ROWS,
  performance,
  PROJECT_ROWS,
  projects,
  three,
  THREE_ROWS,
  zh,
  type Rows,
} from './cross-workbook';

/** The findings of one rule. */
function of(rule: string, ...tables: string[][]) {
  const report = check(book(...tables), CROSS_RULES.filter((r) => r.meta.id === rule));
  return report.findings;
}

/** Rows with one cell changed. */
function set(rows: Rows, row: number, col: number, value: string | number | null): Rows {
  const out = copy(rows);
  out[row]![col] = value;
  return out;
}

describe('the cross-table rules', () => {
  it('are registered, declared and say every message in both languages', () => {
    const ids = CROSS_RULES.map((r) => r.meta.id);
    expect(ids).toEqual([
      'cross-expenditure-total',
      'cross-expenditure-by-class',
      'cross-income-total',
      'cross-income-by-code',
      'cross-fiscal-vs-summary',
      'cross-fund-balance',
      'cross-general-budget-vs-summary',
      'cross-basic-vs-general-budget',
      'cross-economic-functional',
      'cross-three-public',
      'cross-project-total',
      'cross-project-performance',
      'cross-economic-summary',
    ]);
    for (const r of CROSS_RULES) {
      expect(RULES).toContain(r);
      expect(r.meta.group).toBe('cross-table');
      expect(r.meta.title.zh && r.meta.title.en && r.meta.description.zh && r.meta.description.en).toBeTruthy();
      expect(r.meta.needs.length).toBeGreaterThanOrEqual(2);
    }
    for (const [id, text] of Object.entries(MESSAGES).filter(([id]) => id.startsWith('cross'))) {
      expect([id, text['zh-CN'].length > 0, text['en-US'].length > 0]).toEqual([id, true, true]);
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect([id, placeholders(text['en-US'])]).toEqual([id, placeholders(text['zh-CN'])]);
      if (id.endsWith('.rounding')) expect(text['zh-CN']).toContain('四舍五入');
    }
  });

  it('find nothing in a consistent workbook, and are skipped without their tables', () => {
    const full = check(book(ies(), incomeSummary(), es(), fiscal(), gbe(), basic(), three(), projects(), performance(block('信息系统运维费', 60)), econ()));
    expect(brief(full.findings)).toEqual([]);
    // A rule that checks what only some layouts print (an income summary by subject) may have nothing to compare.
    expect(full.outcomes.map((o) => o.status)).toEqual(CROSS_RULES.map((r) => (r.meta.conditional ? 'skipped' : 'pass')));
    expect(full.outcomes.every((o) => o.status === 'skipped' || (o.compared ?? 0) > 0)).toBe(true);
    // A 三公 table alone: the rules without their tables are skipped for that; cross-three-public has its own
    // table but nothing to compare it with, so it is skipped too, never passed.
    const lone = check(book(three()));
    expect(lone.outcomes.filter((o) => o.status === 'skipped').map((o) => o.rule)).toEqual(CROSS_RULES.map((r) => r.meta.id));
    expect(lone.outcomes.find((o) => o.rule === 'cross-three-public')!.reason!.id).toBe('skip.cross-three-public');
    expect(lone.outcomes.find((o) => o.rule === 'cross-income-total')!.reason!.id).toBe('skip.no-table');
    expect(lone.findings).toEqual([]);
  });

  it('are tried on a workbook that is consistent within each table too', () => {
    const sums = RULES.filter((r) => ['subtotal', 'total-row', 'row-sum', 'list-total'].includes(r.meta.id));
    const r = analyzeWorkbook(book(ies(), incomeSummary(), es(), fiscal(), gbe(), basic(), three(), projects(), performance(block('信息系统运维费', 60))), {
      catalogs: builtinCatalogs,
      rules: sums,
      suggestFixes: false,
    });
    expect(r.findings.map((f) => `${f.rule} ${f.cells[0]!.sheet}!${f.cells[0]!.address}`)).toEqual([]);
  });
});

describe('cross-expenditure-total', () => {
  it('reports 支出总表 合计 ≠ 收支总表 支出总计 (编制预算 + 上年结转) at the 支出总表 cell', () => {
    const [f, ...rest] = of('cross-expenditure-total', ies(), es(set(ES_ROWS, 0, 3, 312)));
    expect(rest).toEqual([]);
    expect(brief([f!])).toEqual(['cross-expenditure-total error 预算表3!D5 312.00→310.00']);
    expect(f!.cells.map((c) => `${c.role}:${c.sheet}!${c.address}`)).toEqual(['checked:预算表3!D5', 'evidence:预算表1!F11', 'evidence:预算表1!G11']);
    expect(f!.difference).toBe('2.00');
    expect(zh(f!)).toBe(
      '支出总表（预算表3）“合计”行的“合计”为 312.00，而收支总表（预算表1）“支出总计”（支出/编制预算 + 支出/上年结转）为 310.00，相差 2.00。两表的支出总额应相等；标出的是按科目列示、更详细的支出总表，也可能是收支总表有误。',
    );
    expect(en(f!)).toContain('Total expenditure must be the same in both');
    expect(f!.fixes[0]!.edits).toEqual([{ sheet: '预算表3', address: 'D5', before: '312.00', after: '310.00' }]);
  });

  it('rates a cent as rounding (info)', () => {
    const [f] = of('cross-expenditure-total', ies(), es(set(ES_ROWS, 0, 3, 310.01)));
    expect(f!.severity).toBe('info');
    expect(zh(f!)).toContain('四舍五入');
  });

  it('says nothing when the tables agree or one is missing', () => {
    expect(of('cross-expenditure-total', ies(), es())).toEqual([]);
    expect(of('cross-expenditure-total', es(set(ES_ROWS, 0, 3, 999)))).toEqual([]);
  });

  it('does not compare tables that state different units (元 against 万元: the metadata rules say so)', () => {
    const inYuan = ES_ROWS.map((r) => r.map((c, i) => (i >= 3 && typeof c === 'number' ? c * 10000 : c)));
    expect(of('cross-expenditure-total', ies(), es(inYuan, '元'))).toEqual([]);
  });
});

describe('cross-income-total', () => {
  it('reports 收入总表 合计 ≠ 收支总表 收入总计', () => {
    expect(of('cross-income-total', ies(), incomeSummary())).toEqual([]);
    const [f] = of('cross-income-total', ies(), incomeSummary(set(IS_ROWS, 0, 3, 311)));
    expect(brief([f!])).toEqual(['cross-income-total error 预算表2!D6 311.00→310.00']);
    expect(zh(f!)).toContain('收入总表（预算表2）');
    expect(zh(f!)).toContain('收支总表（预算表1）“收入总计”');
  });
});

describe('cross-expenditure-by-class', () => {
  const rule = 'cross-expenditure-by-class';

  it('reports a class whose 收支总表 line differs from 支出总表, at the 支出总表 类 row', () => {
    expect(of(rule, ies(), es())).toEqual([]);
    const [f, ...rest] = of(rule, ies(set(IES_ROWS, 2, 5, 33)), es());
    expect(rest).toEqual([]);
    expect(brief([f!])).toEqual(['cross-expenditure-by-class error 预算表3!D10 30.00→33.00']);
    expect(zh(f!)).toContain('“208 社会保障和就业支出”');
    expect(zh(f!)).toContain('收支总表（预算表1）对应的“八、社会保障和就业支出”');
  });

  it('reports a class left blank in 收支总表', () => {
    const [f] = of(rule, ies(set(IES_ROWS, 4, 5, null)), es());
    expect(brief([f!])).toEqual(['cross-expenditure-by-class error 预算表3!D16 20.00→0.00']);
    expect(zh(f!)).toContain('为空白');
  });

  it('reports a class 支出总表 does not have, and a class 收支总表 does not list', () => {
    const [missingInEs] = of(rule, ies(set(IES_ROWS, 1, 5, 5)), es());
    expect(brief([missingInEs!])).toEqual(['cross-expenditure-by-class error 预算表1!F6 5.00→0.00']);
    expect(zh(missingInEs!)).toContain('没有 202 类的科目');
    const [missingLine, ...rest] = of(rule, ies(set(set(IES_ROWS, 3, 4, '十一、节能环保支出'), 3, 5, null)), es());
    expect(rest).toEqual([]);
    expect(brief([missingLine!])).toEqual(['cross-expenditure-by-class warning 预算表3!D13 10.00→0.00']);
    expect(zh(missingLine!)).toContain('找不到 210 这一类');
  });

  it('resolves the lines by the 类 rows of 支出总表 when no catalog is given', () => {
    const rules = CROSS_RULES.filter((r) => r.meta.id === rule);
    const run = (rows: Rows) => analyzeWorkbook(book(ies(rows), es()), { rules, suggestFixes: false }).findings;
    expect(run(IES_ROWS)).toEqual([]);
    expect(brief(run(set(IES_ROWS, 2, 5, 33)))).toEqual(['cross-expenditure-by-class error 预算表3!D10 30.00→33.00']);
  });

  it('places a line that is not named like a class by its position, and says so', () => {
    const misnamed = set(IES_ROWS, 0, 4, '一、一般公共预算支出');
    expect(of(rule, ies(misnamed), es())).toEqual([]);
    const [f] = of(rule, ies(set(misnamed, 0, 5, 200)), es());
    expect(brief([f!])).toEqual(['cross-expenditure-by-class error 预算表3!D6 250.00→240.00']);
    expect(zh(f!)).toContain('按它在列表中的位置对应到该类');
  });

  it('sums the class rows of a 支出总表 that prints only 项 rows, and marks the summary line', () => {
    const leaves = ES_ROWS.filter((r) => r[1] === null || String(r[1]).length === 8);
    expect(of(rule, ies(), es(leaves))).toEqual([]);
    const [f] = of(rule, ies(), es(leaves.map((r) => (r[1] === "'2010399" ? set([r], 0, 3, 90)[0]! : r))));
    expect(brief([f!])).toEqual(['cross-expenditure-by-class error 预算表1!F5 250.00→240.00']);
    expect(f!.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual(['预算表1!F5', '预算表1!G5', '预算表3!D6', '预算表3!D7']);
  });
});

describe('cross-fiscal-vs-summary', () => {
  const rule = 'cross-fiscal-vs-summary';

  it('requires equality when 收支总表 shows fiscal money only', () => {
    expect(of(rule, ies(), fiscal())).toEqual([]);
    const [f, ...rest] = of(rule, ies(), fiscal(set(FISCAL_ROWS, 2, 5, 31)));
    expect(rest).toEqual([]);
    expect(brief([f!])).toEqual(['cross-fiscal-vs-summary error 预算表4!F7 31.00→30.00']);
    expect(zh(f!)).toContain('收支总表的收入只有财政拨款，两表应一致');
  });

  it('only requires fiscal ≤ summary when the department has other money', () => {
    const other = set(IES_ROWS, 4, 2, 10); // 三、单位资金收入 10
    expect(of(rule, ies(other), fiscal(set(FISCAL_ROWS, 2, 5, 29)))).toEqual([]);
    const [f] = of(rule, ies(other), fiscal(set(FISCAL_ROWS, 2, 5, 31)));
    expect(brief([f!])).toEqual(['cross-fiscal-vs-summary warning 预算表4!F7 31.00→30.00']);
    expect(zh(f!)).toContain('不应大于收支总表的数');
  });
});

describe('cross-general-budget-vs-summary', () => {
  const rule = 'cross-general-budget-vs-summary';

  it('compares row by row, equal when all the money is general budget money', () => {
    expect(of(rule, ies(), es(), gbe())).toEqual([]);
    const [f, ...rest] = of(rule, ies(), es(), gbe(set(GBE_ROWS, 3, 3, 151)));
    expect(rest).toEqual([]);
    expect(brief([f!])).toEqual(['cross-general-budget-vs-summary error 预算表5!D9 151.00→150.00']);
    expect(zh(f!)).toContain('支出总表（预算表3）同一科目“2010301 行政运行”');
    expect(zh(f!)).toContain('部门的资金全部是一般公共预算资金');
  });

  it('checks only ≤ when the department has other money, or when nothing tells', () => {
    const other = ies(set(IES_ROWS, 4, 2, 10));
    expect(of(rule, other, es(), gbe(set(GBE_ROWS, 3, 3, 140)))).toEqual([]);
    expect(brief(of(rule, other, es(), gbe(set(GBE_ROWS, 3, 3, 151))))).toEqual(['cross-general-budget-vs-summary warning 预算表5!D9 151.00→150.00']);
    const [unknown] = of(rule, es(), gbe(set(GBE_ROWS, 3, 3, 151)));
    expect(unknown!.severity).toBe('warning');
    expect(zh(unknown!)).toContain('无法判断');
  });

  it('reports a subject found in one table only', () => {
    const extra = [...copy(GBE_ROWS), [15, "'2101102", '事业单位医疗', 5, 5, 5, null, null]];
    expect(brief(of(rule, ies(), es(), gbe(extra)))).toEqual(['cross-general-budget-vs-summary error 预算表5!D20 5.00→0.00']);
    const without = GBE_ROWS.filter((r) => r[1] !== "'2210201");
    const [f] = of(rule, ies(), es(), gbe(without));
    expect(brief([f!])).toEqual(['cross-general-budget-vs-summary error 预算表3!D18 20.00→0.00']);
    expect(zh(f!)).toContain('一般公共预算支出表（预算表5）没有这一科目');
  });

  it('gives codes to the rows a partly coded table leaves uncoded, by their position in 支出总表', () => {
    // 001 预算表5 prints codes on its 类 rows only, with names cut short.
    const partly = GBE_ROWS.map((r) => (r[1] !== null && String(r[1]).length > 4 ? [r[0]!, null, String(r[2]).slice(0, 2), ...r.slice(3)] : r));
    expect(of(rule, ies(), es(), gbe(partly))).toEqual([]);
    const [f] = of(rule, ies(), es(), gbe(set(partly, 3, 3, 151)));
    expect(brief([f!])).toEqual(['cross-general-budget-vs-summary error 预算表5!D9 151.00→150.00']);
    expect(zh(f!)).toContain('“2010301 行政运行”');
  });
});

describe('cross-basic-vs-general-budget', () => {
  const rule = 'cross-basic-vs-general-budget';

  it('compares 合计 / 人员经费 / 公用经费 with 一般公共预算支出表 基本支出', () => {
    expect(of(rule, gbe(), basic())).toEqual([]);
    const found = of(rule, gbe(), basic(set(set(BASIC_ROWS, 0, 3, 213.75), 0, 4, 183.75)));
    expect(brief(found)).toEqual(['cross-basic-vs-general-budget error 预算表6!D5 213.75→210.00', 'cross-basic-vs-general-budget error 预算表6!E5 183.75→180.00']);
    expect(zh(found[0]!)).toBe(
      '一般公共预算基本支出表（预算表6）“合计”行的“合计”为 213.75，而一般公共预算支出表（预算表5）“合计”的“基本支出/小计”为 210.00，相差 3.75。同一笔一般公共预算基本支出按经济分类与按功能分类应相等；标出的是按经济科目列示、更详细的一般公共预算基本支出表，也可能是一般公共预算支出表有误（例如某项在一张表中列为基本支出、在另一张表中列为项目支出）。',
    );
  });

  it('sums the 类 rows of a general budget table that prints no 合计 row', () => {
    const noTotal = GBE_ROWS.slice(1);
    expect(of(rule, gbe(noTotal), basic())).toEqual([]);
    const [f] = of(rule, gbe(noTotal), basic(set(BASIC_ROWS, 0, 5, 31)));
    expect(brief([f!])).toEqual(['cross-basic-vs-general-budget error 预算表6!F5 31.00→30.00']);
    expect(f!.cells).toHaveLength(5); // the checked cell and the four 类 rows
    expect(zh(f!)).toContain('各类科目之和');
  });
});

describe('cross-economic-functional', () => {
  const rule = 'cross-economic-functional';

  it('warns, saying how sure it is, when 30108 differs from 2080505 basic', () => {
    expect(of(rule, es(), gbe(), basic())).toEqual([]);
    const [f, ...rest] = of(rule, es(), gbe(), basic(set(BASIC_ROWS, 3, 3, 32)));
    expect(rest).toEqual([]);
    expect(brief([f!])).toEqual(['cross-economic-functional warning 预算表6!D8 32.00→30.00']);
    expect(f!.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual(['预算表6!D8', '预算表5!E13']);
    expect(zh(f!)).toContain('通常相等，但并非必然（这一对应通常一一成立，把握较大）');
    expect(en(f!)).toContain('usually equal');
    expect(f!.fixes).toEqual([]); // a correspondence that usually holds says which cells, not what to write
  });

  it('rates a cent as info, and checks 30110 only as ≤ 行政单位医疗 + 事业单位医疗', () => {
    expect(brief(of(rule, es(), gbe(), basic(set(BASIC_ROWS, 5, 3, 20.01))))).toEqual(['cross-economic-functional info 预算表6!D10 20.01→20.00']);
    expect(of(rule, es(), gbe(), basic(set(BASIC_ROWS, 4, 3, 8)))).toEqual([]);
    const [f] = of(rule, es(), gbe(), basic(set(BASIC_ROWS, 4, 3, 12)));
    expect(brief([f!])).toEqual(['cross-economic-functional warning 预算表6!D9 12.00→10.00']);
    expect(zh(f!)).toContain('把握中等');
  });

  it('reads the functional rows of a partly coded table through 支出总表', () => {
    const partly = GBE_ROWS.map((r) => (r[1] !== null && String(r[1]).length > 4 ? [r[0]!, null, String(r[2]).slice(0, 2), ...r.slice(3)] : r));
    const [f] = of(rule, es(), gbe(partly), basic(set(BASIC_ROWS, 3, 3, 32)));
    expect(f!.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual(['预算表6!D8', '预算表5!E13']);
    expect(zh(f!)).toContain('“2080505 机关事业单位基本养老保险缴费支出”');
  });
});

describe('cross-three-public', () => {
  const rule = 'cross-three-public';

  it('warns when 三公 公务接待费 or 用车运行维护费 is less than the basic table', () => {
    expect(of(rule, three(), basic())).toEqual([]);
    const found = of(rule, three(set(set(THREE_ROWS, 2, 1, 1), 4, 1, 2.99)), basic());
    expect(brief(found)).toEqual(['cross-three-public warning 三公经费!B7 1.00→2.00', 'cross-three-public info 三公经费!B9 2.99→3.00']);
    expect(zh(found[0]!)).toContain('“2、公务接待费”为 1.00，小于一般公共预算基本支出表（预算表6）“30217 公务接待费”的 2.00');
  });

  it('reads a 三公 table printed as columns (Henan)', () => {
    const columns = [
      'sheet:\t三公经费',
      'table:\tthree-public-expenses',
      'T\t2024年一般公共预算"三公"经费支出情况表',
      'M\t部门名称:测试局',
      'M\t单位: 万元',
      'H\t"三公"经费合计\t因公出国(境)费\t公务用车购置及运行费\t>\t>\t公务接待费',
      'H\t^\t^\t小计\t公务用车购置费\t公务用车运行费\t^',
      'D\t3.2\t0\t3\t0\t3\t0.2',
    ];
    const found = of(rule, columns, basic());
    expect(brief(found)).toEqual(['cross-three-public warning 三公经费!F6 0.20→2.00']);
    expect(zh(found[0]!)).toContain('“公务接待费”为 0.20');
  });
});

describe('cross-project-total', () => {
  it('reports 项目支出表 合计 ≠ 支出总表 项目支出, at the project table', () => {
    expect(of('cross-project-total', es(), projects())).toEqual([]);
    const [f] = of('cross-project-total', es(), projects(set(PROJECT_ROWS, 0, 5, 90)));
    expect(brief([f!])).toEqual(['cross-project-total error 预算表9!F6 90.00→100.00']);
    expect(f!.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual(['预算表9!F6', '预算表3!F5']);
    expect(zh(f!)).toContain('支出总表（预算表3）“合计”行的项目支出为 100.00');
  });
});

describe('cross-project-performance', () => {
  const rule = 'cross-project-performance';

  it('matches each project with its block; a carry-over-only project needs none', () => {
    expect(of(rule, projects(), performance(block('信息系统运维费', 60)))).toEqual([]);
  });

  it('accepts one block for a whole 一级项目 in place of blocks for its 二级项目', () => {
    expect(of(rule, projects(), performance(block('综合业务', 60, 60, '一级项目')))).toEqual([]);
  });

  it('reports a block whose 年度资金总额 differs from the project’s 本年拨款', () => {
    const [f, ...rest] = of(rule, projects(), performance(block('信息系统运维费', 65)));
    expect(rest).toEqual([]);
    expect(brief([f!])).toEqual(['cross-project-performance error 绩效目标!C5 65.00→60.00']);
    expect(zh(f!)).toContain('项目“信息系统运维费”的年度资金总额为 65.00，而项目支出表（预算表9）中该项目（“信息系统运维费”）的本年资金');
  });

  it('matches a name edited between the tables and reports the edit', () => {
    const [f, ...rest] = of(rule, projects(), performance(block('信息系统运行维护费', 60)));
    expect(rest).toEqual([]);
    expect(brief([f!])).toEqual(['cross-project-performance warning 绩效目标!C2']);
    expect(f!.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual(['绩效目标!C2', '预算表9!D9']);
    expect(zh(f!)).toContain('“信息系统运行维护费”与项目支出表（预算表9）中金额相同（60.00）的项目“信息系统运维费”不一致');
    // An edited name with a different amount: still matched, the amount difference is a warning, not an error.
    const found = of(rule, projects(), performance(block('信息系统运行维护费', 61)));
    expect(brief(found)).toEqual(['cross-project-performance warning 绩效目标!C2', 'cross-project-performance warning 绩效目标!C5 61.00→60.00']);
  });

  it('reports a project with current-year money and no block, and a block with no project', () => {
    const found = of(rule, projects(), performance(block('会议培训费', 5)));
    expect(brief(found)).toEqual(['cross-project-performance warning 预算表9!G9', 'cross-project-performance warning 绩效目标!C2']);
    expect(found.map(zh)).toEqual([
      '项目支出表（预算表9）中的项目“信息系统运维费”有本年资金 60.00，但项目支出绩效目标表（绩效目标）中没有它的绩效目标（按名称和金额都找不到）：有本年资金的项目通常都应编报绩效目标。',
      '项目支出绩效目标表（绩效目标）中的项目“会议培训费”（年度资金总额 5.00）在项目支出表（预算表9）中找不到。',
    ]);
  });

  it('reports a level that differs (一级 / 二级 项目)', () => {
    const [f] = of(rule, projects(), performance(block('信息系统运维费', 60, 60, '一级项目')));
    expect(brief([f!])).toEqual(['cross-project-performance warning 绩效目标!C3']);
    expect(zh(f!)).toBe('项目支出绩效目标表（绩效目标）将项目“信息系统运维费”列为“一级项目”，而项目支出表（预算表9）中它是二级项目。');
  });

  it('tells projects of the same name apart by amount', () => {
    const rows: Rows = [
      ...copy(PROJECT_ROWS).map((r, i) => (i < 3 ? set([r], 0, 5, Number(r[5]) + 15.91)[0]! : r)).map((r, i) => (i < 3 ? set([r], 0, 6, Number(r[6]) + 15.91)[0]! : r)),
      [6, null, null, '退休人员补助经费', '甲单位', 12.23, 12.23, null, null],
      [7, null, null, '退休人员补助经费', '乙单位', 3.68, 3.68, null, null],
    ];
    expect(of(rule, projects(rows), performance(block('信息系统运维费', 60), block('退休人员补助经费', 3.68), block('退休人员补助经费', 12.23)))).toEqual([]);
  });

  it('measures name similarity by the longest common subsequence', () => {
    expect(similarity('延边州直部门电子政务外网接入费', '延边州各部门电子政务外网接入费')).toBeGreaterThan(0.9);
    expect(similarity('延边州政协驻长办业务及运行经费', '延边州政府驻长春办事处及工作经费')).toBeGreaterThan(0.6);
    expect(similarity('会议培训费', '信息系统运维费')).toBeLessThan(0.3);
  });
});

describe('cross-economic-summary', () => {
  it('finds a 支出经济分类汇总表 total that is not the 支出总表 total', () => {
    const [f, ...rest] = of('cross-economic-summary', econ(set(ECON_ROWS, 0, 3, 312)), es());
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', actual: '312.00', expected: '310.00', difference: '2.00' });
    expect(f!.cells.map((c) => `${c.role}:${c.sheet}!${c.address}`)).toEqual(['checked:经济分类汇总!D5', 'evidence:预算表3!D5']);
    expect(zh(f!)).toContain('同一笔支出按经济分类汇总与按功能分类汇总应相等');
    expect(of('cross-economic-summary', econ(), es())).toEqual([]);
  });

  it('compares a summary of the general budget only with the 一般公共预算支出表', () => {
    const [f] = of('cross-economic-summary', econ(set(ECON_ROWS, 0, 3, 300), '一般公共预算经济分类汇总表'), es(), gbe());
    expect(f!.cells[1]!.sheet).toBe('预算表5');
  });
});
