// Which table kinds each family of rules reads.
import type { TableKind } from '../recognize/kinds';
import type { Table } from '../recognize/model';

/** Tables whose rows carry a subject-code hierarchy (functional or economic). */
export const CODED_KINDS: readonly TableKind[] = [
  'expenditure-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'economic-classification-summary',
];

/**
 * Whether a table's rows carry a subject-code hierarchy: the coded kinds, and a 收入总表 laid out by functional
 * subject (Shanghai's 部门收入预算总表, the central 收入总表) rather than by unit.
 */
export function hasCodeHierarchy(table: Table): boolean {
  if (CODED_KINDS.includes(table.kind)) return true;
  return table.kind === 'income-summary' && table.rows.some((r) => r.code !== undefined && r.unitCode === undefined && /^2\d{2}/.test(r.code));
}

/** The kinds the hierarchy rules read. */
export const HIERARCHY_KINDS: readonly TableKind[] = [...CODED_KINDS, 'income-summary'];
