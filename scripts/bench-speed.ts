// `npm run bench:speed`: how fast Gouji reads and checks a large consolidated workbook, and whether the
// engine's work grows linearly with the number of rows. Prints measured numbers; asserts nothing.
//
//   tsx scripts/bench-speed.ts [--rows 100000] [--sizes 12500,25000,50000,100000,200000] [--budget 600] [--seed N] [--no-folder]
//
// 1. Generates a consistent consolidated workbook (scripts/generate-workbook.ts) and writes it with ExcelJS.
// 2. The CLI path, each measurement in a fresh process (so that peak memory is that of the measurement):
//    the unzip floor (fflate unzipSync of the file), the ExcelJS parse (xlsx.load; three runs, the median kept), Gouji's read
//    (readWorkbookBytes with the CLI's read options), Gouji's whole check (read + analyzeWorkbook as the CLI runs it, fixes on, + JSON
//    report; also with fixes off) and its ratio to the ExcelJS parse, and the fixed copy (writeEdits of the
//    safe fixes' edits, or of 10 changed amounts when there are none). A measurement still running after
//    --budget seconds is stopped and reported as such, with how many passes of the rules it had started.
//    Then the command itself, end to end as a user runs it (node's start included): `node bin/gouji.js check
//    <file> --format json`, three runs, wall time and peak RSS (scripts/bench-rss-hook.cjs reports it); then five rounds
//    of one ExcelJS parse and one command, side by side, and the median of their ratios (the machine's speed drifts
//    between measurements taken minutes apart; a round's two runs share it); and the same command on a copy of the
//    file with 40 amounts changed (writeEdits), where every slip is located and its fix verified.
// 3. The engine alone (analyzeWorkbook on a grid already in memory, fixes off) at several sizes up to 200k rows:
//    ms per 1,000 rows (wall and CPU) at each size, the ratio largest / smallest, and the same per rule
//    (recognition apart); then fixes on, and fix suggestion with 40 changed amounts, at the smallest size.
// 4. Recognition of one sheet holding many tables (a Jilin 绩效目标 sheet: one table per project).
// 5. `gouji check folder/ --format json` on a folder of 100 seed-size workbooks (the fixtures, 20 copies each),
//    through bin/gouji.js after rebuilding the CLI bundle (so that it runs this commit's code).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { analyzeWorkbook, recognizeWorkbook, type AnalyzeOptions } from '../src/core/analyze';
import { builtinCatalogs } from '../src/core/catalog/builtin';
import type { Edit, Finding } from '../src/core/findings';
import { safeEdits } from '../src/core/fix/safe';
import { a1 } from '../src/core/grid/grid';
import type { Sheet, Workbook } from '../src/core/grid/grid';
import { workbookJson } from '../src/core/report-json';
import { RULES, type Rule } from '../src/core/rules';
import { writeEdits } from '../src/file/write';
import { readOptions } from '../src/cli/main';
import { readWorkbookBytes } from '../src/file/xlsx';
import { dataRowCount, generateConsolidated, layoutToSheet, layoutToWorkbook, performanceBlocksSheet, plantAmounts, plantedAmounts, writeLayoutXlsx, type GenWorkbook } from './generate-workbook';
import { arg } from './args';

const SEED = 20240101;
const now = () => performance.now();
const mb = (bytes: number) => bytes / 1024 / 1024;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const gc = (globalThis as { gc?: () => void }).gc;

interface Counts {
  error: number;
  warning: number;
  info: number;
  byRule: Record<string, number>;
}

function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, byRule: {} };
  for (const f of findings) {
    c[f.severity]++;
    if (f.severity !== 'info') c.byRule[`${f.severity} ${f.rule}`] = (c.byRule[`${f.severity} ${f.rule}`] ?? 0) + 1;
  }
  return c;
}

