// The journal: comparing cells, recording batches, planning undo (and refusing it), net edits, XML storage.
import { sheetFromRows, type Workbook } from '../../src/core/grid/grid';
import {
  addBatch,
  appliedFixes,
  EMPTY_JOURNAL,
  editsSignature,
  fixSignature,
  gridState,
  holds,
  isEmptyJournal,
  journalFromXml,
  journalToXml,
  lastBatchIds,
  netEdits,
  newBatchId,
  planUndo,
  sameState,
  setCells,
  staleEdit,
  type BatchRequest,
  type CellState,
  type Journal,
} from '../../src/taskpane/journal';

describe('holds: does a cell still hold what a fix expects', () => {
  it.each([
    [{ value: 546.27 }, '546.27', true],
    [{ value: 546.27 }, '546.28', false],
    [{ value: 1686 }, '1686.00', true],
    [{ value: '1,284.21' }, '1284.21', true],
    [{ value: ' 1284.21 ' }, '1284.21', true],
    [{ value: '一般公共预算支出' }, '一般公共预算支出', true],
    [{ value: '一般公共预算支出' }, '一般公共服务支出', false],
    [{ value: null }, '', true],
    [{ value: '' }, '', true],
    [{ value: 0 }, '', false],
    [{ value: '-' }, '0.00', true],
    [{ value: 548.27, formula: 'SUM(H11:H12)' }, '548.27', true],
    [{ value: { error: '#REF!' } }, '#REF!', true],
  ] as Array<[CellState, string, boolean]>)('%j holds %p: %p', (state, expected, result) => {
    expect(holds(state, expected)).toBe(result);
  });
});

describe('sameState', () => {
  it('compares formulas as formulas (ignoring =, case and spaces), values exactly', () => {
    expect(sameState({ value: 1, formula: 'SUM(A1:A2)' }, { value: 2, formula: '=sum( A1:A2 )' })).toBe(true);
    expect(sameState({ value: 1, formula: 'SUM(A1:A2)' }, { value: 1 })).toBe(false);
    expect(sameState({ value: 548.27 }, { value: 548.27000000000001 })).toBe(true);
    expect(sameState({ value: '548.27' }, { value: 548.27 })).toBe(false);
    expect(sameState({ value: null }, { value: '' })).toBe(true);
    expect(sameState({ value: { error: '#N/A' } }, { value: { error: '#N/A' } })).toBe(true);
  });
});

const wb: Workbook = {
  name: 'w.xlsx',
  sheets: [
    sheetFromRows('S', [
      ['a', 10, 20],
      ['b', 30, '旧名称'],
    ]),
    sheetFromRows('T', [['x']]),
  ],
};
const at = new Date(Date.UTC(2024, 1, 8, 9, 30));
const edit = (address: string, expected: string, text: string, value: CellState['value']) => ({ sheet: 'S', address, expected, text, after: { value } });
const read = (w: Workbook) => (sheet: string, address: string) => gridState(w, sheet, address);

