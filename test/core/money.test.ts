// Amount parsing: every way budget exports write numbers, as a table of cases.
import { displayAmount, Money, parseAmount, parseAmountText, sum } from '../../src/core/money/money';

describe('parseAmountText', () => {
  it.each([
    ['1284.21', '1284.21'],
    ['1,284.21', '1284.21'],
    ['1,686.00', '1686'],
    ['421. 29', '421.29'], // OCR space after the point
    ['1 284.21', '1284.21'], // space as thousands separator
    ['421, 29', '421.29'], // OCR comma for the point
    ['１２３．４５', '123.45'], // full-width digits
    ['　46.03　', '46.03'], // full-width spaces around
    ['-3.5', '-3.5'],
    ['(3.50)', '-3.5'],
    ['0', '0'],
    ['.5', '0.5'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseAmountText(text)?.toString()).toBe(expected);
  });

  it.each(['合计', '', '1,28,4.21', '12a', '421. 2¢', '2024年', '1.2.3', '本表无数据'])('rejects %j', (text) => {
    expect(parseAmountText(text)).toBeUndefined();
  });
});

describe('parseAmount', () => {
  it('reads a float exactly as its shortest decimal', () => {
    const p = parseAmount(1284.21);
    expect(p).toMatchObject({ kind: 'amount', storage: 'number' });
    expect(p.kind === 'amount' && p.value.toString()).toBe('1284.21');
  });

  it('marks numbers stored as text, and whether they needed cleaning', () => {
    expect(parseAmount('46.03')).toMatchObject({ kind: 'amount', storage: 'text', normalized: false });
    expect(parseAmount('1,284.21')).toMatchObject({ kind: 'amount', storage: 'text', normalized: true });
  });

  it.each([null, undefined, '', '   '])('treats %j as absent, not zero', (v) => {
    expect(parseAmount(v)).toEqual({ kind: 'absent' });
  });

  it.each(['-', '—', '－', '--'])('treats the dash %j as zero', (v) => {
    const p = parseAmount(v);
    expect(p.kind).toBe('dash');
    expect(p.kind === 'dash' && p.value.isZero()).toBe(true);
  });

  it('keeps labels as text', () => {
    expect(parseAmount('合计')).toEqual({ kind: 'text', text: '合计' });
  });
});

describe('decimal arithmetic', () => {
  it('adds cents exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([new Money('0.1'), new Money('0.2')]).toString()).toBe('0.3');
    expect(sum(['364.51', '1218.49', undefined].map((s) => (s === undefined ? undefined : new Money(s)))).toString()).toBe('1583');
  });

  it('never changes its operands', () => {
    const a = new Money('1.10');
    const b = new Money('2.20');
    a.plus(b);
    a.minus(b);
    a.times(b);
    expect([a.toString(), b.toString()]).toEqual(['1.1', '2.2']);
  });

  it('has its own configuration, untouched by the global Decimal', () => {
    expect(Money.precision).toBe(40);
    expect(Money.rounding).toBe(Money.ROUND_HALF_UP);
  });

  it.each([
    ['1686', '1,686.00'],
    ['-0.01', '-0.01'],
    ['1234567.891', '1,234,567.89'],
    ['0', '0.00'],
  ])('displays %s as %s', (v, shown) => {
    expect(displayAmount(new Money(v))).toBe(shown);
  });
});
