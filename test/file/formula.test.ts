// Shared formulas moved to each cell of their range (src/file/read/formula.ts), as Excel shows them.
import { translateFormula } from '../../src/file/read/formula';

describe('translateFormula', () => {
  it.each([
    ['A1+B2', 1, 1, 'B2+C3'],
    ['$A1+A$1+$A$1', 2, 3, '$A3+D$1+$A$1'],
    ['SUM(D5:F5)', 1, 0, 'SUM(D6:F6)'],
    ['SUM(A:A,$B:$B,C:D)', 0, 2, 'SUM(C:C,$B:$B,E:F)'],
    ['SUM(3:3,$4:$4,5:6)', 2, 0, 'SUM(5:5,$4:$4,7:8)'],
    ['"A1"&A1&"B""2"', 1, 0, '"A1"&A2&"B""2"'],
    ["'预算表 1'!A1+预算表3!B2+Sheet1:Sheet3!C3", 1, 1, "'预算表 1'!B2+预算表3!C3+Sheet1:Sheet3!D4"],
    ['[1]Sheet1!A1', 0, 1, '[1]Sheet1!B1'],
    ['Table1[[#This Row],[金额]]*A1', 1, 0, 'Table1[[#This Row],[金额]]*A2'],
    ['LOG10(A1)+ATAN2(A1,B1)+_xlfn.STDEV.S(A1:A3)', 1, 0, 'LOG10(A2)+ATAN2(A2,B2)+_xlfn.STDEV.S(A2:A4)'],
    ['IF(A1>1E+5,TRUE,#N/A)+#REF!+1.5E3', 1, 0, 'IF(A2>1E+5,TRUE,#N/A)+#REF!+1.5E3'],
    ['税率*A1+Rate_2024', 1, 0, '税率*A2+Rate_2024'],
    ['A1', -1, 0, '#REF!'],
    ['XFD1+A1048576', 0, 0, 'XFD1+A1048576'],
  ])('%s moved by (%i, %i) is %s', (formula, dRow, dCol, expected) => {
    expect(translateFormula(formula, dRow, dCol)).toBe(expected);
  });
});
