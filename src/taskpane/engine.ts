// The engine as the pane calls it: loaded lazily (its own chunk, with the subject catalogs) on the first check.
import { analyzeWorkbook } from '../core/analyze';
import { builtinCatalogs } from '../core/catalog/builtin';
import type { Workbook } from '../core/grid/grid';
import { workbookJson, type JsonWorkbook } from '../core/report-json';
import { RULES } from '../core/rules';
import type { Lang } from './strings';

/** A rule as the pane names it: short title and one-sentence description, in the pane's language. */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** The engine's rules in their listing order, named in `lang`. */
export function ruleInfo(lang: Lang): RuleInfo[] {
  const pick = (t: { zh: string; en: string }) => (lang === 'zh-CN' ? t.zh : t.en);
  return RULES.map((r) => ({ id: r.meta.id, title: pick(r.meta.title), description: pick(r.meta.description) }));
}

/** Analyzes a workbook and renders the report in `lang`. `tolerancePerTerm` as in AnalyzeOptions. */
export function checkWorkbook(wb: Workbook, lang: Lang, tolerancePerTerm?: string): { report: JsonWorkbook; rules: RuleInfo[] } {
  const report = analyzeWorkbook(wb, { catalogs: builtinCatalogs, ...(tolerancePerTerm !== undefined ? { tolerancePerTerm } : {}) });
  return { report: workbookJson(report, lang), rules: ruleInfo(lang) };
}
