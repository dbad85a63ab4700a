// The rules on metadata (预算单位, year, unit of measure), the narrative (情况说明) and cells.
import type { Rule } from './rule';
import { metaPerformanceCode } from './meta-performance-code';
import { narrativePerformance } from './narrative-performance';
import { cellFormulaError } from './cell-formula-error';
import { cellSumFormula } from './cell-sum-formula';
import { cellTextNumber } from './cell-text-number';
import { metaDepartment } from './meta-department';
import { metaUnitCode } from './meta-unit-code';
import { metaSequence } from './meta-sequence';
import { metaUnit } from './meta-unit';
import { metaYear } from './meta-year';
import { narrativeAmounts } from './narrative-amounts';

export const META_RULES: readonly Rule[] = [
  metaPerformanceCode,
  narrativePerformance,
  metaDepartment,
  metaUnitCode,
  metaUnit,
  metaYear,
  narrativeAmounts,
  cellFormulaError,
  cellTextNumber,
  cellSumFormula,
  metaSequence,
];
