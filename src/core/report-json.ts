// The JSON report contract (schema 1) that `gouji check --format json` prints and later tools rely on.
import type { WorkbookReport } from './analyze';
import { rectA1 } from './grid/grid';
import { share } from './coverage';
import type { Finding, Symptom } from './findings';
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
  /** The identities this cause also breaks, folded into it (one cause, one finding). */
  consequences?: Array<Omit<JsonFinding, 'fixes' | 'consequences' | 'members'>>;
  /** A class of similar findings shown as one: each of them. */
  members?: JsonFinding[];
}
export interface JsonCoverage {
  /** Amount cells holding a number. */
  cells: number;
  /** Of those, the cells at least one checked identity read. */
  covered: number;
  /** covered / cells, two decimals (1 for a table without amounts). */
  share: number;
}
export interface JsonRuleOutcome {
  id: string;
  status: 'pass' | 'fail' | 'skipped' | 'crashed';
  findings: number;
  /** How many pairs of numbers or names the rule compared. */
  compared: number;
  /** Why it was skipped or crashed, in words. */
  reason?: string;
}
export interface JsonWorkbook {
  file: string;
  meta: { department: string | null; year: number | null; unit: string | null };
  tables: Array<{ sheet: string; range: string; kind: string; title: string; coverage?: JsonCoverage }>;
  /** The whole workbook's amount cells and how many the checks covered. */
  coverage?: JsonCoverage;
  /** What each rule did: pass only when it compared something. */
  rules?: JsonRuleOutcome[];
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

function coverageJson(c: { cells: number; covered: number }): JsonCoverage {
  return { cells: c.cells, covered: c.covered, share: Math.round(share(c) * 100) / 100 };
}

/** One analyzed workbook as its JSON object, messages rendered in `lang`. */
export function workbookJson(report: WorkbookReport, lang: Lang): JsonWorkbook {
  const coverage = new Map(report.coverage.map((c) => [`${c.table.sheet}!${rectA1(c.table.rect)}`, c]));
  const whole = report.coverage.reduce((a, c) => ({ cells: a.cells + c.cells, covered: a.covered + c.covered }), { cells: 0, covered: 0 });
  return {
    file: report.file,
    meta: { department: report.meta.department ?? null, year: report.meta.year ?? null, unit: report.meta.unit ?? null },
    // The two sides of a two-sided summary are one table to people: list it once.
    tables: report.tables
      .filter((t) => t.part !== 'expenditure')
      .map((t) => {
        const c = coverage.get(`${t.sheet}!${rectA1(t.rect)}`);
        return { sheet: t.sheet, range: rectA1(t.rect), kind: t.kind, title: t.title, ...(c ? { coverage: coverageJson(c) } : {}) };
      }),
    coverage: coverageJson(whole),
    rules: report.outcomes.map((o) => ({ id: o.rule, status: o.status, findings: o.findings, compared: o.compared ?? 0, ...(o.reason ? { reason: render(o.reason, lang) } : {}) })),
    findings: report.findings.map((f) => findingJson(f, lang)),
    errors: [],
    notes: report.notes.map((n) => ({ ...n })),
  };
}

function symptomJson(f: Symptom, lang: Lang): Omit<JsonFinding, 'fixes' | 'consequences' | 'members'> {
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    message: render(f.message, lang),
    cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address, role: c.role })),
    ...(f.expected !== undefined ? { expected: f.expected, actual: f.actual, difference: f.difference } : {}),
  };
}

function findingJson(f: Finding, lang: Lang): JsonFinding {
  return {
    ...symptomJson(f, lang),
    fixes: f.fixes.map((x) => ({
      title: render(x.title, lang),
      confidence: x.confidence,
      ...(x.reason ? { reason: [x.reason, x.note].filter((m) => m !== undefined).map((m) => render(m, lang)).join(' ') } : {}),
      ...(x.verified !== undefined ? { verified: x.verified } : {}),
      edits: x.edits.map((e) => ({ ...e })),
    })),
    ...(f.consequences ? { consequences: f.consequences.map((c) => symptomJson(c, lang)) } : {}),
    ...(f.members ? { members: f.members.map((m) => findingJson(m, lang)) } : {}),
  };
}

/** A workbook that could not be read, as its JSON object. */
export function unreadableJson(file: string, error: string): JsonWorkbook {
  return { file, meta: { department: null, year: null, unit: null }, tables: [], findings: [], errors: [error], notes: [] };
}

export function reportJson(workbooks: JsonWorkbook[]): JsonReport {
  return { tool: 'gouji', version: TOOL_VERSION, schema: SCHEMA_VERSION, workbooks };
}
