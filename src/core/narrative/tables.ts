// Small table helpers the metadata and cell rules share.
import type { Table } from '../recognize/model';
import { amountList } from '../recognize/tables';

/** The tables as people see them: a two-sided summary is read as two tables but printed as one. */
export function printedTables(tables: readonly Table[]): Table[] {
  const seen = new Set<string>();
  const out: Table[] = [];
  for (const t of tables) {
    const key = `${t.sheet}|${t.rect.r0}|${t.rect.c0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** Raw texts recognition may keep beside the metadata it reads (see the requests in the rules). */
export interface MetaTexts {
  /** The 预算单位 cell's text as stored (`预算单位：延津镇综合行政执法队`). */
  readonly departmentText?: string;
  /** The 单位 cell's text as stored (`单位:`). */
  readonly unitText?: string;
}

export function metaTexts(t: Table): MetaTexts {
  return t.meta as MetaTexts;
}

/** Does a table hold any amount at all? (Empty templates: 本表无数据.) */
export function hasAmounts(t: Table): boolean {
  return t.rows.some((r) => amountList(r.amounts).some((a) => a.value !== undefined));
}
