// The rules that compare codes and names with the subject-code catalogs.
import type { Rule } from './rule';

export const CATALOG_RULES: readonly Rule[] = [];
