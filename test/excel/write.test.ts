// The Excel port's writes against the fake Excel API, fed from the fixture workbooks: syncs per action
// (constant in the number of sheets), fix then undo and mark then clear leave every cell exactly as it
// was (also across save/close/reopen), and refusals (protected sheet, read-only workbook, stale cell)
// write nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbook } from '../../src/core/grid/grid';
import { readWorkbookBytes } from '../../src/file/xlsx';
import { createExcelPort, literal, OWN_CHANGE_MS, REPORT_SHEET_NAMES } from '../../src/excel/port';
import { groupFindings } from '../../src/taskpane/display';
import { checkWorkbook, planEdit } from '../../src/taskpane/engine';
import { reportSheet } from '../../src/taskpane/export';
import { EMPTY_JOURNAL, JOURNAL_NAMESPACE, journalFromXml, type BatchRequest } from '../../src/taskpane/journal';
import { isMarkFormula, marksOf, MARK_STYLE } from '../../src/taskpane/marks';
import { PortError, type WorkbookPort } from '../../src/taskpane/port';
import { STRINGS } from '../../src/taskpane/strings';
import { oneSheet } from '../support/variants';
import { FakeExcel, fakeSheetsOf, type FakeOptions } from './fake-excel';

const FIXTURES = ['000-yanbian-zhengwu-2024.xlsx', '001-yanbian-zhengfuban-2023.xlsx', '002-siping-zhengwu-2024.xlsx', '003-yanjin-zhengwu-2024.xlsx', '004-yanbian-gongxin-2024.xlsx'];

const grids = new Map<string, Promise<Workbook>>();
function grid(file: string): Promise<Workbook> {
  let p = grids.get(file);
  if (!p) {
    p = readWorkbookBytes(readFileSync(join(__dirname, '..', 'fixtures', file)), file);
    grids.set(file, p);
  }
  return p;
}

/** A fake Excel holding a fixture workbook (or a variant of it), and the port over it. */
async function open(file: string, opts: FakeOptions = {}, variant: (wb: Workbook) => Workbook = (wb) => wb): Promise<{ fake: FakeExcel; port: WorkbookPort }> {
  const wb = variant(await grid(file));
  const fake = new FakeExcel(fakeSheetsOf(wb), { workbookName: file, ...opts });
  return { fake, port: createExcelPort(fake.host) };
}

/** The check as the pane runs it: read through the port, analyze. */
async function check(port: WorkbookPort) {
  const wb = await port.read();
  return { wb, ...checkWorkbook(wb, 'zh-CN') };
}

async function syncsOf(fake: FakeExcel, work: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await work();
  return fake.syncs - before;
}

