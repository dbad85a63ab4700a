// The CLI on every fixture: the JSON contract, exit status, and the expenditure summary's findings
// against the ones a person found by hand (test/fixtures/src/*.handcheck.tsv).
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { run } from '../../src/cli/main';
import { recognizeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { JsonReport } from '../../src/core/report-json';
import { FIXTURES, loadFixture, loadHandChecks, STEMS } from '../support/fixtures';
import { locate } from '../support/locate';

/** Hand-check identities that are sums, and the rules that check sums. */
const ADDITIVE = new Set(['children-sum', 'total-sum', 'row-sum']);
const ADDITIVE_RULES = new Set(['subtotal', 'total-row', 'unit-sum', 'row-sum', 'list-total']);

/** Hand-found sums Gouji does not check yet, each with the reason. */
const KNOWN_GAPS: ReadonlyArray<{ stem: string; sheet: string; row: string; why: string }> = [
  { stem: '001-yanbian-zhengfuban-2023', sheet: '预算表10', row: '延边州政府驻北京联络处业务及工作经费', why: 'cost indicators vs 年度资金总额 in a performance table: a plausibility, not an identity' },
  { stem: '003-yanjin-zhengwu-2024', sheet: '部门收入总体情况表', row: '延津县政务服务和大数据管理局#1', why: 'department row vs its unit rows when the table prints no unit codes (both rows have the same name)' },
];

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, (s) => (out += s + '\n'), (s) => (err += s + '\n'));
  return { code, out, err };
}

const files = STEMS.map((s) => join(FIXTURES, `${s}.xlsx`));

describe('gouji check --format json on the fixtures', () => {
  let report: JsonReport;
  let code: number;
  beforeAll(async () => {
    const r = await cli(['check', '--format', 'json', ...files]);
    code = r.code;
    report = JSON.parse(r.out) as JsonReport;
  });

  it('prints the schema-1 contract', () => {
    expect(Object.keys(report)).toEqual(['tool', 'version', 'schema', 'workbooks']);
    expect(report).toMatchObject({ tool: 'gouji', version: '0.1.0', schema: 1 });
    expect(report.workbooks.map((w) => w.file)).toEqual(STEMS.map((s) => `${s}.xlsx`));
    for (const wb of report.workbooks) {
      expect(Object.keys(wb)).toEqual(['file', 'meta', 'tables', 'coverage', 'rules', 'findings', 'errors', 'notes']);
      expect(Object.keys(wb.meta)).toEqual(['department', 'year', 'unit']);
      expect(wb.errors).toEqual([]);
      for (const t of wb.tables) expect(t.range).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
      for (const f of wb.findings) {
        expect(f.cells[0]!.role).toBe('checked');
        for (const c of f.cells) expect(c.address).toMatch(/^[A-Z]+\d+$/);
        // Sums carry expected / actual / difference as decimal strings; findings about names or text need not.
        if (ADDITIVE_RULES.has(f.rule)) for (const v of [f.expected, f.actual, f.difference]) expect(v).toMatch(/^-?\d+\.\d{2,}$/);
        for (const fix of f.fixes) for (const e of fix.edits) expect(e.address).not.toContain('$');
      }
    }
  });

  it('reads department, year and unit of each workbook', () => {
    expect(report.workbooks.map((w) => [w.meta.year, w.meta.unit])).toEqual([
      [2024, '万元'],
      [2023, '万元'],
      [2024, '万元'],
      [2024, '万元'],
      [2024, '万元'],
      // Shanghai's 编制部门 tables; a central budget whose headers name 2023年执行数 beside 2024年预算数; a 2023 决算;
      // the national 决算 tables, which print no year (部门：… | 金额单位：万元 only): unknown, not guessed.
      [2024, '万元'],
      [2024, '万元'],
      [2023, '万元'],
      [null, '万元'],
    ]);
    expect(report.workbooks[0]!.meta.department).toBe('延边朝鲜族自治州政务服务和数字化建设管理局(汇总)');
    expect(report.workbooks.slice(5).map((w) => w.meta.department)).toEqual(['上海市浦江区体育局', '国家社会福利事业管理局', '上海市浦江区农业农村委员会', '示例县农业农村局']);
  });

  it('exits 1 exactly when some finding is an error', () => {
    const anyError = report.workbooks.some((w) => w.findings.some((f) => f.severity === 'error'));
    expect(code).toBe(anyError ? 1 : 0);
  });

  it.each(STEMS)('%s: finds every additive inconsistency a person found by hand, and no other', async (stem) => {
    const wb = report.workbooks.find((w) => w.file === `${stem}.xlsx`)!;
    const workbook = await loadFixture(stem);
    const { tables } = recognizeWorkbook(workbook, { catalogs: builtinCatalogs });
    const byHand = loadHandChecks(stem)
      .filter((h) => ADDITIVE.has(h.identity) && !KNOWN_GAPS.some((g) => g.stem === stem && g.sheet === h.sheet && g.row === h.row))
      .map((h) => {
        const sheet = workbook.sheets.find((s) => s.name === h.sheet)!;
        const address = tables.filter((t) => t.sheet === h.sheet).map((t) => locate(t, sheet, h)).find((a) => a !== undefined);
        expect([h.sheet, h.row, h.column, address]).toEqual([h.sheet, h.row, h.column, expect.stringMatching(/^[A-Z]+\d+$/)]);
        return `${h.sheet}!${address} ${Number(h.stated || 0).toFixed(2)} → ${Number(h.expected).toFixed(2)}`;
      });
    // An identity folded into the cause that explains it is still reported, as that cause's consequence.
    const found = wb.findings
      .flatMap((f) => [...(f.members ?? [f]), ...(f.consequences ?? [])])
      .filter((f) => ADDITIVE_RULES.has(f.rule))
      .map((f) => `${f.cells[0]!.sheet}!${f.cells[0]!.address} ${f.actual} → ${f.expected}`);
    expect([...new Set(found)].sort()).toEqual([...new Set(byHand)].sort());
  });

  it('rates cent-level differences as info and says so', () => {
    const cents = report.workbooks.flatMap((w) => w.findings).filter((f) => Math.abs(Number(f.difference)) <= 0.02);
    expect(cents.length).toBeGreaterThan(0);
    for (const f of cents) {
      expect(f.severity).toBe('info');
      expect(f.message).toContain('四舍五入');
    }
  });
});

