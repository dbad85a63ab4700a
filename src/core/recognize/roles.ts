// The sets of column roles the recognizer and the rules share: which columns hold amounts, which of them are
// the table's own figures, which hold other figures (last year's, another measure's, comparisons), which add up.
import type { ColumnRole } from './model';

/** Amount columns of the table's own figures: this year, its own measure. */
export const OWN_AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'total', 'current-year', 'carryover', 'basic', 'basic-personnel', 'basic-public', 'basic-wages', 'basic-household',
  'basic-goods', 'basic-capital', 'project', 'operating', 'remit-upper', 'subsidy-affiliated', 'amount',
]);

/** Columns of other figures: last year's, another measure's (预算数 in 决算), and comparisons (增减, %, 占比). */
export const OTHER_FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['prior', 'reference', 'change', 'change-pct', 'ratio']);

/** Roles whose cells are amounts. */
export const AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([...OWN_AMOUNT_ROLES, ...OTHER_FIGURE_ROLES]);

/** Percentages and ratios: amounts that never add up. */
export const RATIO_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['change-pct', 'ratio']);

/** Amount roles whose cells add up (parent = Σ children). */
export const ADDITIVE_ROLES: ReadonlySet<ColumnRole> = new Set([...AMOUNT_ROLES].filter((r) => !RATIO_ROLES.has(r)));
