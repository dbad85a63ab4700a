// The JSON report contract (schema 1) that `gouji check --format json` prints and later tools rely on.
import type { WorkbookReport } from './analyze';
import { rectA1 } from './grid/grid';
import { render, type Lang } from './messages/catalog';

export const TOOL_VERSION = '0.1.0';
export const SCHEMA_VERSION = 1;

export interface JsonEdit { sheet: string; address: string; before: string; after: string; formula?: string }
export interface JsonFix { title: string; confidence: number; reason?: string; verified?: boolean; edits: JsonEdit[] }
export interface JsonFinding {
  id: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  cells: Array<{ sheet: string; address: string; role: 'checked' | 'evidence' }>;
  expected?: string;
  actual?: string;
  difference?: string;
  fixes: JsonFix[];
}
export interface JsonWorkbook {
  file: string;
  meta: { department: string | null; year: number | null; unit: string | null };
  tables: Array<{ sheet: string; range: string; kind: string; title: string }>;
  findings: JsonFinding[];
  errors: string[];
  notes: Array<{ sheet: string; range?: string; message: string }>;
}
export interface JsonReport {
  tool: 'gouji';
  version: string;
  schema: number;
  workbooks: JsonWorkbook[];
}

/** One analyzed workbook as its JSON object, messages rendered in `lang`. */
export function workbookJson(report: WorkbookReport, lang: Lang): JsonWorkbook {
  return {
    file: report.file,
    meta: { department: report.meta.department ?? null, year: report.meta.year ?? null, unit: report.meta.unit ?? null },
    // The two sides of a two-sided summary are one table to people: list it once.
    tables: report.tables.filter((t) => t.part !== 'expenditure').map((t) => ({ sheet: t.sheet, range: rectA1(t.rect), kind: t.kind, title: t.title })),
    findings: report.findings.map((f) => ({
      id: f.id,
      rule: f.rule,
      severity: f.severity,
      message: render(f.message, lang),
      cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address, role: c.role })),
      ...(f.expected !== undefined ? { expected: f.expected, actual: f.actual, difference: f.difference } : {}),
      fixes: f.fixes.map((x) => ({
        title: render(x.title, lang),
        confidence: x.confidence,
        ...(x.reason ? { reason: [x.reason, x.note].filter((m) => m !== undefined).map((m) => render(m, lang)).join(' ') } : {}),
        ...(x.verified !== undefined ? { verified: x.verified } : {}),
        edits: x.edits.map((e) => ({ ...e })),
      })),
    })),
    errors: [],
    notes: report.notes.map((n) => ({ ...n })),
  };
}

/** A workbook that could not be read, as its JSON object. */
export function unreadableJson(file: string, error: string): JsonWorkbook {
  return { file, meta: { department: null, year: null, unit: null }, tables: [], findings: [], errors: [error], notes: [] };
}

export function reportJson(workbooks: JsonWorkbook[]): JsonReport {
  return { tool: 'gouji', version: TOOL_VERSION, schema: SCHEMA_VERSION, workbooks };
}
