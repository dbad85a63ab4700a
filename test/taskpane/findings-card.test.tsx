// The finding card, rendered (server-side) from findings constructed here: a cause with its consequences
// folded, a class of findings with its members, the fix's reason, and two balanced fixes both shown.
import { FluentProvider } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Finding } from '../../src/core/findings';
import type { JsonFinding } from '../../src/core/report-json';
import { Findings, type FindingActions } from '../../src/taskpane/components/Findings';
import { groupFindings, type SeverityGroup } from '../../src/taskpane/display';
import { findingParts, ruleInfo } from '../../src/taskpane/engine';
import { STRINGS } from '../../src/taskpane/strings';
import { paneTheme } from '../../src/taskpane/theme';

const s = STRINGS['zh-CN'];
const noop = () => undefined;
const actions: FindingActions = { onSelect: noop, onSelectCell: noop, onApply: noop, onUndo: noop, applied: new Map(), busy: false };
const msg = { id: 'pane.test', data: {} };

const symptom = (address: string, rule = 'subtotal') => ({ id: `${rule}@预算表9!${address}`, rule, severity: 'error' as const, message: msg, cells: [{ sheet: '预算表9', address, role: 'checked' as const }, { sheet: '预算表9', address: 'H10', role: 'evidence' as const }] });
const cause: Finding = { ...symptom('H10'), expected: '548.27', actual: '546.27', difference: '-2.00', fixes: [], consequences: [symptom('H7'), symptom('H8'), symptom('H10', 'row-sum')] };
const member = (n: number): Finding => ({ id: `cross-project-performance@绩效目标!C${n}`, rule: 'cross-project-performance', severity: 'warning', message: msg, cells: [{ sheet: '绩效目标', address: `C${n}`, role: 'checked' }], fixes: [] });
const members: Finding = { ...member(11), members: [member(11), member(12), member(13), member(14)] };

function render(groups: readonly SeverityGroup[], selected?: string): string {
  return renderToStaticMarkup(
    <FluentProvider theme={paneTheme}>
      <Findings strings={s} groups={groups} {...(selected ? { selected } : {})} actions={actions} />
    </FluentProvider>,
  );
}

const json = (f: Finding, extra: Partial<JsonFinding> = {}): JsonFinding => ({ id: f.id, rule: f.rule, severity: f.severity, message: '说明', cells: [...f.cells], ...(f.expected ? { expected: f.expected, actual: f.actual!, difference: f.difference! } : {}), fixes: [], ...extra });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the finding card', () => {
  const fix = (confidence: number, address: string, reason: string) => ({ title: `将 ${address} 改为 548.27`, confidence, reason, verified: true, edits: [{ sheet: '预算表9', address, before: '546.27', after: '548.27' }] });
  const groups = groupFindings(
    [json(cause, { fixes: [fix(0.95, 'H10', '改动这一个单元格即可同时消除 4 处不一致。')] }), json(members)],
    ['预算表9', '绩效目标'],
    ruleInfo('zh-CN'),
    findingParts([cause, members], 'zh-CN'),
  );

  it('folds the consequences behind 另影响 N 处勾稽关系 (besides its own: the fix removes N + 1) and shows the fix reason in one line', () => {
    const html = render(groups);
    expect(text(html)).toContain('另影响 3 处勾稽关系');
    expect(html).toMatch(/data-testid="consequences-toggle"[^>]*aria-expanded="false"|aria-expanded="false"[^>]*data-testid="consequences-toggle"/);
    expect(html).not.toContain('data-testid="consequences"');
    expect(text(html)).toContain('改动这一个单元格即可同时消除 4 处不一致。');
    // The amounts are the finding's own.
    expect(text(html)).toContain('应为 548.27');
    expect(text(html)).toContain('实为 546.27');
  });

  it('opens them when one is selected, each with its own cell to select', () => {
    const key = groups[0]!.findings[0]!.consequences[1]!.key;
    const html = render(groups, key);
    const list = /data-testid="consequences"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    expect([...list.matchAll(/data-where="([^"]+)"/g)].map((m) => m[1])).toEqual(['预算表9!H7', '预算表9!H8', '预算表9!H10']);
    expect(list).toContain('aria-current="true"');
  });

  it('shows a class of findings with its count and, opened, its members', () => {
    const html = render(groups);
    expect(text(html)).toContain('共 4 项');
    expect(text(html)).toContain('查看全部 4 项');
    const opened = render(groups, groups[1]!.findings[0]!.members[3]!.key);
    const list = /data-testid="members"[\s\S]*?<\/ul>/.exec(opened)?.[0] ?? '';
    expect([...list.matchAll(/data-where="([^"]+)"/g)].map((m) => m[1])).toEqual(['绩效目标!C11', '绩效目标!C12', '绩效目标!C13', '绩效目标!C14']);
  });

  it('says the user must choose between two balanced fixes, and shows both', () => {
    const balanced = groupFindings([json(cause, { fixes: [fix(0.5, 'H10', '甲'), fix(0.4, 'H8', '乙')] })], ['预算表9'], ruleInfo('zh-CN'));
    const html = render(balanced);
    expect(text(html)).toContain(s.results.balanced);
    expect(text(html)).toContain('建议 1');
    expect(text(html)).toContain('建议 2');
    expect((html.match(/data-testid="apply-fix"/g) ?? []).length).toBe(2);
    // A sure first fix: one shown, the other behind 其他 1 个建议.
    const sure = render(groupFindings([json(cause, { fixes: [fix(0.9, 'H10', '甲'), fix(0.4, 'H8', '乙')] })], ['预算表9'], ruleInfo('zh-CN')));
    expect(text(sure)).not.toContain(s.results.balanced);
    expect((sure.match(/data-testid="apply-fix"/g) ?? []).length).toBe(1);
    expect(text(sure)).toContain('其他 1 个建议');
  });
});
