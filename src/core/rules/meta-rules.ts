// The rules on metadata (预算单位, year, unit of measure), the narrative (情况说明) and cells.
import type { Rule } from './rule';

export const META_RULES: readonly Rule[] = [];
