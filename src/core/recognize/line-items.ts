// Line-item lists (收支总表 sides, 财政拨款收支总表, 三公经费 by rows): numbering → levels, totals, carry-overs.
import { halfWidth, squash } from '../text';
import type { Row, Table } from './model';

/** `count`: a statistic printed among the amounts (因公出国（境）团组数（个）, 公务用车保有量（辆）): never summed. */
export type LineKind = 'item' | 'year-total' | 'grand-total' | 'carry' | 'count';

export interface LineItem {
  readonly row: Row;
  readonly kind: LineKind;
  /** 1 for 一、 / 1、 items, 2 for their sub-items, 3 for the （1） lines of a sub-item; 0 for totals and carry-overs. */
  readonly level: number;
  /** A sub-item introduced by 其中 ("of which"): part of its parent, not necessarily all of it. */
  readonly ofWhich: boolean;
  /** The item a sub-item belongs to (level 1 for a level-2 item, level 2 for a level-3 one). */
  readonly parent?: Row;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十四 → 24, 三十 → 30. */
function chineseNumber(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return undefined;
  if (s === '十') return 10;
  const tens = s.indexOf('十');
  if (tens < 0) return CN_DIGITS[s];
  const high = tens === 0 ? 1 : CN_DIGITS[s.slice(0, tens)] ?? 0;
  const low = tens === s.length - 1 ? 0 : CN_DIGITS[s.slice(tens + 1)] ?? 0;
  return high * 10 + low;
}

/** The list numbering a label starts with: `一、` (chinese), `1、` (arabic), `（1）` (paren), and 其中. */
export function numbering(label: string): { style: 'chinese' | 'arabic' | 'paren' | 'none'; n?: number; ofWhich: boolean } {
  let t = halfWidth(squash(label));
  const ofWhich = /^其中[:：]?/.test(t);
  t = t.replace(/^其中[:：]?/, '');
  let m = /^([一二三四五六七八九十]+)[、.]/.exec(t);
  if (m?.[1]) return { style: 'chinese', n: chineseNumber(m[1]), ofWhich };
  m = /^\((\d+|[一二三四五六七八九十]+)\)/.exec(t);
  if (m?.[1]) return { style: 'paren', n: /\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]), ofWhich };
  m = /^(\d+)[、.](?!\d)/.exec(t);
  if (m?.[1]) return { style: 'arabic', n: Number(m[1]), ofWhich };
  return { style: 'none', ofWhich };
}

/** A line that counts things, not money: its label ends with a unit of things, or names a count. */
export function isCountLine(name: string): boolean {
  const k = halfWidth(squash(name));
  return /\((个|人|辆|批|次|人次|批次|台|套|家|项|户|人天|天)\)$/.test(k) || /(团组数|人数|人次数?|批次数?|保有量|购置数|车辆数)$/.test(k);
}

function kindOf(name: string): LineKind {
  const k = squash(name);
  if (isCountLine(name)) return 'count';
  if (/总计$/.test(k)) return 'grand-total';
  if (/^(本年)?(收入|支出)?合计$/.test(k) || /^本年(收入|支出)合计$/.test(k)) return 'year-total';
  if (/结转|结余/.test(k)) return 'carry';
  return 'item';
}

/**
 * Reads a list's rows into items with levels. Numbered rows (一、 or 1、) are level 1; rows after a
 * level-1 row that are unnumbered, parenthesized or introduced by 其中 are its level-2 sub-items.
 * A numbered list that restarts at 一 under a level-1 row (财政拨款收支总表's 一、本年支出 → 一、一般公共服务支出 …)
 * is a nested level-2 list until the outer numbering resumes.
 */
export function lineItems(table: Table): LineItem[] {
  // Several rules ask for the same table's lines: read once per table.
  let items = LINE_ITEMS.get(table);
  if (!items) LINE_ITEMS.set(table, (items = readLineItems(table)));
  return items;
}

const LINE_ITEMS = new WeakMap<Table, LineItem[]>();

function readLineItems(table: Table): LineItem[] {
  const out: LineItem[] = [];
  const hasNumbered = table.rows.some((r) => numbering(r.name).style === 'chinese' || numbering(r.name).style === 'arabic');
  let parent: Row | undefined;
  let nested: { style: string; last: number; row: Row } | undefined;
  for (const row of table.rows) {
    const kind = kindOf(row.name);
    const num = numbering(row.name);
    if (kind === 'count') {
      // A statistic (团组数, 保有量 …) under its heading (二、相关统计数): listed, never a term of a sum.
      out.push({ row, kind, level: parent ? 2 : 1, ofWhich: false, ...(parent ? { parent } : {}) });
      continue;
    }
    if (kind !== 'item' && num.style !== 'chinese' && num.style !== 'arabic') {
      out.push({ row, kind, level: 0, ofWhich: false });
      parent = undefined;
      nested = undefined;
      continue;
    }
    const outer = num.style === 'chinese' || num.style === 'arabic';
    if (outer && parent && nested === undefined && num.n === 1 && !out.some((i) => i.parent === parent)) {
      nested = { style: num.style, last: 1, row };
      out.push({ row, kind: 'item', level: 2, ofWhich: num.ofWhich, parent });
      continue;
    }
    if (outer && nested && kind === 'item' && num.style === nested.style && num.n === nested.last + 1) {
      nested.last = num.n;
      nested.row = row;
      out.push({ row, kind: 'item', level: 2, ofWhich: num.ofWhich, parent });
      continue;
    }
    if (outer) {
      parent = row;
      nested = undefined;
      out.push({ row, kind: kind === 'carry' ? 'carry' : 'item', level: 1, ofWhich: false });
      continue;
    }
    // Inside a nested list (一、支出合计 → 1、… 3、公务用车费), a （1） or 其中 line is a part of the nested item.
    if (hasNumbered && parent && nested) out.push({ row, kind: 'item', level: 3, ofWhich: num.ofWhich, parent: nested.row });
    else if (hasNumbered && parent) out.push({ row, kind: 'item', level: 2, ofWhich: num.ofWhich, parent });
    else out.push({ row, kind, level: 1, ofWhich: num.ofWhich });
  }
  return out;
}
