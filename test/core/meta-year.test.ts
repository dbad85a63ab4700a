// Rule meta-year: titles, headers and the narrative give the workbook's budget year.
import { analyzeWorkbook } from '../../src/core/analyze';
import { DEFAULT_ROUNDING } from '../../src/core/findings';
import { sheetFromRows, type CellValue, type Sheet } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import type { Table } from '../../src/core/recognize/model';
import { metaYear } from '../../src/core/rules/meta-year';

function table(name: string, title: string, header: CellValue[] = ['功能分类科目名称', '合计']): Sheet {
  return sheetFromRows(name, [[title], ['预算单位：测试局', '单位：万元'], header, ['合计', 100]]);
}

function narrative(...paragraphs: string[]): Sheet {
  return sheetFromRows('情况说明', [['第三部分 情况说明'], ...paragraphs.map((p) => [p])]);
}

const run = (...sheets: Sheet[]) => analyzeWorkbook({ name: 't.xlsx', sheets }, { rules: [metaYear] });
const brief = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.cells[0]!.sheet}!${f.cells[0]!.address} ${f.severity} ${f.actual}→${f.expected}`);

describe('meta-year', () => {
  it('finds nothing when titles, headers and the narrative agree, whatever years the narrative compares with', () => {
    const r = run(
      table('表1', '2024年部门支出总表'),
      table('表2', '2024年一般公共预算支出表'),
      table('三公', '一般公共预算“三公”经费支出表', ['项目', '2024 年预算数']),
      narrative('一、2024 年收支预算总体情况', '2024 年当年预算比 2023 年预算增加 233.41 万元。截止 2023 年 10 月 31 日，无国有资产。'),
    );
    expect(r.findings).toEqual([]);
  });

  it('warns of a table titled with another year, at its title', () => {
    const r = run(table('表1', '2024年部门支出总表'), table('表2', '2024年一般公共预算支出表'), table('表3', '2023年项目支出表'));
    expect(brief(r)).toEqual(['表3!A1 warning 2023→2024']);
  });

  it('warns of a year in a header, at the header cell', () => {
    // Built directly: recognition does not keep a header's year yet (tables.ts builds base2 from the meta read before the header).
    const t = (sheet: string, title: string, year: number, header?: string): Table => ({
      sheet,
      rect: { r0: 0, c0: 0, r1: 4, c1: 1 },
      kind: 'three-public-expenses',
      title,
      titleCell: { row: 0, col: 0 },
      meta: { year },
      headerRows: { first: 2, last: 2 },
      columns: [{ col: 0, path: ['项目'], role: 'name' }, { col: 1, path: [header ?? '合计'], role: 'total' }],
      rows: [],
    });
    const tables = [t('表1', '2024年部门支出总表', 2024), t('表2', '2024年一般公共预算支出表', 2024), t('三公', '一般公共预算“三公”经费支出表', 2023, '2023年预算数')];
    const findings = metaYear.check({ tables, rounding: DEFAULT_ROUNDING, catalogs: {}, meta: { year: 2024 } });
    expect(findings.map((f) => `${f.cells[0]!.sheet}!${f.cells[0]!.address} ${f.severity} ${f.actual}→${f.expected}`)).toEqual(['三公!B3 warning 2023→2024']);
  });

  it('warns of a narrative heading or statement naming another budget year, with a fix of that year', () => {
    const r = run(table('表1', '2023年部门支出总表'), table('表2', '2023年一般公共预算支出表'), narrative('八、2023 年政府性基金预算支出情况', '本部门无 2022 年政府性基金预算支出情况', '九、2022 年国有资本经营预算支出情况'));
    expect(brief(r)).toEqual(['情况说明!A3 warning 2022→2023', '情况说明!A4 warning 2022→2023']);
    expect(render(r.findings[0]!.message, 'zh-CN')).toBe('情况说明把 2022 年作为预算年度（“本部门无 2022 年政府性基金预算支出情况”），而本预算为 2023 年度。');
    expect(r.findings[0]!.fixes[0]!).toMatchObject({ verified: true, edits: [{ sheet: '情况说明', address: 'A3', before: '本部门无 2022 年政府性基金预算支出情况', after: '本部门无 2023 年政府性基金预算支出情况' }] });
  });
});