/** The rules, each timed (ms summed over every call: a check with fixes on re-runs them to verify fixes). */
function timedRules(times: Map<string, number>, onPass?: (n: number) => void): Rule[] {
  let passes = 0;
  return RULES.map((rule, i) => ({
    meta: rule.meta,
    check(ctx) {
      if (i === 0) onPass?.(++passes);
      const t = now();
      try {
        return rule.check(ctx);
      } finally {
        times.set(rule.meta.id, (times.get(rule.meta.id) ?? 0) + now() - t);
      }
    },
  }));
}

// ---------------------------------------------------------------------------------------------
// Child process: one CLI-path measurement, results as JSON lines on stdout.

interface ChildResult {
  readMs: number;
  analyzeMs?: number;
  jsonMs?: number;
  /** The fixed copy: writeEdits of `edits` edits. */
  copyMs?: number;
  edits?: number;
  safe?: boolean;
  counts?: Counts;
  passes?: number;
  peakRssMb: number;
  sampledRssMb: number;
  heapAfterGcMb?: number;
}

/** 10 amount cells of the workbook changed by +1.11, for a fixed copy when no fix is safe. */
function someEdits(wb: Workbook): Edit[] {
  const edits: Edit[] = [];
  for (const s of wb.sheets) {
    for (let r = 0; r < s.cells.length && edits.length < 10; r += 97) {
      const row = s.cells[r];
      row?.forEach((c, k) => {
        if (edits.length < 10 && c && typeof c.value === 'number' && c.value > 1 && k > 0) {
          edits.push({ sheet: s.name, address: a1(r, k), before: c.value.toFixed(2), after: (Math.round(c.value * 100 + 111) / 100).toFixed(2) });
        }
      });
    }
  }
  return edits;
}

async function child(mode: string, file: string): Promise<void> {
  let sampled = 0;
  const sample = () => (sampled = Math.max(sampled, mb(process.memoryUsage().rss)));
  const timer = setInterval(sample, 20);
  const emit = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
  let t = now();
  const bytes = readFileSync(file);
  const out: ChildResult = { readMs: 0, peakRssMb: 0, sampledRssMb: 0 };
  if (mode === 'unzip') {
    const files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    out.readMs = now() - t;
    sample();
    if (Object.keys(files).length === 0) throw new Error('empty package');
  } else if (mode === 'exceljs') {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    out.readMs = now() - t;
    sample();
  } else {
    const wb = await readWorkbookBytes(bytes, file.split('/').pop()!, readOptions);
    out.readMs = now() - t;
    sample();
    if (mode !== 'parse') {
      const times = new Map<string, number>();
      let passes = 0;
      const options: AnalyzeOptions = {
        catalogs: builtinCatalogs,
        suggestFixes: mode !== 'check-nofix',
        rules: timedRules(times, (n) => {
          passes = n;
          sample();
          emit({ pass: n, t: now() - t });
        }),
      };
      t = now();
      const report = analyzeWorkbook(wb, options);
      out.analyzeMs = now() - t;
      sample();
      t = now();
      workbookJson(report, 'zh-CN');
      out.jsonMs = now() - t;
      out.counts = countFindings(report.findings);
      out.passes = passes;
      if (mode === 'copy') {
        const safe = safeEdits(report.findings);
        const edits = safe.length > 0 ? safe : someEdits(wb);
        t = now();
        await writeEdits(bytes, edits);
        out.copyMs = now() - t;
        out.edits = edits.length;
        out.safe = safe.length > 0;
      }
    }
  }
  clearInterval(timer);
  sample();
  if (gc) {
    gc();
    out.heapAfterGcMb = mb(process.memoryUsage().heapUsed);
  }
  out.peakRssMb = maxRssMb();
  out.sampledRssMb = sampled;
  emit({ result: out });
}

