// The `gouji` command: checks budget workbooks and reports; writes fixed or annotated copies.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { analyzeWorkbook, type AnalyzeOptions, type WorkbookReport } from '../core/analyze';
import type { Workbook } from '../core/grid/grid';
import { builtinCatalogs } from '../core/catalog/builtin';
import { fixAllSafe } from '../core/fix-all';
import { RULES } from '../core/rules';
import { reportJson, TOOL_VERSION, unreadableJson, workbookJson, type JsonWorkbook } from '../core/report-json';
import type * as Writer from '../file/write';
import { readWorkbookBytes, WorkbookReadError } from '../file/xlsx';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args';
import { findingsCsv } from '../core/report-csv';
import { summaryTable } from './format-batch';
import { formatWorkbookText } from './format-text';
import { checkInPool, isPoolWorker, poolThreads, serveChecks } from './pool';

// The copy writer (and ExcelJS with it) loads only when a copy is written: a check alone, and each pool
// worker, starts without it.
const writeEdits: typeof Writer.writeEdits = async (...args) => (await import('../file/write')).writeEdits(...args);
const writeAnnotations: typeof Writer.writeAnnotations = async (...args) => (await import('../file/write')).writeAnnotations(...args);

/** The bundled sample workbook, checked when no file is given. */
const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '000-yanbian-zhengwu-2024.xlsx');


/** Expands folders into the .xlsx files inside them (not recursive), sorted; skips Excel's ~$ lock files. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      for (const f of readdirSync(input).sort()) if (/\.xlsx$/i.test(f) && !f.startsWith('~$')) files.push(join(input, f));
    } else files.push(input);
  }
  return files;
}

interface Checked {
  json: JsonWorkbook;
  report?: WorkbookReport;
  workbook?: Workbook;
  bytes?: Buffer;
}

const analyzeOptions = (opts: CliOptions): AnalyzeOptions => ({ catalogs: builtinCatalogs, ...(opts.tolerance !== undefined ? { tolerancePerTerm: opts.tolerance } : {}) });

async function checkFile(file: string, opts: CliOptions): Promise<Checked> {
  const name = basename(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const msg = code === 'ENOENT' ? (opts.lang === 'zh-CN' ? '文件不存在' : 'file not found') : (e as Error).message;
    return { json: unreadableJson(name, `${resolve(file)}: ${msg}`) };
  }
  try {
    const wb = await readWorkbookBytes(bytes, name);
    const report = analyzeWorkbook(wb, analyzeOptions(opts));
    return { json: workbookJson(report, opts.lang), report, workbook: wb, bytes };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { json: unreadableJson(name, opts.lang === 'zh-CN' ? e.zh : e.en) };
    throw e;
  }
}

/** A one-line progress bar on a terminal: `检查 [######----] 6/10 name.xlsx`. */
function progressLine(done: number, total: number, name: string, lang: CliOptions['lang']): string {
  const n = 20;
  const filled = Math.round((done / total) * n);
  return `\r${lang === 'zh-CN' ? '检查' : 'Checking'} [${'#'.repeat(filled)}${'-'.repeat(n - filled)}] ${done}/${total} ${name}`.slice(0, 100);
}

/**
 * Where the fixed or annotated copy of each input goes: the input itself with --in-place; with one input,
 * the -o file; with several, a file of the same name in the -o folder (made when missing).
 */
export function copyTargets(files: readonly string[], opts: CliOptions): string[] {
  if (opts.inPlace) return [...files];
  const output = opts.output!;
  if (files.length === 1) return [output];
  if (/\.xlsx$/i.test(output) || (existsSync(output) && !statSync(output).isDirectory()))
    throw new UsageError('检查多个工作簿时 -o 应为文件夹 / with several workbooks, -o must be a folder');
  mkdirSync(output, { recursive: true });
  return files.map((f) => join(output, basename(f)));
}

