// Table metadata rows: 预算单位 / 部门（单位）名称, 单位：万元, and the budget year.
import { halfWidth, squash } from '../text';
import type { TableMeta } from './model';

const DEPARTMENT = /(预算单位|部门[(（]?单位[)）]?名称|部门名称|单位名称|编制单位|编制部门|^部门)\s*[:：]\s*(.*)$/;

/** A cover line above the first title: `某局2023年度部门决算表`, `某局2024年部门预算`. */
const COVER = /^(.{2,40}?)(20\d{2})\s*年度?\s*部门(?:（单位）|\(单位\))?(预算|决算)(?:表|公开)?$/;

/** The department and year a cover line names, or undefined. */
export function readCoverLine(text: string): { department: string; year: number } | undefined {
  const m = COVER.exec(halfWidth(text.trim()).replace(/\s+/g, ''));
  return m ? { department: m[1]!, year: Number(m[2]) } : undefined;
}
const UNIT = /(?:^|[^预算部门])单位\s*[:：]\s*(万元|元)/;

/** Whether a row's text is a metadata row (not a header). */
export function isMetaText(text: string): boolean {
  const t = halfWidth(text);
  return DEPARTMENT.test(t) || UNIT.test(t) || /^(金额)?单位[:：]/.test(squash(t));
}

/** Reads department and unit from the texts of one metadata row (cells in order, with positions). */
export function readMetaRow(cells: ReadonlyArray<{ text: string; row: number; col: number }>): TableMeta {
  let meta: { -readonly [K in keyof TableMeta]: TableMeta[K] } = {};
  for (const cell of cells) {
    const t = halfWidth(cell.text.trim());
    const unit = UNIT.exec(t) ?? /^单位\s*[:：]\s*(万元|元)/.exec(t);
    if (unit?.[1] === '万元' || unit?.[1] === '元') meta.unit = unit[1];
    if (unit || /(^|[^预算部门])单位\s*[:：]\s*$/.test(t)) meta = { ...meta, unitCell: { row: cell.row, col: cell.col }, unitText: cell.text };
    const dep = DEPARTMENT.exec(t);
    if (dep && dep[2] !== undefined) {
      // "预算单位：某局 单位：万元" in one cell: cut the unit part off.
      const name = dep[2].replace(/\s*(金额)?单位\s*[:：].*$/, '').trim();
      if (name !== '') meta = { ...meta, department: name, departmentCell: { row: cell.row, col: cell.col }, departmentText: cell.text };
    }
  }
  return meta;
}

/** The budget year a text names (`2024 年`, `2024年预算数`), or undefined. */
export function yearIn(text: string): number | undefined {
  const m = /(20\d{2})\s*年/.exec(halfWidth(text));
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}
