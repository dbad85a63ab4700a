// "Fix all safe": the edits of fixes that have one unambiguous culprit.
import type { Edit, Finding } from '../findings';

/** Confidence from which a verified fix counts as safe to apply without asking. */
export const SAFE_CONFIDENCE = 0.75;

/**
 * The edits to apply for "fix all safe": for each error or warning, its first fix when verified,
 * confident (≥ 0.75, so never a balanced choice) and not contradicted by another safe fix
 * that wants a different value in the same cell (then neither is applied). Sorted by sheet and cell.
 */
export function safeEdits(findings: readonly Finding[]): Edit[] {
  const byCell = new Map<string, Edit | null>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const fix = f.fixes[0];
    if (!fix || !fix.verified || fix.confidence < SAFE_CONFIDENCE) continue;
    for (const e of fix.edits) {
      const key = `${e.sheet}!${e.address}`;
      const seen = byCell.get(key);
      if (seen === undefined) byCell.set(key, e);
      else if (seen !== null && (seen.after !== e.after || seen.formula !== e.formula)) byCell.set(key, null);
    }
  }
  return [...byCell.values()].filter((e): e is Edit => e !== null).sort((a, b) => (a.sheet + a.address).localeCompare(b.sheet + b.address));
}
