// The rules that compare one table with another (支出总表 vs 收支总表, 基本支出表 vs 一般公共预算支出表 …).
import type { Rule } from './rule';

export const CROSS_RULES: readonly Rule[] = [];
