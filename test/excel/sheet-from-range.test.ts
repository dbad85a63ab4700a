// Turning Excel's loaded arrays into the core's cells: values, formulas, addresses, hidden rows.
import { cellValueOf, formulaOf, rectOfAddress, sheetFromUsedRange } from '../../src/excel/sheet-from-range';

describe('cellValueOf', () => {
  it.each([
    ['', 'Empty', null],
    [0, 'Double', 0],
    [1284.21, 'Double', 1284.21],
    ['1,284.21', 'String', '1,284.21'],
    [true, 'Boolean', true],
    ['#REF!', 'Error', { error: '#REF!' }],
    ['#DIV/0!', 'Error', { error: '#DIV/0!' }],
    [{ type: 'Entity' }, 'RichValue', '[object Object]'],
  ])('%j (%s) → %j', (value, type, expected) => expect(cellValueOf(value, type)).toEqual(expected));
});

describe('formulaOf', () => {
  it.each([
    ['=SUM(D6:D9)', 30, 'SUM(D6:D9)'],
    ['=D6+D7', 0, 'D6+D7'],
    ['="合计"', '合计', '"合计"'],
    ['=abc', '=abc', undefined], // a text constant that starts with =
    [30, 30, undefined],
    ['', '', undefined],
  ])('%j with value %j → %j', (formula, value, expected) => expect(formulaOf(formula, value)).toBe(expected));
});

describe('rectOfAddress', () => {
  it.each([
    ['Sheet1!A1:C3', { r0: 0, c0: 0, r1: 2, c1: 2 }],
    ["'预算表 3'!B7", { r0: 6, c0: 1, r1: 6, c1: 1 }],
    ["'it''s!odd'!$D$5:$E$6", { r0: 4, c0: 3, r1: 5, c1: 4 }],
    ['Sheet1!A:A', undefined],
    ['Sheet1!3:3', undefined],
  ])('%s → %j', (address, expected) => expect(rectOfAddress(address)).toEqual(expected));
});

describe('sheetFromUsedRange', () => {
  const base = { rowIndex: 2, columnIndex: 1, rowCount: 3, columnCount: 2, values: [['a', ''], ['', 1], ['', '']], valueTypes: [['String', 'Empty'], ['Empty', 'Double'], ['Empty', 'Empty']], formulas: [['a', ''], ['', 1], ['', '']], numberFormat: [['General', 'General'], ['General', '0.00'], ['General', 'General']] };

  it('places cells at absolute positions and counts from A1', () => {
    const s = sheetFromUsedRange('S', base);
    expect(s.cells[2]?.[1]).toEqual({ row: 2, col: 1, value: 'a' });
    expect(s.cells[3]?.[2]).toEqual({ row: 3, col: 2, value: 1, numFmt: '0.00' });
    expect([s.rowCount, s.colCount]).toEqual([5, 3]);
  });

  it('null visible areas mean every row and column of the used range is hidden; undefined means unknown', () => {
    expect([...sheetFromUsedRange('S', { ...base, visible: null }).hiddenRows]).toEqual([2, 3, 4]);
    expect(sheetFromUsedRange('S', base).hiddenRows.size).toBe(0);
    const s = sheetFromUsedRange('S', { ...base, visible: ['S!B3:B3', 'S!B5:B5'] });
    expect([...s.hiddenRows]).toEqual([3]);
    expect([...s.hiddenCols]).toEqual([2]);
  });

  it('drops duplicate and single-cell merges and grows the extent to cover merges', () => {
    const s = sheetFromUsedRange('S', { ...base, merges: ['S!B3:D3', 'S!B3:D3', 'S!C4'] });
    expect(s.merges).toEqual([{ r0: 2, c0: 1, r1: 2, c1: 3 }]);
    expect(s.colCount).toBe(4);
  });

  it('an empty sheet has no cells', () => {
    expect(sheetFromUsedRange('Empty', undefined)).toMatchObject({ name: 'Empty', rowCount: 0, colCount: 0, merges: [] });
  });
});
