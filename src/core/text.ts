// Text normalization shared by recognition and the catalogs: widths, brackets, spaces.

/** Removes every kind of white space, including full-width spaces and line breaks inside a cell. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

/** Full-width ASCII (letters, digits, punctuation) → half-width; Chinese quotes unified. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[“”„‟]/g, '"')
    .replace(/[‘’]/g, "'");
}

/**
 * The form used to compare labels: no spaces, half-width brackets and digits, no leading
 * list numbering (`一、`, `1、`, `（1）`, `其中：`). `"二、 外交支出"` → `"外交支出"`.
 */
export function labelKey(s: string): string {
  let k = halfWidth(squash(s));
  k = k.replace(/^其中[:：]?/, '');
  k = k.replace(/^\([一二三四五六七八九十百零〇\d]+\)[、.]?/, '');
  k = k.replace(/^[一二三四五六七八九十百零〇\d]+(、|\.(?!\d))/, '');
  return k;
}

/** Whether a label is a grand total or subtotal label (合计, 总计, 小计, 本年支出合计 …). */
export function isTotalLabel(s: string): boolean {
  const k = labelKey(s);
  // 人员经费合计 | 公用经费合计 close the two halves of a basic expenditure list printed side by side.
  return /^(合计|总计|小计|合计数|总合计)$/.test(k) || /^(人员经费|公用经费|基本支出)合计$/.test(k);
}
