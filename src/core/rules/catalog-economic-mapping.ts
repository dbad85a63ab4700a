// Rule `catalog-economic-mapping`: a 部门预算经济分类 code printed beside a 政府预算经济分类 code must be
// one of the pairs of the 两套支出经济分类科目对照表, and one unit must map as one kind of unit.
import type { MappingConfidence } from '../catalog/catalog';
import { catalogSet, codeColumn, ECONOMIC_KINDS, looksLikeUnitRow } from '../catalog/names';
import { cellRef, countCompared, type CellRef, type Finding, type Severity } from '../findings';
import type { Row, Table } from '../recognize/model';
import type { Rule } from './rule';

const ID = 'catalog-economic-mapping';

const SEVERITY: Record<MappingConfidence, Severity> = { high: 'error', medium: 'warning', low: 'info' };
const CONFIDENCE_NAMES: Record<MappingConfidence, { zh: string; en: string }> = {
  high: { zh: '高（对照表原文）', en: 'high (from the published table)' },
  medium: { zh: '中（未逐条核对）', en: 'medium (not checked item by item)' },
  low: { zh: '低（推测）', en: 'low (a best guess)' },
};

interface Pair {
  readonly row: Row;
  readonly dept: string;
  readonly gov: string;
  /** The government code the other kind of unit would use. */
  readonly alternative: string;
}

