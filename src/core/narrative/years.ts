// Which years a 情况说明 paragraph states as the budget's own year ("本部门无 2022 年政府性基金预算支出情况"),
// as opposed to years it compares with ("比 2022 年预算增加"), dates ("截止 2022 年 12 月 31 日") and history.
import { halfWidth } from '../text';

export interface YearMention {
  readonly year: number;
  /** Offsets of the year's digits in the paragraph. */
  readonly start: number;
  readonly end: number;
}

const YEAR = /(20\d{2})\s*年/g;
/** Right before the year (same clause): a comparison, a start or an end date. */
const COMPARED = /(比|与|和|及|同|较|从|自|截止|截至|至|到|对比|相比|上年|去年|以前)\s*$/;
/** Right after the year: a date, a period end, a start, or execution figures. */
const NOT_BUDGET = /^\s*(\d{1,2}\s*月|度?\s*(期末|年末|末|底|以来|起|以前|前|后|实际|决算|执行|同期))/;
/** Right after the year: what a budget states about its own year. */
const BUDGET_CONTENT = /^\s*度?\s*(部门|单位|收支|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本|"三公"|三公|预算|当年预算|项目|机关运行|机构运转|政府采购|委托业务费|确定|无|没有|本级|共有|安排)/;

/**
 * The years a paragraph names as the year its budget is for: a heading (`九、2022 年国有资本经营预算支出情况`)
 * or a statement (`本部门无 2022 年…`, `2024 年收入预算 …`). Comparisons, dates and history are left out.
 */
export function budgetYearMentions(text: string): YearMention[] {
  const t = halfWidth(text);
  const out: YearMention[] = [];
  for (const m of t.matchAll(YEAR)) {
    const start = m.index;
    const before = t.slice(Math.max(0, start - 8), start).split(/[，,。；;：:]/).pop() ?? '';
    const after = t.slice(start + m[0].length, start + m[0].length + 12);
    if (COMPARED.test(before) || NOT_BUDGET.test(after) || !BUDGET_CONTENT.test(after)) continue;
    out.push({ year: Number(m[1]), start, end: start + 4 });
  }
  return out;
}
