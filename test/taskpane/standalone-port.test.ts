// The browser port: opening files, reading, selecting, and what it tells subscribers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetFromRows, type Workbook } from '../../src/core/grid/grid';
import { createFilePort, isFilePort } from '../../src/taskpane/standalone-port';
import { readOnlyPort } from './ports';

const blob = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
const tiny: Workbook = { name: 'tiny.xlsx', sheets: [sheetFromRows('预算表3', [['支出总表'], ['合计', 1]]), sheetFromRows('Sheet2', [])] };

describe('file port', () => {
  it('opens a real .xlsx with the default reader; the engine keeps the cells, the page the sheet names', async () => {
    const port = createFilePort();
    const info = await port.open(blob('000.xlsx', readFileSync(join(__dirname, '..', 'fixtures', '000-yanbian-zhengwu-2024.xlsx'))));
    expect(info.name).toBe('000.xlsx');
    expect(info.sheets).toContain('预算表3');
    const wb = await port.read();
    expect(wb.sheets.map((s) => s.name)).toEqual(info.sheets);
    expect(port.getState()).toMatchObject({ loading: false, file: { name: '000.xlsx' }, workbook: { name: '000.xlsx', sheets: info.sheets, version: 0 } });
    // The preview gets one sheet laid out, with its merges.
    const view = await port.sheet('预算表3');
    expect(view?.layout.rows[0]?.cells[0]?.text).toContain('支出总表');
    expect(view?.merges.length).toBeGreaterThan(0);
    expect(await port.sheet('nope')).toBeUndefined();
  });

  it("says why a file cannot be opened in the reader's words, never the library's", async () => {
    const { WorkbookReadError } = await import('../../src/file/xlsx');
    const port = createFilePort(async () => {
      throw new WorkbookReadError('x.xlsx', '文件已加密，无法读取。', 'The file is encrypted.');
    });
    await expect(port.open(blob('x.xlsx', new Uint8Array([1])))).rejects.toMatchObject({ code: 'unreadable', reason: { zh: '文件已加密，无法读取。', en: 'The file is encrypted.' } });
    const raw = createFilePort(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const e = await raw.open(blob('y.xlsx', new Uint8Array([1]))).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'unreadable' });
    expect(JSON.stringify(e)).not.toMatch(/Cannot read properties/);
    expect((e as { detail?: string }).detail).toBeUndefined();
  });

  it('says an empty file is empty', async () => {
    const port = createFilePort(async () => tiny);
    await expect(port.open(blob('empty.xlsx', new Uint8Array([])))).rejects.toMatchObject({ code: 'unreadable', reason: { zh: expect.stringContaining('空') } });
  });

  it('stops reading when cancelled, and opens nothing', async () => {
    let started: () => void = () => undefined;
    const reading = new Promise<void>((r) => (started = r));
    const port = createFilePort(async () => {
      started();
      return new Promise<Workbook>(() => undefined); // never done
    });
    const opening = port.open(blob('big.xlsx', new Uint8Array([1])));
    await reading;
    port.cancel();
    await expect(opening).rejects.toMatchObject({ name: 'Cancelled' });
    expect(port.getState()).toMatchObject({ loading: false, cancelled: true });
    expect(port.getState().workbook).toBeUndefined();
  });

  it('rejects bytes that are not a workbook with PortError unreadable, and keeps that in its state', async () => {
    const port = createFilePort();
    await expect(port.open(blob('notes.xlsx', new TextEncoder().encode('plain text')))).rejects.toMatchObject({ code: 'unreadable' });
    expect(port.getState().error?.code).toBe('unreadable');
    await expect(port.read()).rejects.toMatchObject({ code: 'no-file' });
  });

  it('tells subscribers about loading, the workbook and each selection', async () => {
    const port = createFilePort(async () => tiny);
    const seen: string[] = [];
    const stop = port.subscribe(() => {
      const s = port.getState();
      seen.push(s.loading ? 'loading' : s.selection ? `select ${s.selection.sheet}!${s.selection.address}#${s.selection.seq}` : 'loaded');
    });
    await port.open(blob('tiny.xlsx', new Uint8Array([1])));
    await port.select('预算表3', '$b$2');
    await port.select('预算表3', 'B2');
    stop();
    await port.select('Sheet2', 'A1');
    expect(seen).toEqual(['loading', 'loaded', 'select 预算表3!B2#1', 'select 预算表3!B2#2']);
  });

  it('refuses to select before a file is open, or on a sheet the file does not have', async () => {
    const port = createFilePort(async () => tiny);
    await expect(port.select('预算表3', 'A1')).rejects.toMatchObject({ code: 'no-file' });
    await port.open(blob('tiny.xlsx', new Uint8Array([1])));
    await expect(port.select('预算表9', 'A1')).rejects.toMatchObject({ code: 'sheet-not-found', subject: '预算表9' });
  });

  it('keeps the last file when an earlier, slower open finishes later', async () => {
    let release: (wb: Workbook) => void = () => undefined;
    const slow = new Promise<Workbook>((r) => (release = r));
    const port = createFilePort((_, name) => (name === 'slow.xlsx' ? slow : Promise.resolve({ ...tiny, name })));
    const first = port.open(blob('slow.xlsx', new Uint8Array([1])));
    await port.open(blob('fast.xlsx', new Uint8Array([1])));
    release({ ...tiny, name: 'slow.xlsx' });
    await first;
    expect((await port.read()).name).toBe('fast.xlsx');
    expect(port.getState().workbook?.name).toBe('fast.xlsx');
  });

  it('is recognized as a file port; an Excel port is not', () => {
    expect(isFilePort(createFilePort())).toBe(true);
    expect(isFilePort(readOnlyPort(async () => tiny))).toBe(false);
  });
});

