// The rule registry: every rule Gouji runs, in the order their findings are listed.
import type { Rule } from './rule';
import { CATALOG_RULES } from './catalog-rules';
import { rowSum } from './row-sum';
import { subtotal } from './subtotal';
import { totalRow } from './total-row';

export const RULES: readonly Rule[] = [subtotal, totalRow, rowSum, ...CATALOG_RULES];

export type { Rule, RuleContext, RuleMeta, RuleOutcome } from './rule';
