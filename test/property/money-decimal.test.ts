// Money keeps amounts as scaled integers and falls back to decimal.js only when a value does not fit: every
// operation must give exactly what decimal.js (precision 40, ROUND_HALF_UP) gives, signed zeros and
// strings included. Differential property tests against decimal.js itself.
import DecimalBase from 'decimal.js';
import fc from 'fast-check';
import { Money, newSum } from '../../src/core/money/money';

const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
type Dec = InstanceType<typeof Dec>;

/** Decimal strings of every shape the engine meets, and some it should not: huge, tiny, −0, many decimals. */
const decimalText = fc.oneof(
  // amounts in cents
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((c) => new Dec(c.toString()).div(100).toFixed()),
  // small integers and simple decimals
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
  fc.tuple(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 0, max: 8 })).map(([i, s]) => new Dec(i).div(new Dec(10).pow(s)).toFixed()),
  // beyond the fast form: 16–30 significant digits, tiny and huge values
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((c) => new Dec(c.toString()).div(1000).toFixed()),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 5, max: 30 })).map(([i, s]) => new Dec(i).div(new Dec(10).pow(s)).toFixed()),
  fc.constantFrom('0', '-0', '0.00', '-0.00', '1.50', '-1.50', '100', '1e3', '1.5e-8', '9007199254740991', '9007199254740993', '-9007199254740992', '0.1', '0.29', '12345678901234.56', '.5', '7.', '+3'),
);

const numberValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((c) => Number(c) / 100),
  // k / 10^s: doubles whose shortest form has up to 10 decimals (what cells hold), near the limits too
  fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 10 })).map(([k, s]) => k / 10 ** s),
  fc.tuple(fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }), fc.integer({ min: 0, max: 9 })).map(([k, s]) => Number(k) / 10 ** s),
  fc.constantFrom(0, -0, 1284.21, 0.1, 1e21, 1e-7, 2 ** 53, -(2 ** 53) - 2, 0.07, 1.005, 2 ** 51 / 100, 22517998136852.48, 0.1 + 0.2),
);

/** Everything observable about a value: its strings (valueOf shows the sign of −0) and the queries. */
function face(x: Money | Dec): string {
  return [
    x.valueOf(),
    x.toString(),
    x.isFinite() ? x.toFixed() : '',
    x.isFinite() ? x.toFixed(0) : '',
    x.isFinite() ? x.toFixed(2) : '',
    x.isFinite() ? x.toFixed(5) : '',
    x.decimalPlaces(),
    x.isZero(),
    x.isNegative(),
    x.isInteger(),
    x.isNaN(),
    x.toNumber(),
  ].join('|');
}

const pair = (t: string): [Money, Dec] => [new Money(t), new Dec(t)];

describe('Money behaves exactly as decimal.js', () => {
  it('reads decimal strings the same', () => {
    fc.assert(
      fc.property(decimalText, (t) => {
        const [m, d] = pair(t);
        expect(face(m)).toBe(face(d));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads numbers the same', () => {
    fc.assert(
      fc.property(numberValue, (v) => {
        expect(face(new Money(v))).toBe(face(new Dec(v)));
      }),
      { numRuns: 3000 },
    );
  });

  it('adds, subtracts, multiplies and compares the same', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, dx] = pair(a);
        const [y, dy] = pair(b);
        expect(face(x.plus(y))).toBe(face(dx.plus(dy)));
        expect(face(x.minus(y))).toBe(face(dx.minus(dy)));
        expect(face(x.times(y))).toBe(face(dx.times(dy)));
        expect(face(x.plus(b))).toBe(face(dx.plus(b)));
        expect([x.cmp(y), x.eq(y), x.lt(y), x.lte(y), x.gt(y), x.gte(y)]).toEqual([dx.cmp(dy), dx.eq(dy), dx.lt(dy), dx.lte(dy), dx.gt(dy), dx.gte(dy)]);
        if (!dy.isZero()) expect(face(x.div(y))).toBe(face(dx.div(dy)));
        expect(face(Money.max(x, y))).toBe(face(Dec.max(dx, dy)));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds, negates and takes absolute values the same', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), (a, dp, rm) => {
        const [x, dx] = pair(a);
        expect(face(x.negated())).toBe(face(dx.negated()));
        expect(face(x.abs())).toBe(face(dx.abs()));
        expect(face(x.toDecimalPlaces(dp))).toBe(face(dx.toDecimalPlaces(dp)));
        expect(face(x.toDecimalPlaces(dp, rm))).toBe(face(dx.toDecimalPlaces(dp, rm as DecimalBase.Rounding)));
        expect(x.toFixed(dp)).toBe(dx.toFixed(dp));
        expect(x.toFixed(dp, rm)).toBe(dx.toFixed(dp, rm as DecimalBase.Rounding));
        expect(face(x.round())).toBe(face(dx.round()));
        expect(face(x.floor())).toBe(face(dx.floor()));
        expect(face(x.ceil())).toBe(face(dx.ceil()));
        expect(JSON.stringify({ x })).toBe(JSON.stringify({ x: dx }));
        expect(`${x}`).toBe(`${dx}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps signed zeros as decimal.js does', () => {
    const texts = ['0', '-0', '5', '-5', '0.00', '-0.000'];
    for (const a of texts) {
      for (const b of texts) {
        const [x, dx] = pair(a);
        const [y, dy] = pair(b);
        expect([a, b, face(x.plus(y)), face(x.minus(y)), face(x.times(y))]).toEqual([a, b, face(dx.plus(dy)), face(dx.minus(dy)), face(dx.times(dy))]);
      }
    }
  });

  it('throws where decimal.js throws', () => {
    for (const bad of ['', ' 1', '1,000', 'abc', '--1', '.', '-', '1.2.3']) {
      expect(() => new Dec(bad)).toThrow();
      expect(() => new Money(bad)).toThrow();
    }
  });

  it('is exact where a float is not', () => {
    let total = new Money(0);
    for (let k = 0; k < 10; k++) total = total.plus('0.1');
    expect(total.toString()).toBe('1');
    expect(new Money('9007199254740991').plus(2).toString()).toBe('9007199254740993');
    expect(new Money('0.1').times('0.2').toString()).toBe('0.02');
  });
  it('sums with addTo exactly as adding one by one with plus (signed zeros, past the safe range, decimal values)', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 12 }), (texts) => {
        const terms = texts.map((t) => new Money(t));
        let chain = new Money(0);
        const acc = newSum();
        for (const t of terms) {
          chain = chain.plus(t);
          Money.addTo(acc, t);
        }
        const got = Money.sumValue(acc);
        expect(got.toString()).toBe(chain.toString());
        expect(got.isNegative()).toBe(chain.isNegative());
        expect(got.decimalPlaces()).toBe(chain.decimalPlaces());
      }),
      { numRuns: 2000 },
    );
  });

  it('says a running sum equals an amount exactly when eq of its value says so (other scales, past the safe range, decimal values)', () => {
    fc.assert(
      fc.property(fc.array(decimalText, { maxLength: 8 }), decimalText, fc.boolean(), (texts, other, same) => {
        const acc = newSum();
        let chain = new Money(0);
        for (const t of texts) {
          Money.addTo(acc, new Money(t));
          chain = chain.plus(t);
        }
        // Half the time an amount equal to the sum, written at another scale when it has a fractional part.
        const y = same ? new Money(chain.toFixed(chain.decimalPlaces() + (texts.length % 3))) : new Money(other);
        expect(Money.sumEquals(acc, y)).toBe(y.eq(Money.sumValue(acc)));
      }),
      { numRuns: 3000 },
    );
  });
});
