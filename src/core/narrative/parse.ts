// Reads the figures a 情况说明 paragraph quotes: "项目支出 1218.9 万元，占 72.27%". Pure: text in, figures out.
import { Money, parseAmountText } from '../money/money';
import { halfWidth } from '../text';

/** A share printed right after a figure: `占 38.79%`. */
export interface NarrativeShare {
  readonly value: Money;
  /** Decimals as printed (`3.1%` → 1, `4%` → 0). */
  readonly decimals: number;
  /** As printed, without `占` (`90. 62%`). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One amount a paragraph quotes, with the words that name it. */
export interface NarrativeFigure {
  /** The words before the amount, back to the previous clause mark or figure, as printed. */
  readonly rawLabel: string;
  /** rawLabel without the year, list marks, `其中`, quotes and spaces: `项目支出`, `一般公共服务(类)支出`. */
  readonly label: string;
  readonly value: Money;
  /** Decimals as printed (`1686` → 0, `1218.9` → 1). */
  readonly decimals: number;
  /** The number as printed (`381. 79`). */
  readonly text: string;
  readonly unit: '万元' | '元';
  /** Offsets of the number in the paragraph (the unit not included). */
  readonly start: number;
  readonly end: number;
  readonly share?: NarrativeShare;
  /** A change against another year (`比上年增加 4.28 万元`): it cannot be checked against this year's tables. */
  readonly change: boolean;
  /** Index of the figure this one is part of (`…1686 万元，其中：基本支出…`, `基本支出中，人员经费…`). */
  readonly head?: number;
  /** Index of the sentence (split at 。) the figure is in. */
  readonly sentence: number;
}

export interface NarrativeSentence {
  readonly start: number;
  readonly end: number;
  /** The sentence's text, trimmed. */
  readonly text: string;
}

export interface ParsedParagraph {
  readonly figures: readonly NarrativeFigure[];
  readonly sentences: readonly NarrativeSentence[];
}

/** An amount: `1,284.21`, `1686`, OCR-spaced `381. 79`, then 万元 or 元. */
const AMOUNT = /(\d{1,3}(?:,\d{3})+|\d+)(\s*\.\s*\d+)?\s*(万元|元)/g;
/** A share: `占 38.79%`, `占比 4%`, OCR-spaced `占 90. 62%`. */
const SHARE = /^\s*[,，]?\s*占(?:比)?\s*(?:为)?\s*(\d+(?:\s*\.\s*\d+)?)\s*%/;
/** Where a label starts: a clause mark before it. */
const CLAUSE_MARK = /[。；;，,：:、\n]/;
/** Words that make a figure a change against another year. */
const CHANGE = /比|增加|减少|增长|下降|相比|较上年|较\d{4}|持平|增减|节约|压减/;
/** Words after a figure that make it the whole the next figures are parts of. */
const OPENS_PARTS = /其中|包括[:：]|主要用于以下方面|具体如下|分别为/;
/** A sentence that lists the parts of the figure ending the sentence before it. */
const OPENS_NEXT = /^(其中|主要用于以下方面|具体如下)/;
/** A sentence that goes on listing the parts of the figure before it. */
const CONTINUES_PARTS = /^(其中|支出包括|收入包括|包括|主要用于以下方面|具体)/;
/** `本年收入中，…`, `基本支出中：…`: the parts of an earlier figure. */
const PARTS_OF = /^([^，,。；;：:]{2,12}?)中[，,：:]/;

/** Decimals of a printed number (`381. 79` → 2). */
function decimalsOf(text: string): number {
  const m = /\.\s*(\d+)$/.exec(text);
  return m?.[1] ? m[1].length : 0;
}

/** The label words: no year, list marks, `其中`, quotes, `为`, spaces. */
export function cleanLabel(raw: string): string {
  let s = halfWidth(raw).replace(/[\s\u3000]+/g, '');
  // Everything up to the last "2024 年" (the department's name, the year).
  const year = /^.*\d{4}年(度)?/.exec(s);
  if (year) s = s.slice(year[0].length);
  for (;;) {
    const before = s;
    s = s.replace(/^(其中|另外|此外|以及|和|及)[:：]?/, '');
    s = s.replace(/^\(?[一二三四五六七八九十\d]+\)[、.]?/, '');
    s = s.replace(/^[一二三四五六七八九十\d]+[、.](?!\d)/, '');
    s = s.replace(/^(主要用于以下方面|支出包括|收入包括|包括)[:：]?/, '');
    if (s === before) break;
  }
  s = s.replace(/["'“”‘’《》]/g, '');
  s = s.replace(/(为|是|共计|共|合计为|总额为)$/, '');
  return s;
}

/** Splits a paragraph into sentences at 。 ! ? (semicolons separate items of one sentence). */
function sentencesOf(t: string): NarrativeSentence[] {
  const out: NarrativeSentence[] = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || /[。!?！？\n]/.test(t[i]!)) {
      const text = t.slice(start, i).trim();
      if (text !== '') out.push({ start, end: i, text });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Finds the figures of one paragraph, with the label each belongs to, the share printed after it,
 * whether it is a change against another year, and which earlier figure it is a part of.
 */
export function parseParagraph(text: string): ParsedParagraph {
  // halfWidth maps one character to one character: offsets stay those of the printed text.
  const t = halfWidth(text);
  const sentences = sentencesOf(t);
  const sentenceAt = (pos: number) => Math.max(0, sentences.findIndex((s) => pos >= s.start && pos <= s.end));
  const raw: Array<Omit<NarrativeFigure, 'head'>> = [];
  let boundary = 0;
  for (const m of t.matchAll(AMOUNT)) {
    const start = m.index;
    const numberText = `${m[1]}${m[2] ?? ''}`;
    const end = start + numberText.length;
    // The character before must not continue a number (`12.5` is not `2.5`).
    if (start > 0 && /[\d.]/.test(t[start - 1]!)) continue;
    const value = parseAmountText(numberText);
    if (value === undefined) continue;
    let labelStart = start;
    while (labelStart > boundary && !CLAUSE_MARK.test(t[labelStart - 1]!)) labelStart--;
    const rawLabel = t.slice(labelStart, start).trim();
    let after = start + m[0].length;
    const share = SHARE.exec(t.slice(after));
    let shareOut: NarrativeShare | undefined;
    if (share?.[1]) {
      const sv = parseAmountText(share[1]);
      const sStart = after + share[0].indexOf(share[1]);
      if (sv !== undefined) shareOut = { value: sv, decimals: decimalsOf(share[1]), text: `${share[1]}%`, start: sStart, end: sStart + share[1].length + 1 };
      after += share[0].length;
    }
    raw.push({
      rawLabel,
      label: cleanLabel(rawLabel),
      value,
      decimals: decimalsOf(numberText),
      text: numberText,
      unit: m[3] === '元' ? '元' : '万元',
      start,
      end,
      ...(shareOut ? { share: shareOut } : {}),
      change: CHANGE.test(rawLabel),
      sentence: sentenceAt(start),
    });
    boundary = after;
  }
  // Which figure each is a part of.
  const figures: NarrativeFigure[] = [];
  let open: number | undefined; // the figure whose parts are being listed
  let openSentence = -1;
  let partsOf: number | undefined; // `X中，` of the current sentence
  let partsSentence = -1;
  raw.forEach((f, i) => {
    if (open !== undefined && f.sentence !== openSentence) {
      // The parts go on into this sentence only when every sentence since says so.
      let keeps = true;
      for (let s = openSentence + 1; s <= f.sentence; s++) if (!CONTINUES_PARTS.test(sentences[s]?.text ?? '')) keeps = false;
      if (keeps) openSentence = f.sentence;
      else open = undefined;
    }
    if (partsSentence !== f.sentence) {
      partsOf = undefined;
      partsSentence = f.sentence;
      const s = sentences[f.sentence];
      const x = s ? PARTS_OF.exec(s.text) : null;
      if (x?.[1]) {
        const whole = cleanLabel(x[1]);
        for (let j = i - 1; j >= 0; j--) {
          const g = raw[j]!;
          if (!g.change && whole.length >= 2 && g.label.startsWith(whole)) {
            partsOf = j;
            break;
          }
        }
      }
    }
    const head = partsOf ?? open;
    figures.push({ ...f, ...(head !== undefined && head !== i ? { head } : {}) });
    if (f.change) return;
    const next = raw[i + 1];
    const between = t.slice(f.share ? f.share.end : f.end, next ? next.start : t.length);
    const stop = between.search(/[。!?！？\n]/);
    const inSentence = stop >= 0 ? between.slice(0, stop) : between;
    if (OPENS_PARTS.test(inSentence.split(/[，,；;]/).slice(0, 3).join('，'))) {
      open = i;
      openSentence = f.sentence;
    } else if (stop >= 0 && OPENS_NEXT.test(between.slice(stop + 1).trim())) {
      // "…1686 万元。其中：…": the parts are listed in the next sentence.
      open = i;
      openSentence = f.sentence + 1;
    }
  });
  return { figures, sentences };
}
