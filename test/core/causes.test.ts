// One finding per cause (issue 15): the identities one cell explains are one finding at that cell, its numbers
// those of the cell; a unit coded differently in one table is one finding; similar warnings are one list.
import { analyzeWorkbook, recognizeWorkbook, type AnalyzeOptions } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Finding } from '../../src/core/findings';
import { applyEdits } from '../../src/core/fix/apply';
import { a1 } from '../../src/core/grid/grid';
import { loadFixture, STEMS } from '../support/fixtures';
import { codesAsNumbers, inYuan, oneSheet } from '../support/variants';

const options: AnalyzeOptions = { catalogs: builtinCatalogs };
const at = (f: { cells: ReadonlyArray<{ sheet: string; address: string }> }) => `${f.cells[0]!.sheet}!${f.cells[0]!.address}`;
const fixKey = (f: Finding) => f.fixes[0]!.edits.map((e) => `${e.sheet}!${e.address}=${e.after}`).sort().join('|');

describe.each(STEMS)('%s', (stem) => {
  it('no two findings offer the same first fix, in any layout variant', async () => {
    const wb = await loadFixture(stem);
    for (const variant of [wb, inYuan(wb), oneSheet(wb), codesAsNumbers(wb)]) {
      const keys = analyzeWorkbook(variant, options).findings.filter((f) => f.fixes.length > 0).map(fixKey);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });

  it('keeps the report in severity order, a cause at the place of its most severe finding', async () => {
    const wb = await loadFixture(stem);
    for (const variant of [wb, inYuan(wb)]) {
      const order = analyzeWorkbook(variant, options).findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('a cause with a sure fix is told at the cell it changes, with that cell\'s numbers', async () => {
    const { findings } = analyzeWorkbook(await loadFixture(stem), options);
    for (const f of findings) {
      const fix = f.fixes[0];
      if (!fix || !fix.verified || fix.confidence < 0.75 || fix.edits.length !== 1 || fix.edits[0]!.formula !== undefined) continue;
      const e = fix.edits[0]!;
      expect({ id: f.id, at: at(f) }).toEqual({ id: f.id, at: `${e.sheet}!${e.address}` });
      if (f.expected !== undefined && /^-?[\d.]+$/.test(e.after)) expect(Number(f.expected)).toBe(Number(e.after));
    }
  });
});

describe('folding on the fixtures', () => {
  it('000: the 一级项目 政务服务 546.27 is one cause at H10 with the two identities it breaks', async () => {
    const { findings } = analyzeWorkbook(await loadFixture('000-yanbian-zhengwu-2024'), options);
    const about = findings.filter((f) => [f, ...(f.consequences ?? [])].some((x) => x.cells.some((c) => c.sheet === '预算表9' && (c.address === 'H10' || c.address === 'H7'))) && f.severity === 'error');
    expect(about.map(at)).toEqual(['预算表9!H10']);
    const cause = about[0]!;
    expect(cause).toMatchObject({ actual: '546.27', expected: '548.27', difference: '-2.00' });
    expect(cause.consequences!.map((c) => `${c.rule}@${at(c)}`).sort()).toEqual(['row-sum@预算表9!H10', 'subtotal@预算表9!H7'].filter((x) => x !== `${cause.rule}@${at(cause)}`).sort());
    // The consequences' cells are the cause's evidence.
    expect(cause.cells.map((c) => `${c.sheet}!${c.address}`)).toContain('预算表9!H7');
  });

  it('003: a unit coded 1129 in one table (129 in the others) is one finding at that code, and no row-by-row error', async () => {
    const wb = await loadFixture('003-yanjin-zhengwu-2024');
    const es = recognizeWorkbook(wb, options).tables.find((t) => t.kind === 'expenditure-summary')!;
    const unit = es.rows.find((r) => r.unitCode === '129')!;
    const col = es.columns.find((c) => c.role === 'unit-code')!.col;
    const edited = applyEdits(wb, [{ sheet: es.sheet, address: a1(unit.row, col), before: '129', after: '1129' }]);
    const before = analyzeWorkbook(wb, options).findings.filter((f) => f.severity !== 'info').map((f) => f.id);
    const after = analyzeWorkbook(edited, options).findings.filter((f) => f.severity !== 'info');
    const added = after.filter((f) => !before.includes(f.id));
    expect(added.map((f) => [f.rule, at(f), f.actual, f.expected])).toEqual([['meta-unit-code', `${es.sheet}!${a1(unit.row, col)}`, '1129', '129']]);
    expect(added[0]!.fixes[0]).toMatchObject({ verified: true, edits: [{ after: '129' }] });
  });

  it('similar warnings without fixes are one finding that lists them', async () => {
    const { findings } = analyzeWorkbook(await loadFixture('004-yanbian-gongxin-2024'), options);
    const classes = findings.filter((f) => f.members);
    for (const c of classes) {
      expect(c.members!.length).toBeGreaterThanOrEqual(3);
      expect(new Set(c.members!.map((m) => `${m.rule}|${m.message.id}`)).size).toBe(1);
      expect(c.cells.map((x) => `${x.sheet}!${x.address}`)).toEqual(c.members!.map((m) => at(m)));
    }
    const all = analyzeWorkbook(await loadFixture('004-yanbian-gongxin-2024'), { ...options, foldCauses: false }).findings;
    const listed = findings.flatMap((f) => f.members ?? [f]).filter((f) => !f.consequences);
    // Nothing is lost: every finding of the rules is a finding, a member, or a consequence of one.
    const reachable = new Set(findings.flatMap((f) => [...(f.members ?? [f]), ...(f.consequences ?? [])]).map((f) => `${f.rule}@${at(f)}`));
    for (const f of all) expect(reachable.has(`${f.rule}@${at(f)}`) || listed.some((x) => x.id === f.id)).toBe(true);
  });
});