const value = (fake: FakeExcel, sheet: string, address: string) => {
  const s = fake.sheet(sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return fake.cell(s, Number(m[2]) - 1, col)?.value;
};

/** Many sheets: the workbook's sheets three times over. */
const tripled = (wb: Workbook): Workbook => ({ ...wb, sheets: [0, 1, 2].flatMap((k) => wb.sheets.map((s) => ({ ...s, name: k === 0 ? s.name : `${s.name}(${k + 1})` }))) });

describe('syncs per action, whatever the number of sheets', () => {
  const table: string[] = [];
  afterAll(() => {
    // The measured numbers, printed for the record (and asserted below).
    console.log(['fixture                              sheets  check  apply  undo  mark  clear  report  select', ...table].join('\n'));
  });

  const cases: Array<[string, string, (wb: Workbook) => Workbook]> = [
    ...FIXTURES.map((f): [string, string, (wb: Workbook) => Workbook] => [f, f, (wb) => wb]),
    ['000 on one sheet', FIXTURES[0]!, oneSheet],
    ['000 × 3 (three times the sheets)', FIXTURES[0]!, tripled],
  ];

  it.each(cases)('%s', async (label, file, variant) => {
    const { fake, port } = await open(file, {}, variant);
    const sheets = fake.sheets.length;
    let result: Awaited<ReturnType<typeof check>> | undefined;
    const checkSyncs = await syncsOf(fake, async () => {
      result = await check(port);
    });
    const safe = result!.safe;
    const request: BatchRequest = safe.length > 0 ? { kind: 'safe', fixes: safe } : { kind: 'one', fixes: [] };
    let applySyncs = 0;
    let undoSyncs = 0;
    if (safe.length > 0) {
      applySyncs = await syncsOf(fake, () => port.apply(request));
      const journal = await port.journal();
      undoSyncs = await syncsOf(fake, () => port.undo(journal.batches[0]!.fixes.map((f) => f.id)));
    }
    const marks = marksOf(result!.report.findings);
    const markSyncs = await syncsOf(fake, () => port.mark!(marks));
    const clearSyncs = await syncsOf(fake, () => port.clearMarks!());
    const groups = groupFindings(result!.report.findings, result!.wb.sheets.map((s) => s.name), result!.rules);
    const reportSyncs = await syncsOf(fake, () => port.addReportSheet!(reportSheet(result!.report, groups, STRINGS['zh-CN'], new Date(0))));
    const first = result!.report.findings[0]?.cells[0];
    const selectSyncs = first ? await syncsOf(fake, () => port.select(first.sheet, first.address)) : 2;
    table.push(
      `${label.padEnd(36)} ${String(sheets).padStart(6)} ${String(checkSyncs).padStart(6)} ${(safe.length > 0 ? String(applySyncs) : '–').padStart(6)} ${(safe.length > 0 ? String(undoSyncs) : '–').padStart(5)} ${String(markSyncs).padStart(5)} ${String(clearSyncs).padStart(6)} ${String(reportSyncs).padStart(7)} ${String(selectSyncs).padStart(7)}`,
    );
    expect({ checkSyncs, markSyncs, clearSyncs, reportSyncs, selectSyncs }).toEqual({ checkSyncs: 3, markSyncs: 4, clearSyncs: 4, reportSyncs: 2, selectSyncs: 2 });
    if (safe.length > 0) expect({ applySyncs, undoSyncs }).toEqual({ applySyncs: 3, undoSyncs: 3 });
  });
});

describe('fix, then undo: every value and formula as it was', () => {
  it.each(FIXTURES)('%s: fix all safe, then undo the batch', async (file) => {
    const { fake, port } = await open(file);
    const original = fake.snapshot();
    const before = await check(port);
    if (before.safe.length === 0) return;
    const journal = await port.apply({ kind: 'safe', fixes: before.safe });
    // Every safe edit is in its cell, and the check no longer finds what the fixes answer.
    for (const e of before.safe.flatMap((f) => f.edits)) expect(value(fake, e.sheet, e.address)).toEqual(e.after.value);
    const after = await check(port);
    const answered = new Set(before.safe.flatMap((f) => f.findings));
    expect(after.report.findings.filter((f) => answered.has(f.id))).toEqual([]);
    expect(journal.batches).toHaveLength(1);
    await port.undo(journal.batches[0]!.fixes.map((f) => f.id));
    expect(fake.snapshot()).toEqual(original);
    expect((await check(port)).report.findings.map((f) => f.id)).toEqual(before.report.findings.map((f) => f.id));
  });

  it('one fix at a time, each finding gone, then undone one by one in reverse order', async () => {
    const { fake, port } = await open(FIXTURES[0]!);
    const original = fake.snapshot();
    const before = await check(port);
    const seen = new Set<string>();
    const applied: string[] = [];
    for (const f of before.report.findings) {
      const fix = f.fixes[0];
      if (!fix || fix.edits.length === 0) continue;
      const signature = JSON.stringify(fix.edits);
      if (seen.has(signature)) continue;
      seen.add(signature);
      try {
        const j = await port.apply({ kind: 'one', fixes: [{ title: fix.title, findings: [f.id], edits: fix.edits.map(planEdit) }] });
        applied.push(j.batches[j.batches.length - 1]!.fixes[0]!.id);
      } catch (e) {
        // A fix whose cell an earlier fix changed is refused, nothing written.
        expect(e).toMatchObject({ code: 'stale' });
      }
    }
    expect(applied.length).toBeGreaterThan(5);
    for (const id of [...applied].reverse()) await port.undo([id]);
    expect(fake.snapshot()).toEqual(original);
  });

  it('undo works after save, close and reopen: the journal is in the workbook', async () => {
    const { fake, port } = await open(FIXTURES[4]!);
    const original = fake.snapshot();
    const result = await check(port);
    expect(result.safe.length).toBeGreaterThan(0);
    await port.apply({ kind: 'safe', fixes: result.safe });
    expect(fake.xmlParts.map((p) => p.namespace)).toEqual([JOURNAL_NAMESPACE]);
    const reopened = fake.reopen();
    const port2 = createExcelPort(reopened.host);
    const journal = await port2.journal();
    expect(journal.batches).toHaveLength(1);
    expect(journalFromXml(reopened.xmlParts[0]!.xml)).toEqual(journal);
    await port2.undo(journal.batches[0]!.fixes.map((f) => f.id));
    expect(reopened.snapshot()).toEqual(original);
    // Nothing left behind: the journal part goes when it is empty.
    expect(reopened.xmlParts).toEqual([]);
  });

  it('writes text that looks like a number, date, boolean or formula as text, and formulas as formulas', async () => {
    const fake = new FakeExcel([{ name: 'S', cells: { A1: 'x', A2: 'y', A3: 'z', A4: 'w', A5: 'v', A6: 'u', B1: 10, B2: 20, B3: { value: 30, formula: 'SUM(B1:B2)' } } }]);
    const port = createExcelPort(fake.host);
    const original = fake.snapshot();
    const texts = ['2010301', '2024-1-5', 'TRUE', '=1+1', "'quoted", '1,234.50'];
    const request: BatchRequest = {
      kind: 'one',
      fixes: [
        {
          title: 't',
          findings: [],
          edits: [
            ...texts.map((t, i) => ({ sheet: 'S', address: `A${i + 1}`, expected: ['x', 'y', 'z', 'w', 'v', 'u'][i]!, text: t, after: { value: t } })),
            { sheet: 'S', address: 'B3', expected: '30.00', text: '40.00', after: { value: 40, formula: 'SUM(B1:B2)+10' } },
          ],
        },
      ],
    };
    const journal = await port.apply(request);
    texts.forEach((t, i) => expect(value(fake, 'S', `A${i + 1}`)).toBe(t));
    expect(fake.sheet('S')!.cells.get('B3')).toMatchObject({ formula: 'SUM(B1:B2)+10' });
    expect(value(fake, 'S', 'B3')).toBe(40);
    await port.undo(journal.batches[0]!.fixes.map((f) => f.id));
    expect(fake.snapshot()).toEqual(original);
    expect(literal('一般公共服务支出')).toBe('一般公共服务支出');
    expect(literal(548.27)).toBe(548.27);
    expect(literal(null)).toBe('');
  });
});

describe('refusals write nothing', () => {
  async function expectNothingWritten(fake: FakeExcel, work: () => Promise<unknown>, code: string, subject?: string) {
    const before = fake.snapshot();
    const writes = fake.writes;
    const error = await work().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ code, ...(subject !== undefined ? { subject } : {}) });
    expect(fake.writes).toBe(writes);
    expect(fake.snapshot()).toEqual(before);
  }

  it('a protected sheet: apply, undo, mark and clear refuse with its name', async () => {
    const { fake, port } = await open(FIXTURES[0]!);
    const result = await check(port);
    const fix = result.safe.find((f) => f.edits.some((e) => e.sheet === '预算表9'))!;
    fake.sheet('预算表9')!.protected = true;
    // The batch also writes to unprotected sheets: none of it may happen.
    await expectNothingWritten(fake, () => port.apply({ kind: 'safe', fixes: result.safe }), 'protected', '预算表9');
    await expectNothingWritten(fake, () => port.mark!(marksOf(result.report.findings)), 'protected', '预算表9');
    fake.sheet('预算表9')!.protected = false;
    const journal = await port.apply({ kind: 'one', fixes: [fix] });
    await port.mark!(marksOf(result.report.findings));
    fake.sheet('预算表9')!.protected = true;
    await expectNothingWritten(fake, () => port.undo(journal.batches[0]!.fixes.map((f) => f.id)), 'protected', '预算表9');
    await expectNothingWritten(fake, () => port.clearMarks!(), 'protected', '预算表9');
  });

  it('a read-only workbook: apply, mark and the report sheet refuse', async () => {
    const { fake, port } = await open(FIXTURES[0]!, { readOnly: true });
    const result = await check(port);
    await expectNothingWritten(fake, () => port.apply({ kind: 'safe', fixes: result.safe }), 'read-only');
    await expectNothingWritten(fake, () => port.mark!(marksOf(result.report.findings)), 'read-only');
    const groups = groupFindings(result.report.findings, result.wb.sheets.map((s) => s.name), result.rules);
    await expectNothingWritten(fake, () => port.addReportSheet!(reportSheet(result.report, groups, STRINGS['zh-CN'], new Date())), 'read-only');
  });

  it('a protected workbook structure: no report sheet', async () => {
    const { fake, port } = await open(FIXTURES[0]!, { structureProtected: true });
    const result = await check(port);
    const groups = groupFindings(result.report.findings, result.wb.sheets.map((s) => s.name), result.rules);
    await expectNothingWritten(fake, () => port.addReportSheet!(reportSheet(result.report, groups, STRINGS['zh-CN'], new Date())), 'structure-protected');
  });

  it('a cell being edited: check, apply and mark refuse as edit mode, and say so', async () => {
    const { fake, port } = await open(FIXTURES[0]!);
    const result = await check(port);
    fake.editMode = true;
    await expect(port.read()).rejects.toMatchObject({ code: 'edit-mode' });
    await expectNothingWritten(fake, () => port.apply({ kind: 'safe', fixes: result.safe }), 'edit-mode');
    await expectNothingWritten(fake, () => port.mark!(marksOf(result.report.findings)), 'edit-mode');
    expect(STRINGS['zh-CN'].errors['edit-mode']('')).toContain('Enter 或 Esc');
    fake.editMode = false;
    await port.apply({ kind: 'safe', fixes: result.safe });
  });

  it('a cell changed since the check: apply refuses as stale; a fixed cell edited since: undo refuses', async () => {
    const { fake, port } = await open(FIXTURES[0]!);
    const result = await check(port);
    const fix = result.safe.find((f) => f.edits.some((e) => e.address === 'H10'))!;
    await fake.userEdit('预算表9', 'H10', 500);
    await expectNothingWritten(fake, () => port.apply({ kind: 'one', fixes: [fix] }), 'stale', '预算表9!H10');
    await fake.userEdit('预算表9', 'H10', 546.27);
    const journal = await port.apply({ kind: 'one', fixes: [fix] });
    await fake.userEdit('预算表9', 'H10', 600);
    await expectNothingWritten(fake, () => port.undo(journal.batches[0]!.fixes.map((f) => f.id)), 'undo-changed', '预算表9!H10');
  });
});

