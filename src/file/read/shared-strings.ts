// The shared-string table (xl/sharedStrings.xml): one string per <si>, by index. Rich text is its runs'
// text joined; phonetic guides (<rPh>, the furigana/pinyin runs) are not part of the value, as in Excel.
import * as X from './xml';
import { type TextRun } from './xml';

// Bound once: under loaders that compile modules to CommonJS (tsx, jest), every use of an import is a
// getter call, and the scan makes millions of them.
const { BANG, localStart, nameEnd, nameIs, QUESTION, readText, skipSpecial, SLASH, tagClose } = X;

/** The strings of a shared-string part, in order. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const run: TextRun = { text: '', next: 0 };
  /** The text of the <si> being read; undefined outside one. */
  let current: string | undefined;
  let phonetic = 0;
  let p = 0;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === BANG || c1 === QUESTION) {
      p = skipSpecial(xml, lt);
      continue;
    }
    const closing = c1 === SLASH;
    const ns = closing ? lt + 2 : lt + 1;
    const ne = nameEnd(xml, ns);
    const ls = localStart(xml, ns, ne);
    const gt = tagClose(xml, ne);
    if (gt >= xml.length) break;
    if (closing) {
      if (nameIs(xml, ls, ne, 'si')) {
        if (current !== undefined) out.push(current);
        current = undefined;
        phonetic = 0;
      } else if (nameIs(xml, ls, ne, 'rPh')) phonetic = Math.max(0, phonetic - 1);
      p = gt + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
    if (nameIs(xml, ls, ne, 'si')) {
      if (selfClosing) out.push('');
      else current = '';
      phonetic = 0;
    } else if (nameIs(xml, ls, ne, 'rPh')) {
      if (!selfClosing) phonetic++;
    } else if (current !== undefined && phonetic === 0 && !selfClosing && nameIs(xml, ls, ne, 't')) {
      readText(xml, gt + 1, run);
      current += run.text;
      p = run.next;
      continue;
    }
    p = gt + 1;
  }
  return out;
}
