// Rule `catalog-unknown-code`: a code printed in a row that the year's catalog does not know.
import type { Catalog } from '../catalog/catalog';
import {
  CATALOG_CHECKED_KINDS,
  catalogForTable,
  catalogSet,
  codeColumn,
  looksLikeUnitRow,
  nameColumn,
  otherCatalogs,
  sameName,
  type AppliedCatalog,
} from '../catalog/names';
import { cellRef, countCompared, type CellRef, type Finding, type Severity } from '../findings';
import type { Row, Table } from '../recognize/model';
import { parentCode } from '../recognize/tables';
import type { Rule, RuleContext } from './rule';

const ID = 'catalog-unknown-code';

/** The nearest ancestor of a code that the catalog lists (款, then 类), or undefined. */
function knownAncestor(code: string, catalog: Catalog): string | undefined {
  if (/^\d{3}(\d{2}){0,2}$/.test(code)) for (let a = parentCode(code); a !== undefined; a = parentCode(a)) if (catalog.has(a)) return a;
  return catalog.has(code.slice(0, 3)) ? code.slice(0, 3) : undefined;
}

function checkCode(ctx: RuleContext, table: Table, row: Row, code: string, which: 0 | 1, applied: AppliedCatalog): Finding | undefined {
  const { catalog } = applied;
  if (catalog.has(code)) return undefined;
  if (looksLikeUnitRow(row, code, ctx.tables, ctx.meta)) return undefined;
  const codeCol = codeColumn(table, code, which);
  const nameCol = nameColumn(table, which);
  // Without a code column the code was printed in the name cell (`2010301 行政运行`): that cell is checked.
  const checkedCol = codeCol ?? (which === 0 ? nameCol : undefined);
  if (checkedCol === undefined) return undefined;
  const cells: CellRef[] = [cellRef(table.sheet, row.row, checkedCol, 'checked')];
  if (nameCol !== undefined && nameCol !== checkedCol && which === 0) cells.push(cellRef(table.sheet, row.row, nameCol, 'evidence'));
  const name = which === 0 ? row.name.trim() : '';
  const base = { code, name: name || '—', catalogZh: applied.zh, catalogEn: applied.en };
  const finding = (severity: Severity, id: string, data: Record<string, string>): Finding => ({
    id: `${ID}@${table.sheet}!${cells[0]!.address}`,
    rule: ID,
    severity,
    message: { id, data: { ...base, ...data } },
    cells,
    fixes: [],
  });

  // A code the catalogs record as removed (30311 住房公积金, moved to 30113 in 2018), printed with its old
  // name. Under another name the code may have been reused (30311 代缴社会保险费?): then it is only unknown.
  const removed = (catalogSet(ctx.catalogs).renames ?? []).find((r) => r.catalog === applied.family && r.code === code && r.new === null);
  if (removed && (name === '' || sameName(name, removed.old))) {
    return finding('warning', `${ID}.removed`, {
      oldName: removed.old,
      sinceZh: removed.since !== null ? `已于 ${removed.since} 年取消` : '已取消（年份不详）',
      sinceEn: removed.since !== null ? `was removed in ${removed.since}` : 'was removed (year not known)',
    });
  }
  const lei = code.slice(0, 3);
  const wellFormed = /^\d{3}(\d{2}){0,2}$/.test(code);
  if (!catalog.has(lei)) {
    // Perhaps a code of another classification (an economic code in a functional table).
    for (const other of otherCatalogs(table.kind, ctx.catalogs, ctx.meta)) {
      const otherName = other.catalog.name(code);
      if (otherName !== undefined)
        return finding('error', `${ID}.other-catalog`, { otherName, otherZh: other.zh, otherEn: other.en });
    }
    return finding('error', `${ID}.no-class`, { lei });
  }
  if (!wellFormed) return finding('warning', `${ID}.length`, { digits: String(code.length) });
  const parent = knownAncestor(code, catalog)!;
  const gap = finding('warning', `${ID}.gap`, { parent, parentName: catalog.name(parent) ?? '' });
  // The name says which code was meant: offered when exactly one code of that level under the parent has it.
  const meant = name ? catalog.findByName(name, parent, code.length, 'exact') : [];
  const codeCell = table.columns.find((c) => c.col === codeCol);
  if (meant.length !== 1 || codeCell?.role !== 'code') return gap;
  const before = code;
  return {
    ...gap,
    fixes: [
      {
        title: { id: `${ID}.fix`, data: { address: cells[0]!.address, after: meant[0]! } },
        confidence: 0.8,
        reason: { id: `${ID}.fix-reason`, data: { name, code: meant[0]! } },
        edits: [{ sheet: table.sheet, address: cells[0]!.address, before, after: meant[0]! }],
      },
    ],
  };
}

export const catalogUnknownCode: Rule = {
  meta: {
    id: ID,
    group: 'cell',
    severity: 'error',
    title: { zh: '科目编码不在目录中', en: 'Code not in the catalog' },
    description: {
      zh: '表中印出的科目编码应在当年的政府收支分类科目中。目录不完整：上级科目存在时只提示核实（警告）；连类都不存在时才是错误。',
      en: 'A printed subject code should be in the year’s catalog. Our catalog is incomplete: when the parent exists it is a warning to verify; only a code whose 类 does not exist is an error.',
    },
    needs: CATALOG_CHECKED_KINDS,
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      if (!CATALOG_CHECKED_KINDS.includes(table.kind)) continue;
      const primary = catalogForTable(table.kind, ctx.catalogs, ctx.meta, 0);
      const secondary = catalogForTable(table.kind, ctx.catalogs, ctx.meta, 1);
      for (const row of table.rows) {
        if (row.isTotal || row.unitCode !== undefined) continue;
        if (primary && row.code !== undefined && row.codeSource === 'cell') {
          countCompared(ctx.rounding);
          const f = checkCode(ctx, table, row, row.code, 0, primary);
          if (f) findings.push(f);
        }
        if (secondary && row.secondaryCode !== undefined) {
          countCompared(ctx.rounding);
          const f = checkCode(ctx, table, row, row.secondaryCode, 1, secondary);
          if (f) findings.push(f);
        }
      }
    }
    return findings;
  },
};
