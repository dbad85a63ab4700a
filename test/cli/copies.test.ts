// gouji check --fix / --annotate copies: macros kept or the output refused, --in-place through a temporary
// file, --backup, and the formulas that depend on the edited cells named in the output.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs, run } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import { XlsxPackage } from '../../src/file/package/package';

const FIDELITY = join(__dirname, '..', 'fixtures', 'fidelity');
const XLSM = join(FIDELITY, 'excel-rich.xlsm');
const XLSX = join(FIDELITY, 'excel-rich.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'gouji-copies-'));

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, (s) => (out += s + '\n'), (s) => (err += s));
  return { code, out, err };
}

const d4 = (file: string) => {
  const pkg = XlsxPackage.open(new Uint8Array(readFileSync(file)));
  return /<c r="D4"[^>]*>([\s\S]*?)<\/c>/.exec(pkg.text(pkg.sheets()[0]!.part!)!)![1];
};

describe('macros', () => {
  it('an .xlsm is written as .xlsm with its VBA project as it was', async () => {
    const out = join(dir, 'fixed.xlsm');
    const r = await cli(['check', '--fix', 'safe', '-o', out, XLSM]);
    expect(r.code).toBe(1);
    const before = XlsxPackage.open(new Uint8Array(readFileSync(XLSM)));
    const after = XlsxPackage.open(new Uint8Array(readFileSync(out)));
    expect(Buffer.from(after.bytes('xl/vbaProject.bin')!).equals(Buffer.from(before.bytes('xl/vbaProject.bin')!))).toBe(true);
    expect(after.text('[Content_Types].xml')).toContain('macroEnabled.main+xml');
  });

  it('refuses an output name that would drop the macros, and a plain workbook named .xlsm (exit 2, nothing written)', async () => {
    const out = join(dir, 'fixed-from-xlsm.xlsx');
    const r = await cli(['check', '--fix', 'safe', '-o', out, XLSM]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('启用宏的工作簿');
    expect(r.err).toContain('name the output .xlsm');
    expect(existsSync(out)).toBe(false);
    const annotated = await cli(['check', '--annotate', '-o', join(dir, 'marked.xlsx'), XLSM]);
    expect(annotated.code).toBe(2);
    const plain = await cli(['check', '--annotate', '-o', join(dir, 'marked.xlsm'), XLSX]);
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('name the copy .xlsx');
  });

  it('a folder holds .xlsx and .xlsm workbooks', () => {
    expect(expandInputs([FIDELITY]).map((f) => f.slice(FIDELITY.length + 1))).toEqual(['excel-rich.xlsm', 'excel-rich.xlsx', 'libreoffice-rich.xlsm', 'libreoffice-rich.xlsx']);
  });
});

describe('--in-place', () => {
  it('replaces the file once the copy is written, leaving no temporary file; --backup keeps the original as FILE.bak', async () => {
    const folder = mkdtempSync(join(dir, 'inplace-'));
    const file = join(folder, 'budget.xlsm');
    copyFileSync(XLSM, file);
    const r = await cli(['check', '--fix', 'safe', '--in-place', '--backup', file]);
    expect(r.code).toBe(1);
    expect(d4(file)).toBe('<v>102</v>');
    expect(readFileSync(`${file}.bak`).equals(readFileSync(XLSM))).toBe(true);
    expect(r.out).toContain(`${file}.bak`);
    expect(readdirSync(folder).sort()).toEqual(['budget.xlsm', 'budget.xlsm.bak']);
  });

  it('leaves the original untouched when the copy is refused', async () => {
    const folder = mkdtempSync(join(dir, 'refused-'));
    const file = join(folder, 'budget.xlsx');
    copyFileSync(XLSM, file);
    const r = await cli(['check', '--fix', 'safe', '--in-place', file]);
    expect(r.code).toBe(2);
    expect(readFileSync(file).equals(readFileSync(XLSM))).toBe(true);
    expect(readdirSync(folder)).toEqual(['budget.xlsx']);
  });

  it('--backup goes with --in-place only', () => {
    expect(() => parseArgs(['check', '--fix', 'safe', '-o', 'x.xlsx', '--backup', 'a.xlsx'])).toThrow('--backup');
    expect(parseArgs(['check', '--fix', 'safe', '--in-place', '--backup', 'a.xlsx']).backup).toBe(true);
  });
});

describe('formulas that depend on the edited cells', () => {
  it('are named, with the new result of the plain sums, in Chinese and English', async () => {
    const zh = await cli(['check', '--fix', 'safe', '-o', join(dir, 'deps.xlsx'), XLSX]);
    expect(zh.out).toContain('依赖所改单元格的公式 4 个（副本打开时重新计算）：');
    expect(zh.out).toContain('  预算表3!H4 =SUM(D4:E4) 由 170.00 变为 152.00');
    expect(zh.out).toContain('  预算表3!H5 =H4+H4 由 340.00 变为 304.00');
    expect(zh.out).toContain('  预算表3!H6 =ROUND(D4/C4,4) 打开时重新计算');
    expect(zh.out).toContain('  预算表9!B2 =预算表3!D4 打开时重新计算');
    const en = await cli(['check', '--lang', 'en-US', '--fix', 'safe', '-o', join(dir, 'deps-en.xlsx'), XLSX]);
    expect(en.out).toContain('4 formulas depend on the edited cells (recalculated when the copy is opened):');
    expect(en.out).toContain('  预算表3!H4 =SUM(D4:E4) from 170.00 to 152.00');
    expect(en.out).toContain('  预算表9!B2 =预算表3!D4 recalculated when opened');
  });
});
