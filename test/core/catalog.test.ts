// The catalogs and name comparison the catalog checks stand on: data integrity, printed-name keys, verdicts.
import { builtinCatalogs, functionalCatalog } from '../../src/core/catalog/builtin';
import { Catalog, type Rename } from '../../src/core/catalog/catalog';
import { inferCodes } from '../../src/core/recognize/infer-codes';
import { describeCatalog, judgeName, printedKey, renamedText } from '../../src/core/catalog/names';
import { CATALOG_CHECK_MESSAGES } from '../../src/core/messages/catalog-checks';

const functional = functionalCatalog(2024);
const department = builtinCatalogs.economicDepartment!;
const government = builtinCatalogs.economicGovernment!;
const mapping = builtinCatalogs.mapping!;
const renames: readonly Rename[] = builtinCatalogs.renames!;

describe('catalog data', () => {
  it.each([
    ['functional 2023', functionalCatalog(2023)],
    ['functional 2024', functional],
    ['economic department', department],
    ['economic government', government],
  ])('%s: every code is 3, 5 or 7 digits and every 款/项 has its parent in the catalog', (_name, catalog) => {
    expect(catalog.size).toBeGreaterThan(50);
    for (const [code] of catalog.entries()) {
      expect(code).toMatch(/^\d{3}(\d{2}){0,2}$/);
      if (code.length > 3) expect([code, catalog.has(code.slice(0, code.length - 2))]).toEqual([code, true]);
    }
  });

  it('maps every department 款 it lists to government 款 that exist', () => {
    for (const [code] of department.entries()) {
      if (code.length !== 5) continue;
      const e = mapping.of(code);
      if (!e) {
        expect(mapping.isUnmapped(code)).toBe(true);
        continue;
      }
      expect([code, government.has(e.admin), government.has(e.institution)]).toEqual([code, true, true]);
    }
  });

  it('records renames whose new name is the current catalog name, and removed codes the catalog no longer lists', () => {
    for (const r of renames) {
      const catalog = r.catalog === 'functional' ? functional : department;
      if (r.new === null) expect([r.code, catalog.has(r.code)]).toEqual([r.code, false]);
      else expect([r.code, catalog.has(r.code)]).toEqual([r.code, true]);
    }
    expect(renames.find((r) => r.code === '210' && r.old === '医疗卫生与计划生育支出')?.new).toBe(functional.name('210'));
  });

  it('gives each message in both languages with the same placeholders', () => {
    for (const [id, m] of Object.entries(CATALOG_CHECK_MESSAGES)) {
      const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1]!.replace(/(Zh|En)$/, '')).sort();
      expect([id, holes(m['en-US'])]).toEqual([id, holes(m['zh-CN'])]);
      expect(m['zh-CN']).not.toBe('');
      expect(m['en-US']).not.toBe('');
    }
  });
});

describe('printed names', () => {
  it.each([
    ['行政运行', '行政运行'],
    [' 一、一般公共服务支出 ', '一般公共服务支出'],
    ['政府办公厅（室） 及相关机构事务', '政府办公厅(室)及相关机构事务'],
    ['机关事业单位基 本养老保险缴费支出', '机关事业单位基本养老保险缴费支出'],
    ['奖金 :', '奖金'],
    ['印刷费 .', '印刷费'],
    ['电费：', '电费'],
    ['（二）住房保障支出', '住房保障支出'],
    ['其中：行政运行', '行政运行'],
  ])('%j compares as %j', (printed, key) => {
    expect(printedKey(printed)).toBe(key);
  });

  it('drops a leading copy of the row’s own code only', () => {
    expect(printedKey('2010301 行政运行', '2010301')).toBe('行政运行');
    expect(printedKey('[201]一般公共服务支出', '201')).toBe('一般公共服务支出');
    expect(printedKey('2010301 行政运行', '2010302')).toBe('2010301行政运行');
  });

  it('keeps the list numbering when renaming', () => {
    expect(renamedText('一、一般公共预算支出', '一般公共服务支出')).toBe('一、一般公共服务支出');
    expect(renamedText('（二）卫生健康', '卫生健康支出')).toBe('（二）卫生健康支出');
    expect(renamedText('行政', '行政运行')).toBe('行政运行');
  });
});

