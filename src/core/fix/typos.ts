// Typing mistakes that explain how a stated value differs from the one the identities want.
import type { Money } from '../money/money';

export type Typo = 'swap' | 'digit' | 'shift' | 'sign' | 'unit' | 'blank';

/** Digits of an amount at two decimals, without sign or separators (548.27 → "54827"). */
function digits(v: Money): string {
  return v.abs().toFixed(2).replace('.', '');
}

/**
 * The typing mistake that turns `after` (the right value) into `before` (the stated one), or
 * undefined: two adjacent digits swapped (548.27 → 584.27), one digit wrong, the decimal point
 * shifted (×10, ×100, ×1000 or back), the sign flipped, 元 entered for 万元 (×10000), or left blank.
 */
export function typoOf(before: Money | undefined, after: Money): Typo | undefined {
  if (before === undefined) return after.isZero() ? undefined : 'blank';
  if (before.eq(after)) return undefined;
  if (!after.isZero() && before.eq(after.negated())) return 'sign';
  if (!after.isZero() && !before.isZero()) {
    const ratio = before.div(after).abs();
    if (ratio.eq(10000) || ratio.eq('0.0001')) return 'unit';
    for (const r of ['10', '100', '1000', '0.1', '0.01', '0.001']) if (ratio.eq(r)) return 'shift';
  }
  const a = digits(before);
  const b = digits(after);
  if (a.length !== b.length || before.isNegative() !== after.isNegative()) return undefined;
  const diff = [...a].map((ch, i) => (ch === b[i] ? -1 : i)).filter((i) => i >= 0);
  if (diff.length === 1) return 'digit';
  if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return 'swap';
  return undefined;
}
