// One check run through a port: steps, the engine's report and rule names, and typed failures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetFromRows } from '../../src/core/grid/grid';
import { RULES } from '../../src/core/rules';
import { EngineError, progressOf, runCheck, type CheckProgress } from '../../src/taskpane/check';
import { ruleInfo } from '../../src/taskpane/engine';
import { PortError, type WorkbookPort } from '../../src/taskpane/port';
import { createFilePort } from '../../src/taskpane/standalone-port';
import { readOnlyPort } from './ports';

const fixture = (name: string) => {
  const bytes = readFileSync(join(__dirname, '..', 'fixtures', name));
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
};

describe('runCheck', () => {
  it('reads, then analyzes, and reports the workbook with its sheets and rules', async () => {
    const port = createFilePort();
    await port.open(fixture('000-yanbian-zhengwu-2024.xlsx'));
    const seen: CheckProgress[] = [];
    const result = await runCheck(port, 'zh-CN', {}, (p) => seen.push(p));
    // The file port checks where it holds the workbook: first the rules, one step each, their percentage
    // rising to 90; then one step per re-check of a copy while the offered fixes are verified (000 has some).
    const analyze = seen.filter((p) => p.step === 'analyze');
    expect(analyze).toHaveLength(RULES.length);
    expect(analyze.map((p) => p.percent)).toEqual([...analyze.map((p) => p.percent!)].sort((a, b) => a - b));
    expect(analyze[analyze.length - 1]!.percent).toBe(90);
    const verify = seen.slice(analyze.length);
    expect(verify.length).toBeGreaterThan(0);
    expect(verify).toEqual(verify.map((_, i) => ({ step: 'verify', percent: 90, rechecks: i + 1 })));
    expect(result.report.meta).toMatchObject({ year: 2024, unit: '万元' });
    expect(result.report.meta.department).toContain('延边朝鲜族自治州政务服务和数字化建设管理局');
    expect(result.report.tables.length).toBeGreaterThan(10);
    expect(result.report.findings.length).toBeGreaterThan(0);
    expect(result.sheets[0]).toBe('预算表1');
    expect(result.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
  });

  it('renders messages in English for en-US', async () => {
    const port = createFilePort();
    await port.open(fixture('000-yanbian-zhengwu-2024.xlsx'));
    const en = await runCheck(port, 'en-US');
    const zh = await runCheck(port, 'zh-CN');
    expect(en.report.findings.map((f) => f.id)).toEqual(zh.report.findings.map((f) => f.id));
    en.report.findings.forEach((f, i) => expect(f.message).not.toBe(zh.report.findings[i]!.message));
    expect(en.rules.every((r) => !/\p{Script=Han}/u.test(r.title))).toBe(true);
  });

  it("passes the port's PortError through", async () => {
    await expect(runCheck(createFilePort(), 'zh-CN')).rejects.toMatchObject({ code: 'no-file' });
  });

  it('wraps an engine failure in EngineError', async () => {
    const broken: WorkbookPort = readOnlyPort(async () => ({ name: 'x', sheets: null as unknown as [] }));
    await expect(runCheck(broken, 'zh-CN')).rejects.toBeInstanceOf(EngineError);
  });

  it('reads a port that does not hold its workbook in the engine first, then checks it', async () => {
    const port: WorkbookPort = readOnlyPort(async () => ({ name: 'x', sheets: [sheetFromRows('Sheet1', [['hello']])] }));
    const seen: CheckProgress[] = [];
    await runCheck(port, 'zh-CN', {}, (p) => seen.push(p));
    expect(seen.slice(0, 2)).toEqual([{ step: 'read' }, { step: 'analyze', percent: 0 }]);
    expect(seen[seen.length - 1]).toEqual({ step: 'analyze', percent: 90 });
  });

  it('turns the engine host progress into whole percentages', () => {
    expect(progressOf({ phase: 'read', done: 1, total: 3 })).toEqual({ step: 'read', percent: 33 });
    expect(progressOf({ phase: 'read', done: 0, total: 0 })).toEqual({ step: 'read', percent: 0 });
    expect(progressOf({ phase: 'analyze', done: 15, total: 30 })).toEqual({ step: 'analyze', percent: 45 });
    expect(progressOf({ phase: 'verify', rechecks: 4 })).toEqual({ step: 'verify', percent: 90, rechecks: 4 });
  });

  it('checks a workbook without budget tables: no tables, no findings', async () => {
    const port: WorkbookPort = readOnlyPort(async () => ({ name: 'x', sheets: [sheetFromRows('Sheet1', [['hello']])] }));
    const result = await runCheck(port, 'zh-CN');
    expect(result.report.tables).toEqual([]);
    expect(result.report.findings).toEqual([]);
  });
});

describe('ruleInfo', () => {
  it.each(['zh-CN', 'en-US'] as const)('names every rule with a title and a description in %s', (lang) => {
    for (const r of ruleInfo(lang)) expect({ id: r.id, title: r.title.trim() !== '', description: r.description.trim() !== '' }).toEqual({ id: r.id, title: true, description: true });
  });
});

describe('PortError', () => {
  it('carries a code and a detail', () => {
    const e = new PortError('unreadable', 'zip: bad header');
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('unreadable: zip: bad header');
  });
});
