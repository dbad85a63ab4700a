// The catalog checks on the five fixtures: the real name mistakes of SEED-COVERAGE.md that sit in coded
// tables are found at their cell with their severity, and nothing else is called an error.
import { analyzeWorkbook, type WorkbookReport } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { render } from '../../src/core/messages/catalog';
import { CATALOG_RULES } from '../../src/core/rules/catalog-rules';
import { loadFixture, STEMS } from '../support/fixtures';

/** Every catalog finding of each fixture, as `rule sheet!cell severity`. */
const EXPECTED: Record<string, readonly string[]> = {
  '000-yanbian-zhengwu-2024': [
    // SEED-COVERAGE 000 line 233: 201 printed as the fund type 一般公共预算支出.
    'catalog-name 预算表5!C7 error',
    // SEED-COVERAGE 000 line 265: 其他社会保险缴费 for 30112 其他社会保障缴费. The coverage file rates it error;
    // it is other wording of the right subject (code and amounts agree), so a warning with both names.
    'catalog-name 预算表6!C14 warning',
    // Hand check line 6: 收支总表's first 支出 line (the 201 class: 1,181.22 + 401.78 = 支出总表 201) is named
    // 一般公共预算支出, a kind of money, not a class.
    'catalog-name 预算表1!E5 error',
  ],
  '001-yanbian-zhengfuban-2023': [
    // SEED-COVERAGE 001 lines 247/253/256/262/265: 款 rows (no code printed) show their 类's name. Their codes come
    // from 预算表3 by position, so the finding is a warning: the alignment, not the name, may be what is off.
    'catalog-name 预算表5!C8 warning',
    'catalog-name 预算表5!C14 warning',
    'catalog-name 预算表5!C17 warning',
    'catalog-name 预算表5!C23 warning',
    'catalog-name 预算表5!C26 warning',
    // Tolerated: 类 names (lines 246/252/255/261/264) and 项 names cut to the column width; 30108 (line 278).
    ...['C7', 'C9', 'C10', 'C11', 'C12', 'C13', 'C15', 'C16', 'C18', 'C19', 'C20', 'C21', 'C22', 'C24', 'C25', 'C27'].map((c) => `catalog-name 预算表5!${c} info`),
    'catalog-name 预算表6!C10 info',
  ],
  '002-siping-zhengwu-2024': [],
  // SEED-COVERAGE "Economic mapping check": 301 → 505 (事业单位) beside 302 → 502 and 310 → 503 (机关), in both tables.
  '003-yanjin-zhengwu-2024': [
    'catalog-economic-mapping 一般公共预算基本支出情况表!C10 warning',
    'catalog-economic-mapping 支出经济分类汇总表!D7 warning',
    // The summaries' 类 lists come from an old template: former names of 212, 213 and 215 (收支总表, seed lines
    // 162-165; 215's cut by the column width), and of 210, 212, 213 and 215 (财政拨款收支总表, seed lines 236-242),
    // where 210 is listed twice, under its former name and under 卫生健康支出.
    'catalog-name 部门收支总体情况表!C16 warning',
    'catalog-name 部门收支总体情况表!C17 warning',
    'catalog-name 部门收支总体情况表!C19 warning',
    'catalog-name 财政拨款收支总体情况表!C15 warning',
    'catalog-name 财政拨款收支总体情况表!C18 warning',
    'catalog-name 财政拨款收支总体情况表!C19 warning',
    'catalog-name 财政拨款收支总体情况表!C21 warning',
  ],
  '004-yanbian-gongxin-2024': [],
  // Consistent workbooks of other templates; 007 lists 30311 代缴社会保险费 (2024 决算 template).
  '005-shanghai-pujiang-tiyu-2024': [],
  '006-central-shehuifuli-2024': [],
  '007-pujiang-nongye-juesuan-2023': [],
  '008-shili-nongye-juesuan-2023': [],
};

const reports = new Map<string, WorkbookReport>();

beforeAll(async () => {
  for (const stem of STEMS) reports.set(stem, analyzeWorkbook(await loadFixture(stem), { catalogs: builtinCatalogs, rules: CATALOG_RULES }));
});

