// Which table kinds each family of rules reads.
import type { TableKind } from '../recognize/kinds';

/** Tables whose rows carry a subject-code hierarchy (functional or economic). */
export const CODED_KINDS: readonly TableKind[] = [
  'expenditure-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'economic-classification-summary',
];
