// Findings, fixes and the rounding policy: what a rule reports, as plain data.
import { a1 } from './grid/grid';
import type { ConstraintSink } from './fix/constraints';
import { formatAmount, Money } from './money/money';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A cell a finding is about: the one checked first, then the evidence. */
export interface CellRef {
  readonly sheet: string;
  /** Plain A1 address, no `$`. */
  readonly address: string;
  readonly role: 'checked' | 'evidence';
}

/** One cell change of a fix. `after` is the new value as text; `formula` when the fix writes one. */
export interface Edit {
  readonly sheet: string;
  readonly address: string;
  readonly before: string;
  readonly after: string;
  readonly formula?: string;
}

/** A message to render in the user's language: an id from the catalog in messages/ plus its data. */
export interface Message {
  readonly id: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface Fix {
  readonly title: Message;
  /** 0..1: how sure we are that this fix, and not another, is right. */
  readonly confidence: number;
  /** One line saying why that confidence. */
  readonly reason?: Message;
  /** A typing mistake the change undoes (digits swapped, decimal point shifted …). */
  readonly note?: Message;
  readonly edits: readonly Edit[];
  /** Applied to a copy of the workbook and re-checked: its finding goes away and no new error appears. */
  readonly verified?: boolean;
}

export interface Finding {
  /** Stable id: rule, sheet, cell. */
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: Message;
  readonly cells: readonly CellRef[];
  readonly expected?: string;
  readonly actual?: string;
  /** actual − expected. */
  readonly difference?: string;
  readonly fixes: readonly Fix[];
  /**
   * The identities this cause breaks besides its own, folded into it (one cause, one finding): each is
   * a symptom a reviewer can still open and see highlighted as evidence, but not a finding of its own.
   */
  readonly consequences?: readonly Symptom[];
  /** A class of similar findings shown as one (twelve 项目没有绩效目标 warnings): the members, in order. */
  readonly members?: readonly Finding[];
}

/** A broken identity folded into the finding that explains it. */
export type Symptom = Omit<Finding, 'fixes' | 'consequences' | 'members'>;

/** How big a difference may be and still be a rounding difference. */
export interface RoundingPolicy {
  /** Allowed difference per rounded term, in the table's unit (default 0.01). */
  readonly perTerm: Money;
  /** Where every checked sum is recorded as a constraint, for error localization (optional). */
  readonly sink?: ConstraintSink;
  /** What the running rule compared, and why it could not compare more (set per rule by the engine). */
  readonly tally?: Tally;
}

/**
 * What a rule compared: a rule that compared nothing has not passed, it was skipped, and `reasons` says why
 * (没有找到支出总表的合计列 …). Rules count each pair of numbers or names they compare.
 */
export interface Tally {
  compared: number;
  readonly reasons: Message[];
}

/** Counts comparisons a rule made (a sum checked, a name looked up, two tables' figures set side by side). */
export function countCompared(policy: RoundingPolicy, n = 1): void {
  if (policy.tally) policy.tally.compared += n;
}

/** Records why a rule could not compare something it looked for (said when it compared nothing at all). */
export function skipReason(policy: RoundingPolicy, id: string, data: Readonly<Record<string, string>> = {}): void {
  if (policy.tally && !policy.tally.reasons.some((r) => r.id === id && JSON.stringify(r.data) === JSON.stringify(data))) policy.tally.reasons.push({ id, data });
}

export const DEFAULT_ROUNDING: RoundingPolicy = { perTerm: new Money('0.01') };

/**
 * Classifies a difference between a stated amount and a computed one over `terms` rounded terms:
 * undefined when equal, 'rounding' within perTerm × terms, else 'real'.
 */
export function classifyDifference(difference: Money, terms: number, policy: RoundingPolicy): 'rounding' | 'real' | undefined {
  if (difference.isZero()) return undefined;
  const bound = policy.perTerm.times(Math.max(1, terms));
  return difference.abs().lte(bound) ? 'rounding' : 'real';
}

export function cellRef(sheet: string, row: number, col: number, role: CellRef['role']): CellRef {
  return { sheet, address: a1(row, col), role };
}

/** expected / actual / difference strings of a finding, two decimals (more when the data has more). */
export function amountsOf(actual: Money, expected: Money): Pick<Finding, 'expected' | 'actual' | 'difference'> {
  const decimals = Math.max(2, actual.decimalPlaces(), expected.decimalPlaces());
  return { expected: formatAmount(expected, decimals), actual: formatAmount(actual, decimals), difference: formatAmount(actual.minus(expected), decimals) };
}
