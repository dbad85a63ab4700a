// The preview's layout: display text of cells, merges as spans, hidden rows, limits.
import { sheetFromRows, type Cell, type Sheet } from '../../src/core/grid/grid';
import { anchorOf, displayText, layoutSheet } from '../../src/taskpane/preview';

const cell = (value: Cell['value'], numFmt?: string): Cell => ({ row: 0, col: 0, value, ...(numFmt ? { numFmt } : {}) });

describe('displayText', () => {
  it.each([
    [cell(1686), '1686'],
    [cell(1686, '#,##0.00'), '1,686.00'],
    [cell(1234567.5, '#,##0.00;[Red]-#,##0.00'), '1,234,567.50'],
    [cell(-0.5, '0.00'), '-0.50'],
    [cell(0.125, '0.0'), '0.1'],
    [cell('一般公共服务支出'), '一般公共服务支出'],
    [cell(true), 'TRUE'],
    [cell({ error: '#REF!' }), '#REF!'],
    [cell(null), ''],
  ] as const)('%j → %s', (c, expected) => expect(displayText(c)).toBe(expected));
  it('shows nothing for an empty cell', () => expect(displayText(undefined)).toBe(''));
});

describe('layoutSheet', () => {
  const sheet: Sheet = {
    ...sheetFromRows('S', [['支出总表'], ['科目', '金额', '备注'], ['201', 10, ''], ['208', 20]], [{ r0: 0, c0: 0, r1: 0, c1: 2 }]),
    hiddenRows: new Set([3]),
    hiddenCols: new Set([2]),
  };

  it('draws a merge as one spanning cell and skips the cells it covers', () => {
    const layout = layoutSheet(sheet);
    expect(layout.rows[0]!.cells).toEqual([{ col: 0, address: 'A1', text: '支出总表', numeric: false, rowSpan: 1, colSpan: 3 }]);
    expect(layout.rows[1]!.cells.map((c) => c.address)).toEqual(['A2', 'B2', 'C2']);
    expect(layout.rows[2]!.cells[1]).toMatchObject({ address: 'B3', text: '10', numeric: true });
  });

  it('keeps hidden rows and columns, flagged', () => {
    const layout = layoutSheet(sheet);
    expect(layout.rows.map((r) => r.hidden)).toEqual([false, false, false, true]);
    expect(layout.hiddenCols.has(2)).toBe(true);
  });

  it('cuts off at the limits and says so, clipping merges', () => {
    const layout = layoutSheet(sheet, 2, 2);
    expect(layout.truncated).toBe(true);
    expect(layout.rows).toHaveLength(2);
    expect(layout.rows[0]!.cells[0]).toMatchObject({ colSpan: 2 });
    expect(layoutSheet(sheet).truncated).toBe(false);
  });

  it('finds the anchor of a merge for a cell inside it', () => {
    expect(anchorOf(sheet, 'B1')).toBe('A1');
    expect(anchorOf(sheet, 'B3')).toBe('B3');
    expect(anchorOf(sheet, 'not-an-address')).toBe('not-an-address');
  });
});
