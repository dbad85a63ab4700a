// The rules that compare codes and names with the subject-code catalogs.
import type { Rule } from './rule';
import { catalogEconomicMapping } from './catalog-economic-mapping';
import { catalogMissingParent } from './catalog-missing-parent';
import { catalogName } from './catalog-name';
import { catalogUnknownCode } from './catalog-unknown-code';

export const CATALOG_RULES: readonly Rule[] = [catalogUnknownCode, catalogName, catalogMissingParent, catalogEconomicMapping];