describe('file port: fixes', () => {
  const fixture = () => blob('000-yanbian-zhengwu-2024.xlsx', readFileSync(join(__dirname, '..', 'fixtures', '000-yanbian-zhengwu-2024.xlsx')));

  it('applies a fix to the grid, re-checks without the finding, undoes it, and writes the fixed copy', async () => {
    const { checkWorkbook } = await import('../../src/taskpane/engine');
    const { readWorkbookBytes } = await import('../../src/file/xlsx');
    const port = createFilePort();
    await port.open(fixture());
    const original = await port.read();
    const before = checkWorkbook(original, 'zh-CN');
    const h10 = before.safe.find((f) => f.edits.some((e) => e.sheet === '预算表9' && e.address === 'H10'))!;
    expect(h10.findings).toEqual(['subtotal@预算表9!H10']);
    const journal = await port.apply({ kind: 'one', fixes: [h10] });
    const edited = await port.read();
    // Only the edited sheet is a new object: the engine re-reads only it.
    expect(edited.sheets.filter((s, i) => s !== original.sheets[i]).map((s) => s.name)).toEqual(['预算表9']);
    const after = checkWorkbook(edited, 'zh-CN');
    expect(after.report.findings.filter((f) => h10.findings.includes(f.id))).toEqual([]);
    expect(port.getState().journal).toBe(journal);
    expect(port.getState().workbook?.version).toBe(1);
    // The fixed copy: the original bytes with H10 written.
    const fixedWb = await readWorkbookBytes(await port.fixedCopy(), 'fixed.xlsx');
    expect(fixedWb.sheets.find((s) => s.name === '预算表9')!.cells[9]![7]!.value).toBe(548.27);
    const annotated = await port.annotatedCopy(after.report.findings, 'zh-CN');
    expect((await readWorkbookBytes(annotated, 'a.xlsx')).sheets.length).toBe(original.sheets.length);
    // Undo: the grid as it was, the finding back.
    await port.undo(journal.batches[0]!.fixes.map((f) => f.id));
    const restored = await port.read();
    expect(checkWorkbook(restored, 'zh-CN').report.findings.map((f) => f.id)).toEqual(before.report.findings.map((f) => f.id));
    expect(restored.sheets.find((s) => s.name === '预算表9')!.cells[9]![7]).toEqual(original.sheets.find((s) => s.name === '预算表9')!.cells[9]![7]);
    expect(port.getState().journal.batches).toEqual([]);
    // With nothing applied, the fixed copy is the file itself.
    expect(Buffer.from(await port.fixedCopy())).toEqual(readFileSync(join(__dirname, '..', 'fixtures', '000-yanbian-zhengwu-2024.xlsx')));
  });

  it('refuses a stale fix and an undo of a cell changed since, writing nothing', async () => {
    const { checkWorkbook } = await import('../../src/taskpane/engine');
    const port = createFilePort();
    await port.open(fixture());
    const { safe } = checkWorkbook(await port.read(), 'zh-CN');
    const h10 = safe.find((f) => f.edits.some((e) => e.address === 'H10'))!;
    await port.apply({ kind: 'one', fixes: [h10] });
    const wb = await port.read();
    await expect(port.apply({ kind: 'one', fixes: [h10] })).rejects.toMatchObject({ code: 'stale', subject: '预算表9!H10' });
    expect(await port.read()).toBe(wb);
    await expect(port.undo(['nope'])).rejects.toMatchObject({ code: 'undo-changed' });
  });

  it('starts a new file with an empty journal', async () => {
    const { checkWorkbook } = await import('../../src/taskpane/engine');
    const port = createFilePort();
    await port.open(fixture());
    const { safe } = checkWorkbook(await port.read(), 'zh-CN');
    await port.apply({ kind: 'safe', fixes: safe });
    expect(port.getState().journal.batches).toHaveLength(1);
    const id = port.getState().openId;
    await port.open(fixture());
    expect(port.getState()).toMatchObject({ journal: { batches: [] } });
    expect(port.getState().openId).toBe(id + 1);
  });
});

describe('file port: after 取消', () => {
  it('reads the file again, with the fixes applied since, when the engine lost it', async () => {
    const { checkWorkbook } = await import('../../src/taskpane/engine');
    const { readWorkbookBytes } = await import('../../src/file/xlsx');
    let reads = 0;
    const port = createFilePort(async (bytes, name) => {
      reads++;
      return readWorkbookBytes(bytes, name);
    });
    const bytes = readFileSync(join(__dirname, '..', 'fixtures', '000-yanbian-zhengwu-2024.xlsx'));
    await port.open(blob('000.xlsx', bytes));
    const { safe } = checkWorkbook(await port.read(), 'zh-CN');
    const h10 = safe.find((f) => f.edits.some((e) => e.address === 'H10'))!;
    await port.apply({ kind: 'one', fixes: [h10] });
    port.cancel(); // the engine (and the workbook it held) is gone
    const again = await port.read();
    expect(reads).toBe(2);
    expect(again.sheets.find((s) => s.name === '预算表9')!.cells[9]![7]!.value).toBe(548.27);
    // A check on it does not list the finding the fix answered.
    const result = await runCheckOn(port);
    expect(result.report.findings.some((f) => h10.findings.includes(f.id))).toBe(false);
    expect(result.sheets).toEqual(port.getState().workbook!.sheets);
  });
});

async function runCheckOn(port: ReturnType<typeof createFilePort>) {
  const { runCheck } = await import('../../src/taskpane/check');
  return runCheck(port, 'zh-CN');
}