/** Runs one measurement in a fresh node (same loader, --expose-gc); stops it after `budgetS` seconds. */
function measure(mode: string, file: string, budgetS: number): Promise<{ result?: ChildResult; stoppedAfterS?: number; passes: number; lastPassT?: number; error?: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...process.execArgv, '--expose-gc', '--max-old-space-size=8192', __filename, '--child', mode, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    let result: ChildResult | undefined;
    let passes = 0;
    let lastPassT: number | undefined;
    let stopped = false;
    const started = now();
    const timer = setTimeout(() => {
      stopped = true;
      p.kill('SIGKILL');
    }, budgetS * 1000);
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        try {
          const o = JSON.parse(line) as { result?: ChildResult; pass?: number; t?: number };
          if (o.result) result = o.result;
          if (o.pass !== undefined) {
            passes = o.pass;
            lastPassT = o.t;
          }
        } catch {
          // not ours
        }
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => {
      clearTimeout(timer);
      if (stopped) resolve({ stoppedAfterS: (now() - started) / 1000, passes, ...(lastPassT !== undefined ? { lastPassT } : {}) });
      else if (code !== 0 || !result) resolve({ passes, error: err.trim().split('\n').slice(-3).join(' | ') || `exit ${code}` });
      else resolve({ result, passes });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting.

function table(head: string[], rows: string[][], right: (i: number) => boolean = (i) => i > 0): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (right(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);
const s2 = (ms: number) => (ms / 1000).toFixed(2);
const f2 = (x: number) => x.toFixed(2);

/** A copy with new sheet objects: recognition is cached per sheet object, a fresh copy is read again. */
function fresh(wb: Workbook): Workbook {
  return { ...wb, sheets: wb.sheets.map((s): Sheet => ({ ...s })) };
}

/** Whether two grids hold the same values in the same cells (the file round trip changes nothing). */
function sameGrid(a: Workbook, b: Workbook): string | undefined {
  if (a.sheets.length !== b.sheets.length) return `sheets ${a.sheets.length} ≠ ${b.sheets.length}`;
  for (let i = 0; i < a.sheets.length; i++) {
    const x = a.sheets[i]!;
    const y = b.sheets[i]!;
    if (x.name !== y.name || x.rowCount !== y.rowCount || x.colCount !== y.colCount) return `sheet ${x.name}: ${x.rowCount}×${x.colCount} ≠ ${y.rowCount}×${y.colCount}`;
    for (let r = 0; r < x.rowCount; r++) {
      for (let c = 0; c < x.colCount; c++) {
        const u = x.cells[r]?.[c]?.value ?? null;
        const v = y.cells[r]?.[c]?.value ?? null;
        if (JSON.stringify(u) !== JSON.stringify(v)) return `${x.name} r${r + 1} c${c + 1}: ${JSON.stringify(u)} ≠ ${JSON.stringify(v)}`;
      }
    }
  }
  return undefined;
}

interface EngineRun {
  rows: number;
  units: number;
  ms: number;
  /** CPU time of the process (user + system, GC threads included): steadier than wall time on a shared machine. */
  cpu: number;
  rules: Map<string, number>;
  /** How many times the rules ran (1 + one per verified fix). */
  passes: number;
  rssMb: number;
  counts: Counts;
}

const unitsOf = (layout: GenWorkbook) => layout.sheets.find((s) => s.name === '收入总表')!.tables[0]!.dataRows - 2;

function engineOnce(layout: GenWorkbook, suggestFixes: boolean, mistakes = 0): EngineRun {
  const wb = plantAmounts(fresh(layoutToWorkbook(layout)), mistakes);
  gc?.();
  const rules = new Map<string, number>();
  let passes = 0;
  const t = now();
  const c = cpuMs();
  const report = analyzeWorkbook(wb, { catalogs: builtinCatalogs, suggestFixes, rules: timedRules(rules, (n) => (passes = n)) });
  const ms = now() - t;
  const cpu = cpuMs() - c;
  return { rows: dataRowCount(layout), units: unitsOf(layout), ms, cpu, rules, passes, rssMb: mb(process.memoryUsage().rss), counts: countFindings(report.findings) };
}

/** The fastest of up to three runs while a run takes under 5 s (JIT and GC noise), else one run. */
function engineRun(layout: GenWorkbook, suggestFixes: boolean): EngineRun {
  let best = engineOnce(layout, suggestFixes);
  for (let i = 1; i < 3 && best.ms < 5000; i++) {
    const r = engineOnce(layout, suggestFixes);
    if (r.ms < best.ms) best = r;
  }
  return best;
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows') ?? 100_000);
  const sizes = (arg('--sizes') ?? [rows / 8, rows / 4, rows / 2, rows, rows * 2].join(',')).split(',').map((x) => Math.round(Number(x)));
  const budget = Number(arg('--budget') ?? 600);
  const seed = Number(arg('--seed') ?? SEED);
  const out = (s = '') => console.log(s);

  out(`Gouji speed benchmark — node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
  out(`gc exposed in this process: ${gc ? 'yes' : 'no (run with node --expose-gc for steadier engine numbers)'}; CLI measurements run in fresh processes with --expose-gc`);
  out();

  // 1. The workbook.
  let t = now();
  const layout = generateConsolidated({ rows, seed });
  const genMs = now() - t;
  const dir = mkdtempSync(join(tmpdir(), 'gouji-bench-'));
  const file = join(dir, `consolidated-${rows}.xlsx`);
  t = now();
  await writeLayoutXlsx(layout, file);
  const writeMs = now() - t;
  const tables = layout.sheets.flatMap((s) => s.tables);
  const units = unitsOf(layout);
  out(`Workbook: ${dataRowCount(layout).toLocaleString('en-US')} data rows in ${tables.length} tables (${units} units), generated in ${s1(genMs)} s, written with ExcelJS in ${s1(writeMs)} s`);
  out(`  ${file} (${mb(statSync(file).size).toFixed(1)} MB)`);
  out(
    `  ${tables
      .filter((x) => x.dataRows > 50)
      .map((x) => `${x.kind} ${x.dataRows.toLocaleString('en-US')}`)
      .join(', ')}; the others are small`,
  );
  out();

  // 2. The CLI path.
  const unzip = await measure('unzip', file, budget);
  // The parse moves by 10–20 % from run to run: three runs, the median one is the yardstick (as the command's median of three).
  const parses = [await measure('exceljs', file, budget), await measure('exceljs', file, budget), await measure('exceljs', file, budget)];
  const parseRuns = parses.filter((m) => m.result).sort((a, b) => a.result!.readMs - b.result!.readMs);
  const exceljs = parseRuns[Math.floor((parseRuns.length - 1) / 2)] ?? parses[0]!;
  const parse = await measure('parse', file, budget);
  const off = await measure('check-nofix', file, budget);
  const on = await measure('check', file, budget);
  const copy = await measure('copy', file, budget);
  out(`CLI path (fresh process per line; budget ${budget} s). read = readFileSync + the step; check = readWorkbookBytes + analyzeWorkbook (builtinCatalogs) + JSON report`);
  out(`ExcelJS parse, three runs: ${parses.map((m) => (m.result ? `${s2(m.result.readMs)} s` : '-')).join(', ')}; the median one below`);
  const parseMs = exceljs.result?.readMs;
  const line = (name: string, m: Awaited<ReturnType<typeof measure>>): string[] => {
    const r = m.result;
    if (!r) {
      const what = m.stoppedAfterS !== undefined ? `stopped after ${m.stoppedAfterS.toFixed(0)} s` : `failed: ${m.error}`;
      const passes = m.passes > 0 ? `; ${m.passes} rule pass(es) started, the last at ${s1(m.lastPassT ?? 0)} s into analyze` : '';
      return [name, '-', '-', `> ${(m.stoppedAfterS ?? 0).toFixed(0)}`, '-', '-', '-', '-', '-', `${what}${passes}`];
    }
    const total = r.readMs + (r.analyzeMs ?? 0) + (r.jsonMs ?? 0);
    const c = r.counts;
    const notes = [r.passes !== undefined && r.passes > 0 ? `${r.passes} rule pass(es)` : '', r.copyMs !== undefined ? `writeEdits of ${r.edits} ${r.safe ? 'safe' : 'changed-amount'} edits: ${s2(r.copyMs)} s` : ''].filter((x) => x !== '');
    return [
      name,
      s2(r.readMs),
      r.analyzeMs !== undefined ? s2(r.analyzeMs) : '-',
      s2(total),
      parseMs ? `${f2(total / parseMs)}×` : '-',
      r.peakRssMb.toFixed(0),
      r.sampledRssMb.toFixed(0),
      r.heapAfterGcMb !== undefined ? r.heapAfterGcMb.toFixed(0) : '-',
      c ? `${c.error}/${c.warning}/${c.info}` : '-',
      notes.join('; '),
    ];
  };
  out(
    table(
      ['measurement', 'read s', 'analyze s', 'total s', 'vs ExcelJS', 'peak RSS MB', 'sampled RSS MB', 'heap after gc MB', 'E/W/I', 'note'],
      [
        line('unzip floor (fflate unzipSync)', unzip),
        line('ExcelJS parse (xlsx.load)', exceljs),
        line('Gouji read (readWorkbookBytes)', parse),
        line('check, fixes off', off),
        line('whole check (as the CLI: fixes on)', on),
        line('check + fixed copy', copy),
      ],
      (i) => i > 0 && i < 9,
    ),
  );
  if (on.result && parseMs) {
    const whole = on.result.readMs + (on.result.analyzeMs ?? 0) + (on.result.jsonMs ?? 0);
    const floor = unzip.result?.readMs;
    out(
      `  whole check ${s2(whole)} s = ${f2(whole / parseMs)}× the ExcelJS parse${floor ? ` = ${f2(whole / floor)}× the unzip floor` : ''}; peak RSS ${on.result.peakRssMb.toFixed(0)} MB; fixed copy adds ${copy.result?.copyMs !== undefined ? s2(copy.result.copyMs) : '-'} s`,
    );
  }
  const built = buildCli();
  const commandRuns = [0, 1, 2].map(() => command(file));
  const byTime = [...commandRuns].sort((x, y) => x.ms - y.ms);
  const mid = byTime[1]!;
  out(
    `  the command, end to end (node bin/gouji.js check <file> --format json > /dev/null; node's start included; CLI bundle rebuilt first in ${s2(built)} s): ${commandRuns.map((r) => s2(r.ms)).join(' s, ')} s; median ${s2(mid.ms)} s${parseMs ? ` = ${f2(mid.ms / parseMs)}× the ExcelJS parse` : ''}; peak RSS ${commandRuns.map((r) => r.rssMb.toFixed(0)).join(', ')} MB`,
  );
  // The parse and the command side by side, round by round: this machine's speed drifts by 10–20 % from one minute
  // to the next, and two medians taken minutes apart carry that drift into their ratio; a round's two runs share it.
  const rounds: Array<{ parse: number; command: number }> = [];
  for (let k = 0; k < ROUNDS; k++) {
    const p = (await measure('exceljs', file, budget)).result?.readMs;
    const c = command(file).ms;
    if (p !== undefined) rounds.push({ parse: p, command: c });
  }
  if (rounds.length > 0) {
    const ratios = rounds.map((r) => r.command / r.parse).sort((x, y) => x - y);
    out(
      `  interleaved, ${rounds.length} rounds of one ExcelJS parse then one command: ${rounds.map((r) => `${s2(r.parse)} / ${s2(r.command)} s`).join(', ')}; the command's time over the parse's, median of the rounds: ${f2(ratios[Math.floor((ratios.length - 1) / 2)]!)}× (${f2(ratios[0]!)}–${f2(ratios[ratios.length - 1]!)}×)`,
    );
  }
  // The same command on the workbook with slips in it (a consolidated workbook a reviewer receives has some): the
  // fixes are located and verified by re-checking copies.
  const plantedFile = await plantedCopy(file, PLANTED);
  const plantedRuns = [0, 1, 2].map(() => command(plantedFile));
  const plantedMid = [...plantedRuns].sort((x, y) => x.ms - y.ms)[1]!;
  out(
    `  the command on the same workbook with ${PLANTED} amounts changed (each slip located, its fix verified): ${plantedRuns.map((r) => s2(r.ms)).join(' s, ')} s; median ${s2(plantedMid.ms)} s${parseMs ? ` = ${f2(plantedMid.ms / parseMs)}× the ExcelJS parse` : ''}; peak RSS ${plantedRuns.map((r) => r.rssMb.toFixed(0)).join(', ')} MB`,
  );
  const counts = off.result?.counts ?? on.result?.counts;
  if (counts) {
    const list = Object.entries(counts.byRule).map(([k, n]) => `${k} ×${n}`);
    out(`  errors and warnings on this consistent workbook: ${list.length > 0 ? list.join(', ') : 'none'}`);
  }
  out();

  // 3. The engine alone, at several sizes.
  out('Engine alone: analyzeWorkbook on a grid already in memory (fresh sheet objects, fixes off), built directly from the generated layout');
  const full = layoutToWorkbook(layout);
  const parsed = await readWorkbookBytes(readFileSync(file), file);
  const diff = sameGrid(full, parsed);
  out(`  grid built from the layout = grid read from the file: ${diff === undefined ? 'yes' : `NO (${diff})`}`);
  rmSync(dir, { recursive: true, force: true });
  // One size at a time (a 200k-row layout is large): generated, measured, let go.
  const layoutOf = (n: number) => (n === rows ? layout : generateConsolidated({ rows: n, seed }));
  const smallest = layoutOf(sizes[0]!);
  engineOnce(smallest, false); // warm-up
  const runs = sizes.map((n) => engineRun(n === sizes[0] ? smallest : layoutOf(n), false));
  const per1k = (r: EngineRun, ms: number) => ms / (r.rows / 1000);
  out(
    table(
      ['rows', 'units', 'engine s', 'ms / 1k rows', 'CPU ms / 1k rows', 'recognition+rest ms / 1k', 'rules ms / 1k', 'RSS MB', 'E/W/I'],
      runs.map((r) => {
        const rulesMs = [...r.rules.values()].reduce((a, b) => a + b, 0);
        return [r.rows.toLocaleString('en-US'), String(r.units), s1(r.ms), per1k(r, r.ms).toFixed(1), per1k(r, r.cpu).toFixed(1), per1k(r, r.ms - rulesMs).toFixed(1), per1k(r, rulesMs).toFixed(1), r.rssMb.toFixed(0), `${r.counts.error}/${r.counts.warning}/${r.counts.info}`];
      }),
    ),
  );
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  const ratio = per1k(last, last.ms) / per1k(first, first.ms);
  out(`  ms per 1k rows, largest / smallest size: ${f2(ratio)} wall, ${f2(per1k(last, last.cpu) / per1k(first, first.cpu))} CPU (1.00 = linear; rows grew ${f2(last.rows / first.rows)}×, time grew ${f2(last.ms / first.ms)}×)`);
  out();

  out('Per rule (ms per 1k rows at each size; growth = largest / smallest; flagged when ≥ 2 and ≥ 1 % of the engine time at the largest size)');
  const ruleRows = RULES.map((rule) => {
    const vals = runs.map((r) => per1k(r, r.rules.get(rule.meta.id) ?? 0));
    const growth = vals[0]! > 0 ? vals[vals.length - 1]! / vals[0]! : 0;
    const share = (last.rules.get(rule.meta.id) ?? 0) / last.ms;
    return { id: rule.meta.id, vals, growth, share };
  });
  const recog = runs.map((r) => per1k(r, r.ms - [...r.rules.values()].reduce((a, b) => a + b, 0)));
  const shown = ruleRows.filter((r) => r.share >= 0.001 || r.growth >= 2);
  out(
    table(
      ['rule', ...runs.map((r) => `${(r.rows / 1000).toFixed(1)}k`), 'growth', 'share', ''],
      [
        ['recognition + rest', ...recog.map(f2), f2(recog[recog.length - 1]! / recog[0]!), `${((recog[recog.length - 1]! * last.rows) / 1000 / last.ms * 100).toFixed(0)} %`, ''],
        ...shown.map((r) => [r.id, ...r.vals.map(f2), f2(r.growth), `${(r.share * 100).toFixed(0)} %`, r.growth >= 2 && r.share >= 0.01 ? '← super-linear' : '']),
      ],
    ),
  );
  out(`  (${RULES.length - shown.length} rules under 0.1 % of the time left out)`);
  out();

  // What fix suggestion costs in the engine, at the smallest size.
  const withFixes = engineOnce(smallest, true);
  out(
    `Engine with fixes on at ${withFixes.rows.toLocaleString('en-US')} rows: ${s1(withFixes.ms)} s = ${f2(withFixes.ms / first.ms)}× fixes off; the rules ran ${withFixes.passes} times (each offered fix is verified by re-checking the workbook); E/W/I ${withFixes.counts.error}/${withFixes.counts.warning}/${withFixes.counts.info}`,
  );
  out();

  // Fix suggestion where there is something to fix: each offered fix is verified on a re-checked copy;
  // fixes on unrelated cells are re-checked together.
  const planted = 40;
  const brokenOff = engineOnce(smallest, false, planted);
  const brokenOn = engineOnce(smallest, true, planted);
  out(
    `With ${planted} amounts changed at ${brokenOn.rows.toLocaleString('en-US')} rows: fixes off ${s1(brokenOff.ms)} s, fixes on ${s1(brokenOn.ms)} s = ${f2(brokenOn.ms / brokenOff.ms)}×; the rules ran ${brokenOn.passes} times (1 check + ${brokenOn.passes - 1} re-checks of batched fixes); E/W/I ${brokenOn.counts.error}/${brokenOn.counts.warning}/${brokenOn.counts.info}`,
  );
  out();

  // 4. Many tables on one sheet.
  out('One sheet of N 项目支出绩效目标表 (Jilin layout, 13 rows and 13 merged ranges per project): recognition time');
  const blockRuns = [100, 200, 400, 800].map((n) => {
    const sheet = layoutToSheet(performanceBlocksSheet(n));
    recognizeWorkbook({ name: 'warm', sheets: [layoutToSheet(performanceBlocksSheet(20))] });
    gc?.();
    const t0 = now();
    const r = recognizeWorkbook({ name: 'blocks.xlsx', sheets: [sheet] }, { catalogs: builtinCatalogs });
    return { n, rows: sheet.rowCount, merges: sheet.merges.length, tables: r.tables.length, ms: now() - t0 };
  });
  out(
    table(
      ['projects', 'rows', 'merged ranges', 'tables read', 'recognition ms', 'ms / project'],
      blockRuns.map((b) => [String(b.n), String(b.rows), String(b.merges), String(b.tables), b.ms.toFixed(0), f2(b.ms / b.n)]),
    ),
  );
  const b0 = blockRuns[0]!;
  const b1 = blockRuns[blockRuns.length - 1]!;
  out(`  ms per project, largest / smallest: ${f2(b1.ms / b1.n / (b0.ms / b0.n))} (1.00 = linear)`);
  out();
  const flagged = ruleRows.filter((r) => r.growth >= 2 && r.share >= 0.01).map((r) => `${r.id} (${f2(r.growth)}×, ${(r.share * 100).toFixed(0)} % of the engine at ${(last.rows / 1000).toFixed(0)}k rows)`);
  out(`Super-linear: ${flagged.length > 0 ? flagged.join('; ') : 'no rule'}${b1.ms / b1.n / (b0.ms / b0.n) >= 2 ? '; recognition of a sheet with many tables' : ''}`);
  out();

  // 5. A folder of 100 seed-size workbooks through the CLI.
  if (!process.argv.includes('--no-folder')) folder(out);
}

const root = join(__dirname, '..');

/** Rebuilds the CLI bundle (so that bin/gouji.js runs this commit's code); the time it took. */
function buildCli(): number {
  const t = now();
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'ignore' });
  return now() - t;
}

/** How many amounts the planted copy changes. */
const PLANTED = 40;

/** A copy of the workbook file with `n` amounts changed by +1.11 (plantedAmounts), written beside it. */
async function plantedCopy(file: string, n: number): Promise<string> {
  const bytes = readFileSync(file);
  const wb = await readWorkbookBytes(bytes, 'planted.xlsx', readOptions);
  const edits: Edit[] = plantedAmounts(wb, n).map((p) => ({ sheet: p.sheet, address: p.address, before: String(p.before), after: String(p.after) }));
  const out = file.replace(/\.xlsx$/, `-planted-${n}.xlsx`);
  writeFileSync(out, await writeEdits(bytes, edits));
  return out;
}

/** Rounds of one ExcelJS parse and one command, for their ratio (see main). */
const ROUNDS = 5;

/** One run of `node bin/gouji.js check <file> --format json`, output thrown away: wall time and peak RSS. */
function command(file: string): { ms: number; rssMb: number } {
  const t = now();
  const r = spawnSync(process.execPath, ['--require', join(root, 'scripts', 'bench-rss-hook.cjs'), join(root, 'bin', 'gouji.js'), 'check', file, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = now() - t;
  // The status is 1 when the workbook has an error.
  if (r.status !== 0 && r.status !== 1) throw new Error(`gouji check exited with ${r.status}: ${r.stderr.toString().slice(-500)}`);
  const kb = /gouji-bench-peak-rss-kb (\d+)/.exec(r.stderr.toString())?.[1];
  return { ms, rssMb: kb !== undefined ? Number(kb) / 1024 : NaN };
}

/** `gouji check folder/ --format json` on 100 seed-size workbooks (the fixtures, 20 copies each). */
function folder(out: (s?: string) => void): void {
  const fixtures = join(root, 'test', 'fixtures');
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.xlsx'));
  const dir = mkdtempSync(join(tmpdir(), 'gouji-folder-'));
  const copies = Math.ceil(100 / files.length);
  for (let k = 0; k < copies; k++) for (const f of files) copyFileSync(join(fixtures, f), join(dir, `${String(k).padStart(2, '0')}-${f}`));
  const n = readdirSync(dir).length;
  const runs: number[] = [];
  for (let k = 0; k < 2; k++) {
    const t = now();
    // The status is 1 when some workbook has an error (the fixtures have real ones).
    try {
      execFileSync(process.execPath, [join(root, 'bin', 'gouji.js'), 'check', dir, '--format', 'json'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
    } catch (e) {
      if ((e as { status?: number }).status !== 1) throw e;
    }
    runs.push(now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  out(`Folder: node bin/gouji.js check <folder of ${n} seed-size workbooks> --format json > /dev/null: ${runs.map(s2).join(' s, ')} s (two runs)`);
}

if (require.main === module) {
  const i = process.argv.indexOf('--child');
  const run = i >= 0 ? child(process.argv[i + 1]!, process.argv[i + 2]!) : main();
  run.catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
