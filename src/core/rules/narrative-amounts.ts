// Rule `narrative-amounts`: the totals and shares the 情况说明 quotes equal what the tables say.
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type CellRef, type Finding, type Fix, type Severity } from '../findings';
import { displayAmount, Money, ZERO } from '../money/money';
import {
  leiRow,
  rowRole,
  rowWhole,
  summaryRow,
  tablesOf,
  threePublic,
  totalOf,
  TOTAL_ITEM,
  type TableFigure,
} from '../narrative/figures';
import { parseParagraph, type NarrativeFigure, type ParsedParagraph } from '../narrative/parse';
import type { TableKind } from '../recognize/kinds';
import type { ColumnRole, Table } from '../recognize/model';
import type { Rule, RuleContext } from './rule';
import { columnLabel, rowLabel } from './sum-check';

const ID = 'narrative-amounts';

/** A summary side's grand total line: 收入总计 / 支出总计, or 总计 alone (the 决算 summaries print it so on both sides). */
const GRAND_INCOME = /^(收入)?总计$/;
const GRAND_EXPENDITURE = /^(支出)?总计$/;

/** What a narrative label names. `sub` classes are read relative to the figure they are part of. */
type Subject =
  | 'ies-income'
  | 'ies-income-year'
  | 'ies-expenditure'
  | 'ies-expenditure-year'
  | 'total-budget'
  | 'fas'
  | 'gb-appropriation'
  | 'gb-expenditure'
  | 'gb-basic'
  | 'basic'
  | 'project'
  | 'operating'
  | 'personnel'
  | 'public'
  | 'current'
  | 'carryover'
  | 'gfe'
  | 'sce'
  | 'tpe-total'
  | 'tpe-abroad'
  | 'tpe-reception'
  | 'tpe-car'
  | 'tpe-car-run'
  | 'tpe-car-buy'
  | 'lei'
  | 'income-line';

/** Labels never checked: no table states them (机关运行经费, 政府采购 …) or they need last year's data. */
const SKIP = /机关运行|机构运转|运转经费|运行经费|政府采购|采购|委托业务|绩效|涉及金额|拨款结转|使用本年|单价|设备|车辆|土地|房屋|资产|专项转移/;

/** An income source as the summary lists it (决算: 一、一般公共预算财政拨款收入 … 八、其他收入). */
const INCOME_LINE = /^(一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款|上级补助|事业|经营|附属单位上缴|其他)收入$/;

const SUBJECTS: ReadonlyArray<[RegExp, Subject]> = [
  [/^(部门)?收支(总)?预算(总额|总计|合计)?$|^收支总计$/, 'total-budget'],
  [/^(部门)?收入(总)?预算(总额)?$|^收入总计$/, 'ies-income'],
  [/^(本年)?收入合计$/, 'ies-income-year'],
  [/^(部门)?支出(总)?预算(总额)?$|^支出总计$/, 'ies-expenditure'],
  [/^(本年)?支出合计$/, 'ies-expenditure-year'],
  [/^财政拨款收支(总)?预算(总额|总计)?$|^财政拨款收支总计$/, 'fas'],
  [/^一般公共预算拨款(预算)?$/, 'gb-appropriation'],
  [/^一般公共预算支出(年初预算|预算)?$/, 'gb-expenditure'],
  [/^一般公共预算基本支出(年初预算|预算)?$/, 'gb-basic'],
  [/^基本支出$/, 'basic'],
  [/^(部门)?项目支出$/, 'project'],
  [/^事业单位经营支出$/, 'operating'],
  [/^人员经费$/, 'personnel'],
  [/^公用经费$/, 'public'],
  [/^(当年预算|本年收入|本年预算|当年预算数|本年拨款)$/, 'current'],
  [/^上年结转(结余)?$/, 'carryover'],
  [/^政府性基金预算(拨款)?支出$/, 'gfe'],
  [/^国有资本经营预算(拨款)?支出$/, 'sce'],
  [/^(一般公共预算)?三公经费(预算数?|支出预算数?|合计|拨款)?$/, 'tpe-total'],
  [/^因公出国\(境\)费(用)?$/, 'tpe-abroad'],
  [/^公务接待费(用)?$/, 'tpe-reception'],
  [/^公务用车购置及运行(维护)?费$|^公务用车费$/, 'tpe-car'],
  [/^公务用车运行(维护)?费$/, 'tpe-car-run'],
  [/^公务用车购置费?$/, 'tpe-car-buy'],
  [INCOME_LINE, 'income-line'],
];

