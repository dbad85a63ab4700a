// The `gouji` command: checks budget workbooks and reports; writes fixed or annotated copies.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { analyzeWorkbook, type AnalyzeOptions, type WorkbookReport } from '../core/analyze';
import type { Workbook } from '../core/grid/grid';
import { builtinCatalogs } from '../core/catalog/builtin';
import { fixAllSafe } from '../core/fix-all';
import { RULES } from '../core/rules';
import { reportJson, TOOL_VERSION, unreadableJson, workbookJson, type JsonWorkbook } from '../core/report-json';
import { dependentLine, writeAnnotationsReport, writeEditsReport } from '../file/write';
import { XlsxPackage } from '../file/package/package';
import { readWorkbookBytes, WorkbookReadError } from '../file/xlsx';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args';
import { findingsCsv } from '../core/report-csv';
import { summaryTable } from './format-batch';
import { formatWorkbookText } from './format-text';
import { checkInPool, isPoolWorker, poolThreads, serveChecks } from './pool';

/** The bundled sample workbook, checked when no file is given. */
const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '000-yanbian-zhengwu-2024.xlsx');


/** Expands folders into the .xlsx and .xlsm files inside them (not recursive), sorted; skips Excel's ~$ lock files. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      for (const f of readdirSync(input).sort()) if (/\.xls[xm]$/i.test(f) && !f.startsWith('~$')) files.push(join(input, f));
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

/** The reader inflates with Node's zlib (several times faster than fflate), never more than the zip's directory says. */
export const readOptions = { inflate: (data: Uint8Array, size: number) => inflateRawSync(data, { maxOutputLength: Math.max(1, size) }) };

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
    const wb = await readWorkbookBytes(bytes, name, readOptions);
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
  if (/\.xls[xm]$/i.test(output) || (existsSync(output) && !statSync(output).isDirectory()))
    throw new UsageError('检查多个工作簿时 -o 应为文件夹 / with several workbooks, -o must be a folder');
  mkdirSync(output, { recursive: true });
  return files.map((f) => join(output, basename(f)));
}

/** Node's zlib for the copies' zip members (the browser pane uses fflate's): several times faster on large sheets. */
const NODE_ZLIB = {
  inflate: (data: Uint8Array) => inflateRawSync(data),
  deflate: (data: Uint8Array) => deflateRawSync(data, { level: 6 }),
};

/** The sheets of a checked workbook that hold no formula: the copy writer need not read them to find formulas that depend on an edit. */
function sheetsWithoutFormulas(wb: Workbook): Set<string> {
  return new Set(wb.sheets.filter((s) => !s.cells.some((row) => row?.some((c) => c?.formula !== undefined))).map((s) => s.name));
}

/** Whether a package holds macros: a VBA project part, or a macro-enabled workbook content type. */
function holdsMacros(bytes: Uint8Array): boolean {
  try {
    const pkg = XlsxPackage.open(bytes, (n) => n === '[Content_Types].xml');
    return pkg.entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name)) || /macroEnabled/i.test(pkg.text('[Content_Types].xml') ?? '');
  } catch {
    return false;
  }
}

/**
 * Refuses a copy whose name would not open as what it holds: a workbook with macros written as .xlsx
 * (Excel refuses the file, or the macros are lost), a plain workbook written as .xlsm.
 */
function checkExtension(bytes: Uint8Array, target: string): void {
  const ext = extname(target).toLowerCase();
  const macros = holdsMacros(bytes);
  if (macros && ext !== '.xlsm')
    throw new UsageError(
      `输入是启用宏的工作簿（含 VBA 宏），副本 ${basename(target)} 的扩展名会丢掉宏；请用 .xlsm 作输出扩展名 / the input is a macro-enabled workbook: a copy named ${basename(target)} would lose its macros; name the output .xlsm`,
    );
  if (!macros && ext === '.xlsm')
    throw new UsageError(`输入不含宏，副本应以 .xlsx 为扩展名（${basename(target)} 无法在 Excel 中打开）/ the input holds no macros: name the copy .xlsx (Excel will not open ${basename(target)})`);
}

/**
 * Writes a copy's bytes. With --in-place: into a temporary file of the same folder, renamed over the
 * original only once written whole (the original first kept as FILE.bak with --backup), so a failed write
 * leaves the original as it was.
 */
function writeTarget(target: string, bytes: Uint8Array, opts: CliOptions): void {
  if (!opts.inPlace) {
    writeFileSync(target, bytes);
    return;
  }
  const tmp = join(dirname(target), `.~gouji-${process.pid}-${Date.now()}-${basename(target)}`);
  try {
    writeFileSync(tmp, bytes);
    if (opts.backup) renameSync(target, `${target}.bak`);
    renameSync(tmp, target);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

/** Writes the fixed or annotated copy asked for; returns the lines to tell the user. */
async function writeCopy(c: Checked, input: string, target: string, opts: CliOptions): Promise<string> {
  if (!c.report || !c.bytes) return '';
  if (!opts.inPlace && resolve(target) === resolve(input)) throw new UsageError('输出文件与输入相同；覆盖原文件请用 --in-place / the output is the input: use --in-place to overwrite');
  checkExtension(c.bytes, target);
  const zh = opts.lang === 'zh-CN';
  if (opts.fix && c.workbook) {
    // Round after round: a fix may become safe once another is applied.
    const { edits, rounds, report } = fixAllSafe(c.workbook, c.report, analyzeOptions(opts));
    const written = await writeEditsReport(c.bytes, edits, { ...NODE_ZLIB, sheetsWithoutFormulas: sheetsWithoutFormulas(c.workbook) });
    writeTarget(target, written.bytes, opts);
    const list = edits.map((e) => `  ${e.sheet}!${e.address}: ${e.before || (zh ? '空白' : 'blank')} → ${e.after}`).join('\n');
    const left = report.findings.filter((f) => f.severity === 'error').length;
    const head = zh
      ? `已应用 ${edits.length} 处可靠修改（${rounds} 轮），写入 ${target}；修改后尚有 ${left} 项错误需人工核对`
      : `Applied ${edits.length} safe fixes (${rounds} round${rounds === 1 ? '' : 's'}), written to ${target}; ${left} error${left === 1 ? '' : 's'} left for a person to check`;
    const deps = written.dependents.length > 0
      ? `\n${zh ? `依赖所改单元格的公式 ${written.dependents.length} 个（副本打开时重新计算）：` : `${written.dependents.length} formula${written.dependents.length === 1 ? '' : 's'} depend${written.dependents.length === 1 ? 's' : ''} on the edited cells (recalculated when the copy is opened):`}\n${written.dependents.map((d) => `  ${dependentLine(d, opts.lang)}`).join('\n')}`
      : '';
    const backup = opts.inPlace && opts.backup ? `\n${zh ? `原文件保留为 ${target}.bak` : `the original is kept as ${target}.bak`}` : '';
    return `${head}${list ? `\n${list}` : ''}${deps}${backup}`;
  }
  const written = await writeAnnotationsReport(c.bytes, c.json.findings, opts.lang, NODE_ZLIB);
  writeTarget(target, written.bytes, opts);
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
    err(opts.lang === 'zh-CN' ? 'gouji: 没有找到 .xlsx / .xlsm 文件\n' : 'gouji: no .xlsx or .xlsm file found\n');
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
  else if (opts.format === 'csv') out(findingsCsv(results, opts.lang));
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
