// Error localization and fixes: which cell is wrong, what it should be, and the typing mistake behind it.
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { applyEdits } from '../../src/core/fix/apply';
import { typoOf } from '../../src/core/fix/typos';
import { sheetFromRows, type CellValue } from '../../src/core/grid/grid';
import { render } from '../../src/core/messages/catalog';
import { Money } from '../../src/core/money/money';
import { loadFixture } from '../support/fixtures';
import { CONSISTENT_SUMMARY, SUMMARY_HEADER } from '../support/summary-table';

describe('typoOf(stated, right)', () => {
  it.each([
    ['584.27', '548.27', 'swap'],
    ['546.27', '548.27', 'digit'],
    ['54.83', '548.30', 'shift'],
    ['5483.00', '548.30', 'shift'],
    ['-548.27', '548.27', 'sign'],
    ['5482700', '548.27', 'unit'],
    ['600.00', '548.27', undefined],
    ['548.27', '548.27', undefined],
  ])('%s for %s is %s', (stated, right, typo) => {
    expect(typoOf(new Money(stated), new Money(right))).toBe(typo);
  });
  it('calls a blank cell blank', () => {
    expect(typoOf(undefined, new Money('12.5'))).toBe('blank');
  });
});

const HEADER = SUMMARY_HEADER;
const CLEAN = CONSISTENT_SUMMARY;
function workbook(rows: ReadonlyArray<readonly CellValue[]>) {
  return { name: 't.xlsx', sheets: [sheetFromRows('预算表3', [['支出总表'], ['单位：万元'], HEADER, ...rows])] };
}

describe('localization on a planted mistake', () => {
  it('puts the changed leaf first, with its original value, the typo, and high confidence', () => {
    const rows = CLEAN.map((r) => [...r]);
    rows[3]![3] = 346.5; // 2010301 合计 (D7): 364.50 typed with two digits swapped
    const r = analyzeWorkbook(workbook(rows), { foldCauses: false });
    expect(r.findings.length).toBe(2);
    for (const f of r.findings) {
      const fix = f.fixes[0]!;
      expect(fix.edits).toEqual([{ sheet: '预算表3', address: 'D7', before: '346.50', after: '364.50' }]);
      expect(fix.confidence).toBeGreaterThanOrEqual(0.9);
      expect(fix.verified).toBe(true);
      expect(render(fix.note!, 'zh-CN')).toContain('两位数字颠倒');
      expect(render(fix.reason!, 'zh-CN')).toContain('同时消除 2 处不一致');
    }
  });

  it('puts a changed subtotal first when only it explains every difference', () => {
    const rows = CLEAN.map((r) => [...r]);
    rows[2]![3] = 1538; // 20103 合计 (D6)
    const r = analyzeWorkbook(workbook(rows), { foldCauses: false });
    const first = new Set(r.findings.map((f) => JSON.stringify(f.fixes[0]?.edits)));
    expect([...first]).toEqual([JSON.stringify([{ sheet: '预算表3', address: 'D6', before: '1538.00', after: '1583.00' }])]);
  });

  it('offers every explanation, none confidently, when the evidence is balanced', () => {
    // A row sum that fails on a row whose cells take part in nothing else: any of the three may be wrong.
    const sheet = sheetFromRows('S', [['支出总表'], HEADER, [1, '201', '一般公共服务支出', 100, 60, 50]]);
    const r = analyzeWorkbook({ name: 'b.xlsx', sheets: [sheet] }, { foldCauses: false });
    const f = r.findings.find((x) => x.rule === 'row-sum')!;
    expect(f.fixes.map((x) => x.edits[0]!.address).sort()).toEqual(['D3', 'E3', 'F3']);
    for (const x of f.fixes) {
      expect(x.confidence).toBeLessThanOrEqual(0.5);
      expect(render(x.reason!, 'zh-CN')).toContain('请核对原始数据后选择');
    }
    expect(f.fixes[0]!.edits[0]!.address).toBe('D3'); // the total first: it can be recomputed, the data cannot
  });

  it('fills a blank total before it would wipe out a typed part, and says so', () => {
    // 合计 left blank on a row whose only part is filled: blank it, or the part is zero. A blank is the slip.
    const sheet = sheetFromRows('S', [['支出总表'], HEADER, [1, '201', '一般公共服务支出', null, 60, null], [2, '221', '住房保障支出', 10, 10, null]]);
    const f = analyzeWorkbook({ name: 'b.xlsx', sheets: [sheet] }, { foldCauses: false }).findings.find((x) => x.rule === 'row-sum')!;
    // Wiping out E3 would also do, but far less likely: behind a sure first suggestion it is not offered.
    expect(f.fixes.map((x) => [x.edits[0]!.address, x.edits[0]!.after])).toEqual([['D3', '60.00']]);
    expect(f.fixes[0]!.confidence).toBeGreaterThanOrEqual(0.75);
    expect(render(f.fixes[0]!.reason!, 'zh-CN')).toContain('应补上合计');
  });

  it('applies edits to a copy and leaves the original untouched', () => {
    const wb = workbook(CLEAN);
    const copy = applyEdits(wb, [{ sheet: '预算表3', address: 'D7', before: '364.50', after: '1,000.00' }]);
    expect(copy.sheets[0]!.cells[6]![3]!.value).toBe(1000);
    expect(wb.sheets[0]!.cells[6]![3]!.value).toBe(364.5);
  });
});

describe('localization on the fixtures', () => {
  it('000: the 一级项目 政务服务 合计 546.27 should be 548.27, which explains all three differences', async () => {
    const r = analyzeWorkbook(await loadFixture('000-yanbian-zhengwu-2024'), { catalogs: builtinCatalogs, foldCauses: false });
    const related = r.findings.filter((f) => f.severity === 'error' && f.cells[0]!.sheet === '预算表9');
    expect(related.map((f) => f.id).sort()).toEqual(['row-sum@预算表9!H10', 'subtotal@预算表9!H10', 'subtotal@预算表9!H7']);
    for (const f of related) {
      expect(f.fixes[0]).toMatchObject({ confidence: 0.95, verified: true, edits: [{ sheet: '预算表9', address: 'H10', before: '546.27', after: '548.27' }] });
    }
    // The 一级项目's own finding also offers to make the total live: a SUM over its 二级 rows.
    const own = related.find((f) => f.id === 'subtotal@预算表9!H10')!;
    expect(own.fixes[1]).toMatchObject({ verified: true, edits: [{ address: 'H10', after: '548.27', formula: 'SUM(H11:H18)' }] });
    expect(render(own.fixes[1]!.title, 'zh-CN')).toBe('将 H10 改为公式 =SUM(H11:H18)');
  });
});
