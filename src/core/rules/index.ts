// The rule registry: every rule Gouji runs, in the order their findings are listed.
import type { Rule } from './rule';
import { CATALOG_RULES } from './catalog-rules';
import { CROSS_RULES } from './cross-rules';
import { META_RULES } from './meta-rules';
import { listTotal } from './list-total';
import { finalVsBudget } from './final-vs-budget';
import { ofWhich } from './of-which';
import { rowBalance } from './row-balance';
import { rowPercent } from './row-percent';
import { rowSum } from './row-sum';
import { subtotal } from './subtotal';
import { totalRow } from './total-row';
import { unitSum } from './unit-sum';

export const RULES: readonly Rule[] = [subtotal, totalRow, unitSum, rowSum, rowPercent, rowBalance, ofWhich, finalVsBudget, listTotal, ...CROSS_RULES, ...CATALOG_RULES, ...META_RULES];

export type { Rule, RuleContext, RuleMeta, RuleOutcome } from './rule';
