// Property tests: an amount in cents, printed the ways exports print numbers as text (separators, spaces,
// full-width digits, signs), reads back as the same Decimal.
import fc from 'fast-check';
import { Money, parseAmount, parseAmountText } from '../../src/core/money/money';
import { amountFormat, formatAmountText } from '../support/generate';

/** Amounts from a cent to 10^13 万元, and negative ones. */
const centsArb = fc.oneof(fc.integer({ min: -99_999, max: 99_999 }), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }));

const exact = (c: number | bigint) => new Money(BigInt(c).toString()).div(100);

describe('money parsing', () => {
  it('reads back a formatted amount (separators, spaces, full-width digits, signs) as the same Decimal', () => {
    fc.assert(
      fc.property(centsArb, amountFormat, (c, f) => {
        const text = formatAmountText(c, f);
        const parsed = parseAmountText(text);
        if (parsed === undefined || !parsed.eq(exact(c))) throw new Error(`${JSON.stringify(text)} read as ${parsed?.toString()}, expected ${exact(c).toString()}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the same text in a cell as an amount stored as text', () => {
    fc.assert(
      fc.property(centsArb, amountFormat, (c, f) => {
        const p = parseAmount(formatAmountText(c, f));
        expect(p.kind).toBe('amount');
        if (p.kind === 'amount') {
          expect(p.storage).toBe('text');
          expect(p.value.eq(exact(c))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  // Up to 10^13 万元 the double nearest a two-decimal amount is unique to it (spacing < 0.01), so its shortest form is that amount.
  it('reads a number cell holding cents / 100 as exactly that decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(Number), (c) => {
        const p = parseAmount(c / 100);
        expect(p.kind).toBe('amount');
        if (p.kind === 'amount') expect(p.value.eq(exact(c))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
