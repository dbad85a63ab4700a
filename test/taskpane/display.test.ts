// Grouping, ordering and labels of findings for the list, as tables of cases.
import type { JsonFinding } from '../../src/core/report-json';
import { countBySeverity, groupFindings, markedCells, percent, signed, tableChips, thousands } from '../../src/taskpane/display';
import { ruleInfo } from '../../src/taskpane/engine';

const zh = ruleInfo('zh-CN');

function finding(id: string, severity: JsonFinding['severity'], sheet: string, address: string, rule = 'subtotal', extra: Partial<JsonFinding> = {}): JsonFinding {
  return { id, rule, severity, message: `${id} message`, cells: [{ sheet, address, role: 'checked' }], fixes: [], ...extra };
}

describe('signed', () => {
  it.each([
    ['0.01', '+0.01'],
    ['-0.01', '-0.01'],
    ['0.00', '0.00'],
    ['1234.50', '+1234.50'],
    ['1,234.50', '+1,234.50'],
  ])('%s → %s', (input, expected) => expect(signed(input)).toBe(expected));
});

describe('thousands', () => {
  it.each([
    ['1685.99', '1,685.99'],
    ['-1234567.50', '-1,234,567.50'],
    ['999', '999'],
    ['0.01', '0.01'],
    ['1,685.99', '1,685.99'],
    ['n/a', 'n/a'],
  ])('%s → %s', (input, expected) => expect(thousands(input)).toBe(expected));
});

describe('percent', () => {
  it.each([
    [0.5, 50],
    [0.6, 60],
    [0.666, 67],
    [1.2, 100],
    [-1, 0],
  ])('%s → %s', (input, expected) => expect(percent(input)).toBe(expected));
});

describe('groupFindings', () => {
  const sheets = ['预算表1', '预算表3', '预算表5'];

  it('groups by severity in the order 错误, 警告, 提示 and leaves empty groups out', () => {
    const groups = groupFindings([finding('a', 'info', '预算表3', 'D5'), finding('b', 'error', '预算表5', 'D6')], sheets, zh);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'info']);
  });

  it('orders within a group by sheet (workbook order), row, column, then rule', () => {
    const groups = groupFindings(
      [
        finding('5-D6', 'info', '预算表5', 'D6'),
        finding('3-E5', 'info', '预算表3', 'E5'),
        finding('3-D10', 'info', '预算表3', 'D10'),
        finding('3-D5-row', 'info', '预算表3', 'D5', 'row-sum'),
        finding('3-D5-sub', 'info', '预算表3', 'D5', 'subtotal'),
        finding('x-A1', 'info', '其他', 'A1'),
        finding('1-AA2', 'info', '预算表1', 'AA2'),
        finding('1-Z2', 'info', '预算表1', 'Z2'),
      ],
      sheets,
      zh,
    );
    expect(groups[0]!.findings.map((f) => f.key)).toEqual(['1-Z2', '1-AA2', '3-D5-sub', '3-D5-row', '3-E5', '3-D10', '5-D6', 'x-A1']);
  });

  it('makes repeated ids unique keys', () => {
    const groups = groupFindings([finding('same', 'error', '预算表3', 'D5'), finding('same', 'error', '预算表3', 'D5')], sheets, zh);
    expect(groups[0]!.findings.map((f) => f.key)).toEqual(['same', 'same#1']);
  });

  it('names the rule in plain words, the cell, signed difference and the first fix', () => {
    const [group] = groupFindings(
      [
        finding('t', 'info', '预算表3', 'D5', 'total-row', {
          cells: [
            { sheet: '预算表3', address: 'D6', role: 'evidence' },
            { sheet: '预算表3', address: 'D5', role: 'checked' },
          ],
          expected: '1685.99',
          actual: '1686.00',
          difference: '0.01',
          fixes: [
            { title: '将 D5 改为 1685.99', confidence: 0.5, edits: [] },
            { title: 'second', confidence: 0.9, edits: [] },
          ],
        }),
      ],
      sheets,
      zh,
    );
    expect(group!.findings[0]).toMatchObject({
      ruleName: '合计行',
      ruleDescription: expect.stringContaining('合计行等于'),
      where: '预算表3!D5',
      expected: '1,685.99',
      actual: '1,686.00',
      difference: '+0.01',
      fix: { title: '将 D5 改为 1685.99', percent: 50 },
    });
  });

  it('falls back to the rule id for a rule the engine does not name, and to no cell', () => {
    const [group] = groupFindings([{ id: 'n', rule: 'narrative-total', severity: 'warning', message: 'm', cells: [], fixes: [] }], sheets, zh);
    expect(group!.findings[0]).toMatchObject({ ruleName: 'narrative-total', where: '' });
    expect(group!.findings[0]!.sheet).toBeUndefined();
  });
});

describe('countBySeverity and markedCells', () => {
  const list = [finding('a', 'info', 'S', 'A1'), finding('b', 'error', 'S', 'A1'), finding('c', 'warning', 'S', 'B2'), finding('d', 'info', 'S', 'C3')];
  it('counts each severity, zeros included', () => {
    expect(countBySeverity(list)).toEqual({ error: 1, warning: 1, info: 2 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
  it('marks each checked cell with its worst severity', () => {
    expect([...markedCells(list)]).toEqual([
      ['S!A1', 'error'],
      ['S!B2', 'warning'],
      ['S!C3', 'info'],
    ]);
  });
});

describe('tableChips', () => {
  const tables = [
    { sheet: '预算表1', range: 'A1:F30', kind: 'income-expense-summary', title: '收支总表' },
    { sheet: '绩效目标', range: 'A1:H20', kind: 'project-performance', title: '项目支出绩效目标表' },
    { sheet: '绩效目标', range: 'A22:H40', kind: 'project-performance', title: '项目支出绩效目标表' },
    { sheet: '绩效目标2', range: 'A1:H20', kind: 'project-performance', title: '项目支出绩效目标表' },
    { sheet: 'X', range: 'A1:B2', kind: 'something-new', title: '?' },
  ];
  it('one chip per kind, in order, with count and sheets, named in the pane language', () => {
    const chips = tableChips(tables, 'zh-CN');
    expect(chips.map(({ tables: _t, ...chip }) => chip)).toEqual([
      { kind: 'income-expense-summary', label: '收支总表', count: 1, sheets: ['预算表1'] },
      { kind: 'project-performance', label: '项目支出绩效目标表', count: 3, sheets: ['绩效目标', '绩效目标2'] },
      { kind: 'something-new', label: 'something-new', count: 1, sheets: ['X'] },
    ]);
    expect(tableChips(tables, 'en-US')[0]!.label).toBe('Income and expenditure summary');
  });

  it('lists each table of a chip with its override key (sheet!range) and whether the user chose its kind', () => {
    const chips = tableChips(tables, 'zh-CN', { '绩效目标!A22:H40': 'project-performance' });
    expect(chips[1]!.tables).toEqual([
      { sheet: '绩效目标', range: 'A1:H20', title: '项目支出绩效目标表', key: '绩效目标!A1:H20', overridden: false },
      { sheet: '绩效目标', range: 'A22:H40', title: '项目支出绩效目标表', key: '绩效目标!A22:H40', overridden: true },
      { sheet: '绩效目标2', range: 'A1:H20', title: '项目支出绩效目标表', key: '绩效目标2!A1:H20', overridden: false },
    ]);
  });
});
