// Text normalization shared by recognition and the catalogs: widths, brackets, spaces.
// Each function gives back its input when there is nothing to change (most labels), and labelKey — asked
// for the same names and headers again and again — remembers its answers.

const SPACES = /[\s\u00a0\u3000]+/g;
const HAS_SPACE = /[\s\u00a0\u3000]/;

/** Removes every kind of white space, including full-width spaces and line breaks inside a cell. */
export function squash(s: string): string {
  return HAS_SPACE.test(s) ? s.replace(SPACES, '') : s;
}

/** Whether a character is one halfWidth maps: full-width ASCII, or a Chinese quote. */
function widens(c: number): boolean {
  return (c >= 0xff01 && c <= 0xff5e) || (c >= 0x201c && c <= 0x201f) || c === 0x2018 || c === 0x2019;
}

/** Full-width ASCII (letters, digits, punctuation) → half-width; Chinese quotes unified. */
export function halfWidth(s: string): string {
  let k = 0;
  while (k < s.length && !widens(s.charCodeAt(k))) k++;
  if (k === s.length) return s;
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[“”„‟]/g, '"')
    .replace(/[‘’]/g, "'");
}

/** labelKey's answers, until there are this many (then it starts again: memory stays bounded). */
const MAX_KEYS = 50_000;
const KEYS = new Map<string, string>();

/**
 * The form used to compare labels: no spaces, half-width brackets and digits, no leading
 * list numbering (`一、`, `1、`, `（1）`, `其中：`). `"二、 外交支出"` → `"外交支出"`.
 */
export function labelKey(s: string): string {
  let k = KEYS.get(s);
  if (k === undefined) {
    k = halfWidth(squash(s));
    k = k.replace(/^其中[:：]?/, '');
    k = k.replace(/^\([一二三四五六七八九十百零〇\d]+\)[、.]?/, '');
    k = k.replace(/^[一二三四五六七八九十百零〇\d]+(、|\.(?!\d))/, '');
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(s, k);
  }
  return k;
}

const TOTAL = /^(合计|总计|小计|合计数|总合计)$/;
const HALF_TOTAL = /^(人员经费|公用经费|基本支出)合计$/;

/** Whether a label is a grand total or subtotal label (合计, 总计, 小计, 本年支出合计 …). */
export function isTotalLabel(s: string): boolean {
  // Every such label ends in 计, which labelKey keeps as it is: most labels are ruled out without a key.
  if (!s.includes('计')) return false;
  const k = labelKey(s);
  // 人员经费合计 | 公用经费合计 close the two halves of a basic expenditure list printed side by side.
  return TOTAL.test(k) || HALF_TOTAL.test(k);
}
