// The cell formats of a workbook (xl/styles.xml): for each cell format (<cellXfs><xf>, the `s` of a cell),
// its number format code and whether that code shows a date. Nothing else of the styles is read.
import { attributes, tagsOf } from '../package/package';
import { detach } from './xml';

/**
 * Excel's built-in number formats by id, as ExcelJS maps them; the ids whose code depends on the locale
 * (27–36, 50–58) take the zh-CN code, which is how the workbooks we read show them (ExcelJS leaves them out).
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * Whether a number format shows a date or time (ExcelJS's test: a y, m, d, h, s or b outside quotes and
 * brackets; escaped characters `\x`, `_x` and `*x` are literal and left out too).
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhMsb]/.test(bare);
}

/** The cell formats of a workbook, by the index a cell's `s` gives. */
export interface CellFormats {
  /** The number format code of each cell format, undefined for General. */
  readonly numFmt: ReadonlyArray<string | undefined>;
  /** 1 where the format shows a date (the cell's number is a date). */
  readonly isDate: Uint8Array;
}

export const NO_FORMATS: CellFormats = { numFmt: [], isDate: new Uint8Array(0) };

/** Reads the cell formats of a styles part. */
export function readCellFormats(xml: string | undefined): CellFormats {
  if (!xml) return NO_FORMATS;
  const custom = new Map<number, string>();
  const fmts = region(xml, 'numFmts');
  if (fmts !== undefined) {
    for (const tag of tagsOf(fmts, 'numFmt')) {
      const a = attributes(tag);
      const id = Number(a['numFmtId']);
      if (Number.isInteger(id) && a['formatCode'] !== undefined) custom.set(id, detach(a['formatCode']));
    }
  }
  const xfs = region(xml, 'cellXfs');
  const numFmt: (string | undefined)[] = [];
  if (xfs !== undefined) {
    for (const tag of tagsOf(xfs, 'xf')) {
      const id = Number(attributes(tag)['numFmtId'] ?? 0);
      const code = Number.isInteger(id) ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
      numFmt.push(code === undefined || code.toLowerCase() === 'general' ? undefined : code);
    }
  }
  const isDate = new Uint8Array(numFmt.length);
  numFmt.forEach((code, i) => (isDate[i] = isDateFormat(code) ? 1 : 0));
  return { numFmt, isDate };
}

/** The content of the first element of this local name (any prefix), or undefined. */
function region(xml: string, localName: string): string | undefined {
  const open = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open) return undefined;
  if (open[1] === '/') return '';
  const start = open.index + open[0].length;
  const close = new RegExp(`</(?:[\\w.-]+:)?${localName}\\s*>`, 'g');
  close.lastIndex = start;
  const end = close.exec(xml);
  return xml.slice(start, end ? end.index : xml.length);
}
