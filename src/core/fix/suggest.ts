// Turns localized suspects into the fixes a finding offers, each verified before it is offered.
import type { Edit, Finding, Fix } from '../findings';
import { displayAmount, formatAmount } from '../money/money';
import { splitKey, type ConstraintSet } from './constraints';
import { localize } from './localize';

/** At most this many suggestions per finding. */
const MAX_FIXES = 3;

/**
 * Replaces each failing finding's fixes by the localized suspects (best first), keeping a rule's
 * own fix where localization has nothing to say (rounding differences, unsupported rules). Every
 * fix then goes through `verify`; a fix that fails it is not offered.
 */
export function suggestFixes(findings: readonly Finding[], set: ConstraintSet, verify: (fix: Fix, finding: Finding) => boolean): Finding[] {
  const suspects = localize(set);
  return findings.map((f) => {
    const mine = suspects.get(f.id);
    const checkedSheet = f.cells[0]?.sheet;
    const candidates: Fix[] = mine
      ? mine.slice(0, MAX_FIXES).map((s) => {
          const { sheet, address } = splitKey(s.cell);
          const decimals = Math.max(2, s.after.decimalPlaces());
          const edit: Edit = { sheet, address, before: s.before !== undefined ? formatAmount(s.before, Math.max(2, s.before.decimalPlaces())) : '', after: formatAmount(s.after, decimals) };
          return {
            title: { id: 'fix.set-value', data: { address: sheet === checkedSheet ? address : `${sheet}!${address}`, after: displayAmount(s.after, decimals) } },
            confidence: s.confidence,
            reason: s.reason,
            ...(s.typo ? { note: { id: `fix.typo.${s.typo}`, data: { before: edit.before, after: edit.after } } } : {}),
            edits: [edit],
          };
        })
      : [...f.fixes];
    // A rule's formula fix ("make it live") stays on offer after the localized ones when it writes the cell they fix.
    if (mine) {
      const fixed = new Set(candidates.flatMap((x) => x.edits.map((e) => `${e.sheet}!${e.address}=${e.after}`)));
      candidates.push(...f.fixes.filter((x) => x.edits.some((e) => e.formula !== undefined) && x.edits.every((e) => fixed.has(`${e.sheet}!${e.address}=${e.after}`))));
    }
    return { ...f, fixes: candidates.filter((x) => verify(x, f)).map((x) => ({ ...x, verified: true })) };
  });
}