describe('marks: the cells keep their own formatting', () => {
  /** The fixture with the user's own fills on some checked cells and a conditional format of theirs. */
  async function decorated() {
    const opened = await open(FIXTURES[0]!);
    const result = await check(opened.port);
    const marks = marksOf(result.report.findings);
    marks.forEach((m, i) => {
      if (i % 3 !== 0) return;
      const cells = opened.fake.sheet(m.sheet)!.cells;
      cells.set(m.address, { ...(cells.get(m.address) ?? { value: '' }), fill: '#00B050', bold: true });
    });
    const m0 = marks[1]!;
    opened.fake.sheet(m0.sheet)!.conditionalFormats.push({ id: 900, address: m0.address, type: 'CellValue', fill: '#FF0000' });
    return { ...opened, result, marks };
  }

  it('mark, then clear: every cell format and conditional format identical', async () => {
    const { fake, port, marks } = await decorated();
    const original = fake.snapshot();
    const journal = await port.mark!(marks);
    expect(journal.marks).toEqual(marks);
    const ours = fake.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)).map((cf) => ({ ...cf, sheet: s.name })));
    expect(ours).toHaveLength(marks.length);
    for (const m of marks) {
      const cf = ours.find((x) => x.sheet === m.sheet && x.address === m.address)!;
      expect({ fill: cf.fill, font: cf.font }).toEqual({ fill: MARK_STYLE[m.severity].fill, font: MARK_STYLE[m.severity].font });
    }
    // The cells themselves were never written.
    expect(fake.snapshot().sheets.map((s) => (s as { cells: unknown }).cells)).toEqual(original.sheets.map((s) => (s as { cells: unknown }).cells));
    // Marking again replaces the marks rather than piling them up.
    await port.mark!(marks);
    expect(fake.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)))).toHaveLength(marks.length);
    await port.clearMarks!();
    expect(fake.snapshot()).toEqual(original);
  });

  it('clear after save, close and reopen', async () => {
    const { fake, port, marks } = await decorated();
    const original = fake.snapshot();
    await port.mark!(marks);
    const reopened = fake.reopen();
    const port2 = createExcelPort(reopened.host);
    expect((await port2.journal()).marks).toEqual(marks);
    await port2.clearMarks!();
    expect(reopened.snapshot()).toEqual(original);
  });

  it('finds its marks even when the journal was lost', async () => {
    const { fake, port, marks } = await decorated();
    const original = fake.snapshot();
    await port.mark!(marks);
    // Someone removed the custom XML part: marking again still finds the old marks, by their formula.
    fake.xmlParts.splice(0);
    const reopened = fake.reopen();
    const port2 = createExcelPort(reopened.host);
    expect(await port2.journal()).toEqual(EMPTY_JOURNAL);
    await port2.mark!(marks);
    expect(reopened.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)))).toHaveLength(marks.length);
    await port2.clearMarks!();
    expect(reopened.snapshot()).toEqual(original);
  });
});

