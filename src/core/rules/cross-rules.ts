// The rules that compare one table with another (支出总表 vs 收支总表, 基本支出表 vs 一般公共预算支出表 …).
import type { Rule } from './rule';
import { crossBasicVsGeneralBudget } from './cross-basic-vs-general-budget';
import { crossEconomicFunctional } from './cross-economic-functional';
import { crossEconomicSummary } from './cross-economic-summary';
import { crossExpenditureByClass } from './cross-expenditure-by-class';
import { crossExpenditureTotal } from './cross-expenditure-total';
import { crossFiscalVsSummary } from './cross-fiscal-vs-summary';
import { crossFundBalance } from './cross-fund-balance';
import { crossGeneralBudgetVsSummary } from './cross-general-budget-vs-summary';
import { crossIncomeByCode } from './cross-income-by-code';
import { crossIncomeTotal } from './cross-income-total';
import { crossProjectPerformance } from './cross-project-performance';
import { crossProjectTotal } from './cross-project-total';
import { crossThreePublic } from './cross-three-public';

export const CROSS_RULES: readonly Rule[] = [
  crossExpenditureTotal,
  crossExpenditureByClass,
  crossIncomeTotal,
  crossIncomeByCode,
  crossFiscalVsSummary,
  crossFundBalance,
  crossGeneralBudgetVsSummary,
  crossBasicVsGeneralBudget,
  crossEconomicFunctional,
  crossThreePublic,
  crossProjectTotal,
  crossProjectPerformance,
  crossEconomicSummary,
];
