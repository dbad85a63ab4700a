// Pure helpers that turn the engine's JSON report into what the pane lists: groups, order, labels.
import { columnIndex } from '../core/grid/grid';
import { KIND_NAMES, isTableKind } from '../core/recognize/kinds';
import type { JsonFinding, JsonWorkbook } from '../core/report-json';
import type { RuleInfo } from './engine';
import type { Severity, Strings } from './strings';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One finding as a row of the list. */
export interface DisplayFinding {
  /** Unique within the list (the engine's id, made unique if it repeats). */
  readonly key: string;
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
  readonly fix?: { readonly title: string; readonly percent: number };
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

function toDisplay(f: JsonFinding, key: string, rule: RuleInfo | undefined): DisplayFinding {
  const cell = f.cells.find((c) => c.role === 'checked') ?? f.cells[0];
  const fix = f.fixes[0];
  return {
    key,
    rule: f.rule,
    ruleName: rule?.title ?? f.rule,
    ...(rule ? { ruleDescription: rule.description } : {}),
    severity: f.severity,
    message: f.message,
    ...(cell ? { sheet: cell.sheet, address: cell.address } : {}),
    where: cell ? `${cell.sheet}!${cell.address}` : '',
    ...(f.expected !== undefined ? { expected: thousands(f.expected) } : {}),
    ...(f.actual !== undefined ? { actual: thousands(f.actual) } : {}),
    ...(f.difference !== undefined ? { difference: signed(thousands(f.difference)) } : {}),
    ...(fix ? { fix: { title: fix.title, percent: percent(fix.confidence) } } : {}),
  };
}

/**
 * Groups findings by severity (errors, warnings, notes; empty groups left out) and orders each group
 * the way a person walks the workbook: by sheet (workbook order, unknown sheets last), row, column,
 * then rule in the engine's order. Stable for equal keys.
 */
export function groupFindings(findings: readonly JsonFinding[], sheetOrder: readonly string[], rules: readonly RuleInfo[]): SeverityGroup[] {
  const ruleOrder = rules.map((r) => r.id);
  const seen = new Map<string, number>();
  const rows = findings.map((f, i) => {
    const n = seen.get(f.id) ?? 0;
    seen.set(f.id, n + 1);
    return { d: toDisplay(f, n === 0 ? f.id : `${f.id}#${n}`, rules.find((r) => r.id === f.rule)), i };
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

/** One chip of the summary: a table kind, how many tables of it, and on which sheets. */
export interface TableChip {
  readonly kind: string;
  readonly label: string;
  readonly count: number;
  readonly sheets: readonly string[];
}

/** The recognized tables as chips, one per kind in order of first appearance. */
export function tableChips(tables: JsonWorkbook['tables'], lang: Strings['lang']): TableChip[] {
  const chips = new Map<string, { kind: string; label: string; count: number; sheets: string[] }>();
  for (const t of tables) {
    let chip = chips.get(t.kind);
    if (!chip) {
      const names = isTableKind(t.kind) ? KIND_NAMES[t.kind] : undefined;
      chip = { kind: t.kind, label: names ? (lang === 'zh-CN' ? names.zh : names.en) : t.kind, count: 0, sheets: [] };
      chips.set(t.kind, chip);
    }
    chip.count++;
    if (!chip.sheets.includes(t.sheet)) chip.sheets.push(t.sheet);
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
