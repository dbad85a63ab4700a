// The engine as the pane calls it: loaded lazily (its own chunk, with the subject catalogs) on the first check.
import { analyzeWorkbook } from '../core/analyze';
import { builtinCatalogs } from '../core/catalog/builtin';
import type { Workbook } from '../core/grid/grid';
import { workbookJson, type JsonWorkbook } from '../core/report-json';
import type { Lang } from './strings';

/** Analyzes a workbook and renders the report in `lang`. `tolerancePerTerm` as in AnalyzeOptions. */
export function checkWorkbook(wb: Workbook, lang: Lang, tolerancePerTerm?: string): JsonWorkbook {
  const report = analyzeWorkbook(wb, { catalogs: builtinCatalogs, ...(tolerancePerTerm !== undefined ? { tolerancePerTerm } : {}) });
  return workbookJson(report, lang);
}
