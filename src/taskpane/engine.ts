// The engine as the pane calls it: loaded lazily (its own chunk, with the subject catalogs) on the first
// check. Also what only the engine knows how to do: which fixes are safe, what an edit writes, the JSON report.
import { analyzeWorkbook } from '../core/analyze';
import { builtinCatalogs, functionalCatalog } from '../core/catalog/builtin';
import type { Edit, Finding } from '../core/findings';
import { applyEdits } from '../core/fix/apply';
import { safeEdits } from '../core/fix/safe';
import type { Workbook } from '../core/grid/grid';
import { isTableKind, type TableKind } from '../core/recognize/kinds';
import { reportJson, workbookJson, type JsonEdit, type JsonFinding, type JsonWorkbook } from '../core/report-json';
import { RULES } from '../core/rules';
import type { RuleGroup } from '../core/rules/rule';
import type { FixRequest, PlannedEdit } from './journal';
import { editsSignature } from './journal';
import { planEdit } from './plan';
import type { Lang } from './strings';

/** A rule as the pane names it: short title and one-sentence description, in the pane's language. */
export interface RuleInfo {
  readonly id: string;
  readonly group: RuleGroup;
  readonly title: string;
  readonly description: string;
}

/** The engine's rules in their listing order, named in `lang`. */
export function ruleInfo(lang: Lang): RuleInfo[] {
  const pick = (t: { zh: string; en: string }) => (lang === 'zh-CN' ? t.zh : t.en);
  return RULES.map((r) => ({ id: r.meta.id, group: r.meta.group, title: pick(r.meta.title), description: pick(r.meta.description) }));
}

/** How the user set up the check (settings panel and table chips). */
export interface EngineOptions {
  /** Allowed difference per rounded term, a decimal string (default 0.01). */
  readonly tolerance?: string;
  /** The year of the 支出功能分类 catalog: `auto` (the workbook's year) or a year. */
  readonly catalogYear?: 'auto' | number;
  /** Rule groups to run (default all). */
  readonly groups?: readonly RuleGroup[];
  /** Table kinds chosen by the user, by `sheet!range`. */
  readonly kindOverrides?: Readonly<Record<string, string>>;
}

/**
 * What a finding folds in, rendered like the findings: the identities its cause also breaks (its
 * consequences, each with its cells) and, for a class of similar findings shown as one, the members.
 */
export interface FindingParts {
  readonly consequences: readonly JsonFinding[];
  readonly members: readonly JsonFinding[];
}

export interface EngineResult {
  readonly report: JsonWorkbook;
  readonly rules: readonly RuleInfo[];
  /** "Fix all safe" (core safeEdits), grouped by the fix each edit comes from. */
  readonly safe: readonly FixRequest[];
  /** By the index of report.findings: what each finding folds in (absent when none folds anything). */
  readonly parts?: ReadonlyArray<FindingParts | undefined>;
}

/** What checkWorkbook tells while it runs. */
export interface CheckHooks {
  /** After each rule of a run of the rules (the check's, then each verification re-check's). */
  readonly onProgress?: (done: number, total: number) => void;
  /** After each re-check of a copy that verifies fixes (how many so far). */
  readonly onVerify?: (rechecks: number) => void;
}

/** Findings rendered in `lang` as the JSON report renders them. */
function rendered(findings: readonly Finding[], lang: Lang): JsonFinding[] {
  if (findings.length === 0) return [];
  return workbookJson({ file: '', meta: {}, tables: [], findings, notes: [], outcomes: [], coverage: [] }, lang).findings;
}

/** The consequences and members of each finding, rendered (undefined for a finding that folds nothing). */
export function findingParts(findings: readonly Finding[], lang: Lang): Array<FindingParts | undefined> {
  return findings.map((f) => {
    const consequences = f.consequences ?? [];
    const members = f.members ?? [];
    if (consequences.length === 0 && members.length === 0) return undefined;
    return { consequences: rendered(consequences.map((c) => ({ ...c, fixes: [] })), lang), members: rendered(members, lang) };
  });
}

export { planEdit };

const editKey = (e: { sheet: string; address: string; after: string; formula?: string }) => `${e.sheet}!${e.address}=${e.after}|${e.formula ?? ''}`;

/** Analyzes a workbook with the user's options and renders the report in `lang`. */
export function checkWorkbook(wb: Workbook, lang: Lang, options: EngineOptions = {}, hooks: CheckHooks = {}): EngineResult {
  const { onVerify, onProgress } = hooks;
  const overrides: Record<string, TableKind> = {};
  for (const [key, kind] of Object.entries(options.kindOverrides ?? {})) if (isTableKind(kind)) overrides[key] = kind;
  const year = options.catalogYear;
  const catalogs = year === undefined || year === 'auto' ? builtinCatalogs : { ...builtinCatalogs, functional: () => functionalCatalog(year) };
  const groups = options.groups;
  const analyzed = analyzeWorkbook(wb, {
    catalogs,
    ...(options.tolerance !== undefined ? { tolerancePerTerm: options.tolerance } : {}),
    ...(Object.keys(overrides).length > 0 ? { kindOverrides: overrides } : {}),
    ...(groups ? { rules: RULES.filter((r) => groups.includes(r.meta.group)) } : {}),
    ...(onVerify ? { onVerify } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const report = workbookJson(analyzed, lang);
  // Group the safe edits by the fix they come from (findings are in the same order in both reports).
  const wanted = new Set(safeEdits(analyzed.findings).map(editKey));
  const taken = new Set<string>();
  const bySignature = new Map<string, { title: string; findings: string[]; edits: PlannedEdit[] }>();
  analyzed.findings.forEach((f, i) => {
    const fix = f.fixes[0];
    if (!fix) return;
    const mine = fix.edits.filter((e) => wanted.has(editKey(e)));
    if (mine.length === 0) return;
    const signature = editsSignature(mine);
    const group = bySignature.get(signature);
    if (group) {
      group.findings.push(f.id);
      return;
    }
    const fresh = mine.filter((e) => !taken.has(editKey(e)));
    if (fresh.length === 0) return;
    for (const e of fresh) taken.add(editKey(e));
    bySignature.set(signature, { title: report.findings[i]!.fixes[0]!.title, findings: [f.id], edits: fresh.map(planEdit) });
  });
  const parts = findingParts(analyzed.findings, lang);
  return { report, rules: ruleInfo(lang), safe: [...bySignature.values()], ...(parts.some((p) => p !== undefined) ? { parts } : {}) };
}

/** The workbook grid with planned edits applied (core applyEdits): a new grid, unchanged sheets shared. */
export function applyToGrid(wb: Workbook, edits: readonly PlannedEdit[]): Workbook {
  return applyEdits(
    wb,
    edits.map((e) => ({ sheet: e.sheet, address: e.address, before: e.expected, after: e.text, ...(e.after.formula !== undefined ? { formula: e.after.formula } : {}) })),
  );
}

/** The JSON report (schema 1, as `gouji check --format json` prints it) of one workbook. */
export function reportJsonText(report: JsonWorkbook): string {
  return `${JSON.stringify(reportJson([report]), null, 2)}\n`;
}

/** The readable report (the CLI's text), for 导出报告 → 文字报告. */
export { formatWorkbookText } from '../core/report-text';
