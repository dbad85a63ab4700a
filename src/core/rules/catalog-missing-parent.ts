// Rule `catalog-missing-parent`: a 款 or 项 row whose 类 or 款 has no row in the same table (and unit block).
import {
  CATALOG_CHECKED_KINDS,
  catalogForTable,
  codeColumn,
  looksLikeUnitRow,
  nameColumn,
  subjectRows,
} from '../catalog/names';
import { cellRef, countCompared, type CellRef, type Finding } from '../findings';
import { parentCode } from '../recognize/tables';
import type { Rule } from './rule';

const ID = 'catalog-missing-parent';

const LEVEL = {
  3: { zh: '类', en: '类 (class)' },
  5: { zh: '款', en: '款 (section)' },
} as const;

export const catalogMissingParent: Rule = {
  meta: {
    id: ID,
    group: 'cell',
    severity: 'warning',
    title: { zh: '缺少上级科目行', en: 'Parent subject row missing' },
    description: {
      zh: '表中列出类（或款）行时，每个款（或项）行的上级科目也应在同一表（同一单位）中有一行。只列项、不列类款的表是一种版式，不提示。',
      en: 'When a table lists 类 (or 款) rows, the parent of every 款 (or 项) row should have a row in the same table and unit block. Tables that list only 项 rows are a layout and are not reported.',
    },
    needs: CATALOG_CHECKED_KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!CATALOG_CHECKED_KINDS.includes(table.kind)) continue;
      const applied = catalogForTable(table.kind, ctx.catalogs, ctx.meta, 0);
      if (!applied) continue;
      const { catalog } = applied;
      // Rows that are subjects of this catalog (not a unit's row read as a code, like 003's 129).
      const rows = subjectRows(table, ctx.tables).filter(
        (s) =>
          catalog.has(s.code) ||
          (catalog.has(s.code.slice(0, 3)) && /^\d{3}(\d{2}){0,2}$/.test(s.code) && !looksLikeUnitRow(s.row, s.code, ctx.tables, ctx.meta)),
      );
      const levels = new Set(rows.map((s) => s.code.length));
      // Codes present per unit block (no key string made per row).
      const present = new Map<string, Set<string>>();
      for (let i = 0; i < rows.length; i++) {
        const s = rows[i]!;
        const unit = s.row.unit ?? '';
        const codes = present.get(unit);
        if (codes) codes.add(s.code);
        else present.set(unit, new Set([s.code]));
      }
      const nameCol = nameColumn(table, 0);
      for (let i = 0; i < rows.length; i++) {
        const s = rows[i]!;
        if (s.source === 'inferred') continue; // a gap in name inference is not a gap in the table
        const parent = parentCode(s.code);
        if (parent === undefined || !levels.has(parent.length)) continue;
        countCompared(ctx.rounding);
        if (present.get(s.row.unit ?? '')?.has(parent)) continue;
        const codeCol = s.source === 'cell' ? codeColumn(table, s.code) : undefined;
        const cells: CellRef[] = [];
        if (codeCol !== undefined) cells.push(cellRef(table.sheet, s.row.row, codeCol, 'checked'));
        if (nameCol !== undefined) cells.push(cellRef(table.sheet, s.row.row, nameCol, cells.length === 0 ? 'checked' : 'evidence'));
        if (cells.length === 0) continue;
        const level = LEVEL[parent.length as 3 | 5];
        findings.push({
          id: `${ID}@${table.sheet}!${cells[0]!.address}`,
          rule: ID,
          severity: 'warning',
          message: {
            id: ID,
            data: {
              code: s.code,
              name: s.row.name.trim() || '—',
              parent,
              parentName: catalog.name(parent) ?? '—',
              levelZh: level.zh,
              levelEn: level.en,
              unitZh: s.row.unit !== undefined ? `单位 ${s.row.unit} 的部分` : '',
              unitEn: s.row.unit !== undefined ? ` (block of unit ${s.row.unit})` : '',
              catalogZh: applied.zh,
              catalogEn: applied.en,
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
