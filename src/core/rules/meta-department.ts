// Rule `meta-department`: every table names the same 预算单位 as the rest of the workbook.
import { a1 } from '../grid/grid';
import { cellRef, countCompared, skipReason, type CellRef, type Finding, type Fix, type Severity } from '../findings';
import { metaTexts, printedTables } from '../narrative/tables';
import { TABLE_KINDS } from '../recognize/kinds';
import type { Table } from '../recognize/model';
import { halfWidth, labelKey, squash } from '../text';
import type { Rule } from './rule';

const ID = 'meta-department';

type Scope = '本级' | '汇总';

/** A department name split into its body and the scope words after it: `某局本级(汇总)` → 某局 + {本级, 汇总}. */
export function splitScope(name: string): { base: string; scopes: Set<Scope> } {
  let s = halfWidth(squash(name));
  const scopes = new Set<Scope>();
  for (;;) {
    const m = /(?:\((部门|单位)?(本级|汇总)\)|(本级|汇总))$/.exec(s);
    if (!m) break;
    scopes.add((m[2] ?? m[3]) as Scope);
    s = s.slice(0, m.index);
  }
  return { base: s, scopes };
}

/** The 55 ethnic minorities' names, as they appear in the names of autonomous areas (朝鲜族, 苗族 …). */
const ETHNIC =
  '朝鲜|蒙古|回|藏|维吾尔|苗|彝|壮|布依|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
const AUTONOMOUS = new RegExp(`((${ETHNIC})族)+自治(?=[州县旗])`, 'g');

/** The comparable form of a body's name: autonomous prefectures and counties shortened (`延边朝鲜族自治州` → `延边州`). */
export function shortForm(base: string): string {
  return base.replace(AUTONOMOUS, '');
}

/** Character-bigram similarity of two names (Dice coefficient, 0..1). */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  return (2 * common) / total;
}

type Verdict =
  | { kind: 'other-body'; severity: 'error' }
  | { kind: 'variant'; severity: 'warning' }
  | { kind: 'short'; severity: 'info' }
  | { kind: 'scope-both'; severity: 'warning' }
  | { kind: 'scope-opposite'; severity: Severity }
  | { kind: 'scope-added' | 'scope-missing'; severity: 'warning' | 'info' };

/** How the workbook's units look in its income summary: one unit (本级 only), several (汇总), or unknown. */
function unitsInWorkbook(tables: readonly Table[]): 'single' | 'several' | undefined {
  const income = tables.find((t) => t.kind === 'income-summary');
  if (!income) return undefined;
  const codes = income.rows.map((r) => r.unitCode).filter((c): c is string => c !== undefined);
  if (codes.length === 0) return undefined;
  // Sub-unit codes (603001, 603002) under one department code (603).
  const subUnits = new Set(codes.filter((c) => codes.some((d) => d !== c && c.startsWith(d))));
  const names = new Set(income.rows.filter((r) => r.unitCode !== undefined).map((r) => labelKey(r.name)));
  return subUnits.size > 1 || (subUnits.size === 0 && names.size > 1) ? 'several' : 'single';
}

/** Judges a table's department name against the workbook's. */
function judge(name: string, majority: string, units: 'single' | 'several' | undefined): Verdict | undefined {
  const a = splitScope(name);
  const b = splitScope(majority);
  if (a.base !== b.base) {
    if (shortForm(a.base) === shortForm(b.base)) return { kind: 'short', severity: 'info' };
    const sa = shortForm(a.base);
    const sb = shortForm(b.base);
    if (sa.includes(sb) || sb.includes(sa) || similarity(sa, sb) >= 0.6) return { kind: 'variant', severity: 'warning' };
    return { kind: 'other-body', severity: 'error' };
  }
  if (a.scopes.size === 2 && b.scopes.size < 2) return { kind: 'scope-both', severity: 'warning' };
  const same = a.scopes.size === b.scopes.size && [...a.scopes].every((s) => b.scopes.has(s));
  if (same) return undefined;
  if (a.scopes.size === 1 && b.scopes.size === 1) return { kind: 'scope-opposite', severity: units === 'single' ? 'info' : 'warning' };
  // 本级 on a table of a workbook that consolidates several units: its figures may be the department's own only.
  const ownInConsolidated = a.scopes.has('本级') && units === 'several';
  return { kind: a.scopes.size > b.scopes.size ? 'scope-added' : 'scope-missing', severity: ownInConsolidated ? 'warning' : 'info' };
}

/** The reason message behind a scope verdict, from what the income summary shows. */
function scopeReason(v: Verdict, name: string, units: 'single' | 'several' | undefined): string {
  const scopes = splitScope(name).scopes;
  if (v.kind === 'scope-both') return `${ID}.why.both`;
  if (units === undefined) return `${ID}.why.unknown`;
  if (units === 'single') return `${ID}.why.single`;
  return scopes.has('本级') ? `${ID}.why.several-but-own` : `${ID}.why.several`;
}