const TPE_ITEMS: Partial<Record<Subject, RegExp>> = {
  'tpe-total': TOTAL_ITEM,
  'tpe-abroad': /因公出国/,
  'tpe-reception': /公务接待/,
  'tpe-car': /购置及运行|^公务用车费$|公务用车购置及运行费\/小计|^公务用车购置及运行费$/,
  'tpe-car-run': /公务用车运行/,
  'tpe-car-buy': /公务用车购置(费)?$/,
};

function subjectOf(label: string): Subject | undefined {
  if (SKIP.test(label)) return undefined;
  for (const [re, s] of SUBJECTS) if (re.test(label)) return s;
  return /支出$/.test(label.replace(/\(类\)/g, '')) ? 'lei' : undefined;
}

/** Expenditure tables a 基本支出/项目支出/类 figure may be read from, by the whole it is part of. */
function expenditureKinds(head: Subject | undefined): TableKind[] {
  if (head === 'gfe') return ['government-fund-expenditure'];
  if (head === 'sce') return ['state-capital-expenditure'];
  if (head === 'gb-appropriation' || head === 'gb-expenditure') return ['general-budget-expenditure', 'expenditure-summary'];
  return ['expenditure-summary', 'general-budget-expenditure'];
}

interface Resolved {
  readonly subject: Subject;
  /** Table figures the narrative figure may mean, the one it should be compared with first. */
  readonly candidates: readonly TableFigure[];
  /** Other tables that state the same figure: not compared with, but they make a fix surer when they agree. */
  readonly witnesses?: readonly TableFigure[];
}

const ROLE: Partial<Record<Subject, ColumnRole>> = { basic: 'basic', project: 'project', operating: 'operating', personnel: 'basic-personnel', public: 'basic-public' };

