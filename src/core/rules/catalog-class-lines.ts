// The 类 lines of a summary's expenditure side (收支总表, 财政拨款收支总表) against the functional catalog.
// These lines print no code: a line is tied to its 类 by its name (the catalog name, or a former one), or —
// for a line with money and a name that is no 类 name — by its place in the catalog's order of 类 (the
// lines list the 类 in that order). Part of rule `catalog-name`.
import { catalogForTable, judgeName, printedKey, renamedText, type NameVerdict } from '../catalog/names';
import type { Rename } from '../catalog/catalog';
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type Finding, type Fix, type Severity } from '../findings';
import type { Row, Table } from '../recognize/model';
import { classLines, tablesOf } from './cross-shared';
import type { RuleContext } from './rule';

/** Lines named by a 类 name before a side is taken for a list of 类 (and not, say, of kinds of money). */
const MIN_NAMED = 5;

const SUMMARY_KINDS = ['income-expense-summary', 'fiscal-appropriation-summary'] as const;

/**
 * The 类 a former name stands for: `城乡社区事务` or `城乡社区事务支出` for 212, or the former name cut by the
 * column width (`资源勘探信息等` for 215) when the cut name is not also the beginning of the current one.
 */
function renamedClass(name: string, renames: readonly Rename[]): Rename | undefined {
  const p = printedKey(name);
  if (p === '') return undefined;
  return renames.find((r) => {
    if (r.catalog !== 'functional' || r.code.length !== 3 || r.new === null) return false;
    const old = printedKey(r.old);
    return old === p || printedKey(`${r.old}支出`) === p || (p.length >= 4 && old.startsWith(p) && !printedKey(r.new).startsWith(p));
  });
}

/** How a line was tied to its class, for the message. A name that is no class name ties it through a coded table's row. */
const VIA: Record<'name' | 'position' | 'former', (code: string) => { viaZh: string; viaEn: string }> = {
  position: (code) => ({
    viaZh: `（本行不印编码，按它在各类支出中的位置应为 ${code} 类，金额也与之相符）`,
    viaEn: ` (the line prints no code; its place among the classes makes it ${code}, and its amounts agree)`,
  }),
  former: () => ({ viaZh: '（本行不印编码，按旧名称对应）', viaEn: ' (the line prints no code; matched by the former name)' }),
  name: (code) => ({ viaZh: `（本行不印编码，按编码表中同名的 ${code} 行对应）`, viaEn: ` (the line prints no code; matched with the ${code} row of the same name in a coded table)` }),
};

export interface ClassLineOptions {
  readonly id: string;
  readonly severity: Readonly<Record<Exclude<NameVerdict['kind'], 'match' | 'empty'>, Severity>>;
  readonly fix: Readonly<Record<Exclude<NameVerdict['kind'], 'match' | 'empty'>, { confidence: number; reason: string }>>;
  readonly verdictData: (v: NameVerdict) => Record<string, string>;
}

/** Findings on the names of the 类 lines of every summary's expenditure side. */
export function classLineFindings(ctx: RuleContext, renames: readonly Rename[], o: ClassLineOptions): Finding[] {
  const applied = catalogForTable('expenditure-summary', ctx.catalogs, ctx.meta, 0);
  if (!applied) return [];
  const { catalog } = applied;
  const coded = [...tablesOf(ctx, 'expenditure-summary'), ...tablesOf(ctx, 'general-budget-expenditure')];
  const findings: Finding[] = [];
  for (const side of ctx.tables) {
    if (!(SUMMARY_KINDS as readonly string[]).includes(side.kind) || side.part !== 'expenditure') continue;
    const nameCol = side.columns.find((c) => c.role === 'name')?.col;
    if (nameCol === undefined) continue;
    const lines = classLines(ctx, side, coded);
    if (lines.filter((l) => l.via === 'name').length < MIN_NAMED) continue;
    const placed = new Map<Row, { code: string; via: 'name' | 'position' | 'former'; former?: Rename }>(lines.map((l) => [l.row, l]));
    for (const row of side.rows) {
      if (placed.has(row)) continue;
      const former = renamedClass(row.name, renames);
      if (former) placed.set(row, { code: former.code, via: 'former', former });
    }
    for (const [row, { code, via, former }] of placed) {
      const catalogNameText = catalog.name(code);
      if (catalogNameText === undefined) continue;
      countCompared(ctx.rounding);
      const verdict: NameVerdict = former ? { kind: 'renamed', rename: former, since: renames.find((x) => x.code === code && x.new === catalogNameText)?.since ?? null } : judgeName(row.name, code, catalog, renames);
      // A name cut by the column width is common on these long lines: not worth a note here.
      if (verdict.kind === 'match' || verdict.kind === 'empty' || verdict.kind === 'truncated') continue;
      // An outdated list may print the former name and the current one on two lines.
      const twin = [...placed].find(([other, p]) => other !== row && p.code === code && judgeName(other.name, code, catalog, renames).kind === 'match')?.[0];
      findings.push(lineFinding(side, row, nameCol, code, catalogNameText, via, verdict, applied, o, twin));
    }
  }
  return findings;
}

function lineFinding(
  side: Table,
  row: Row,
  nameCol: number,
  code: string,
  catalogNameText: string,
  via: 'name' | 'position' | 'former',
  verdict: Exclude<NameVerdict, { kind: 'match' } | { kind: 'empty' } | { kind: 'truncated' }>,
  applied: { zh: string; en: string },
  o: ClassLineOptions,
  twin?: Row,
): Finding {
  const printed = row.name.trim();
  const address = a1(row.row, nameCol);
  const data: Record<string, string> = {
    code,
    printed,
    catalogName: catalogNameText,
    catalogZh: applied.zh,
    catalogEn: applied.en,
    ...VIA[via === 'name' && verdict.kind === 'renamed' ? 'former' : via](code),
    ...o.verdictData(verdict),
  };
  if (twin) {
    data.viaZh += `（本表另有“${twin.name.trim()}”一行：这一行是旧表样留下的，应删去）`;
    data.viaEn += ` (the table also has a line "${twin.name.trim()}": this one is left from an old template and should go)`;
  }
  const after = renamedText(printed, catalogNameText);
  const f = o.fix[verdict.kind];
  const fixes: Fix[] =
    after !== printed && !twin
      ? [
          {
            title: { id: `${o.id}.fix`, data: { address, after } },
            // Placed by position: the list's fixed order and its amounts make it sure enough, not more.
            confidence: via === 'position' ? Math.min(f.confidence, 0.8) : f.confidence,
            reason: { id: f.reason, data: { code } },
            edits: [{ sheet: side.sheet, address, before: printed, after }],
          },
        ]
      : [];
  return {
    id: `${o.id}@${side.sheet}!${address}`,
    rule: o.id,
    severity: o.severity[verdict.kind],
    message: { id: `${o.id}.${verdict.kind}`, data },
    cells: [cellRef(side.sheet, row.row, nameCol, 'checked'), ...(twin ? [cellRef(side.sheet, twin.row, nameCol, 'evidence')] : [])],
    fixes,
  };
}
