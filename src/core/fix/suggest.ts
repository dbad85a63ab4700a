// Turns localized suspects into the fixes a finding offers, each verified before it is offered.
import type { Edit, Finding, Fix } from '../findings';
import { displayAmount, formatAmount, Money } from '../money/money';
import { splitKey, type ConstraintSet } from './constraints';
import { localize } from './localize';
import { SAFE_CONFIDENCE } from './safe';
import { localizeSpread, type Repair } from './spread';

/** At most this many suggestions per finding. */
const MAX_FIXES = 3;
/** Below this, a suggestion is not offered behind a sure one. */
const WEAK = 0.3;

/** A fix offered for a finding, to be verified. */
export interface Candidate {
  readonly fix: Fix;
  readonly finding: Finding;
}

/**
 * Replaces each failing finding's fixes by the localized suspects (best first), keeping a rule's
 * own fix where localization has nothing to say (rounding differences, unsupported rules). Every
 * candidate then goes through `verify` (all at once, so that they can be checked together); a fix
 * that fails it is not offered.
 */
export function suggestFixes(findings: readonly Finding[], set: ConstraintSet, verify: (candidates: readonly Candidate[]) => readonly boolean[]): Finding[] {
  const suspects = localize(set);
  // Several cells together only where no single cell will do (computed only when some finding needs it).
  let repairs: Map<string, Repair[]> | undefined;
  const spreadFor = (id: string) => (repairs ??= localizeSpread(set)).get(id);
  const offered = findings.map((f) => {
    const mine = suspects.get(f.id);
    const checkedSheet = f.cells[0]?.sheet;
    const many = !mine && f.severity !== 'info' ? spreadFor(f.id) : undefined;
    const candidates: Fix[] = mine
      ? mine.slice(0, MAX_FIXES).map((s) => {
          const { sheet, address } = splitKey(s.cell);
          const decimals = Math.max(2, s.after.decimalPlaces());
          const edit: Edit = { sheet, address, before: s.before !== undefined ? formatAmount(s.before, Math.max(2, s.before.decimalPlaces())) : '', after: formatAmount(s.after, decimals) };
          return {
            title: { id: 'fix.set-value', data: { address: sheet === checkedSheet ? address : `${sheet}!${address}`, after: displayAmount(s.after, decimals) } },
            confidence: s.confidence,
            reason: s.reason,
            // A blank cell whose reason already says it is blank needs no second sentence saying so.
            ...(s.typo && !(s.typo === 'blank' && s.reason.id === 'fix.reason.blank') ? { note: { id: `fix.typo.${s.typo}`, data: { before: edit.before, after: edit.after } } } : {}),
            edits: [edit],
          };
        })
      : many
        ? many.map((r) => repairFix(r, checkedSheet))
        : [...f.fixes];
    // A rule's formula fix ("make it live") stays on offer after the localized ones when it writes the cell they fix.
    if (mine) {
      const fixed = new Set(candidates.flatMap((x) => x.edits.map((e) => `${e.sheet}!${e.address}=${e.after}`)));
      candidates.push(...f.fixes.filter((x) => x.edits.some((e) => e.formula !== undefined) && x.edits.every((e) => fixed.has(`${e.sheet}!${e.address}=${e.after}`))));
    }
    // Behind a sure first suggestion, a far weaker one (0.2: it explains less) is noise, and costs a re-check.
    const sure = (candidates[0]?.confidence ?? 0) >= SAFE_CONFIDENCE;
    return candidates.filter((x, i) => i === 0 || !sure || x.confidence >= WEAK).map((fix): Candidate => ({ fix, finding: f }));
  });
  const verdicts = verify(offered.flat());
  let i = 0;
  return findings.map((f, k) => {
    const fixes = offered[k]!.filter(() => verdicts[i++] === true).map((c) => ({ ...c.fix, verified: true }));
    return { ...f, fixes };
  });
}

const amountText = (v: Money, decimals: number) => formatAmount(v, Math.max(decimals, v.decimalPlaces()));

/** A multi-cell repair as a fix: its title names the cells where the difference starts and counts the totals that follow. */
function repairFix(r: Repair, checkedSheet: string | undefined): Fix {
  const edits: Edit[] = r.changes.map((c) => {
    const { sheet, address } = splitKey(c.cell);
    return { sheet, address, before: c.before !== undefined ? amountText(c.before, 2) : '', after: amountText(c.after, 2) };
  });
  const changes = edits
    .slice(0, r.origins)
    .map((e) => `${e.sheet === checkedSheet ? e.address : `${e.sheet}!${e.address}`} → ${displayAmount(new Money(e.after), 2)}`);
  return {
    title: { id: 'fix.set-values', data: { changesZh: changes.join('、'), changesEn: changes.join(', '), n: String(edits.length - r.origins), total: String(edits.length) } },
    confidence: r.confidence,
    reason: r.reason,
    edits,
  };
}
