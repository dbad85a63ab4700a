// Rule meta-unit: every table states the workbook's unit of measure.
import { analyzeWorkbook } from '../../src/core/analyze';
import { DEFAULT_ROUNDING } from '../../src/core/findings';
import { sheetFromRows, type CellValue, type Sheet } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import type { Table } from '../../src/core/recognize/model';
import { metaUnit } from '../../src/core/rules/meta-unit';

/** A small 支出总表 on its own sheet; `unit` null prints no unit line, '' prints `单位：` alone. */
function sheet(name: string, unit: string | null, amounts: [number, number, number] = [1686, 467.5, 1218.5]): Sheet {
  const rows: CellValue[][] = [[`支出总表（${name}）`], ['预算单位：测试局']];
  if (unit !== null) rows.push([`单位：${unit}`]);
  rows.push(['功能分类科目名称', '合计', '基本支出', '项目支出'], ['合计', ...amounts], ['一般公共服务支出', ...amounts]);
  return sheetFromRows(name, rows);
}

const run = (...sheets: Sheet[]) => analyzeWorkbook({ name: 't.xlsx', sheets }, { rules: [metaUnit] });
const brief = (r: ReturnType<typeof run>) => r.findings.map((f) => `${f.cells[0]!.sheet}!${f.cells[0]!.address} ${f.severity} ${f.message.id}`);

describe('meta-unit', () => {
  it('finds nothing when every table says 万元', () => {
    expect(run(sheet('预算表3', '万元'), sheet('预算表5', '万元')).findings).toEqual([]);
  });

  it('warns of a 单位： with nothing after it, at that cell', () => {
    const r = run(sheet('预算表3', '万元'), sheet('预算表5', '万元'), sheet('预算表9', ''));
    expect(brief(r)).toEqual(['预算表9!A3 warning meta-unit.blank']);
    expect(r.findings[0]!.cells.map((c) => c.address)).toEqual(['A3', 'A3', 'A3']);
    expect(render(r.findings[0]!.message, 'zh-CN')).toBe('“支出总表（预算表9）”的单位行只写了“单位：”，没有注明计量单位；其他 2 张表为“万元”。');
  });

  it('calls a 元 label on amounts in 万元 an error, and a table really in 元 a warning', () => {
    const wrong = run(sheet('预算表3', '万元'), sheet('预算表5', '万元'), sheet('预算表6', '元'));
    expect(brief(wrong)).toEqual(['预算表6!A3 error meta-unit.other.label-wrong']);
    const really = run(sheet('预算表3', '万元'), sheet('预算表5', '万元'), sheet('预算表6', '元', [16860000, 4675000, 12185000]));
    expect(brief(really)).toEqual(['预算表6!A3 warning meta-unit.other.really-other']);
    const unknown = run(sheet('预算表3', '万元'), sheet('预算表5', '万元'), sheet('预算表6', '元', [12, 5, 7]));
    expect(brief(unknown)).toEqual(['预算表6!A3 warning meta-unit.other.unknown']);
  });

  it('notes a table with amounts but no unit line at all, at its title', () => {
    const r = run(sheet('预算表3', '万元'), sheet('预算表5', '万元'), sheet('项目支出表', null));
    expect(brief(r)).toEqual(['项目支出表!A1 info meta-unit.missing']);
  });

  it('fills in the majority unit when recognition keeps the cell text', () => {
    const table = (name: string, unit: '万元' | undefined, unitText: string): Table => ({
      sheet: name,
      rect: { r0: 0, c0: 0, r1: 4, c1: 3 },
      kind: 'expenditure-summary',
      title: name,
      titleCell: { row: 0, col: 0 },
      meta: { ...(unit ? { unit } : {}), unitCell: { row: 2, col: 0 }, unitText } as Table['meta'],
      columns: [],
      rows: [],
    });
    const findings = metaUnit.check({ tables: [table('预算表3', '万元', '单位：万元'), table('预算表9', undefined, '单位:')], rounding: DEFAULT_ROUNDING, catalogs: {}, meta: { unit: '万元' } });
    expect(findings[0]!.fixes[0]!.edits).toEqual([{ sheet: '预算表9', address: 'A3', before: '单位:', after: '单位:万元' }]);
  });
});
