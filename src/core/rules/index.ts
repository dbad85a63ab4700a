// The rule registry: every rule Gouji runs, in the order their findings are listed.
import type { Rule } from './rule';
import { rowSum } from './row-sum';
import { subtotal } from './subtotal';
import { totalRow } from './total-row';

export const RULES: readonly Rule[] = [subtotal, totalRow, rowSum];

export type { Rule, RuleContext, RuleMeta, RuleOutcome } from './rule';