/** `name` with the bracket width `model` uses more (a cell printing （ ） keeps them); as it is on a tie. */
export function bracketsAs(model: string, name: string): string {
  const full = (model.match(/[（）]/g) ?? []).length;
  const half = (model.match(/[()]/g) ?? []).length;
  if (full > half) return name.replace(/\(/g, '（').replace(/\)/g, '）');
  if (half > full) return name.replace(/（/g, '(').replace(/）/g, ')');
  return name;
}

export const metaDepartment: Rule = {
  meta: {
    id: ID,
    group: 'metadata',
    severity: 'error',
    title: { zh: '预算单位名称', en: 'Department name' },
    description: {
      zh: '各表所列预算单位应与工作簿中多数表一致（括号全半角、空格不计）：换成另一个单位为错误；“本级”“汇总”自相矛盾，或在汇总多个单位的工作簿中个别表标为“本级”，为警告（该表可能只含本部门自身的数）；只有一个单位时多了或少了“（本级）”“（汇总）”，或用了简称（延边州／延边朝鲜族自治州），为提示。',
      en: 'Every table should name the same department as most tables of the workbook (bracket width and spaces aside): another body altogether is an error; 本级 and 汇总 contradicting each other, or a table marked 本级 in a workbook that consolidates several units, a warning (the table may hold the department\'s own figures only); a (本级) or (汇总) suffix on some tables of a one-unit department, or a shortened name (延边州 for 延边朝鲜族自治州), a note.',
    },
    needs: [...TABLE_KINDS],
  },
  check(ctx) {
    const tables = printedTables(ctx.tables).filter((t) => t.meta.department !== undefined && t.meta.departmentCell !== undefined);
    if (tables.length < 2) {
      skipReason(ctx.rounding, 'skip.meta-department.few', { n: String(tables.length) });
      return [];
    }
    countCompared(ctx.rounding, tables.length - 1);
    // The majority by comparable form; its most frequent printed form is what the others are aligned to.
    const byKey = new Map<string, Table[]>();
    for (const t of tables) {
      const k = halfWidth(squash(t.meta.department!));
      byKey.set(k, [...(byKey.get(k) ?? []), t]);
    }
    const ranked = [...byKey.entries()].sort((x, y) => y[1].length - x[1].length);
    const [majorityKey, majorityTables] = ranked[0]!;
    const clear = majorityTables.length >= 2 && (ranked[1]?.[1].length ?? 0) < majorityTables.length;
    const majority = ctx.meta.department !== undefined && halfWidth(squash(ctx.meta.department)) === majorityKey ? ctx.meta.department : majorityTables[0]!.meta.department!;
    const units = unitsInWorkbook(ctx.tables);
    const evidence: CellRef[] = majorityTables.map((t) => cellRef(t.sheet, t.meta.departmentCell!.row, t.meta.departmentCell!.col, 'evidence'));
    const findings: Finding[] = [];
    for (const t of tables) {
      const name = t.meta.department!;
      if (halfWidth(squash(name)) === majorityKey) continue;
      const verdict = judge(name, majority, units);
      if (!verdict) continue;
      // Without a clear majority there is no telling which name is right: a warning at most.
      const severity: Severity = !clear && verdict.severity === 'error' ? 'warning' : verdict.severity;
      const cell = t.meta.departmentCell!;
      const address = a1(cell.row, cell.col);
      const fixes: Fix[] = [];
      const before = metaTexts(t).departmentText;
      if (clear && before !== undefined && before.includes(name)) {
        // The cell's own bracket width; where it prints none, the one most of the agreeing tables print.
        const after = bracketsAs(/[（）()]/.test(before) ? before : majorityTables.map((x) => x.meta.department!).join(''), majority);
        fixes.push({
          title: { id: `${ID}.fix.align`, data: { after } },
          confidence: verdict.kind === 'other-body' ? 0.8 : 0.7,
          reason: { id: `${ID}.fix.reason`, data: { count: String(majorityTables.length) } },
          edits: [{ sheet: t.sheet, address, before, after: before.replace(name, after) }],
        });
      }
      const scope = verdict.kind.startsWith('scope');
      findings.push({
        id: `${ID}@${t.sheet}!${address}`,
        rule: ID,
        severity,
        message: {
          id: `${ID}.${verdict.kind}`,
          data: {
            name,
            majority,
            count: String(majorityTables.length),
            ...(scope ? { why: `@${scopeReason(verdict, name, units)}` } : {}),
          },
        },
        cells: [cellRef(t.sheet, cell.row, cell.col, 'checked'), ...evidence],
        fixes,
      });
    }
    return findings;
  },
};
