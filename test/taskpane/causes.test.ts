// Causes in the pane: what a finding folds in (consequences, members), balanced fixes, and titles said once.
// Built from findings constructed here, as the engine will report them.
import type { Finding } from '../../src/core/findings';
import type { JsonFinding } from '../../src/core/report-json';
import { findByKey, groupFindings, isBalanced, plainReason, sayOnce } from '../../src/taskpane/display';
import { findingParts, ruleInfo } from '../../src/taskpane/engine';

const zh = ruleInfo('zh-CN');

/** A culprit cell H10 of 预算表9 whose change breaks the subtotal above it and a row sum. */
const cause: Finding = {
  id: 'subtotal@预算表9!H10',
  rule: 'subtotal',
  severity: 'error',
  message: { id: 'pane.test', data: {} },
  cells: [{ sheet: '预算表9', address: 'H10', role: 'checked' }],
  expected: '548.27',
  actual: '546.27',
  difference: '-2.00',
  fixes: [],
  consequences: [
    { id: 'subtotal@预算表9!H7', rule: 'subtotal', severity: 'error', message: { id: 'pane.test', data: {} }, cells: [{ sheet: '预算表9', address: 'H7', role: 'checked' }, { sheet: '预算表9', address: 'H8', role: 'evidence' }, { sheet: '预算表9', address: 'H10', role: 'evidence' }] },
    { id: 'row-sum@预算表9!H10', rule: 'row-sum', severity: 'error', message: { id: 'pane.test', data: {} }, cells: [{ sheet: '预算表9', address: 'H10', role: 'checked' }, { sheet: '预算表9', address: 'I10', role: 'evidence' }] },
  ],
};

/** Three 项目没有绩效目标 warnings shown as one. */
const project = (n: number): Finding => ({
  id: `cross-project-performance@预算表9!C${n}`,
  rule: 'cross-project-performance',
  severity: 'warning',
  message: { id: 'pane.test', data: {} },
  cells: [{ sheet: '预算表9', address: `C${n}`, role: 'checked' }],
  fixes: [],
});
const grouped: Finding = { ...project(11), members: [project(11), project(12), project(13)] };

describe('what a finding folds in', () => {
  it('renders consequences and members like findings, and nothing for a finding that folds nothing', () => {
    const parts = findingParts([cause, grouped, project(20)], 'zh-CN');
    expect(parts[0]!.consequences.map((c) => [c.id, c.cells.map((x) => x.address), c.fixes])).toEqual([
      ['subtotal@预算表9!H7', ['H7', 'H8', 'H10'], []],
      ['row-sum@预算表9!H10', ['H10', 'I10'], []],
    ]);
    expect(parts[0]!.members).toEqual([]);
    expect(parts[1]!.members.map((m) => m.cells[0]!.address)).toEqual(['C11', 'C12', 'C13']);
    expect(parts[2]).toBeUndefined();
  });

  it('lists them on the card with keys under the finding, each findable for selection', () => {
    const json: JsonFinding[] = [cause, grouped].map((f) => ({ id: f.id, rule: f.rule, severity: f.severity, message: 'm', cells: [...f.cells], fixes: [] }));
    const groups = groupFindings(json, ['预算表9'], zh, findingParts([cause, grouped], 'zh-CN'));
    const [card] = groups[0]!.findings;
    expect(card!.consequences.map((c) => [c.key, c.where, c.evidence.map((e) => e.address)])).toEqual([
      ['subtotal@预算表9!H10/c0', '预算表9!H7', ['H8', 'H10']],
      ['subtotal@预算表9!H10/c1', '预算表9!H10', ['I10']],
    ]);
    const members = groups[1]!.findings[0]!.members;
    expect(members.map((m) => m.where)).toEqual(['预算表9!C11', '预算表9!C12', '预算表9!C13']);
    // Selecting a consequence finds it (its cells become the preview's evidence).
    expect(findByKey(groups, 'subtotal@预算表9!H10/c0')?.where).toBe('预算表9!H7');
    expect(findByKey(groups, members[2]!.key)?.where).toBe('预算表9!C13');
    expect(findByKey(groups, 'subtotal@预算表9!H10')?.where).toBe('预算表9!H10');
    expect(findByKey(groups, 'nope')).toBeUndefined();
  });

  it("shows the finding's own 应为/实为/差额, never computed by the pane", () => {
    const json: JsonFinding = { id: 'x', rule: 'subtotal', severity: 'error', message: 'm', cells: [{ sheet: 'S', address: 'H6', role: 'checked' }], expected: '1216.49', actual: '1218.49', difference: '2.00', fixes: [{ title: '将 H9 改为 1.00', confidence: 0.9, edits: [{ sheet: 'S', address: 'H9', before: '3.00', after: '1.00' }] }] };
    const [f] = groupFindings([json], ['S'], zh)[0]!.findings;
    expect([f!.expected, f!.actual, f!.difference]).toEqual(['1,216.49', '1,218.49', '+2.00']);
  });
});

describe('balanced fixes', () => {
  it.each([
    [[0.5, 0.4], true],
    [[0.5, 0.5], true],
    [[0.6, 0.45], true],
    [[0.6, 0.4], false],
    [[0.8, 0.7], false],
    [[0.74, 0.7], true],
    [[0.5], false],
    [[], false],
  ])('%j → %s', (confidences, expected) => expect(isBalanced(confidences.map((confidence) => ({ confidence })))).toBe(expected));

  it('marks the card', () => {
    const fix = (confidence: number, address: string) => ({ title: `改 ${address}`, confidence, edits: [{ sheet: 'S', address, before: '1', after: '2' }] });
    const json: JsonFinding = { id: 'x', rule: 'subtotal', severity: 'error', message: 'm', cells: [{ sheet: 'S', address: 'A1', role: 'checked' }], fixes: [fix(0.5, 'A2'), fix(0.4, 'A3'), fix(0.1, 'A4')] };
    expect(groupFindings([json], ['S'], zh)[0]!.findings[0]!.balanced).toBe(true);
  });
});

describe('sayOnce', () => {
  it.each([
    ['而项目支出表（项目支出表）中它是二级项目。', '而项目支出表中它是二级项目。'],
    ['项目支出绩效目标表（绩效目标）的项目名称', '项目支出绩效目标表（绩效目标）的项目名称'],
    ['项目支出表（预算表9）与项目支出表（项目支出表）', '项目支出表（预算表9）与项目支出表'],
    ['the project table (project table)', 'the project table (project table)'],
    ['in Projects (Projects) and', 'in Projects and'],
    ['属于四舍五入误差（4 项）', '属于四舍五入误差（4 项）'],
  ])('%s → %s', (input, expected) => expect(sayOnce(input)).toBe(expected));
});

describe('plainReason', () => {
  it.each([
    [
      "无法读取此文件：它不是有效的 .xlsx 工作簿（Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html）",
      '无法读取此文件：它不是有效的 .xlsx 工作簿',
    ],
    ['无法读取此文件：合并单元格 A1:XFD1048576 过大，不像预算表', '无法读取此文件：合并单元格 A1:XFD1048576 过大，不像预算表'],
    ['文件已加密（需要密码），无法读取。', '文件已加密（需要密码），无法读取。'],
    ['文件是 Excel 97-2003 格式（.xls），请另存为 .xlsx。', '文件是 Excel 97-2003 格式（.xls），请另存为 .xlsx。'],
  ])('%s', (input, expected) => expect(plainReason(input)).toBe(expected));
});
