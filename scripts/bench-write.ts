// How much writing the fixed copy costs: the package patcher (src/file/write.ts → src/file/patch/) against
// the ExcelJS writer write.ts used before (load the whole workbook, set the cells, write every part again),
// on a large generated consolidated workbook. Prints measured numbers; asserts nothing.
//
//   npx tsx scripts/bench-write.ts [--rows 100000] [--edits 5] [--seed N] [--no-check]
//
// 1. Generates the workbook (scripts/generate-workbook.ts, as bench-speed does) and picks --edits amount
//    cells on its largest sheet, spread from its first to its last rows, each to be raised by 1.00.
// 2. Each measurement in a fresh process (so that its peak RSS is its own): the patcher (with Node's zlib
//    as the CLI runs it, and with fflate as the browser pane does), the ExcelJS
//    writer, and (unless --no-check) the check alone and the check followed by the patcher, which is what
//    `gouji check --fix safe -o …` does.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../src/core/analyze';
import { builtinCatalogs } from '../src/core/catalog/builtin';
import type { Edit } from '../src/core/findings';
import { editValue } from '../src/core/fix/apply';
import { a1 } from '../src/core/grid/grid';
import { writeEditsReport, type PatchOptions } from '../src/file/write';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { readWorkbookBytes } from '../src/file/xlsx';
import { dataRowCount, generateConsolidated, writeLayoutXlsx } from './generate-workbook';
import { arg } from './args';

const now = () => performance.now();
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Node's zlib, as the CLI gives the patcher (the browser pane uses fflate's inflate and deflate). */
const NODE_ZLIB: PatchOptions = { inflate: (d) => inflateRawSync(d), deflate: (d) => deflateRawSync(d, { level: 6 }) };

/** The ExcelJS writer of write.ts before the patcher: the whole workbook loaded and written again. */
async function excelJsWrite(bytes: Uint8Array, edits: readonly Edit[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  for (const e of edits) wb.getWorksheet(e.sheet)?.getCell(e.address) && (wb.getWorksheet(e.sheet)!.getCell(e.address).value = editValue(e.after));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface ChildResult {
  checkMs?: number;
  writeMs?: number;
  outBytes?: number;
  dependents?: number;
  rssMb: number;
}

async function child(mode: string, file: string, editsFile: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const edits = JSON.parse(readFileSync(editsFile, 'utf8')) as Edit[];
  const result: ChildResult = { rssMb: 0 };
  let options: PatchOptions = mode === 'patch-fflate' ? {} : NODE_ZLIB;
  if (mode === 'check' || mode === 'check+patch') {
    const t = now();
    const wb = await readWorkbookBytes(bytes, file);
    analyzeWorkbook(wb, { catalogs: builtinCatalogs });
    result.checkMs = now() - t;
    // As the CLI does: the sheets the check saw without formulas are not searched for dependents.
    options = { ...options, sheetsWithoutFormulas: new Set(wb.sheets.filter((s) => !s.cells.some((row) => row?.some((c) => c?.formula !== undefined))).map((s) => s.name)) };
  }
  if (mode === 'patch' || mode === 'patch-fflate' || mode === 'check+patch') {
    const t = now();
    const r = await writeEditsReport(bytes, edits, options);
    result.writeMs = now() - t;
    result.outBytes = r.bytes.length;
    result.dependents = r.dependents.length;
    writeFileSync(`${file}.patched.xlsx`, r.bytes);
  }
  if (mode === 'exceljs') {
    const t = now();
    const out = await excelJsWrite(bytes, edits);
    result.writeMs = now() - t;
    result.outBytes = out.length;
  }
  result.rssMb = maxRssMb();
  process.stdout.write(JSON.stringify(result) + '\n');
}

function measure(mode: string, file: string, editsFile: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, '--max-old-space-size=8192', __filename, '--child', mode, file, editsFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult) : reject(new Error(`${mode}: exit ${code}`))));
  });
}

async function main(): Promise<void> {
  if (process.argv.includes('--child')) {
    const i = process.argv.indexOf('--child');
    return child(process.argv[i + 1]!, process.argv[i + 2]!, process.argv[i + 3]!);
  }
  const rows = Number(arg('--rows') ?? 100_000);
  const nEdits = Number(arg('--edits') ?? 5);
  const seed = Number(arg('--seed') ?? 20240101);
  const out = (s = '') => console.log(s);
  out(`Gouji write benchmark — node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);

  const layout = generateConsolidated({ rows, seed });
  const dir = mkdtempSync(join(tmpdir(), 'gouji-bench-write-'));
  const file = join(dir, `consolidated-${rows}.xlsx`);
  await writeLayoutXlsx(layout, file);
  // The largest sheet and amount cells spread over it.
  const largest = [...layout.sheets].sort((a, b) => b.rows.length - a.rows.length)[0]!;
  const amounts: { row: number; col: number; cents: number }[] = [];
  largest.rows.forEach((line, r) => line.forEach((v, c) => v !== undefined && typeof v === 'object' && amounts.push({ row: r, col: c, cents: v.cents })));
  const edits: Edit[] = Array.from({ length: nEdits }, (_, i) => {
    const a = amounts[Math.round((i * (amounts.length - 1)) / Math.max(1, nEdits - 1))]!;
    const fmt = (c: number) => (c / 100).toFixed(2);
    return { sheet: largest.name, address: a1(a.row, a.col), before: fmt(a.cents), after: fmt(a.cents + 100) };
  });
  const editsFile = join(dir, 'edits.json');
  writeFileSync(editsFile, JSON.stringify(edits));
  out(`Workbook: ${dataRowCount(layout).toLocaleString('en-US')} data rows, ${layout.sheets.length} sheets, ${mb(statSync(file).size).toFixed(1)} MB (${file})`);
  out(`Edits: ${edits.length} amount cells of ${largest.name} (${largest.rows.length.toLocaleString('en-US')} rows): ${edits.map((e) => e.address).join(', ')}`);
  out();
  const line = (label: string, r: ChildResult, extra = '') =>
    out(`${label.padEnd(34)} ${r.writeMs !== undefined ? `write ${(r.writeMs / 1000).toFixed(2)} s` : ''}${r.checkMs !== undefined ? `${r.writeMs !== undefined ? ', ' : ''}check ${(r.checkMs / 1000).toFixed(2)} s` : ''}; peak RSS ${r.rssMb.toFixed(0)} MB${r.outBytes !== undefined ? `; copy ${mb(r.outBytes).toFixed(1)} MB` : ''}${extra}`);
  const patch = await measure('patch', file, editsFile);
  line('patcher, Node zlib (as the CLI)', patch, `; ${patch.dependents} dependent formulas`);
  const fflate = await measure('patch-fflate', file, editsFile);
  line('patcher, fflate (as the pane)', fflate);
  const exceljs = await measure('exceljs', file, editsFile);
  line('ExcelJS writer (before)', exceljs);
  if (!process.argv.includes('--no-check')) {
    const check = await measure('check', file, editsFile);
    line('check alone (read + analyze)', check);
    const both = await measure('check+patch', file, editsFile);
    line('check, then the patcher', both);
    out();
    out(`The fixed copy adds ${(both.writeMs! / 1000).toFixed(2)} s to the check (${(check.checkMs! / 1000).toFixed(1)} s) and ${(both.rssMb - check.rssMb).toFixed(0)} MB to its peak RSS; the ExcelJS writer took ${(exceljs.writeMs! / 1000).toFixed(2)} s and ${exceljs.rssMb.toFixed(0)} MB on its own.`);
  }
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