/** Writes the fixed or annotated copy asked for; returns the line to tell the user. */
async function writeCopy(c: Checked, input: string, target: string, opts: CliOptions): Promise<string> {
  if (!c.report || !c.bytes) return '';
  if (!opts.inPlace && resolve(target) === resolve(input)) throw new UsageError('输出文件与输入相同；覆盖原文件请用 --in-place / the output is the input: use --in-place to overwrite');
  const zh = opts.lang === 'zh-CN';
  if (opts.fix && c.workbook) {
    // Round after round: a fix may become safe once another is applied.
    const { edits, rounds, report } = fixAllSafe(c.workbook, c.report, analyzeOptions(opts));
    writeFileSync(target, await writeEdits(c.bytes, edits));
    const list = edits.map((e) => `  ${e.sheet}!${e.address}: ${e.before || (zh ? '空白' : 'blank')} → ${e.after}`).join('\n');
    const left = report.findings.filter((f) => f.severity === 'error').length;
    const head = zh
      ? `已应用 ${edits.length} 处可靠修改（${rounds} 轮），写入 ${target}；修改后尚有 ${left} 项错误需人工核对`
      : `Applied ${edits.length} safe fixes (${rounds} round${rounds === 1 ? '' : 's'}), written to ${target}; ${left} error${left === 1 ? '' : 's'} left for a person to check`;
    return `${head}${list ? `\n${list}` : ''}`;
  }
  writeFileSync(target, await writeAnnotations(c.bytes, c.json.findings, opts.lang));
  const n = new Set(c.json.findings.map((f) => `${f.cells[0]?.sheet}!${f.cells[0]?.address}`)).size;
  return zh ? `已标注 ${n} 个单元格，写入 ${target}` : `Annotated ${n} cells, written to ${target}`;
}

/** Runs the CLI; returns the exit status. `err` gets whole lines ending in \n, or progress lines starting with \r. */
export async function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, tty = false): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`gouji: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.command === 'help') {
    out(USAGE);
    return 0;
  }
  if (opts.command === 'version') {
    out(TOOL_VERSION);
    return 0;
  }
  if (opts.command === 'rules') {
    out(rulesTable(opts.lang));
    return 0;
  }
  const files = expandInputs(opts.inputs.length > 0 ? opts.inputs : [SAMPLE]);
  if (files.length === 0) {
    err(opts.lang === 'zh-CN' ? 'gouji: 没有找到 .xlsx 文件\n' : 'gouji: no .xlsx file found\n');
    return 2;
  }
  const checked: Checked[] = [];
  const showProgress = tty && opts.progress && files.length > 1;
  // Several files and no copies to write: checked on every core (src/cli/pool.ts), results in file order.
  const threads = opts.fix || opts.annotate ? 1 : poolThreads(files.length);
  if (threads > 1) {
    const onDone = (done: number, f: string) => showProgress && err(progressLine(done, files.length, basename(f), opts.lang));
    for (const json of await checkInPool(files, checkJson, { entry: __filename, opts, threads, onDone })) checked.push({ json });
  } else {
    for (const [i, f] of files.entries()) {
      if (showProgress) err(progressLine(i, files.length, basename(f), opts.lang));
      checked.push(await checkFile(f, opts));
    }
  }
  if (showProgress) err(progressLine(files.length, files.length, '', opts.lang) + '\n');
  const results = checked.map((c) => c.json);
  if (opts.format === 'json') out(JSON.stringify(reportJson(results), null, 2));
  else if (opts.format === 'csv') out(findingsCsv(results));
  else {
    out(results.map((r) => formatWorkbookText(r, opts.lang)).join('\n\n'));
    if (results.length > 1) out('\n' + summaryTable(results, opts.lang));
  }
  if (opts.fix || opts.annotate) {
    try {
      const targets = copyTargets(files, opts);
      for (const [i, c] of checked.entries()) {
        const said = await writeCopy(c, files[i]!, targets[i]!, opts);
        if (said) (opts.format === 'text' ? out : (s: string) => err(s + '\n'))(said);
      }
    } catch (e) {
      if (e instanceof UsageError) {
        err(`gouji: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  if (results.some((r) => r.errors.length > 0)) return 2;
  return opts.fail && results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** Every rule: id, group, severity and what it checks, one per line. */
export function rulesTable(lang: CliOptions['lang']): string {
  return RULES.map((r) => `${r.meta.id.padEnd(34)} ${r.meta.severity.padEnd(8)} ${lang === 'zh-CN' ? r.meta.title.zh : r.meta.title.en}：${lang === 'zh-CN' ? r.meta.description.zh : r.meta.description.en}`).join('\n');
}

/** Entry point of bin/gouji.js: runs with process.argv and sets the exit status. */
export function main(): Promise<void> {
  // `gouji check … | head`: the reader went away; stop quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return run(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s), Boolean(process.stderr.isTTY))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`gouji: 内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    });
}

/** The check of one file as a pool worker runs it (the report's JSON only). */
function checkJson(file: string, opts: CliOptions): Promise<JsonWorkbook> {
  return checkFile(file, opts).then((c) => c.json);
}

// In a pool worker thread (src/cli/pool.ts), this module checks the files it is sent.
if (isPoolWorker()) serveChecks(checkJson);
