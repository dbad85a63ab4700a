// gouji check --fix safe / --annotate / --format csv / folders: what reviewers get written to disk.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { XlsxPackage } from '../../src/file/package/package';
import { SEVERITY_FILL } from '../../src/file/write';
import type { JsonReport } from '../../src/core/report-json';
import { FIXTURES, STEMS } from '../support/fixtures';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, (s) => (out += s + '\n'), (s) => (err += s));
  return { code, out, err };
}

const SAMPLE = join(FIXTURES, '000-yanbian-zhengwu-2024.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'gouji-cli-'));

async function sheetCells(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const cells = new Map<string, { value: unknown; style: string }>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.set(`${ws.name}!${c.address}`, { value: c.value, style: JSON.stringify({ f: c.font, b: c.border, n: c.numFmt, a: c.alignment }) }))));
  return { wb, cells };
}

describe('--fix safe', () => {
  it('writes a copy with the safe fixes, everything else as it was, and no error left from them', async () => {
    const out = join(dir, 'fixed.xlsx');
    const r = await cli(['check', '--fix', 'safe', '-o', out, SAMPLE]);
    expect(r.out).toMatch(/已应用 \d+ 处可靠修改/);
    expect(r.out).toContain('预算表9!H10: 546.27 → 548.27');
    const before = await sheetCells(SAMPLE);
    const after = await sheetCells(out);
    expect(after.cells.get('预算表9!H10')!.value).toBe(548.27);
    const changed = [...before.cells].filter(([k, v]) => JSON.stringify(after.cells.get(k)) !== JSON.stringify(v)).map(([k]) => k);
    // Only the cells the report lists as fixed changed: a name, the mistyped amount, a figure in the narrative.
    const listed = [...r.out.matchAll(/^ {2}(\S+!\w+\d+):/gm)].map((m) => m[1]);
    expect(changed.sort()).toEqual([...listed].sort());
    expect(changed).toEqual(expect.arrayContaining(['预算表5!C7', '预算表9!H10']));
    expect(after.cells.size).toBe(before.cells.size);
    // Every error that had a safe fix is gone; what remains had none (e.g. 预算表1 names another body).
    const first = JSON.parse((await cli(['check', '--format', 'json', SAMPLE])).out) as JsonReport;
    const again = JSON.parse((await cli(['check', '--format', 'json', out])).out) as JsonReport;
    const fixed = first.workbooks[0]!.findings.filter((f) => f.severity !== 'info' && f.fixes[0]?.verified && f.fixes[0].confidence >= 0.75).map((f) => f.id);
    expect(fixed.length).toBeGreaterThanOrEqual(3);
    const left = again.workbooks[0]!.findings.filter((f) => f.severity === 'error');
    expect(left.filter((f) => fixed.includes(f.id))).toEqual([]);
    for (const f of left) expect(first.workbooks[0]!.findings.find((g) => g.id === f.id)?.fixes.some((x) => x.confidence >= 0.75)).not.toBe(true);
  });

  it('never overwrites the input unless told to', async () => {
    const r = await cli(['check', '--fix', 'safe', '-o', SAMPLE, SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--in-place');
    expect((await cli(['check', '--fix', 'safe', SAMPLE])).code).toBe(2);
  });

  it('overwrites with --in-place', async () => {
    const copy = join(dir, 'inplace.xlsx');
    copyFileSync(SAMPLE, copy);
    const r = await cli(['check', '--fix', 'safe', '--in-place', copy]);
    expect(r.out).toContain(copy);
    const { cells } = await sheetCells(copy);
    expect(cells.get('预算表9!H10')!.value).toBe(548.27);
  });
});

describe('--fix safe on several workbooks', () => {
  it('writes each fixed copy into the -o folder under its own name, and refuses an -o file', async () => {
    const out = join(dir, 'fixed-folder');
    const r = await cli(['check', '--fix', 'safe', '-o', out, FIXTURES]);
    const written = [...r.out.matchAll(/写入 (\S+\.xlsx)；修改后尚有 (\d+) 项错误/g)].map((m) => [basename(m[1]!), Number(m[2])]);
    expect(written.map(([f]) => f)).toEqual(STEMS.map((s) => `${s}.xlsx`));
    // 001 keeps the error no cell edit can settle (a missing project row); the others none.
    expect(written.filter(([, n]) => n !== 0)).toEqual([['001-yanbian-zhengfuban-2023.xlsx', 1]]);
    const { cells } = await sheetCells(join(out, '000-yanbian-zhengwu-2024.xlsx'));
    expect(cells.get('预算表9!H10')!.value).toBe(548.27);
    const refused = await cli(['check', '--fix', 'safe', '-o', join(dir, 'one.xlsx'), FIXTURES]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('-o must be a folder');
  });
});

describe('--annotate', () => {
  it('marks each checked cell by a conditional format of its severity (its own fill kept) and notes the message and fix', async () => {
    const out = join(dir, 'annotated.xlsx');
    const r = await cli(['check', '--annotate', '-o', out, SAMPLE]);
    expect(r.out).toMatch(/已标注 \d+ 个单元格/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(SAMPLE);
    const cell = wb.getWorksheet('预算表9')!.getCell('H10');
    expect(cell.fill).toEqual(original.getWorksheet('预算表9')!.getCell('H10').fill);
    // The mark: an always-true rule of Gouji's whose differential format has the error colour.
    const pkg = XlsxPackage.open(new Uint8Array(readFileSync(out)));
    const part = pkg.sheets().find((s) => s.name === '预算表9')!.part!;
    const rule = /<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\d+)"[^>]*><formula>ISTEXT\(&quot;gouji:error&quot;\)<\/formula>/.exec(pkg.text(part)!);
    expect(rule![1]!.split(' ')).toContain('H10');
    const dxfs = [...pkg.text(pkg.workbookRelated('styles')!)!.matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)];
    expect(dxfs[Number(rule![2])]![1]).toContain(`<bgColor rgb="${SEVERITY_FILL.error}"/>`);
    // Read back, ExcelJS gives a plain note as a string (rich notes as { texts }).
    const raw = cell.note as unknown as string | { texts: Array<{ text: string }> };
    const note = typeof raw === 'string' ? raw : raw.texts.map((t) => t.text).join('');
    expect(note).toContain('将 H10 改为 548.27');
    expect(note).toContain('【错误 · 上下级科目】');
    expect(note.startsWith('勾稽:')).toBe(true);
  });
});

describe('batches', () => {
  it('prints a summary table of a folder', async () => {
    const r = await cli(['check', FIXTURES]);
    expect(r.out).toMatch(/工作簿\s+错误\s+警告\s+提示\s+表格数/);
    expect(r.out).toMatch(/000-yanbian-zhengwu-2024\.xlsx\s+\d+\s+\d+\s+\d+\s+28/);
  });

  it('shows progress on a terminal only', async () => {
    let err = '';
    await run(['check', FIXTURES], () => undefined, (s) => (err += s), true);
    expect(err).toContain(`${STEMS.length}/${STEMS.length}`);
    const quiet = await cli(['check', FIXTURES]);
    expect(quiet.err).toBe('');
  });

  it('writes every finding as CSV with a BOM, a header, and one line per finding', async () => {
    const r = await cli(['check', '--format', 'csv', FIXTURES]);
    const json = JSON.parse((await cli(['check', '--format', 'json', FIXTURES])).out) as JsonReport;
    const lines = r.out.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\ufeff文件,严重程度,规则,工作表,单元格,应为,实为,差额,说明,建议修正,把握');
    const n = json.workbooks.reduce((s, w) => s + w.findings.length, 0);
    expect(lines.length - 1).toBe(n);
    const en = (await cli(['check', '--format', 'csv', '--lang', 'en-US', FIXTURES])).out.trimEnd().split('\r\n');
    expect(en[0]).toBe('\ufefffile,severity,rule,sheet,cell,expected,actual,difference,message,fix,confidence');
    expect(en).toHaveLength(lines.length);
    expect(readFileSync(SAMPLE).length).toBeGreaterThan(0);
  });
});

describe('the installed command', () => {
  it('stops quietly when its reader goes away (gouji check … | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'gouji.js'), 'check', '--format', 'json', FIXTURES], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Read the first chunk of the report (~280 KB, more than a pipe holds), then close the pipe as `head` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code === 0 || code === 1).toBe(true);
  });
});
