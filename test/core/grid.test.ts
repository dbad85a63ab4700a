// A1 addressing and the grid helpers.
import { a1, columnIndex, columnLetters, parseA1, rectA1, sheetFromRows, isBlankRow, cellText } from '../../src/core/grid/grid';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s and back', (i, letters) => {
    expect(columnLetters(i)).toBe(letters);
    expect(columnIndex(letters)).toBe(i);
  });

  it('formats cells and ranges without $', () => {
    expect(a1(4, 3)).toBe('D5');
    expect(rectA1({ r0: 0, c0: 0, r1: 19, c1: 8 })).toBe('A1:I20');
    expect(rectA1({ r0: 2, c0: 1, r1: 2, c1: 1 })).toBe('B3');
  });

  it('parses references, with or without $, in either corner order', () => {
    expect(parseA1('$B$7')).toEqual({ r0: 6, c0: 1, r1: 6, c1: 1 });
    expect(parseA1('D9:B7')).toEqual({ r0: 6, c0: 1, r1: 8, c1: 3 });
    expect(() => parseA1('7B')).toThrow(/not an A1 reference/);
  });
});

describe('sheets', () => {
  const sheet = sheetFromRows('S', [['标题'], [], [null, '  ', 3.5], [{ error: '#REF!' }]]);
  it('knows blank rows', () => {
    expect(isBlankRow(sheet, 1)).toBe(true);
    expect(isBlankRow(sheet, 2)).toBe(false);
  });
  it('shows cell values as text, errors included', () => {
    expect(cellText(sheet.cells[2]?.[2])).toBe('3.5');
    expect(cellText(sheet.cells[3]?.[0])).toBe('#REF!');
    expect(sheet.colCount).toBe(3);
  });
});