/** `30201→50201、30239→50201 等 11 行` / `30201→50201, 30239→50201 and 9 more`. */
function pairList(pairs: ReadonlyArray<{ dept: string; gov: string }>, lang: 'zh' | 'en', max = 6): string {
  const shown = pairs.slice(0, max).map((p) => `${p.dept}→${p.gov}`);
  const rest = pairs.length - shown.length;
  if (lang === 'zh') return shown.join('、') + (rest > 0 ? ` 等 ${pairs.length} 行` : '');
  return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

/** The cell of a government code: the 类 cell when the 类 is what is wrong, else the code's own cell. */
function govCell(table: Table, p: { row: Row; gov: string }, expected: readonly string[]): CellRef | undefined {
  const classWrong = expected.length > 0 && expected.every((e) => e.slice(0, 3) !== p.gov.slice(0, 3));
  const col = codeColumn(table, p.gov, 1, classWrong ? 1 : undefined);
  return col !== undefined ? cellRef(table.sheet, p.row.row, col, 'evidence') : undefined;
}

export const catalogEconomicMapping: Rule = {
  meta: {
    id: ID,
    group: 'cell',
    severity: 'error',
    title: { zh: '两套经济分类对应', en: 'Economic classification mapping' },
    description: {
      zh: '部门预算经济分类与政府预算经济分类并列时，每对编码应符合《两套支出经济分类科目对照表》（按对照表该条的把握：高为错误，中为警告，低为提示）；同一单位应按同一种单位口径（机关或事业单位）对应（警告）。',
      en: 'Where department and government economic codes stand side by side, each pair must be one of the 两套支出经济分类科目对照表 (by how sure that entry is: high → error, medium → warning, low → info), and one unit must map as one kind of unit, administrative or public institution (warning).',
    },
    needs: ECONOMIC_KINDS,
    conditional: true,
  },
  check(ctx) {
    const set = catalogSet(ctx.catalogs);
    const mapping = set.mapping;
    if (!mapping) return [];
    const deptName = (c: string) => set.economicDepartment?.name(c) ?? '—';
    const govName = (c: string) => set.economicGovernment?.name(c) ?? '—';
    const basis = {
      mappingZh: `两套支出经济分类科目对照表${mapping.validFrom !== undefined ? `（${mapping.validFrom}年起）` : ''}`,
      mappingEn: `two-classification correspondence table (两套支出经济分类科目对照表)${mapping.validFrom !== undefined ? `, in force from ${mapping.validFrom}` : ''}`,
    };
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!ECONOMIC_KINDS.includes(table.kind)) continue;
      const blocks = new Map<string, { admin: Pair[]; institution: Pair[] }>();
      for (const row of table.rows) {
        if (row.isTotal || row.code === undefined || row.secondaryCode === undefined || row.codeSource !== 'cell') continue;
        if (looksLikeUnitRow(row, row.code, ctx.tables, ctx.meta)) continue;
        const dept = row.code;
        const gov = row.secondaryCode;
        const block = blocks.get(row.unit ?? '') ?? { admin: [], institution: [] };
        blocks.set(row.unit ?? '', block);
        if (dept.length === 5 && gov.length === 5) {
          const e = mapping.of(dept);
          if (!e) continue;
          countCompared(ctx.rounding);
          const asAdmin = gov === e.admin;
          const asInstitution = gov === e.institution;
          if (asAdmin && !asInstitution) block.admin.push({ row, dept, gov, alternative: e.institution });
          else if (asInstitution && !asAdmin) block.institution.push({ row, dept, gov, alternative: e.admin });
          if (asAdmin || asInstitution) continue;
          const checked = govCell(table, { row, gov }, [e.admin, e.institution]);
          if (!checked) continue;
          const deptCol = codeColumn(table, dept, 0);
          const single = e.admin === e.institution;
          findings.push({
            id: `${ID}@${table.sheet}!${checked.address}`,
            rule: ID,
            severity: SEVERITY[e.confidence],
            message: {
              id: single ? `${ID}.pair.single` : `${ID}.pair`,
              data: {
                dept,
                deptName: deptName(dept),
                gov,
                govName: govName(gov),
                admin: e.admin,
                adminName: govName(e.admin),
                institution: e.institution,
                institutionName: govName(e.institution),
                confidenceZh: CONFIDENCE_NAMES[e.confidence].zh,
                confidenceEn: CONFIDENCE_NAMES[e.confidence].en,
                ...basis,
              },
            },
            cells: [{ ...checked, role: 'checked' }, ...(deptCol !== undefined ? [cellRef(table.sheet, row.row, deptCol, 'evidence')] : [])],
            fixes: [],
          });
        } else if (dept.length === 3 && gov.length === 3) {
          const classes = mapping.classesOf(dept);
          if (classes.admin.size === 0) continue;
          countCompared(ctx.rounding);
          const asAdmin = classes.admin.has(gov);
          const asInstitution = classes.institution.has(gov);
          if (asAdmin || asInstitution) continue;
          const expected = [...new Set([...classes.admin, ...classes.institution])];
          const checked = govCell(table, { row, gov }, expected);
          if (!checked) continue;
          findings.push({
            id: `${ID}@${table.sheet}!${checked.address}`,
            rule: ID,
            severity: 'warning',
            message: { id: `${ID}.class`, data: { dept, deptName: deptName(dept), gov, govName: govName(gov), expected: expected.join(' / '), ...basis } },
            cells: [{ ...checked, role: 'checked' }],
            fixes: [],
          });
        }
      }
      // One unit, two kinds of unit: name both possibilities, point at the smaller group.
      for (const [unit, block] of blocks) {
        if (block.admin.length === 0 || block.institution.length === 0) continue;
        const adminFirst = block.admin.length < block.institution.length || (block.admin.length === block.institution.length && block.admin[0]!.row.row > block.institution[0]!.row.row);
        const minority = adminFirst ? block.admin : block.institution;
        const majority = adminFirst ? block.institution : block.admin;
        const refs = [...minority, ...majority]
          .map((p) => govCell(table, p, [p.alternative]))
          .filter((c): c is CellRef => c !== undefined);
        if (refs.length === 0) continue;
        const cells: CellRef[] = [{ ...refs[0]!, role: 'checked' }, ...refs.slice(1)];
        const toAdmin = block.institution.map((p) => ({ dept: p.dept, gov: p.alternative }));
        const toInstitution = block.admin.map((p) => ({ dept: p.dept, gov: p.alternative }));
        findings.push({
          id: `${ID}@${table.sheet}!${cells[0]!.address}`,
          rule: ID,
          severity: 'warning',
          message: {
            id: `${ID}.mixed`,
            data: {
              nAdmin: String(block.admin.length),
              nInstitution: String(block.institution.length),
              adminListZh: pairList(block.admin, 'zh'),
              adminListEn: pairList(block.admin, 'en'),
              institutionListZh: pairList(block.institution, 'zh'),
              institutionListEn: pairList(block.institution, 'en'),
              toAdminZh: pairList(toAdmin, 'zh'),
              toAdminEn: pairList(toAdmin, 'en'),
              toInstitutionZh: pairList(toInstitution, 'zh'),
              toInstitutionEn: pairList(toInstitution, 'en'),
              unitZh: unit !== '' ? `单位 ${unit} 的部分` : '',
              unitEn: unit !== '' ? ` (block of unit ${unit})` : '',
              ...basis,
            },
          },
          cells,
          fixes: [],
        });
      }
    }
    return findings;
  },
};