describe('the report sheet', () => {
  it('lists every finding with a link to its cell, and the checker never reads it', async () => {
    const { fake, port } = await open(FIXTURES[0]!);
    const result = await check(port);
    const groups = groupFindings(result.report.findings, result.wb.sheets.map((s) => s.name), result.rules);
    const sheet = reportSheet(result.report, groups, STRINGS['zh-CN'], new Date(2024, 1, 8, 9, 30));
    await port.addReportSheet!(sheet);
    const added = fake.sheet('勾稽报告')!;
    expect(REPORT_SHEET_NAMES).toContain(added.name);
    expect(fake.active).toBe('勾稽报告');
    const links = [...added.cells.values()].filter((c) => c.hyperlink).map((c) => c.hyperlink!);
    expect(links).toHaveLength(result.report.findings.length);
    expect(links[0]).toEqual({ documentReference: `'${groups[0]!.findings[0]!.sheet}'!${groups[0]!.findings[0]!.address}`, textToDisplay: groups[0]!.findings[0]!.where });
    expect(added.cells.get('A1')).toMatchObject({ value: expect.stringContaining('勾稽报告'), bold: true });
    expect(added.frozenRows).toBe(5);
    // Checking again reads the same tables and finds the same things.
    expect((await check(port)).report).toEqual(result.report);
    // Exporting again replaces the sheet.
    await port.addReportSheet!(sheet);
    expect(fake.sheets.filter((s) => s.name === '勾稽报告')).toHaveLength(1);
  });
});

