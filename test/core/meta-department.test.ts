// Rule meta-department: every table names the workbook's 预算单位.
import { analyzeWorkbook } from '../../src/core/analyze';
import { DEFAULT_ROUNDING } from '../../src/core/findings';
import { sheetFromRows, type CellValue, type Sheet } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import type { Table } from '../../src/core/recognize/model';
import { bracketsAs, metaDepartment, shortForm, splitScope } from '../../src/core/rules/meta-department';

const BODY = '延边朝鲜族自治州政务服务和数字化建设管理局';

/** A one-row 支出总表-like table naming a department. */
function sheet(name: string, department: string, amount = 100): Sheet {
  const rows: CellValue[][] = [[`支出总表（${name}）`], [`预算单位：${department}`, null, '单位：万元'], ['功能分类科目名称', '合计', '基本支出'], ['合计', amount, amount]];
  return sheetFromRows(name, rows);
}

/** A 收入总表 listing the department and, when given, its units. */
function incomeSummary(units: string[]): Sheet {
  const rows: CellValue[][] = [
    ['收入总表(预算表2)'],
    [`预算单位：${BODY}(汇总)`, null, null, '单位：万元'],
    ['部门(单位)代码', '部门(单位)名称', '合计', '当年预算'],
    [null, '合计', 100, 100],
    ['603', BODY, 100, 100],
    ...units.map((u, i): CellValue[] => [`60300${i + 1}`, u, 100 / units.length, 100 / units.length]),
  ];
  return sheetFromRows('预算表2', rows);
}

const run = (...sheets: Sheet[]) => analyzeWorkbook({ name: 't.xlsx', sheets }, { rules: [metaDepartment] });
const brief = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.cells[0]!.sheet}!${f.cells[0]!.address} ${f.severity} ${f.message.id}`);

describe('meta-department', () => {
  it('accepts the same name written with other bracket widths and spaces', () => {
    const r = run(sheet('预算表3', `${BODY}(汇总)`), sheet('预算表5', `${BODY}（汇总）`), sheet('预算表6', `${BODY} （汇总）`));
    expect(r.findings).toEqual([]);
    expect(r.outcomes[0]).toMatchObject({ rule: 'meta-department', status: 'pass' });
  });

  it('reports another body altogether as an error, with the majority as evidence', () => {
    const r = run(sheet('预算表1', '延津镇综合行政执法队'), sheet('预算表3', `${BODY}(汇总)`), sheet('预算表5', `${BODY}(汇总)`));
    expect(brief(r)).toEqual(['预算表1!A2 error meta-department.other-body']);
    const f = r.findings[0]!;
    expect(f.cells.map((c) => `${c.role}:${c.sheet}!${c.address}`)).toEqual(['checked:预算表1!A2', 'evidence:预算表3!A2', 'evidence:预算表5!A2']);
    expect(render(f.message, 'zh-CN')).toBe(`本表预算单位为“延津镇综合行政执法队”，与其他 2 张表的“${BODY}(汇总)”完全不是同一单位，可能是套用了其他单位的模板。`);
    expect(render(f.message, 'en-US')).toContain('a different body');
  });

  it('tells a 本级/汇总 contradiction (warning) from a shortened name (info)', () => {
    const r = run(
      sheet('预算表3', `${BODY}(汇总)`),
      sheet('预算表5', `${BODY}(汇总)`),
      sheet('预算表6', `${BODY}本级（汇总）`),
      sheet('政府性基金', '延边州政务服务和数字化建设管理局（汇总）'),
    );
    expect(brief(r).sort()).toEqual(['政府性基金!A2 info meta-department.short', '预算表6!A2 warning meta-department.scope-both']);
  });

  it('rates a (本级) suffix on some tables by what the income summary shows: one unit → info, several → warning', () => {
    const single = run(incomeSummary([BODY]), sheet('预算表3', BODY), sheet('预算表5', BODY), sheet('三公经费', `${BODY}（本级）`));
    // The income summary names the department (汇总) too: it is outvoted, and 汇总 of a one-unit department is a note.
    expect(brief(single).sort()).toEqual(['三公经费!A2 info meta-department.scope-added', '预算表2!A2 info meta-department.scope-added']);
    expect(render(single.findings.find((f) => f.cells[0]!.sheet === '三公经费')!.message, 'zh-CN')).toContain('收入总表只列本部门一个单位');
    const several = run(incomeSummary([`${BODY}本级`, '延边朝鲜族自治州公共资源交易中心']), sheet('预算表3', `${BODY}(汇总)`), sheet('三公经费', `${BODY}（本级）`));
    expect(brief(several)).toEqual(['三公经费!A2 warning meta-department.scope-opposite']);
  });

  it('without a clear majority says only "warning", and offers no fix', () => {
    const r = run(sheet('预算表3', '甲局'), sheet('预算表5', '乙县综合行政执法队'));
    expect(r.findings.every((f) => f.severity === 'warning' && f.fixes.length === 0)).toBe(true);
  });

  it('offers "align to the majority" as an edit of the whole cell, when recognition keeps the cell text', () => {
    const table = (sheetName: string, department: string, text?: string): Table => ({
      sheet: sheetName,
      rect: { r0: 0, c0: 0, r1: 3, c1: 2 },
      kind: 'expenditure-summary',
      title: '支出总表',
      titleCell: { row: 0, col: 0 },
      meta: { department, departmentCell: { row: 1, col: 0 }, ...(text !== undefined ? { departmentText: text } : {}) } as Table['meta'],
      columns: [],
      rows: [],
    });
    const tables = [table('预算表1', '延津镇综合行政执法队', '预算单位：延津镇综合行政执法队'), table('预算表3', `${BODY}(汇总)`), table('预算表5', `${BODY}(汇总)`)];
    const findings = metaDepartment.check({ tables, rounding: DEFAULT_ROUNDING, catalogs: {}, meta: { department: `${BODY}(汇总)` } });
    expect(findings[0]!.fixes[0]!.edits).toEqual([{ sheet: '预算表1', address: 'A2', before: '预算单位：延津镇综合行政执法队', after: `预算单位：${BODY}(汇总)` }]);
  });
});

describe('department names', () => {
  it('split off scope suffixes and shorten autonomous prefectures', () => {
    expect(splitScope(`${BODY}本级（汇总）`)).toEqual({ base: BODY, scopes: new Set(['汇总', '本级']) });
    expect(shortForm(BODY)).toBe('延边州政务服务和数字化建设管理局');
    expect(shortForm('黔东南苗族侗族自治州财政局')).toBe('黔东南州财政局');
    expect(shortForm('内蒙古自治区财政厅')).toBe('内蒙古自治区财政厅');
  });
});

describe('bracketsAs', () => {
  it('writes the name with the bracket width its model prints more', () => {
    expect(bracketsAs('部门（单位）名称：', '某局(汇总)')).toBe('某局（汇总）');
    expect(bracketsAs('预算单位(汇总)', '某局（汇总）')).toBe('某局(汇总)');
    expect(bracketsAs('预算单位：', '某局(汇总)')).toBe('某局(汇总)');
  });
});
