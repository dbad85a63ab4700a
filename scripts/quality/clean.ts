// Clean variants of the fixtures: the real mistakes repaired, rounding made exact, by applying the
// engine's own first fixes round after round until nothing is left to fix (then checked by a test).
import { analyzeWorkbook, type AnalyzeOptions } from '../../src/core/analyze';
import type { Edit, Finding } from '../../src/core/findings';
import { applyEdits } from '../../src/core/fix/apply';
import type { Workbook } from '../../src/core/grid/grid';

/**
 * The edits that make a workbook clean, and the findings that remain (should be none but info).
 * Each round applies the first fix of every finding that has one (one edit per cell, the most
 * severe finding's), then checks again; at most `rounds` rounds.
 */
export function cleanEdits(wb: Workbook, options: AnalyzeOptions, rounds = 8): { edits: Edit[]; remaining: readonly Finding[] } {
  const applied = new Map<string, Edit>();
  let current = wb;
  let findings = analyzeWorkbook(current, options).findings;
  for (let round = 0; round < rounds; round++) {
    const edits = new Map<string, Edit>();
    for (const f of findings) {
      for (const e of f.fixes[0]?.edits ?? []) {
        const key = `${e.sheet}!${e.address}`;
        if (!edits.has(key)) edits.set(key, e);
      }
    }
    if (edits.size === 0) break;
    current = applyEdits(current, [...edits.values()]);
    for (const [k, e] of edits) applied.set(k, { ...e, before: applied.get(k)?.before ?? e.before });
    findings = analyzeWorkbook(current, options).findings;
  }
  return { edits: [...applied.values()], remaining: findings };
}
