// Rule `catalog-name`: a printed subject name that differs from the catalog's name of its code.
import {
  CATALOG_CHECKED_KINDS,
  catalogForTable,
  catalogSet,
  codeColumn,
  codeGroups,
  judgeName,
  nameColumn,
  renamedText,
  subjectRows,
  type NameVerdict,
  type SubjectRow,
} from '../catalog/names';
import { a1 } from '../grid/grid';
import { cellRef, countCompared, type CellRef, type Finding, type Fix, type Severity } from '../findings';
import type { Table } from '../recognize/model';
import { classLineFindings } from './catalog-class-lines';
import type { Rule } from './rule';

const ID = 'catalog-name';

const SEVERITY: Record<Exclude<NameVerdict['kind'], 'match' | 'empty'>, Severity> = {
  truncated: 'info',
  renamed: 'warning',
  ancestor: 'error',
  'other-code': 'error',
  'fund-type': 'error',
  different: 'warning',
};

/** How sure the rename fix is, and why: the name may be right and the code wrong. */
const FIX: Record<Exclude<NameVerdict['kind'], 'match' | 'empty'>, { confidence: number; reason: string }> = {
  truncated: { confidence: 0.8, reason: `${ID}.fix.reason.truncated` },
  renamed: { confidence: 0.9, reason: `${ID}.fix.reason.renamed` },
  ancestor: { confidence: 0.7, reason: `${ID}.fix.reason.code-or-name` },
  'other-code': { confidence: 0.5, reason: `${ID}.fix.reason.code-or-name` },
  'fund-type': { confidence: 0.9, reason: `${ID}.fix.reason.fund-type` },
  different: { confidence: 0.6, reason: `${ID}.fix.reason.different` },
};

/** Where the code of a subject row is shown: its own code cell, or the row it was aligned with. */
function codeEvidence(table: Table, s: SubjectRow): CellRef | undefined {
  if (s.source === 'aligned' && s.from) {
    const col = codeColumn(s.from.table, s.code);
    return col !== undefined ? cellRef(s.from.table.sheet, s.from.row.row, col, 'evidence') : undefined;
  }
  const col = codeColumn(table, s.code);
  return col !== undefined ? cellRef(table.sheet, s.row.row, col, 'evidence') : undefined;
}

/** The message data a verdict adds: since when the current name holds, the other code whose name it is. */
export function verdictData(verdict: NameVerdict): Record<string, string> {
  const data: Record<string, string> = {};
  if (verdict.kind === 'renamed') {
    const since = verdict.since;
    data.sinceZh = since !== null ? `（${since}年起）` : '';
    data.sinceEn = since !== null ? ` (since ${since})` : '';
  }
  if (verdict.kind === 'ancestor' || verdict.kind === 'other-code') {
    data.otherCode = verdict.code;
    data.otherName = verdict.name;
    if (verdict.kind === 'ancestor') {
      data.nameOfZh = verdict.truncated ? '名称的开头部分' : '名称';
      data.nameOfEn = verdict.truncated ? 'the beginning of the name' : 'the name';
    }
  }
  return data;
}

