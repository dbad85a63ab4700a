// A "safe" fix never changes a correct number: a fix that would write into a column whose meaning is not the
// table's own figures (last year's, another measure's, a percentage or ratio) or is not known (no header) is
// never offered as safe, however strong its evidence: the user decides.
import type { Finding, Fix } from '../findings';
import { parseA1 } from '../grid/grid';
import type { Table } from '../recognize/model';
import { OTHER_FIGURE_ROLES, RATIO_ROLES } from '../recognize/roles';
import { SAFE_CONFIDENCE } from './safe';


/** The highest confidence a fix on such a column may carry: below the safe threshold. */
export const CAUTIOUS_CONFIDENCE = 0.6;

/** Why a column's cells are never changed without asking, or undefined for the table's own figures. */
function caution(tables: readonly Table[], sheet: string, address: string): string | undefined {
  let cell: { r0: number; c0: number };
  try {
    cell = parseA1(address);
  } catch {
    return undefined;
  }
  for (const t of tables) {
    if (t.sheet !== sheet || cell.r0 < t.rect.r0 || cell.r0 > t.rect.r1) continue;
    const column = t.columns.find((c) => c.col === cell.c0);
    if (!column) continue;
    if (OTHER_FIGURE_ROLES.has(column.role)) return RATIO_ROLES.has(column.role) ? 'percentage' : column.role === 'prior' ? 'prior' : 'other-measure';
    if (column.path.length === 0 && t.headerRows !== undefined) return 'unknown-column';
  }
  return undefined;
}

/** Caps every fix that would change a cell outside the tables' own figures below the safe threshold, and says why. */
export function withCaution(findings: readonly Finding[], tables: readonly Table[]): Finding[] {
  return findings.map((f) => {
    let changed = false;
    const fixes = f.fixes.map((x): Fix => {
      if (x.confidence < SAFE_CONFIDENCE) return x;
      const why = x.edits.map((e) => caution(tables, e.sheet, e.address)).find((w) => w !== undefined);
      if (!why) return x;
      changed = true;
      return { ...x, confidence: CAUTIOUS_CONFIDENCE, note: { id: `fix.caution.${why}`, data: {} } };
    });
    return changed ? { ...f, fixes } : f;
  });
}