/** The table figures a narrative figure names (none when it cannot be mapped with confidence). */
function resolve(ctx: RuleContext, figure: NarrativeFigure, head: Resolved | undefined): Resolved | undefined {
  if (figure.change) return undefined;
  const subject = subjectOf(figure.label);
  if (!subject) return undefined;
  const t = ctx.tables;
  const some = (...xs: Array<TableFigure | undefined>) => xs.filter((x): x is TableFigure => x !== undefined);
  let candidates: TableFigure[] = [];
  let witnesses: TableFigure[] = [];
  switch (subject) {
    case 'total-budget':
      candidates = some(summaryRow(t, 'income-expense-summary', 'income', GRAND_INCOME));
      if (candidates.length === 0) candidates = some(totalOf(t, 'expenditure-summary'));
      break;
    case 'ies-income':
      candidates = some(summaryRow(t, 'income-expense-summary', 'income', GRAND_INCOME));
      if (candidates.length === 0) candidates = some(totalOf(t, 'income-summary'));
      else witnesses = some(totalOf(t, 'income-summary'));
      break;
    case 'ies-income-year':
      candidates = some(summaryRow(t, 'income-expense-summary', 'income', /^本年收入合计$/), summaryRow(t, 'income-expense-summary', 'income', GRAND_INCOME));
      break;
    case 'ies-expenditure':
      candidates = some(summaryRow(t, 'income-expense-summary', 'expenditure', GRAND_EXPENDITURE));
      if (candidates.length === 0) candidates = some(totalOf(t, 'expenditure-summary'));
      else witnesses = some(totalOf(t, 'expenditure-summary'));
      break;
    case 'ies-expenditure-year':
      candidates = some(
        summaryRow(t, 'income-expense-summary', 'expenditure', /^本年支出合计$/),
        summaryRow(t, 'income-expense-summary', 'expenditure', GRAND_EXPENDITURE),
        totalOf(t, 'expenditure-summary'),
      );
      break;
    case 'fas':
      candidates = some(summaryRow(t, 'fiscal-appropriation-summary', 'income', GRAND_INCOME));
      break;
    case 'gb-appropriation':
      candidates = some(summaryRow(t, 'fiscal-appropriation-summary', 'income', /^一般公共预算拨款(收入)?$/));
      if (candidates.length === 0) candidates = some(totalOf(t, 'general-budget-expenditure'));
      break;
    case 'income-line': {
      // Only as a part of the year's (or the whole) income, and read from the summary's own income lines.
      if (!head || (head.subject !== 'ies-income-year' && head.subject !== 'ies-income')) return undefined;
      const label = figure.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const line = new RegExp(`^(?:[一二三四五六七八九十]+、|\\d+[、.]|\\([一二三四五六七八九十\\d]+\\))?${label}$`);
      candidates = some(summaryRow(t, 'income-expense-summary', 'income', line));
      break;
    }
    case 'gb-expenditure':
      candidates = some(totalOf(t, 'general-budget-expenditure'));
      break;
    case 'gb-basic':
      candidates = some(totalOf(t, 'general-budget-basic-expenditure'), totalOf(t, 'general-budget-expenditure', 'basic'));
      break;
    case 'basic':
    case 'project':
    case 'operating': {
      if (head && !['ies-expenditure', 'ies-expenditure-year', 'total-budget', 'gb-appropriation', 'gb-expenditure', 'gfe', 'sce'].includes(head.subject)) return undefined;
      const kinds = expenditureKinds(head?.subject);
      candidates = some(...kinds.map((k) => totalOf(t, k, ROLE[subject])));
      break;
    }
    case 'personnel':
    case 'public':
      candidates = some(totalOf(t, 'general-budget-expenditure', ROLE[subject]), totalOf(t, 'general-budget-basic-expenditure', ROLE[subject]));
      break;
    case 'current':
    case 'carryover': {
      const whole = head?.candidates[0];
      if (!whole) return undefined;
      const f = rowRole(whole.table, whole.row, subject === 'current' ? 'current-year' : 'carryover');
      candidates = some(f);
      break;
    }
    case 'gfe':
      candidates = some(totalOf(t, 'government-fund-expenditure'));
      break;
    case 'sce':
      candidates = some(totalOf(t, 'state-capital-expenditure'));
      break;
    case 'lei': {
      if (head && ['personnel', 'public', 'basic', 'project', 'current', 'carryover', 'lei'].includes(head.subject)) return undefined;
      const tables: Table[] = [];
      if (head?.subject === 'fas') tables.push(...tablesOf(t, 'fiscal-appropriation-summary', 'expenditure'));
      for (const k of expenditureKinds(head?.subject)) tables.push(...tablesOf(t, k));
      if (head?.subject !== 'gfe' && head?.subject !== 'sce') tables.push(...tablesOf(t, 'income-expense-summary', 'expenditure'));
      for (const table of tables) {
        const f = rowWhole(table, leiRow(table, figure.label, ctx.catalogs, ctx.meta.year));
        if (f) candidates.push(f);
      }
      break;
    }
    default: {
      const item = TPE_ITEMS[subject];
      candidates = item ? some(threePublic(t, item)) : [];
    }
  }
  return candidates.length > 0 ? { subject, candidates, witnesses } : undefined;
}

