// The `gouji` command: `gouji check [file.xlsx|dir]… [--format text|json] [--lang zh-CN|en-US] [--tolerance 0.01]`.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { analyzeWorkbook } from '../core/analyze';
import { builtinCatalogs } from '../core/catalog/builtin';
import type { Lang } from '../core/messages/catalog';
import { reportJson, TOOL_VERSION, unreadableJson, workbookJson, type JsonWorkbook } from '../core/report-json';
import { readWorkbookBytes, WorkbookReadError } from '../file/xlsx';
import { formatWorkbookText } from './format-text';

/** The bundled sample workbook, checked when no file is given. */
const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '000-yanbian-zhengwu-2024.xlsx');

export interface CliOptions {
  command: 'check' | 'help' | 'version';
  inputs: string[];
  format: 'text' | 'json';
  lang: Lang;
  tolerance?: string;
}

class UsageError extends Error {}

const USAGE = `用法 / usage:
  gouji check [文件.xlsx | 文件夹]… [--format text|json] [--lang zh-CN|en-US] [--tolerance 0.01]
  不给文件时检查自带的示例工作簿。 With no file, checks the bundled sample workbook.
退出码 / exit status: 0 无错误 no error finding · 1 有错误 some error finding · 2 无法读取 an input cannot be read`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { command: 'check', inputs: [], format: 'text', lang: 'zh-CN' };
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  else if (args[0] === 'help' || args[0] === '--help' || args[0] === '-h') return { ...opts, command: 'help' };
  else if (args[0] === '--version' || args[0] === '-v') return { ...opts, command: 'version' };
  while (args.length > 0) {
    const a = args.shift()!;
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args.shift();
      if (v === undefined || v === '') throw new UsageError(`${name} 需要一个值 / needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return { ...opts, command: 'help' };
    else if (a.startsWith('--format')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format: text | json`);
      opts.format = v;
    } else if (a.startsWith('--lang')) {
      const v = value('--lang');
      if (v !== 'zh-CN' && v !== 'en-US') throw new UsageError(`--lang: zh-CN | en-US`);
      opts.lang = v;
    } else if (a.startsWith('--tolerance')) {
      const v = value('--tolerance');
      if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`--tolerance: 非负小数 / a non-negative decimal, e.g. 0.01`);
      opts.tolerance = v;
    } else if (a.startsWith('-')) throw new UsageError(`未知选项 / unknown option: ${a}`);
    else opts.inputs.push(a);
  }
  return opts;
}

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

async function checkFile(file: string, opts: CliOptions): Promise<JsonWorkbook> {
  const name = basename(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const msg = code === 'ENOENT' ? (opts.lang === 'zh-CN' ? '文件不存在' : 'file not found') : (e as Error).message;
    return unreadableJson(name, `${resolve(file)}: ${msg}`);
  }
  try {
    const wb = await readWorkbookBytes(bytes, name);
    const report = analyzeWorkbook(wb, { catalogs: builtinCatalogs, ...(opts.tolerance !== undefined ? { tolerancePerTerm: opts.tolerance } : {}) });
    return workbookJson(report, opts.lang);
  } catch (e) {
    if (e instanceof WorkbookReadError) return unreadableJson(name, opts.lang === 'zh-CN' ? e.zh : e.en);
    throw e;
  }
}

/** Runs the CLI; returns the exit status. Output goes through `out` (stdout) and `err` (stderr). */
export async function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`gouji: ${e.message}\n${USAGE}`);
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
  const files = expandInputs(opts.inputs.length > 0 ? opts.inputs : [SAMPLE]);
  if (files.length === 0) {
    err(opts.lang === 'zh-CN' ? 'gouji: 没有找到 .xlsx 文件' : 'gouji: no .xlsx file found');
    return 2;
  }
  const results: JsonWorkbook[] = [];
  for (const f of files) results.push(await checkFile(f, opts));
  if (opts.format === 'json') out(JSON.stringify(reportJson(results), null, 2));
  else out(results.map((r) => formatWorkbookText(r, opts.lang)).join('\n\n'));
  if (results.some((r) => r.errors.length > 0)) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** Entry point of bin/gouji.js: runs with process.argv and sets the exit status. */
export function main(): Promise<void> {
  return run(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`gouji: 内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    });
}