describe('judging a printed name against the catalog', () => {
  it.each([
    // printed, code, catalog, verdict (and the other code it names)
    ['一般公共服务支出', '201', 'f', 'match'],
    ['政府办公厅(室)及相关机构事务', '20103', 'f', 'match'],
    ['维修(护)费', '30213', 'd', 'match'],
    ['奖金 :', '30103', 'd', 'match'],
    ['', '201', 'f', 'empty'],
    ['一般公共', '201', 'f', 'truncated'],
    ['行政', '2010301', 'f', 'truncated'],
    ['机关事业单位基本养老保险缴', '30108', 'd', 'truncated'],
    ['医疗卫生与计划生育支出', '210', 'f', 'renamed'],
    ['医疗卫生支出', '210', 'f', 'renamed'],
    ['城乡社区事务', '212', 'f', 'renamed'],
    ['行政事业单位离退休', '20805', 'f', 'renamed'],
    ['一般公共', '20103', 'f', 'ancestor:201'],
    ['社会保障', '20805', 'f', 'ancestor:208'],
    ['政府办公厅（室）及相关机构事务', '2010301', 'f', 'ancestor:20103'],
    ['一般公共服务支出', '2010301', 'f', 'ancestor:201'],
    ['事业运行', '2010301', 'f', 'other-code:2010350'],
    ['会议费', '30216', 'd', 'other-code:30215'],
    ['国有资本经营预算支出', '201', 'f', 'other-code:223'],
    ['一般公共预算支出', '201', 'f', 'fund-type'],
    ['政府性基金预算支出', '212', 'f', 'fund-type'],
    ['其他社会保险缴费', '30112', 'd', 'different'],
    ['住房公积金支出', '2210201', 'f', 'different'],
    ['一般公共预算服务支出', '201', 'f', 'different'],
    ['一般', '20103', 'f', 'different'], // too short to say whose name it is cut from
  ])('%j for %s (%s) is %s', (printed, code, which, expected) => {
    const catalog = which === 'f' ? functional : department;
    const v = judgeName(printed, code, catalog, renames);
    const got = v.kind === 'ancestor' || v.kind === 'other-code' ? `${v.kind}:${v.code}` : v.kind;
    expect(got).toBe(expected);
  });

  it("calls every name of the shipped catalogs, printed as the catalog prints it, a match: the shortcut for that case agrees with the keys", () => {
    for (const catalog of [functionalCatalog(2023), functionalCatalog(2024), department, government]) {
      for (const [code, name] of catalog.entries()) {
        expect([code, judgeName(name, code, catalog, renames).kind]).toEqual([code, 'match']);
        expect(printedKey(name, code)).toBe(printedKey(name));
        expect(printedKey(name)).not.toBe('');
      }
    }
  });

  it('takes no shortcut for a catalog name printedKey empties or shortens (its own catalog may name a code so)', () => {
    const odd = new Catalog({ catalog: 'functional', source: 'test', entries: [['201', '其中'], ['202', '一、外交支出'], ['203', '外交支出']] });
    expect(judgeName('其中', '201', odd).kind).toBe('empty');
    expect(judgeName('一、外交支出', '202', odd).kind).toBe('match');
  });

  it('dates a rename by the year the current name came in', () => {
    const v = judgeName('医疗卫生支出', '210', functional, renames);
    expect(v).toMatchObject({ kind: 'renamed', since: 2019 });
    expect(judgeName('城乡社区事务', '212', functional, renames)).toMatchObject({ kind: 'renamed', since: null });
  });

  it('names the catalog and its year, and says when the workbook is of another year', () => {
    expect(describeCatalog(functional, 'functional', 2024).zh).toBe('2024年支出功能分类科目');
    expect(describeCatalog(functionalCatalog(2023), 'functional', 2023).en).toBe('2023 functional classification (支出功能分类)');
    expect(describeCatalog(functionalCatalog(2025), 'functional', 2025).zh).toBe('2024年支出功能分类科目（工作簿为2025年，本工具无该年目录，按最近年份）');
    expect(describeCatalog(functional, 'functional', undefined).zh).toContain('工作簿未写明年度');
    expect(describeCatalog(department, 'economic-department', 2024).zh).toBe('部门预算支出经济分类科目（2018年起）');
  });
});

describe('inferring codes of a table printed without codes', () => {
  // Regression for names that resolved wrongly: a 项 named like its 款, a truncated 款 named like its 类.
  const table = (names: string[]) => ({
    sheet: 'S', rect: { r0: 0, c0: 0, r1: names.length, c1: 2 }, kind: 'expenditure-summary' as const, title: '支出总表', meta: {}, columns: [],
    rows: names.map((name, i) => ({ row: i + 1, name, isTotal: name === '合计', amounts: new Map() })),
  });
  it.each([
    [['社会保障和就业支出', '其他社会保障和就业支出', '其他社会保障和就业支出'], ['208', '20899', '2089999']],
    [['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政', '一般'], ['201', '20103', '2010301', '2010302']],
    [['一般公共服务支出', '一般公共', '行政运行'], ['201', undefined, undefined]],
  ])('%j → %j', (names, codes) => {
    const r = inferCodes(table(names), functionalCatalog(2024));
    expect(r.table.rows.map((x) => x.code)).toEqual(codes);
  });
});