describe('change events', () => {
  it('hears the user, not its own writes; stops when asked', async () => {
    const { fake, port } = await open(FIXTURES[0]!);
    const result = await check(port);
    const heard: number[] = [];
    const stop = await port.watch!(() => heard.push(Date.now()));
    expect(fake.handlers.size).toBe(1);
    await port.apply({ kind: 'safe', fixes: result.safe });
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toHaveLength(0);
    await fake.userEdit('预算表3', 'D6', 1);
    expect(heard).toHaveLength(1);
    await stop();
    expect(fake.handlers.size).toBe(0);
  });

  it('on a host that does not name the source (before ExcelApi 1.14), ignores changes for a moment after its own writes', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    try {
      const { fake, port } = await open(FIXTURES[0]!, { api: '1.13' });
      const result = await check(port);
      let heard = 0;
      await port.watch!(() => heard++);
      await port.apply({ kind: 'safe', fixes: result.safe });
      await jest.advanceTimersByTimeAsync(10);
      expect(heard).toBe(0);
      jest.setSystemTime(Date.now() + OWN_CHANGE_MS + 1);
      await fake.userEdit('预算表3', 'D6', 1);
      expect(heard).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('older hosts', () => {
  it('without custom XML parts (ExcelApi 1.4): fixes and undo work for the session, marks refuse', async () => {
    const { fake, port } = await open(FIXTURES[0]!, { api: '1.4' });
    const original = fake.snapshot();
    expect(port.capabilities).toMatchObject({ persistentJournal: false, marks: false, reportSheet: false, watch: false });
    expect(await port.journal()).toEqual(EMPTY_JOURNAL);
    const result = await check(port);
    const journal = await port.apply({ kind: 'safe', fixes: result.safe });
    expect(fake.xmlParts).toEqual([]);
    await port.undo(journal.batches[0]!.fixes.map((f) => f.id));
    expect(fake.snapshot()).toEqual(original);
    await expect(port.mark!([])).rejects.toMatchObject({ code: 'unsupported', subject: '1.6' });
  });
});