/** The narrative figure in the tables' unit (a figure in 元 among tables in 万元 is divided by 10,000). */
function inTableUnit(ctx: RuleContext, f: NarrativeFigure): Money {
  const unit = ctx.meta.unit ?? '万元';
  if (f.unit === unit) return f.value;
  return f.unit === '元' ? f.value.dividedBy(10000) : f.value.times(10000);
}

type Verdict = { kind: 'same' } | { kind: 'rounded' } | { kind: 'rounding' } | { kind: 'different' };

/** How a printed figure compares with a table figure: equal, the same number rounded, within rounding, or different. */
function compare(ctx: RuleContext, stated: Money, decimals: number, table: TableFigure): Verdict {
  if (stated.eq(table.value)) return { kind: 'same' };
  if (decimals < 2 && table.value.toDecimalPlaces(decimals, Money.ROUND_HALF_UP).eq(stated)) return { kind: 'rounded' };
  if (stated.minus(table.value).abs().lte(ctx.rounding.perTerm.times(Math.max(1, table.terms)))) return { kind: 'rounding' };
  return { kind: 'different' };
}

const RANK: Record<Verdict['kind'], number> = { same: 0, rounded: 1, rounding: 1, different: 2 };

function figureCells(f: TableFigure): CellRef[] {
  return f.cells.map((c) => cellRef(f.table.sheet, c.row, c.col, 'evidence'));
}

/** `预算表3!F5` of a table figure's first cell. */
function where(f: TableFigure): string {
  const c = f.cells[0]!;
  return `${f.table.sheet}!${a1(c.row, c.col)}`;
}

function figureData(f: TableFigure): Record<string, string> {
  return {
    table: `@meta.kind.${f.table.kind}`,
    where: where(f),
    row: rowLabel(f.row),
    column: f.cells.map((c) => columnLabel(f.table, c.col)).join(' + '),
  };
}

/** The paragraph's text with one stretch replaced. */
function replaced(text: string, start: number, end: number, by: string): string {
  return `${text.slice(0, start)}${by}${text.slice(end)}`;
}

/** A plain number for writing into a sentence: `1218.49`, `3.0`. */
function plain(v: Money, decimals: number): string {
  return v.toFixed(decimals);
}

interface Paragraph {
  readonly table: Table;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly parsed: ParsedParagraph;
  /** Index of the section (text between two headings) the paragraph is in. */
  readonly section: number;
}

/** A heading line of the narrative: `五、2024 年…情况`, `（二）政府采购情况`. */
function isHeading(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(t) && !/万元/.test(t);
}

