// The engine: workbook grid → tables → findings. Options in, no globals, no I/O.
import type { Catalog, EconomicMapping, Rename } from './catalog/catalog';
import { parseA1, rectA1, type Sheet, type Workbook } from './grid/grid';
import { DEFAULT_ROUNDING, SEVERITY_ORDER, type Edit, type Finding, type Message, type RoundingPolicy, type Tally } from './findings';
import { foldCauses } from './causes';
import { CoverageSink, coverageOf, type TableCoverage } from './coverage';
import { MESSAGES } from './messages/catalog';
import { applyEdits } from './fix/apply';
import { withCaution } from './fix/caution';
import { ConstraintSet } from './fix/constraints';
import { changedTables, patchRecognition, readsAny, trackTables, type RuleResult } from './fix/recheck';
import { suggestFixes } from './fix/suggest';
import { verifyCandidates } from './fix/verify';
import { Money } from './money/money';
import { inferCodes } from './recognize/infer-codes';
import { yearIn } from './recognize/meta';
import type { TableKind } from './recognize/kinds';
import type { RecognitionNote, Row, Table } from './recognize/model';
import { levelOfCode, newAmountPool, recognizeSheet, type SheetRecognition } from './recognize/tables';
import { alignedCodes } from './catalog/names';
import { RULES, type Rule, type RuleOutcome } from './rules';
import { CODED_KINDS } from './rules/kinds';

/** The catalogs the engine may use; each is optional (without one, codes are not inferred). */
export interface Catalogs {
  /** 支出功能分类科目 of a budget year (the nearest year available). */
  functional?(year: number | undefined): Catalog | undefined;
  /** 部门预算支出经济分类科目. */
  economicDepartment?: Catalog;
  /** 政府预算支出经济分类科目. */
  economicGovernment?: Catalog;
  /** 两套支出经济分类科目对照表: 部门 款 → 政府 款 per unit kind. */
  mapping?: EconomicMapping;
  /** Former names and removed codes (renames.json). */
  renames?: readonly Rename[];
}

export interface AnalyzeOptions {
  /** Allowed difference per rounded term (table unit), as a decimal string or number. Default 0.01. */
  tolerancePerTerm?: string | number;
  catalogs?: Catalogs;
  /** Table kind overrides, keyed by `sheet!range` of the table (as reported). */
  kindOverrides?: Readonly<Record<string, TableKind>>;
  /** Rules to run (default: all). */
  rules?: readonly Rule[];
  /** Locate the cells most likely wrong and offer verified fixes (default true). */
  suggestFixes?: boolean;
  /** Fold the findings one cause explains into one finding, and similar warnings into a list (default true). */
  foldCauses?: boolean;
  /** Told after each re-check of a copy of the workbook that verifies fixes (how many so far). */
  onVerify?: (rechecks: number) => void;
  /** Told after each rule of a run of the rules (`done` of `total`; fix verification runs them again). */
  onProgress?: (done: number, total: number) => void;
}

export interface WorkbookMeta {
  department?: string;
  year?: number;
  unit?: '万元' | '元';
}

export interface WorkbookReport {
  readonly file: string;
  readonly meta: WorkbookMeta;
  readonly tables: readonly Table[];
  readonly findings: readonly Finding[];
  readonly notes: readonly RecognitionNote[];
  readonly outcomes: readonly RuleOutcome[];
  /** Per printed table, how many of its amount cells some identity read. */
  readonly coverage: readonly TableCoverage[];
}

/** The `sheet!range` key that identifies a table in reports and overrides. */
export function tableKey(t: Table): string {
  return `${t.sheet}!${rectA1(t.rect)}`;
}

