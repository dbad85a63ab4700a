// The first checks on small hand-made expenditure summaries: subtotal, total row, row sums, rounding.
import { analyzeWorkbook } from '../../src/core/analyze';
import { sheetFromRows, type CellValue, type Rect } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import { CONSISTENT_SUMMARY, SUMMARY_HEADER } from '../support/summary-table';

const HEADER = SUMMARY_HEADER;

/** A Jilin-style 支出总表 with the given data rows (amounts as numbers). */
function summary(rows: ReadonlyArray<readonly CellValue[]>) {
  const sheet = sheetFromRows('预算表3', [['支出总表（预算表3）'], ['预算单位：测试局', null, null, null, null, '单位：万元'], HEADER, ...rows], [
    { r0: 0, c0: 0, r1: 0, c1: 5 } as Rect,
  ]);
  // The rules' own findings, before they are folded into causes (test/core/causes.test.ts folds them).
  return analyzeWorkbook({ name: 't.xlsx', sheets: [sheet] }, { foldCauses: false });
}

const CONSISTENT = CONSISTENT_SUMMARY;

describe('first checks', () => {
  it('find nothing in a consistent table', () => {
    const r = summary(CONSISTENT);
    expect(r.tables.map((t) => t.kind)).toEqual(['expenditure-summary']);
    expect(r.findings).toEqual([]);
    expect(r.outcomes.map((o) => [o.rule, o.status])).toEqual(
      expect.arrayContaining([
        ['subtotal', 'pass'],
        ['total-row', 'pass'],
        ['row-sum', 'pass'],
        ['unit-sum', 'skipped'], // no income summary in this workbook: skipped, and said so
      ]),
    );
    expect(r.outcomes.filter((o) => o.status === 'fail' || o.status === 'crashed')).toEqual([]);
  });

  it('report a 项 changed by hand at its 款 and its row, as errors with the recomputed value', () => {
    const rows = CONSISTENT.map((r) => [...r]);
    rows[3]![3] = 346.5; // 2010301 合计: digits swapped
    const r = summary(rows);
    const ids = r.findings.map((f) => `${f.rule}@${f.cells[0]!.address} ${f.severity}`);
    expect(ids.sort()).toEqual(['row-sum@D7 error', 'subtotal@D6 error']);
    const sub = r.findings.find((f) => f.rule === 'subtotal')!;
    expect(sub).toMatchObject({ actual: '1583.00', expected: '1565.00', difference: '18.00' });
    expect(sub.cells.map((c) => `${c.role}:${c.address}`)).toEqual(['checked:D6', 'evidence:D7', 'evidence:D8']);
    expect(render(sub.message, 'zh-CN')).toBe('“20103 政府办公厅（室）及相关机构事务”的“合计”为 1,583.00，其下级科目之和为 1,565.00，相差 18.00。');
    // The fix does not rewrite the 款 to match the wrong 项: localization points at the 项 itself.
    expect(sub.fixes[0]!.edits).toEqual([{ sheet: '预算表3', address: 'D7', before: '346.50', after: '364.50' }]);
  });

  it('report a wrong 合计 row against the 类 rows', () => {
    const rows = CONSISTENT.map((r) => [...r]);
    rows[0]![4] = 476.5;
    const r = summary(rows);
    expect(r.findings.map((f) => `${f.rule}@${f.cells[0]!.address} ${f.actual}→${f.expected}`).sort()).toEqual([
      'row-sum@D4 1686.00→1695.00',
      'total-row@E4 476.50→467.50',
    ]);
  });

  it('rate a cent over a few terms as rounding (info), and more than the bound as error', () => {
    const rows = CONSISTENT.map((r) => [...r]);
    rows[0]![3] = 1686.01;
    rows[0]![5] = 1218.51;
    const r = summary(rows);
    expect(r.findings.every((f) => f.severity === 'info')).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
    const strict = analyzeWorkbook({ name: 't', sheets: [] }, {});
    expect(strict.findings).toEqual([]);
  });

  it('treat an absent amount as zero when its siblings are filled', () => {
    const rows = CONSISTENT.map((r) => [...r]);
    rows[7]![3] = null; // 2210201 合计 left empty
    const r = summary(rows);
    expect(r.findings.map((f) => `${f.rule}@${f.cells[0]!.address}`).sort()).toEqual(['row-sum@D11', 'subtotal@D10']);
  });

  it('read codes split into 类 | 款 | 项 columns and stored as numbers (Henan layout)', () => {
    const sheet = sheetFromRows(
      'Sheet1',
      [
        ['2024年部门支出总体情况表'],
        ['部门名称：测试局', null, null, null, null, '单位：万元'],
        ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
        ['类', '款', '项', null, null, null, null],
        [null, null, null, '合计', 250, 150, 110],
        [201, 3, 1, '行政运行', 150, 150, null],
        [201, 3, 2, '一般行政管理事务', 100, null, 100],
      ],
      [
        { r0: 2, c0: 0, r1: 2, c1: 2 },
        { r0: 2, c0: 3, r1: 3, c1: 3 },
        { r0: 2, c0: 4, r1: 3, c1: 4 },
        { r0: 2, c0: 5, r1: 3, c1: 5 },
        { r0: 2, c0: 6, r1: 3, c1: 6 },
      ],
    );
    const r = analyzeWorkbook({ name: 'h.xlsx', sheets: [sheet] }, { foldCauses: false });
    const t = r.tables[0]!;
    expect(t.rows.map((x) => x.code ?? x.name)).toEqual(['合计', '2010301', '2010302']);
    expect(r.meta).toEqual({ department: '测试局', year: 2024, unit: '万元' });
    expect(r.findings.map((f) => `${f.rule}@${f.cells[0]!.address} ${f.actual}→${f.expected}`).sort()).toEqual([
      'row-sum@E5 250.00→260.00',
      'total-row@G5 110.00→100.00',
    ]);
  });
});
