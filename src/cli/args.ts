// Command-line arguments of `gouji check`.
import type { Lang } from '../core/messages/catalog';

export interface CliOptions {
  command: 'check' | 'rules' | 'help' | 'version';
  inputs: string[];
  format: 'text' | 'json' | 'csv';
  lang: Lang;
  tolerance?: string;
  /** `--fix safe`: write a copy with the safe fixes applied. */
  fix?: 'safe';
  /** `--annotate`: write a copy with the findings highlighted and noted. */
  annotate: boolean;
  /** `-o FILE`: where the copy goes. */
  output?: string;
  /** `--in-place`: overwrite the input instead (only with --fix). */
  inPlace: boolean;
  /** `--backup`: with --in-place, keep the original as FILE.bak. */
  backup: boolean;
  /** `--no-progress`: no progress bar even on a terminal. */
  progress: boolean;
  /** `--no-fail`: exit 0 even when there are error findings (2 still means an unreadable input). */
  fail: boolean;
}

export class UsageError extends Error {}

export const USAGE = `用法 / usage:
  gouji check [文件.xlsx | 文件.xlsm | 文件夹]… [选项 / options]
    --format text|json|csv     报告格式 / report format (text)
    --lang zh-CN|en-US         报告语言 / language (zh-CN)
    --tolerance 0.01           每个舍入项允许的误差 / rounding allowed per term (0.01)
    --fix safe -o 修正.xlsx     写出已应用可靠修改的副本 / write a copy with the safe fixes applied
    --annotate -o 标注.xlsx     写出标出问题单元格并加批注的副本 / write a copy with findings highlighted and noted
    --in-place                 与 --fix 同用时覆盖原文件（先写临时文件，写成后再替换）/ with --fix, overwrite the input (written to a temporary file first, swapped in once whole)
    --backup                   与 --in-place 同用时把原文件保留为 文件.bak / with --in-place, keep the original as FILE.bak
                               副本只改所改单元格与标注，图表、图片、名称、保护、宏等原样保留；启用宏的 .xlsm 只能写成 .xlsm
                               copies change only the edited cells and the marks: charts, pictures, names, protection and macros stay; an .xlsm is written as .xlsm only
                               检查多个工作簿时 -o 为文件夹，各副本同名写入 / with several workbooks -o is a folder
    --no-fail                  有错误也以 0 退出 / exit 0 even when errors are found
  gouji rules [--lang en-US]   列出全部检查规则 / list every rule
  不给文件时检查自带的示例工作簿。 With no file, checks the bundled sample workbook.
退出码 / exit status: 0 无错误 no error finding · 1 有错误 some error finding · 2 无法读取或用法有误 unreadable input or bad usage`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { command: 'check', inputs: [], format: 'text', lang: 'zh-CN', annotate: false, inPlace: false, backup: false, progress: true, fail: true };
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  else if (args[0] === 'rules') {
    args.shift();
    opts.command = 'rules';
  }
  else if (args[0] === 'help' || args[0] === '--help' || args[0] === '-h') return { ...opts, command: 'help' };
  else if (args[0] === '--version' || args[0] === '-v') return { ...opts, command: 'version' };
  while (args.length > 0) {
    const a = args.shift()!;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args.shift();
      if (v === undefined || v === '') throw new UsageError(`${name} 需要一个值 / needs a value`);
      return v;
    };
    switch (name) {
      case '--help':
      case '-h':
        return { ...opts, command: 'help' };
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'csv') throw new UsageError('--format: text | json | csv');
        opts.format = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'zh-CN' && v !== 'en-US') throw new UsageError('--lang: zh-CN | en-US');
        opts.lang = v;
        break;
      }
      case '--tolerance': {
        const v = value();
        if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError('--tolerance: 非负小数 / a non-negative decimal, e.g. 0.01');
        opts.tolerance = v;
        break;
      }
      case '--fix': {
        const v = value();
        if (v !== 'safe') throw new UsageError('--fix: safe');
        opts.fix = v;
        break;
      }
      case '--annotate':
        opts.annotate = true;
        break;
      case '-o':
      case '--output':
        opts.output = value();
        break;
      case '--in-place':
        opts.inPlace = true;
        break;
      case '--backup':
        opts.backup = true;
        break;
      case '--no-progress':
        opts.progress = false;
        break;
      case '--no-fail':
        opts.fail = false;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`未知选项 / unknown option: ${a}`);
        opts.inputs.push(a);
    }
  }
  if (opts.fix && opts.annotate) throw new UsageError('--fix 与 --annotate 请分开运行 / use --fix and --annotate in separate runs');
  if ((opts.fix || opts.annotate) && opts.inputs.length !== 1) throw new UsageError('--fix / --annotate 只处理一个工作簿 / take exactly one workbook');
  if (opts.fix && !opts.output && !opts.inPlace) throw new UsageError('--fix 需要 -o 输出文件或 --in-place / needs -o FILE or --in-place');
  if (opts.annotate && !opts.output) throw new UsageError('--annotate 需要 -o 输出文件 / needs -o FILE');
  if (opts.inPlace && !opts.fix) throw new UsageError('--in-place 只与 --fix 同用 / goes with --fix only');
  if (opts.backup && !opts.inPlace) throw new UsageError('--backup 只与 --in-place 同用 / goes with --in-place only');
  return opts;
}