export const narrativeAmounts: Rule = {
  meta: {
    id: ID,
    group: 'narrative',
    severity: 'error',
    title: { zh: '情况说明与表中数', en: 'Narrative vs tables' },
    description: {
      zh: '情况说明所引的总数、分项数和占比应与表中数一致：收支总计对收支总表，基本支出、项目支出对支出总表，人员经费、公用经费对一般公共预算支出表和基本支出表，各类支出对支出表的类级科目，“三公”经费对“三公”经费表；占比按表中两数相除，按说明印的精度比较。数不同为错误，只是四舍五入不同为提示，占比只差末位一个单位（常为凑足 100%）为警告；与上年比较的增减数无法核对，不检查；对不上任何表的数（机关运行经费、政府采购等）不报告，但机关运行经费超过表中公用经费时给出警告。',
      en: 'Totals, parts and shares quoted in the narrative should equal the tables: grand totals against the income and expenditure summary, basic and project expenditure against the expenditure summary, personnel and public costs against the general budget tables, 类 expenditure against the 类 rows, "three public" expenses against their table; shares are recomputed from the two table figures and compared at the printed precision. A different number is an error, a rounding of the same number a note, a share one unit off in its last digit (often nudged to make 100%) a warning; changes against last year cannot be checked and are skipped; figures no table states (机关运行经费, 政府采购 …) are not reported, except running costs above the public costs in the tables (a warning).',
    },
    needs: ['narrative'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const ids = new Map<string, number>();
    const uniqueId = (base: string) => {
      const n = (ids.get(base) ?? 0) + 1;
      ids.set(base, n);
      return n === 1 ? base : `${base}#${n}`;
    };
    for (const table of ctx.tables) {
      if (table.kind !== 'narrative') continue;
      let section = 0;
      const paragraphs: Paragraph[] = [];
      for (const p of table.paragraphs ?? []) {
        if (isHeading(p.text)) section++;
        paragraphs.push({ table, row: p.row, col: p.col, text: p.text, parsed: parseParagraph(p.text), section });
      }
      // The first figure of each section: the whole a later paragraph's 类 shares are of.
      const sectionLead = new Map<number, Resolved>();
      for (const p of paragraphs) {
        const resolved: Array<Resolved | undefined> = [];
        const address = a1(p.row, p.col);
        const checked = cellRef(table.sheet, p.row, p.col, 'checked');
        const flagged = new Set<number>();
        p.parsed.figures.forEach((f, i) => {
          const head = f.head !== undefined ? resolved[f.head] : undefined;
          if (f.head !== undefined && !head && ['current', 'carryover', 'basic', 'project', 'operating', 'lei'].includes(subjectOf(f.label) ?? '')) {
            // Part of a whole that could not be read: its table is unknown.
            resolved.push(undefined);
            return;
          }
          const r = resolve(ctx, f, head);
          resolved.push(r);
          if (!r) {
            const over = runningCostsOverPublic(ctx, f, checked, `${ID}@${table.sheet}!${address}/${f.label}`);
            if (over) findings.push({ ...over, id: uniqueId(over.id) });
            return;
          }
          if (!sectionLead.has(p.section) && f.head === undefined) sectionLead.set(p.section, r);
          const stated = inTableUnit(ctx, f);
          countCompared(ctx.rounding);
          // The amount.
          const verdicts = r.candidates.map((c) => ({ c, v: compare(ctx, stated, f.unit === (ctx.meta.unit ?? '万元') ? f.decimals : 6, c) }));
          const best = verdicts.reduce((a, b) => (RANK[b.v.kind] < RANK[a.v.kind] ? b : a));
          const chosen = best.c;
          if (best.v.kind !== 'same') {
            flagged.add(i);
            const rounding = best.v.kind !== 'different';
            const severity: Severity = rounding ? 'info' : 'error';
            const decimals = Math.max(2, f.decimals);
            const fixes: Fix[] = [];
            if (!rounding) {
              // Sure when several tables state the same figure; when they disagree, or only one states it, less so.
              const all = [...r.candidates, ...(r.witnesses ?? [])];
              const agreed = all.length >= 2 && all.every((c) => c.value.eq(chosen.value));
              fixes.push({
                title: { id: `${ID}.fix.amount`, data: { stated: f.text, after: plain(chosen.value, 2) } },
                confidence: agreed ? 0.8 : 0.6,
                reason: { id: agreed ? `${ID}.fix.reason.agreed` : `${ID}.fix.reason.amount`, data: { count: String(all.length) } },
                edits: [{ sheet: table.sheet, address, before: p.text, after: replaced(p.text, f.start, f.end, plain(chosen.value, 2)) }],
              });
            }
            findings.push({
              id: uniqueId(`${ID}@${table.sheet}!${address}/${f.label}`),
              rule: ID,
              severity,
              message: {
                id: best.v.kind === 'rounded' ? `${ID}.amount.rounded` : rounding ? `${ID}.amount.rounding` : `${ID}.amount`,
                data: {
                  label: f.label,
                  stated: f.text.replace(/\s+/g, ''),
                  unit: f.unit,
                  expected: displayAmount(chosen.value, 2),
                  difference: displayAmount(stated.minus(chosen.value), decimals),
                  decimals: String(f.decimals),
                  ...figureData(chosen),
                },
              },
              cells: [checked, ...figureCells(chosen)],
              actual: stated.toFixed(decimals),
              expected: chosen.value.toFixed(decimals),
              difference: stated.minus(chosen.value).toFixed(decimals),
              fixes,
            });
          }
          // The share.
          if (!f.share) return;
          const whole = head?.candidates[0] ?? (r.subject === 'lei' && f.head === undefined ? sectionLead.get(p.section)?.candidates[0] : undefined);
          if (!whole || whole === chosen || whole.value.isZero()) return;
          const share = checkShare(f, chosen, whole);
          if (!share) return;
          findings.push({
            id: uniqueId(`${ID}@${table.sheet}!${address}/${f.label}%`),
            rule: ID,
            severity: share.severity,
            message: {
              id: share.severity === 'info' ? `${ID}.share.rounding` : `${ID}.share`,
              data: {
                label: f.label,
                stated: f.share.text.replace(/\s+/g, ''),
                part: displayAmount(chosen.value, 2),
                whole: displayAmount(whole.value, 2),
                computed: `${share.exact.toFixed(2)}%`,
                rounded: `${share.rounded.toFixed(f.share.decimals)}%`,
                partWhere: where(chosen),
                wholeWhere: where(whole),
              },
            },
            cells: [checked, ...figureCells(chosen), ...figureCells(whole)],
            actual: `${f.share.value.toFixed(f.share.decimals)}%`,
            expected: `${share.exact.toFixed(2)}%`,
            difference: `${f.share.value.minus(share.exact).toFixed(2)}%`,
            fixes:
              share.severity === 'info'
                ? []
                : [
                    {
                      title: { id: `${ID}.fix.share`, data: { stated: f.share.text.replace(/\s+/g, ''), after: `${share.rounded.toFixed(f.share.decimals)}%` } },
                      confidence: 0.5,
                      reason: { id: `${ID}.fix.reason.share`, data: {} },
                      edits: [{ sheet: table.sheet, address, before: p.text, after: replaced(p.text, f.share.start, f.share.end, `${share.rounded.toFixed(f.share.decimals)}%`) }],
                    },
                  ],
          });
        });
        findings.push(...listedSums(ctx, p, resolved, flagged, checked, uniqueId));
      }
    }
    return findings;
  },
};

/**
 * 机关运行经费, which no table states, is part of the general budget's 公用经费 (the 日常公用经费 of the basic expenditure of
 * the administrative units): a figure above the tables' 公用经费 is a warning (which of the two is wrong, the
 * narrative cannot say).
 */
function runningCostsOverPublic(ctx: RuleContext, f: NarrativeFigure, checked: CellRef, id: string): Finding | undefined {
  if (f.change || f.share || !/机关运行经费/.test(f.label)) return undefined;
  const publicCosts = totalOf(ctx.tables, 'general-budget-expenditure', 'basic-public') ?? totalOf(ctx.tables, 'general-budget-basic-expenditure', 'basic-public');
  if (!publicCosts) return undefined;
  countCompared(ctx.rounding);
  const stated = inTableUnit(ctx, f);
  const excess = stated.minus(publicCosts.value);
  if (excess.lte(ctx.rounding.perTerm.times(Math.max(1, publicCosts.terms)))) return undefined;
  return {
    id,
    rule: ID,
    severity: 'warning',
    message: {
      id: `${ID}.running-costs`,
      data: { label: f.label, stated: f.text.replace(/\s+/g, ''), unit: f.unit, expected: displayAmount(publicCosts.value, 2), difference: displayAmount(excess, 2), ...figureData(publicCosts) },
    },
    cells: [checked, ...figureCells(publicCosts)],
    actual: stated.toFixed(2),
    expected: publicCosts.value.toFixed(2),
    difference: excess.toFixed(2),
    fixes: [],
  };
}

/**
 * A share against the ratio of the two table figures, at the printed precision: undefined when it
 * agrees; info when the tables' own rounding (±0.005 on each figure) allows it; warning when it is one
 * unit off in its last printed digit (shares nudged to add up to 100%); error otherwise.
 */
function checkShare(f: NarrativeFigure, part: TableFigure, whole: TableFigure): { severity: Severity; exact: Money; rounded: Money } | undefined {
  const share = f.share!;
  const d = share.decimals;
  const hundred = new Money(100);
  const exact = part.value.dividedBy(whole.value).times(hundred);
  const rounded = exact.toDecimalPlaces(d, Money.ROUND_HALF_UP);
  if (rounded.eq(share.value)) return undefined;
  const half = new Money('0.005');
  const lo = part.value.minus(half).dividedBy(whole.value.plus(half)).times(hundred).toDecimalPlaces(d, Money.ROUND_HALF_UP);
  const hi = whole.value.gt(half) ? part.value.plus(half).dividedBy(whole.value.minus(half)).times(hundred).toDecimalPlaces(d, Money.ROUND_HALF_UP) : rounded;
  if (share.value.gte(lo) && share.value.lte(hi)) return { severity: 'info', exact, rounded };
  const unit = new Money(10).pow(-d);
  return { severity: share.value.minus(rounded).abs().lte(unit) ? 'warning' : 'error', exact, rounded };
}

/**
 * A list of 类 amounts after a whole (`支出包括：社会保障和就业支出 95.2 万元，…`) adds up to the whole.
 * Checked only when the list is complete: its table figures add up to the whole's table figure.
 */
function listedSums(
  ctx: RuleContext,
  p: Paragraph,
  resolved: ReadonlyArray<Resolved | undefined>,
  flagged: ReadonlySet<number>,
  checked: CellRef,
  uniqueId: (base: string) => string,
): Finding[] {
  const out: Finding[] = [];
  const figures = p.parsed.figures;
  p.parsed.sentences.forEach((s, si) => {
    if (!/^(支出包括|主要用于以下方面)/.test(s.text)) return;
    const items = figures.map((f, i) => ({ f, i })).filter(({ f }) => f.sentence === si && !f.change);
    if (items.length < 2) return;
    const headIndex = items[0]!.f.head;
    if (headIndex === undefined || flagged.has(headIndex)) return;
    const head = figures[headIndex]!;
    const headResolved = resolved[headIndex];
    if (!headResolved || items.some(({ f, i }) => f.head !== headIndex || resolved[i]?.subject !== 'lei')) return;
    const tableSum = items.reduce((acc, { i }) => acc.plus(resolved[i]!.candidates[0]!.value), ZERO);
    const bound = ctx.rounding.perTerm.times(items.length + headResolved.candidates[0]!.terms);
    if (tableSum.minus(headResolved.candidates[0]!.value).abs().gt(bound)) return; // a 类 is left out of the list
    const statedSum = items.reduce((acc, { f }) => acc.plus(inTableUnit(ctx, f)), ZERO);
    const stated = inTableUnit(ctx, head);
    const difference = stated.minus(statedSum);
    if (difference.isZero()) return;
    const rounding = difference.abs().lte(ctx.rounding.perTerm.times(items.length));
    out.push({
      id: uniqueId(`${ID}@${checked.sheet}!${checked.address}/Σ${head.label}`),
      rule: ID,
      severity: rounding ? 'info' : 'warning',
      message: {
        id: rounding ? `${ID}.listed.rounding` : `${ID}.listed`,
        data: {
          label: head.label,
          stated: head.text.replace(/\s+/g, ''),
          items: items.map(({ f }) => f.text.replace(/\s+/g, '')).join(' + '),
          sum: displayAmount(statedSum, 2),
          difference: displayAmount(difference, 2),
          unit: head.unit,
        },
      },
      cells: [checked, ...items.flatMap(({ i }) => figureCells(resolved[i]!.candidates[0]!))],
      actual: stated.toFixed(2),
      expected: statedSum.toFixed(2),
      difference: stated.minus(statedSum).toFixed(2),
      fixes: [],
    });
  });
  return out;
}
