// The rule contract: a declaration (id, group, severity, descriptions, tables needed) plus a pure check.
import type { Catalogs, WorkbookMeta } from '../analyze';
import type { Finding, Message, RoundingPolicy } from '../findings';
import type { TableKind } from '../recognize/kinds';
import type { Table } from '../recognize/model';

export type RuleGroup = 'row' | 'hierarchy' | 'cross-table' | 'metadata' | 'narrative' | 'cell';

export interface RuleMeta {
  readonly id: string;
  readonly group: RuleGroup;
  /** Severity of a real failure; rounding-level differences are always `info`. */
  readonly severity: 'error' | 'warning' | 'info';
  /** A short name for lists (`上下级科目`). */
  readonly title: { readonly zh: string; readonly en: string };
  readonly description: { readonly zh: string; readonly en: string };
  /** Table kinds the rule reads; with none of them in the workbook the rule is skipped. */
  readonly needs: readonly TableKind[];
  /**
   * The rule checks something only some layouts print (a 增减% column, 年初/年末结转和结余, units, 序号): when it
   * compares nothing it is skipped as any rule is, but that is no news worth a line in the summary.
   */
  readonly conditional?: boolean;
}

export interface RuleContext {
  readonly tables: readonly Table[];
  readonly rounding: RoundingPolicy;
  /** The catalogs in use (may be empty: rules that need one skip themselves). */
  readonly catalogs: Catalogs;
  /** Department, year and unit the workbook as a whole states. */
  readonly meta: WorkbookMeta;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Pure: reads the tables, returns findings, changes nothing. */
  check(ctx: RuleContext): Finding[];
}

/** What running one rule gave (R validate's pass / fail / not applicable, plus errors). */
export interface RuleOutcome {
  readonly rule: string;
  readonly status: 'pass' | 'fail' | 'skipped' | 'crashed';
  readonly findings: number;
  /** Why a rule was skipped or crashed, as a message to render (`skip.no-table`, `skip.crashed` …). */
  readonly reason?: Message;
  /** How many pairs of numbers (or names) the rule compared; a rule that compared none is `skipped`, never `pass`. */
  readonly compared?: number;
}