/** The most frequent value (first seen wins ties), or undefined. */
function majority<T>(values: Array<T | undefined>): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const v of values) {
    if (v === undefined) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

function workbookMeta(tables: readonly Table[]): WorkbookMeta {
  const narrativeYears = tables.flatMap((t) => (t.paragraphs ?? []).map((p) => yearIn(p.text)));
  const meta: WorkbookMeta = {};
  const department = majority(tables.map((t) => t.meta.department));
  const year = majority(tables.map((t) => t.meta.year)) ?? majority(narrativeYears);
  const unit = majority(tables.map((t) => t.meta.unit));
  if (department !== undefined) meta.department = department;
  if (year !== undefined) meta.year = year;
  if (unit !== undefined) meta.unit = unit;
  return meta;
}

/** What each sheet was recognized as, for as long as the sheet object lives. */
const recognized = new WeakMap<Sheet, SheetRecognition>();
/** Codes inferred from a catalog, per table. */
const inferred = new WeakMap<Table, { catalog: Catalog; table: Table; notes: RecognitionNote[] }>();
/** The last codes aligned for a table, and the table they made. */
const alignedLast = new WeakMap<Table, { aligned: ReadonlyMap<Row, AlignedCode>; table: Table }>();
type AlignedCode = { code: string; table: Table; row: Row };

function sameAlignment(a: ReadonlyMap<Row, AlignedCode>, b: ReadonlyMap<Row, AlignedCode>): boolean {
  if (a.size !== b.size) return false;
  for (const [row, x] of b) {
    const y = a.get(row);
    if (!y || y.code !== x.code || y.table.sheet !== x.table.sheet || y.row.row !== x.row.row) return false;
  }
  return true;
}

/**
 * Gives the sheets of an edited copy of a workbook the recognition of the original, patched, where the edits
 * only change numbers in amount cells (patchRecognition); other sheets are recognized as usual.
 */
function seedRecognition(wb: Workbook, edited: Workbook, edits: readonly Edit[]): void {
  wb.sheets.forEach((before, i) => {
    const after = edited.sheets[i];
    if (!after || after === before || after.name !== before.name || recognized.has(after)) return;
    const old = recognized.get(before);
    if (!old) return;
    const mine = edits
      .filter((e) => e.sheet === before.name)
      .map((e) => {
        const { r0, c0 } = parseA1(e.address);
        return { row: r0, col: c0, before: before.cells[r0]?.[c0]?.value, ...(e.formula !== undefined ? { formula: e.formula } : {}) };
      });
    const patched = mine.length > 0 ? patchRecognition(old, after, mine) : undefined;
    if (patched) recognized.set(after, patched);
  });
}

/** Recognizes every table of a workbook; never throws on a sheet (it becomes a note). */
export function recognizeWorkbook(wb: Workbook, options: AnalyzeOptions = {}): { tables: Table[]; notes: RecognitionNote[]; meta: WorkbookMeta } {
  let tables: Table[] = [];
  const notes: RecognitionNote[] = [];
  // One amount per number for the whole workbook (its tables repeat their figures): see recognizeSheet.
  const amounts = newAmountPool();
  for (const sheet of wb.sheets) {
    try {
      // Sheets are immutable: a sheet already read (a copy with edits elsewhere) is not read again.
      let r = recognized.get(sheet);
      if (!r) {
        r = recognizeSheet(sheet, amounts);
        recognized.set(sheet, r);
      }
      tables.push(...r.tables);
      notes.push(...r.notes);
    } catch (e) {
      notes.push({ sheet: sheet.name, message: `unreadable: ${(e as Error).message}` });
    }
  }
  const overrides = options.kindOverrides ?? {};
  tables = tables.map((t) => (overrides[tableKey(t)] ? { ...t, kind: overrides[tableKey(t)]! } : t));
  const meta = workbookMeta(tables);
  const functional = options.catalogs?.functional?.(meta.year);
  tables = tables.map((t) => {
    if (!CODED_KINDS.includes(t.kind)) return t;
    const catalog = t.kind === 'general-budget-basic-expenditure' ? options.catalogs?.economicDepartment : functional;
    if (!catalog) return t;
    // The same table and catalog give the same codes: kept, so that a re-check sees the same table object.
    let r = inferred.get(t);
    if (r?.catalog !== catalog) inferred.set(t, (r = { catalog, ...inferCodes(t, catalog) }));
    notes.push(...r.notes);
    return r.table;
  });
  // Tables that print codes on some rows only take the others from a coded table that agrees with them.
  const before = tables;
  tables = tables.map((t) => {
    if (!CODED_KINDS.includes(t.kind)) return t;
    const aligned = alignedCodes(t, before);
    if (aligned.size === 0) return t;
    // The same codes from the same places as last time: the same table object (see `inferred`).
    const last = alignedLast.get(t);
    if (last && sameAlignment(last.aligned, aligned)) return last.table;
    const rows = t.rows.map((row) => {
      const a = aligned.get(row);
      return a ? { ...row, code: a.code, codeSource: 'aligned' as const, alignedFrom: { sheet: a.table.sheet, row: a.row.row }, level: levelOfCode(a.code) } : row;
    });
    const table = { ...t, rows };
    alignedLast.set(t, { aligned, table });
    return table;
  });
  return { tables, notes, meta };
}

/**
 * A rule's outcome: `fail` with findings, `pass` when it compared something and found nothing, else `skipped`
 * with the reason it gave (or, when it gave none, that the tables it reads held nothing it could compare).
 */
function outcomeOf(rule: Rule, findings: number, tally: Tally, tables: readonly Table[]): RuleOutcome {
  if (findings > 0) return { rule: rule.meta.id, status: 'fail', findings, compared: tally.compared };
  if (tally.compared > 0) return { rule: rule.meta.id, status: 'pass', findings: 0, compared: tally.compared };
  // The rule's own words for it (`skip.<rule>` in the messages), else, for a comparison between tables, the
  // tables missing, else that nothing comparable was found.
  const missing = rule.meta.group === 'cross-table' ? rule.meta.needs.filter((k) => !tables.some((t) => t.kind === k)) : [];
  const fallback: Message = MESSAGES[`skip.${rule.meta.id}`]
    ? { id: `skip.${rule.meta.id}`, data: {} }
    : missing.length > 0
      ? { id: 'skip.missing-tables', data: { tables: missing.map((k) => `@cross.kind.${k}`).join('|') } }
      : { id: 'skip.nothing-to-compare', data: {} };
  return { rule: rule.meta.id, status: 'skipped', findings: 0, compared: 0, reason: tally.reasons[0] ?? fallback };
}

interface RuleRun {
  tables: Table[];
  notes: RecognitionNote[];
  meta: WorkbookMeta;
  findings: Finding[];
  outcomes: RuleOutcome[];
  /** Per rule: its findings and which tables it read (noted in a check with a sink, the first one). */
  results?: Array<RuleResult<RuleOutcome>>;
}

/**
 * Recognizes and runs the rules once; with a sink, every checked sum is recorded as a constraint and which
 * tables each rule reads is noted. Given the first check (`previous`), a re-check reuses the findings of
 * every rule that read none of the tables that changed.
 */
function runRules(wb: Workbook, options: AnalyzeOptions, sink?: ConstraintSet, previous?: RuleRun, coverage?: CoverageSink): RuleRun {
  const { tables, notes, meta } = recognizeWorkbook(wb, options);
  const perTerm = options.tolerancePerTerm !== undefined ? new Money(options.tolerancePerTerm) : DEFAULT_ROUNDING.perTerm;
  const noted = sink ?? coverage;
  const rounding: RoundingPolicy = { perTerm, ...(noted ? { sink: noted } : {}) };
  const findings: Finding[] = [];
  const outcomes: RuleOutcome[] = [];
  const sameMeta = previous !== undefined && previous.meta.department === meta.department && previous.meta.year === meta.year && previous.meta.unit === meta.unit;
  const changed = previous?.results && sameMeta ? changedTables(previous.tables, tables) : undefined;
  const tracker = sink ? trackTables(tables) : undefined;
  const results: Array<RuleResult<RuleOutcome>> = [];
  const rules = options.rules ?? RULES;
  rules.forEach((rule, r) => {
    if (r > 0) options.onProgress?.(r, rules.length);
    const before = previous?.results?.[r];
    if (changed && before && !readsAny(before.read, changed)) {
      findings.push(...before.found);
      outcomes.push(before.outcome);
      return;
    }
    const read = tracker ? tracker.begin() : new Uint8Array(0);
    let found: Finding[] = [];
    let outcome: RuleOutcome;
    if (!tables.some((t) => rule.meta.needs.includes(t.kind))) {
      outcome = { rule: rule.meta.id, status: 'skipped', findings: 0, compared: 0, reason: { id: 'skip.no-table', data: { tables: rule.meta.needs.map((k) => `@cross.kind.${k}`).join('|') } } };
    } else {
      const tally: Tally = { compared: 0, reasons: [] };
      try {
        found = rule.check({ tables: tracker ? (tracker.views as Table[]) : tables, rounding: { ...rounding, tally }, catalogs: options.catalogs ?? {}, meta });
        outcome = outcomeOf(rule, found.length, tally, tables);
      } catch (e) {
        outcome = { rule: rule.meta.id, status: 'crashed', findings: 0, compared: tally.compared, reason: { id: 'skip.crashed', data: { error: (e as Error).message } } };
      }
    }
    findings.push(...found);
    outcomes.push(outcome);
    if (tracker) results.push({ found, outcome, read });
  });
  options.onProgress?.(rules.length, rules.length);
  return { tables, notes, meta, findings, outcomes, ...(tracker ? { results } : {}) };
}

/** The workbook's checked sums as constraints over cells (what error localization reasons about). */
export function constraintsOf(wb: Workbook, options: AnalyzeOptions = {}): ConstraintSet {
  const sink = new ConstraintSet();
  runRules(wb, options, sink);
  return sink;
}

/** How many times fixes are verified by re-checking a copy of the workbook (fixes that touch unrelated cells share one). */
const MAX_VERIFICATIONS = 120;

/**
 * Runs the rules over a workbook, locates the cells most likely wrong and offers fixes, each
 * verified on a copy of the workbook. One failing rule never stops the others.
 */
export function analyzeWorkbook(wb: Workbook, options: AnalyzeOptions = {}): WorkbookReport {
  // The checks note the cells they read, for the coverage.
  const coverage = new CoverageSink();
  // The checked sums are recorded as constraints only for locating and verifying fixes (the coverage hears of them too).
  const sink = options.suggestFixes !== false ? new ConstraintSet(coverage) : undefined;
  const run = runRules(wb, options, sink, undefined, coverage);
  // Errors first, then by sheet and cell: the order of the report, and the order in which fixes are
  // verified (errors get the verifications when there are too many to verify all).
  const sheetOrder = new Map(wb.sheets.map((s, i) => [s.name, i]));
  const position = (f: Finding) => {
    const c = f.cells[0];
    const r = c ? parseA1(c.address) : { r0: 0, c0: 0 };
    return [sheetOrder.get(c?.sheet ?? '') ?? 0, r.r0, r.c0];
  };
  let findings = [...run.findings].sort((a, b) => {
    if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    const pa = position(a);
    const pb = position(b);
    return pa[0]! - pb[0]! || pa[1]! - pb[1]! || pa[2]! - pb[2]!;
  });
  if (sink) {
    const baseline = new Set(findings.map((f) => f.id));
    let rechecks = 0;
    const recheck = (edits: readonly Edit[]) => {
      // Only the rules that read a table the edits change run again, on tables patched rather than read anew when the edits only change numbers.
      const edited = applyEdits(wb, edits);
      seedRecognition(wb, edited, edits);
      const found = runRules(edited, options, undefined, run).findings;
      options.onVerify?.(++rechecks);
      return found;
    };
    // suggestFixes keeps the order it is given.
    findings = suggestFixes(findings, sink, (candidates) => verifyCandidates(candidates, baseline, recheck, sink, MAX_VERIFICATIONS));
    // Never safe on last year's column, another measure's, a percentage, or a column of unknown meaning.
    findings = withCaution(findings, run.tables);
    // One finding per cause: identities one cell explains are folded into it; similar warnings are one list.
    if (options.foldCauses !== false) findings = foldCauses(findings);
  }
  return { file: wb.name, meta: run.meta, tables: run.tables, findings, notes: run.notes, outcomes: run.outcomes, coverage: coverageOf(run.tables, coverage) };
}
