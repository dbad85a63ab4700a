// How fast the values-only reader reads a large consolidated workbook, beside the floor (unzip only) and
// the ExcelJS reader it replaces. Prints measured numbers; asserts nothing.
//
//   npx tsx scripts/bench-read.ts [--rows 100000] [--repeat 3] [--seed N] [--file some.xlsx]
//
// Generates the workbook with scripts/generate-workbook.ts (as bench-speed does), then runs each
// measurement --repeat times, each in a fresh process, so that peak RSS (process.resourceUsage().maxRSS)
// is that of the measurement alone: the node process itself (file read only), unzip only (every part
// inflated, by fflate and by Node's zlib: the bytes must be inflated), the new reader (readWorkbookBytes,
// with fflate as in the browser and with Node's zlib as in the CLI), and the ExcelJS reader
// (test/support/exceljs-reader.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { rawMembers } from '../src/file/package/package';
import type { Workbook } from '../src/core/grid/grid';
import { readWorkbookBytes } from '../src/file/xlsx';
import { readWorkbookBytesExcelJS } from '../test/support/exceljs-reader';
import { dataRowCount, generateConsolidated, writeLayoutXlsx } from './generate-workbook';
import { arg } from './args';
import { readOptions } from '../src/cli/main';

const SEED = 20240101;
const MODES = ['node', 'unzip', 'unzip-zlib', 'reader', 'reader-zlib', 'exceljs'] as const;
type Mode = (typeof MODES)[number];
const LABEL: Record<Mode, string> = {
  node: 'node alone (file read only)',
  unzip: 'unzip only (fflate, the floor)',
  'unzip-zlib': "unzip only (Node's zlib, the CLI's floor)",
  reader: 'values-only reader (readWorkbookBytes)',
  'reader-zlib': "values-only reader, Node's zlib (as the CLI)",
  exceljs: 'ExcelJS reader (the former one)',
};

interface Result {
  ms: number;
  /** CPU time of the step (user + system, all threads): less sensitive than wall time to other work on the machine. */
  cpuMs: number;
  peakRssMb: number;
  cells: number;
}

function countCells(wb: Workbook): number {
  let n = 0;
  for (const s of wb.sheets) for (const row of s.cells) if (row) for (const c of row) if (c) n++;
  return n;
}

async function child(mode: Mode, file: string): Promise<void> {
  const bytes = readFileSync(file);
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  let cells = 0;
  const { inflate } = readOptions;
  if (mode === 'unzip') cells = Object.keys(unzipSync(bytes)).length;
  else if (mode === 'unzip-zlib') cells = rawMembers(bytes)!.map((m) => (m.compression === 8 ? inflate(m.data, m.size) : m.data)).length;
  else if (mode === 'reader') cells = countCells(await readWorkbookBytes(bytes, 'bench.xlsx'));
  else if (mode === 'reader-zlib') cells = countCells(await readWorkbookBytes(bytes, 'bench.xlsx', { inflate }));
  else if (mode === 'exceljs') cells = countCells(await readWorkbookBytesExcelJS(bytes, 'bench.xlsx'));
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const result: Result = { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, cells };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function measure(mode: Mode, file: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, '--max-old-space-size=8192', __filename, '--child', mode, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) reject(new Error(`${mode}: exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve(JSON.parse(line) as Result);
    });
  });
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows') ?? 100_000);
  const repeat = Number(arg('--repeat') ?? 3);
  const seed = Number(arg('--seed') ?? SEED);
  const out = (s = '') => console.log(s);
  out(`Gouji read benchmark — node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);

  let file = arg('--file');
  let dir: string | undefined;
  if (!file) {
    const layout = generateConsolidated({ rows, seed });
    dir = mkdtempSync(join(tmpdir(), 'gouji-bench-read-'));
    file = join(dir, `consolidated-${rows}.xlsx`);
    await writeLayoutXlsx(layout, file);
    out(`Workbook: ${dataRowCount(layout).toLocaleString('en-US')} data rows (generate-workbook.ts, seed ${seed}), ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  } else out(`Workbook: ${file}, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  out(`Each line: ${repeat} runs, each in a fresh process; wall and CPU time of the step alone, peak RSS of the whole process; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  out();

  const head = ['measurement', 'best s', 'median s', 'runs s', 'median CPU s', 'peak RSS MB (median)', 'cells'];
  const lines: string[][] = [];
  const medians = new Map<Mode, number>();
  for (const mode of MODES) {
    const runs: Result[] = [];
    for (let i = 0; i < repeat; i++) runs.push(await measure(mode, file));
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const rss = runs.map((r) => r.peakRssMb).sort((a, b) => a - b);
    const cpu = runs.map((r) => r.cpuMs).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    medians.set(mode, median);
    lines.push([
      LABEL[mode],
      (times[0]! / 1000).toFixed(2),
      (median / 1000).toFixed(2),
      runs.map((r) => (r.ms / 1000).toFixed(2)).join(' '),
      (cpu[Math.floor(cpu.length / 2)]! / 1000).toFixed(2),
      rss[Math.floor(rss.length / 2)]!.toFixed(0),
      mode.startsWith('reader') || mode === 'exceljs' ? runs[0]!.cells.toLocaleString('en-US') : mode.startsWith('unzip') ? `${runs[0]!.cells} parts` : '',
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  out(fmt(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) out(fmt(l));
  out();
  const unzip = medians.get('unzip')!;
  const reader = medians.get('reader')!;
  const exceljs = medians.get('exceljs')!;
  out(`reader / unzip floor: ${(reader / unzip).toFixed(1)}×; with Node's zlib: ${(medians.get('reader-zlib')! / medians.get('unzip-zlib')!).toFixed(1)}×; ExcelJS / reader: ${(exceljs / reader).toFixed(1)}× (medians)`);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) {
  const i = process.argv.indexOf('--child');
  const run = i >= 0 ? child(process.argv[i + 1] as Mode, process.argv[i + 2]!) : main();
  run.catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