describe('addBatch and planUndo', () => {
  const one: BatchRequest = { kind: 'one', fixes: [{ title: 'B1 → 11', findings: ['f1'], edits: [edit('B1', '10.00', '11.00', 11)] }] };
  const safe: BatchRequest = {
    kind: 'safe',
    fixes: [
      { title: 'C2 → 新名称', findings: ['f2', 'f3'], edits: [edit('C2', '旧名称', '新名称', '新名称')] },
      { title: 'B2 → 31', findings: ['f4'], edits: [edit('B2', '30.00', '31.00', 31)] },
    ],
  };

  it('records each fix with what its cells held before', () => {
    const j = addBatch(EMPTY_JOURNAL, one, 'b1', at, (s, a) => gridState(wb, s, a)!);
    expect(j.batches).toEqual([
      {
        id: 'b1',
        at: '2024-02-08T09:30:00.000Z',
        kind: 'one',
        fixes: [{ id: 'b1.1', title: 'B1 → 11', findings: ['f1'], edits: [{ sheet: 'S', address: 'B1', expected: '10.00', text: '11.00', before: { value: 10 }, after: { value: 11 } }] }],
      },
    ]);
  });

  it('finds a stale edit, or none', () => {
    expect(staleEdit(one, read(wb))).toBeUndefined();
    const changed = setCells(wb, [{ sheet: 'S', address: 'B1', state: { value: 12 } }]);
    expect(staleEdit(one, read(changed))).toMatchObject({ address: 'B1' });
    expect(staleEdit({ kind: 'one', fixes: [{ title: 't', findings: [], edits: [{ ...edit('A1', 'a', 'b', 'b'), sheet: 'Gone' }] }] }, read(wb))).toMatchObject({ sheet: 'Gone' });
  });

  it('undoes one fix of a batch, the last batch, or refuses', () => {
    let grid = wb;
    let j: Journal = EMPTY_JOURNAL;
    for (const [id, req] of [
      ['b1', one],
      ['b2', safe],
    ] as const) {
      j = addBatch(j, req, id, at, (s, a) => gridState(grid, s, a)!);
      grid = setCells(
        grid,
        req.fixes.flatMap((f) => f.edits.map((e) => ({ sheet: e.sheet, address: e.address, state: e.after }))),
      );
    }
    expect(lastBatchIds(j)).toEqual(['b2.1', 'b2.2']);
    expect(appliedFixes(j).map((a) => a.fix.id)).toEqual(['b1.1', 'b2.1', 'b2.2']);
    // One fix of the safe batch.
    const p1 = planUndo(j, ['b2.1'], read(grid));
    expect(p1).toMatchObject({ ok: true, restores: [{ sheet: 'S', address: 'C2', state: { value: '旧名称' } }] });
    if (!p1.ok) throw new Error('planned');
    expect(appliedFixes(p1.journal).map((a) => a.fix.id)).toEqual(['b1.1', 'b2.2']);
    // The cell was edited by hand since: refused.
    const edited = setCells(grid, [{ sheet: 'S', address: 'B2', state: { value: 99 } }]);
    expect(planUndo(j, ['b2.2'], read(edited))).toEqual({ ok: false, reason: 'changed', sheet: 'S', address: 'B2' });
    expect(planUndo(j, ['nope'], read(grid))).toEqual({ ok: false, reason: 'unknown-fix' });
  });

  it('refuses to undo a fix a later, kept fix wrote over; undoing both restores the first state', () => {
    const first: BatchRequest = { kind: 'one', fixes: [{ title: 'B1 → 11', findings: [], edits: [edit('B1', '10.00', '11.00', 11)] }] };
    const second: BatchRequest = { kind: 'one', fixes: [{ title: 'B1 → 12', findings: [], edits: [edit('B1', '11.00', '12.00', 12)] }] };
    let j = addBatch(EMPTY_JOURNAL, first, 'b1', at, () => ({ value: 10 }));
    j = addBatch(j, second, 'b2', at, () => ({ value: 11 }));
    const now = () => ({ value: 12 });
    expect(planUndo(j, ['b1.1'], now)).toEqual({ ok: false, reason: 'later-fix', sheet: 'S', address: 'B1' });
    expect(planUndo(j, ['b2.1', 'b1.1'], now)).toMatchObject({ ok: true, restores: [{ address: 'B1', state: { value: 10 } }], journal: EMPTY_JOURNAL });
    expect(netEdits(j)).toEqual([{ sheet: 'S', address: 'B1', before: '11.00', after: '12.00' }]);
  });

  it('keeps the state before the first edit when one request edits a cell twice', () => {
    const twice: BatchRequest = { kind: 'safe', fixes: [{ title: 'a', findings: [], edits: [edit('B1', '10.00', '11.00', 11)] }, { title: 'b', findings: [], edits: [edit('B1', '11.00', '12.00', 12)] }] };
    const j = addBatch(EMPTY_JOURNAL, twice, 'b', at, () => ({ value: 10 }));
    expect(j.batches[0]!.fixes[1]!.edits[0]!.before).toEqual({ value: 11 });
  });

  it('matches an applied fix with the engine fix that wrote the same', () => {
    const j = addBatch(EMPTY_JOURNAL, { kind: 'one', fixes: [{ title: 't', findings: [], edits: [{ ...edit('B1', '10.00', '11.00', 11), after: { value: 11, formula: 'A1+1' } }] }] }, 'b', at, () => ({ value: 10 }));
    expect(fixSignature(j.batches[0]!.fixes[0]!)).toBe(editsSignature([{ sheet: 'S', address: 'B1', after: '11.00', formula: '=A1+1' }]));
  });
});

describe('setCells and gridState', () => {
  it('changes only the sheets it touches, keeps number formats, empties cells', () => {
    const fmt: Workbook = { ...wb, sheets: [{ ...wb.sheets[0]!, cells: [[undefined, { row: 0, col: 1, value: 10, numFmt: '#,##0.00' }]] }, wb.sheets[1]!] };
    const next = setCells(fmt, [
      { sheet: 'S', address: 'B1', state: { value: 11 } },
      { sheet: 'S', address: 'D5', state: { value: null } },
    ]);
    expect(next.sheets[1]).toBe(fmt.sheets[1]);
    expect(next.sheets[0]!.cells[0]![1]).toEqual({ row: 0, col: 1, value: 11, numFmt: '#,##0.00' });
    expect(gridState(next, 'S', 'D5')).toEqual({ value: null });
    expect(gridState(next, 'Gone', 'A1')).toBeUndefined();
    expect(fmt.sheets[0]!.cells[0]![1]!.value).toBe(10);
  });
});

describe('XML storage', () => {
  it('round-trips a journal with XML-special text and marks', () => {
    let j = addBatch(EMPTY_JOURNAL, { kind: 'one', fixes: [{ title: '<a> & "b" ]]> \'c\'', findings: ['x'], edits: [edit('C2', '旧名称', 'R&D <1>', 'R&D <1>')] }] }, 'b1', at, () => ({ value: '旧名称' }));
    j = { ...j, marks: [{ sheet: '预算表9', address: 'H10', severity: 'error' }] };
    const xml = journalToXml(j);
    expect(xml).not.toContain('<a>');
    expect(journalFromXml(xml)).toEqual(j);
    // As Excel may hand it back: another prefix, a CDATA section.
    const body = JSON.stringify(j);
    expect(journalFromXml(`<ns0:journal xmlns:ns0="urn:gouji:journal:1"><![CDATA[${body}]]></ns0:journal>`)).toEqual(j);
  });

  it('reads nothing from a part edited into something else', () => {
    expect(journalFromXml('<journal>not json</journal>')).toBeUndefined();
    expect(journalFromXml('<journal>{"version":2,"batches":[],"marks":[]}</journal>')).toBeUndefined();
    expect(journalFromXml('<journal>{"version":1,"batches":[{"id":1}],"marks":[]}</journal>')).toBeUndefined();
    expect(journalFromXml('<other/>')).toBeUndefined();
    expect(isEmptyJournal(EMPTY_JOURNAL)).toBe(true);
  });

  it('makes batch ids that differ', () => {
    const ids = new Set(Array.from({ length: 50 }, (_, i) => newBatchId(new Date(at.getTime() + (i % 3)))));
    expect(ids.size).toBeGreaterThan(45);
  });
});