describe('gouji check, for people', () => {
  it('checks the bundled sample when given no file, in Chinese', async () => {
    const r = await cli(['check']);
    expect(r.out).toContain('工作簿：000-yanbian-zhengwu-2024.xlsx');
    expect(r.out).toContain('预算单位：延边朝鲜族自治州政务服务和数字化建设管理局');
    expect(r.out).toMatch(/错误 \d+ 项 · 警告 \d+ 项 · 提示 \d+ 项/);
  });

  it('speaks English with --lang en-US', async () => {
    const r = await cli(['check', '--lang', 'en-US', files[0]!]);
    expect(r.out).toContain('Workbook: 000-yanbian-zhengwu-2024.xlsx');
    expect(r.out).toMatch(/\d+ errors · \d+ warnings · \d+ notes/);
  });

  it('checks every .xlsx of a folder', async () => {
    const r = await cli(['check', '--format', 'json', FIXTURES]);
    expect((JSON.parse(r.out) as JsonReport).workbooks).toHaveLength(STEMS.length);
  });

  it('exits 2 with a clear message, not a stack trace, on a file that is not a workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-'));
    const bad = join(dir, 'broken.xlsx');
    writeFileSync(bad, 'this is not a zip file');
    const r = await cli(['check', bad]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('无法读取');
    expect(r.out).not.toMatch(/\n\s+at /);
    const missing = await cli(['check', '--format', 'json', join(dir, 'missing.xlsx')]);
    expect(missing.code).toBe(2);
    expect((JSON.parse(missing.out) as JsonReport).workbooks[0]!.errors[0]).toContain('文件不存在');
  });

  it('rejects unknown options with usage and exit 2', async () => {
    const r = await cli(['check', '--colour']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
  });

  it('takes a tolerance: with 0 every cent difference is a real error', async () => {
    const r = await cli(['check', '--format', 'json', '--tolerance', '0', files[0]!]);
    const findings = (JSON.parse(r.out) as JsonReport).workbooks[0]!.findings.filter((f) => ADDITIVE_RULES.has(f.rule));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(r.code).toBe(1);
  });
});