export const catalogName: Rule = {
  meta: {
    id: ID,
    group: 'cell',
    severity: 'error',
    title: { zh: '科目名称与目录', en: 'Subject name vs catalog' },
    description: {
      zh: '科目名称应与当年目录中该编码的名称一致：被列宽截断为提示；旧名称、其他措辞为警告；印成上级科目、其他科目或资金性质的名称为错误；本行未印编码、编码按另一张表同一位置的行取得时，最多为警告。收支总表、财政拨款收支总表支出方各类的名称按名称（含旧名称）或按类的排列位置对应到类，同样检查。',
      en: 'A subject name should be the catalog name of its code: a name cut by the column width is a note; a former name or other wording is a warning; the name of the parent, of another code or of a kind of budget money is an error; when the row prints no code and its code is taken from the row at the same position in another table, a warning at most. The class lines on the expenditure side of the summaries, which print no code, are matched to their class by name (former names included) or by their place in the order of classes, and checked the same way.',
    },
    needs: [...CATALOG_CHECKED_KINDS, 'income-expense-summary', 'fiscal-appropriation-summary'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const renames = catalogSet(ctx.catalogs).renames ?? [];
    for (const table of ctx.tables) {
      if (!CATALOG_CHECKED_KINDS.includes(table.kind)) continue;
      const applied = catalogForTable(table.kind, ctx.catalogs, ctx.meta, 0);
      if (!applied) continue;
      const { catalog } = applied;
      const nameCol = nameColumn(table, 0);
      const rows = subjectRows(table, ctx.tables);
      for (const s of rows) {
        if (s.source === 'inferred') continue; // the code was found from this very name
        const catalogNameText = catalog.name(s.code);
        if (catalogNameText === undefined) continue; // catalog-unknown-code's business
        countCompared(ctx.rounding);
        const verdict = judgeName(s.row.name, s.code, catalog, renames);
        if (verdict.kind === 'match' || verdict.kind === 'empty') continue;
        const printed = s.row.name.trim();
        const codeRef = codeEvidence(table, s);
        const checked = nameCol !== undefined ? cellRef(table.sheet, s.row.row, nameCol, 'checked') : codeRef && { ...codeRef, role: 'checked' as const };
        if (!checked) continue;
        const cells: CellRef[] = [checked];
        if (codeRef && (codeRef.sheet !== checked.sheet || codeRef.address !== checked.address)) cells.push(codeRef);
        const data: Record<string, string> = {
          code: s.code,
          printed,
          catalogName: catalogNameText,
          catalogZh: applied.zh,
          catalogEn: applied.en,
          viaZh: '',
          viaEn: '',
        };
        if (s.source === 'aligned' && s.from && codeRef) {
          data.viaZh = `（本行未印编码，编码按“${codeRef.sheet}”表 ${codeRef.address} 同一位置的行取得）`;
          data.viaEn = ` (the row prints no code; the code is that of the row at the same position in ${codeRef.sheet}, ${codeRef.address})`;
        }
        Object.assign(data, verdictData(verdict));
        if (verdict.kind === 'ancestor') {
          // The ancestor's own row, when the table lists it: it shows the name this row repeats.
          const parentRow = rows.find((r) => r.code === verdict.code && r.row.unit === s.row.unit);
          if (parentRow && nameCol !== undefined) cells.push(cellRef(table.sheet, parentRow.row.row, nameCol, 'evidence'));
        }
        const fixes: Fix[] = [];
        const after = renamedText(printed, catalogNameText);
        // The name cell holds just the name (not `2010301 行政运行` in one cell, which a table without a code column has).
        const plainNameCell = nameCol !== undefined && table.columns.some((c) => c.col === nameCol && c.role === 'name') && codeGroups(table).length > 0;
        if (plainNameCell && after !== printed) {
          const address = a1(s.row.row, nameCol!);
          const f = FIX[verdict.kind];
          fixes.push({
            title: { id: `${ID}.fix`, data: { address, after } },
            confidence: s.source === 'aligned' ? Math.min(f.confidence, 0.6) : f.confidence,
            reason: { id: f.reason, data: { code: s.code } },
            edits: [{ sheet: table.sheet, address, before: printed, after }],
          });
        }
        findings.push({
          id: `${ID}@${table.sheet}!${checked.address}`,
          rule: ID,
          // A code taken from another table's row is our guess: what it says about the name is a warning at most.
          severity: s.source === 'aligned' && SEVERITY[verdict.kind] === 'error' ? 'warning' : SEVERITY[verdict.kind],
          message: { id: `${ID}.${verdict.kind}`, data },
          cells,
          fixes,
        });
      }
    }
    // The 类 lines of the summaries, which print no code.
    findings.push(...classLineFindings(ctx, renames, { id: ID, severity: SEVERITY, fix: FIX, verdictData }));
    return findings;
  },
};
