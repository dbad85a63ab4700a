// Pure helpers that turn the engine's JSON report into what the pane lists: groups, order, labels.
import { columnIndex } from '../core/grid/grid';
import { KIND_NAMES, isTableKind } from '../core/recognize/kinds';
import type { JsonFinding, JsonFix, JsonWorkbook } from '../core/report-json';
import type { FindingParts, RuleInfo } from './engine';
import { editsSignature } from './journal';
import { SAFE_CONFIDENCE } from './safe';
import type { Severity, Strings } from './strings';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One finding as a row of the list. */
export interface DisplayFinding {
  /** Unique within the list (the engine's id, made unique if it repeats). */
  readonly key: string;
  /** The engine's id (what the journal records as answered). */
  readonly id: string;
  readonly rule: string;
  /** The rule's short title (its id when the engine does not name it). */
  readonly ruleName: string;
  /** The rule in one sentence, when known. */
  readonly ruleDescription?: string;
  readonly severity: Severity;
  readonly message: string;
  /** The checked cell (first cell when none is marked checked). */
  readonly sheet?: string;
  readonly address?: string;
  /** `预算表3!D5`, or '' when the finding names no cell. */
  readonly where: string;
  readonly expected?: string;
  readonly actual?: string;
  /** Amounts with thousands separators; the difference with an explicit sign: `+0.01`, `-1,000.00`. */
  readonly difference?: string;
  /** The first fix (the one the card offers first). */
  readonly fix?: DisplayFix;
  /** Every fix, best first. */
  readonly fixes: readonly DisplayFix[];
  /** The evidence cells (the cells the checked one was compared with). */
  readonly evidence: readonly CellLink[];
  /** The other identities this finding's cause breaks (folded into it: 另影响 N 处勾稽关系). */
  readonly consequences: readonly DisplayFinding[];
  /** A class of similar findings shown as one: its members, each selectable. */
  readonly members: readonly DisplayFinding[];
  /** The first two fixes are about as likely and neither is sure: the user must choose between them. */
  readonly balanced: boolean;
}

/** A cell a finding names, as a link. */
export interface CellLink {
  readonly sheet: string;
  readonly address: string;
  /** `预算表9!H11`. */
  readonly where: string;
}

/** One cell change of a fix, for the preview `H10: 546.27 → 548.27`. */
export interface DisplayEdit extends CellLink {
  /** What the cell holds, as displayed ('' when empty). */
  readonly before: string;
  /** What the fix writes, as displayed (the formula with `=` when it writes one). */
  readonly after: string;
  /** The whole texts, when before/after show only the part that changes. */
  readonly full?: { readonly before: string; readonly after: string };
}

export interface DisplayFix {
  readonly title: string;
  readonly percent: number;
  /** Applied to a copy and re-checked by the engine. */
  readonly verified: boolean;
  /** Would be applied by 一键修正可靠项 (verified, confident, not info). */
  readonly safe: boolean;
  readonly reason?: string;
  readonly edits: readonly DisplayEdit[];
  /** What it writes, to match it with the journal's applied fixes. */
  readonly signature: string;
  /** The engine's fix, as the report has it. */
  readonly source: JsonFix;
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: readonly DisplayFinding[];
}

/** `0.01` → `+0.01`; negative and zero amounts unchanged. */
export function signed(amount: string): string {
  return /^[0-9]/.test(amount) && /[1-9]/.test(amount) ? `+${amount}` : amount;
}