const list = (r: WorkbookReport) => r.findings.map((f) => `${f.rule} ${f.cells[0]!.sheet}!${f.cells[0]!.address} ${f.severity}`);
const at = (stem: string, sheet: string, address: string) =>
  reports.get(stem)!.findings.find((f) => f.cells[0]!.sheet === sheet && f.cells[0]!.address === address)!;

describe('catalog checks on the fixtures', () => {
  it('has an expectation for every fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...STEMS].sort());
  });

  it.each(STEMS)('%s: finds exactly the listed catalog findings', (stem) => {
    expect(list(reports.get(stem)!).sort()).toEqual([...EXPECTED[stem]!].sort());
  });

  it.each(STEMS)('%s: no catalog rule crashes', (stem) => {
    expect(reports.get(stem)!.outcomes.filter((o) => o.status === 'crashed')).toEqual([]);
  });

  it('says the printed name, the catalog name, and which catalog and year', () => {
    expect(render(at('000-yanbian-zhengwu-2024', '预算表5', 'C7').message, 'zh-CN')).toBe(
      '201 行的名称“一般公共预算支出”是资金性质（预算类型）的名称，不是科目名称；2024年支出功能分类科目中 201 为“一般公共服务支出”。',
    );
    expect(render(at('000-yanbian-zhengwu-2024', '预算表6', 'C14').message, 'zh-CN')).toBe(
      '30112 行的名称“其他社会保险缴费”与部门预算支出经济分类科目（2018年起）中的名称“其他社会保障缴费”不一致。',
    );
    const kuan = at('001-yanbian-zhengfuban-2023', '预算表5', 'C8');
    expect(render(kuan.message, 'zh-CN')).toBe(
      '20103 行的名称“一般公共”是其上级科目 201“一般公共服务支出”的名称的开头部分，而2023年支出功能分类科目中 20103 为“政府办公厅（室）及相关机构事务”。（本行未印编码，编码按“预算表3”表 B7 同一位置的行取得）',
    );
    expect(kuan.cells.map((c) => `${c.role}:${c.sheet}!${c.address}`)).toEqual(['checked:预算表5!C8', 'evidence:预算表3!B7', 'evidence:预算表5!C7']);
    expect(kuan.fixes[0]!.edits).toEqual([{ sheet: '预算表5', address: 'C8', before: '一般公共', after: '政府办公厅（室）及相关机构事务' }]);
  });

  it('aligns each uncoded row of 001 预算表5 with the 支出总表 row at the same position', () => {
    const expected: Record<string, string> = { C14: '20805', C17: '21011', C23: '22005', C26: '22102', C9: '2010301', C27: '2210201' };
    for (const [address, code] of Object.entries(expected)) expect([address, at('001-yanbian-zhengfuban-2023', '预算表5', address).message.data.code]).toEqual([address, code]);
  });

  it('names both unit kinds in 003’s mixed mapping', () => {
    const f = at('003-yanjin-zhengwu-2024', '支出经济分类汇总表', 'D7');
    const zh = render(f.message, 'zh-CN');
    expect(zh).toContain('11 行按机关');
    expect(zh).toContain('8 行按事业单位');
    expect(zh).toContain('若为行政单位，应为 30102→50101');
    expect(zh).toContain('若为事业单位，应为 30201→50502');
    expect(f.cells).toHaveLength(19);
  });

  it('does not take 003’s 单位代码 129 (printed in the 类 column of 支出经济分类汇总表) for an economic code', () => {
    const t = reports.get('003-yanjin-zhengwu-2024')!.tables.find((x) => x.sheet === '支出经济分类汇总表')!;
    expect(t.rows.some((r) => r.unitCode === '129' && r.code === undefined)).toBe(true); // recognition reads it as a unit …
    expect(list(reports.get('003-yanjin-zhengwu-2024')!).filter((f) => f.startsWith('catalog-unknown-code') || f.startsWith('catalog-missing-parent'))).toEqual([]); // … the checks do not
  });
});