/** Groups the integer digits of a decimal amount by thousands: `-1234567.50` → `-1,234,567.50`; anything else unchanged. */
export function thousands(amount: string): string {
  const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(amount);
  if (!m) return amount;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** Confidence 0..1 → a whole percentage, clamped. */
export function percent(confidence: number): number {
  return Math.max(0, Math.min(100, Math.round(confidence * 100)));
}

/** `D15` → [14, 3] (row, column, 0-based); unparsable addresses sort last. */
function position(address: string | undefined): [number, number] {
  const m = address ? /^\$?([A-Za-z]+)\$?(\d+)/.exec(address) : null;
  return m && m[1] && m[2] ? [Number(m[2]) - 1, columnIndex(m[1])] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

/** Texts longer than this are shown as the part that changes, with a little context. */
const EXCERPT_FROM = 32;

/**
 * The part of a long text an edit changes, with `context` characters around it and `…` for the rest:
 * `…项目支出 1218.9 万元，…` / `…项目支出 1218.49 万元，…`. Short texts come back whole.
 */
export function changeExcerpt(before: string, after: string, context = 10): { before: string; after: string } {
  if (before.length <= EXCERPT_FROM && after.length <= EXCERPT_FROM) return { before, after };
  const a = [...before];
  const b = [...after];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const cut = (chars: string[]) => {
    const from = Math.max(0, head - context);
    const to = Math.min(chars.length, chars.length - tail + context);
    return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
  };
  return { before: cut(a), after: cut(b) };
}

/** An edit's text as the preview shows it: amounts with thousands separators, formulas with `=`. */
function editText(text: string, formula?: string): string {
  if (formula !== undefined) return `=${formula.replace(/^=/, '')}`;
  return /^-?\d+(\.\d+)?$/.test(text) ? thousands(text) : text;
}

/** A fix of a finding, for the card. */
export function toDisplayFix(fix: JsonFix, severity: Severity): DisplayFix {
  return {
    title: fix.title,
    percent: percent(fix.confidence),
    verified: fix.verified === true,
    safe: severity !== 'info' && fix.verified === true && fix.confidence >= SAFE_CONFIDENCE,
    ...(fix.reason ? { reason: fix.reason } : {}),
    edits: fix.edits.map((e) => {
      const full = { before: editText(e.before), after: editText(e.after, e.formula) };
      const shown = changeExcerpt(full.before, full.after);
      return { sheet: e.sheet, address: e.address, where: `${e.sheet}!${e.address}`, ...shown, ...(shown.before !== full.before || shown.after !== full.after ? { full } : {}) };
    }),
    signature: editsSignature(fix.edits),
    source: fix,
  };
}

/**
 * A table named by its title and then by its kind or sheet in brackets says the same thing twice when the
 * two are equal: `项目支出表（项目支出表）` → `项目支出表`.
 */
export function sayOnce(text: string): string {
  return text.replace(/([^\s，。、；：,.;:（）()“”"]+)（\1）/g, '$1').replace(/([^\s，。、；：,.;:（）()“”"]+) \(\1\)/g, '$1');
}

/** Confidences this close, neither sure, leave the choice to the user. */
export const BALANCED_WITHIN = 0.15;

/** Whether the first two fixes are balanced: neither sure (< 75 %), and within BALANCED_WITHIN of each other. */
export function isBalanced(fixes: readonly Pick<JsonFix, 'confidence'>[]): boolean {
  const [a, b] = fixes;
  return a !== undefined && b !== undefined && a.confidence < SAFE_CONFIDENCE && b.confidence < SAFE_CONFIDENCE && Math.abs(a.confidence - b.confidence) <= BALANCED_WITHIN + 1e-9;
}

function toDisplay(f: JsonFinding, key: string, rule: RuleInfo | undefined, parts?: FindingParts, ruleOf?: (id: string) => RuleInfo | undefined): DisplayFinding {
  const cell = f.cells.find((c) => c.role === 'checked') ?? f.cells[0];
  const fixes = f.fixes.map((x) => toDisplayFix(x, f.severity));
  const fix = fixes[0];
  const inner = (list: readonly JsonFinding[] | undefined, prefix: string) => (list ?? []).map((x, i) => toDisplay(x, `${key}/${prefix}${i}`, ruleOf?.(x.rule), undefined, ruleOf));
  return {
    key,
    id: f.id,
    rule: f.rule,
    ruleName: rule?.title ?? f.rule,
    ...(rule ? { ruleDescription: rule.description } : {}),
    severity: f.severity,
    message: sayOnce(f.message),
    ...(cell ? { sheet: cell.sheet, address: cell.address } : {}),
    where: cell ? `${cell.sheet}!${cell.address}` : '',
    ...(f.expected !== undefined ? { expected: thousands(f.expected) } : {}),
    ...(f.actual !== undefined ? { actual: thousands(f.actual) } : {}),
    ...(f.difference !== undefined ? { difference: signed(thousands(f.difference)) } : {}),
    ...(fix ? { fix } : {}),
    fixes,
    evidence: f.cells.filter((c) => c !== cell).map((c) => ({ sheet: c.sheet, address: c.address, where: `${c.sheet}!${c.address}` })),
    consequences: inner(parts?.consequences, 'c'),
    members: inner(parts?.members, 'm'),
    balanced: isBalanced(f.fixes),
  };
}

/**
 * Groups findings by severity (errors, warnings, notes; empty groups left out) and orders each group
 * the way a person walks the workbook: by sheet (workbook order, unknown sheets last), row, column,
 * then rule in the engine's order. Stable for equal keys.
 */
export function groupFindings(findings: readonly JsonFinding[], sheetOrder: readonly string[], rules: readonly RuleInfo[], parts?: ReadonlyArray<FindingParts | undefined>): SeverityGroup[] {
  const ruleOrder = rules.map((r) => r.id);
  const ruleOf = (id: string) => rules.find((r) => r.id === id);
  const seen = new Map<string, number>();
  const rows = findings.map((f, i) => {
    const n = seen.get(f.id) ?? 0;
    seen.set(f.id, n + 1);
    return { d: toDisplay(f, n === 0 ? f.id : `${f.id}#${n}`, ruleOf(f.rule), parts?.[i], ruleOf), i };
  });
  const sheetRank = (sheet: string | undefined) => {
    const k = sheet === undefined ? -1 : sheetOrder.indexOf(sheet);
    return k < 0 ? Number.MAX_SAFE_INTEGER : k;
  };
  const ruleRank = (rule: string) => {
    const k = ruleOrder.indexOf(rule);
    return k < 0 ? Number.MAX_SAFE_INTEGER : k;
  };
  rows.sort((a, b) => {
    const [ar, ac] = position(a.d.address);
    const [br, bc] = position(b.d.address);
    return sheetRank(a.d.sheet) - sheetRank(b.d.sheet) || ar - br || ac - bc || ruleRank(a.d.rule) - ruleRank(b.d.rule) || a.i - b.i;
  });
  return SEVERITIES.map((severity) => ({ severity, findings: rows.filter((r) => r.d.severity === severity).map((r) => r.d) })).filter((g) => g.findings.length > 0);
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Pick<JsonFinding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** One table of a chip: where it is and the key its kind is overridden by. */
export interface ChipTable {
  readonly sheet: string;
  readonly range: string;
  readonly title: string;
  /** `sheet!range`: the engine's tableKey, the key of kindOverrides. */
  readonly key: string;
  /** The user chose this table's kind. */
  readonly overridden: boolean;
}

/** One chip of the summary: a table kind, how many tables of it, and on which sheets. */
export interface TableChip {
  readonly kind: string;
  readonly label: string;
  readonly count: number;
  readonly sheets: readonly string[];
  readonly tables: readonly ChipTable[];
}

/** A kind's name in the pane's language (the id for a kind the pane does not know). */
export function kindLabel(kind: string, lang: Strings['lang']): string {
  const names = isTableKind(kind) ? KIND_NAMES[kind] : undefined;
  return names ? (lang === 'zh-CN' ? names.zh : names.en) : kind;
}

/** The recognized tables as chips, one per kind in order of first appearance. */
export function tableChips(tables: JsonWorkbook['tables'], lang: Strings['lang'], overrides: Readonly<Record<string, string>> = {}): TableChip[] {
  const chips = new Map<string, { kind: string; label: string; count: number; sheets: string[]; tables: ChipTable[] }>();
  for (const t of tables) {
    let chip = chips.get(t.kind);
    if (!chip) {
      chip = { kind: t.kind, label: kindLabel(t.kind, lang), count: 0, sheets: [], tables: [] };
      chips.set(t.kind, chip);
    }
    chip.count++;
    if (!chip.sheets.includes(t.sheet)) chip.sheets.push(t.sheet);
    const key = `${t.sheet}!${t.range}`;
    chip.tables.push({ sheet: t.sheet, range: t.range, title: t.title, key, overridden: overrides[key] !== undefined });
  }
  return [...chips.values()];
}

/** Cells the findings point at, `sheet!address` → the worst severity there (for the preview's marks). */
export function markedCells(findings: readonly JsonFinding[]): Map<string, Severity> {
  const marks = new Map<string, Severity>();
  for (const f of findings) {
    const cell = f.cells.find((c) => c.role === 'checked') ?? f.cells[0];
    if (!cell) continue;
    const key = `${cell.sheet}!${cell.address}`;
    const had = marks.get(key);
    if (had === undefined || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(had)) marks.set(key, f.severity);
  }
  return marks;
}

/** The finding, consequence or member with this key anywhere in the groups (what the pane has selected). */
export function findByKey(groups: readonly SeverityGroup[], key: string | undefined): DisplayFinding | undefined {
  if (key === undefined) return undefined;
  const walk = (list: readonly DisplayFinding[]): DisplayFinding | undefined => {
    for (const f of list) {
      if (f.key === key) return f;
      if (key.startsWith(`${f.key}/`)) return walk([...f.consequences, ...f.members]);
    }
    return undefined;
  };
  return walk(groups.flatMap((g) => g.findings));
}

/**
 * A reader's sentence for people, without what a library added to it: a bracketed part written in English
 * (`（Can't find end of central directory : is this a zip file ? …）`) or a web address is left out.
 */
export function plainReason(text: string): string {
  return text
    .replace(/[（(][^（）()]*[A-Za-z]{3,}[^（）()]*\s[^（）()]*[A-Za-z]{3,}[^（）()]*[）)]/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\s+([。，；])/g, '$1')
    .trim();
}
