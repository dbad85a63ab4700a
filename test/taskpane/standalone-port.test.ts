// The browser port: opening files, reading, selecting, and what it tells subscribers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetFromRows, type Workbook } from '../../src/core/grid/grid';
import { createFilePort, isFilePort } from '../../src/taskpane/standalone-port';

const blob = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
const tiny: Workbook = { name: 'tiny.xlsx', sheets: [sheetFromRows('预算表3', [['支出总表'], ['合计', 1]]), sheetFromRows('Sheet2', [])] };

describe('file port', () => {
  it('opens a real .xlsx with the default ExcelJS reader', async () => {
    const port = createFilePort();
    const wb = await port.open(blob('000.xlsx', readFileSync(join(__dirname, '..', 'fixtures', '000-yanbian-zhengwu-2024.xlsx'))));
    expect(wb.name).toBe('000.xlsx');
    expect(wb.sheets.map((s) => s.name)).toContain('预算表3');
    expect(await port.read()).toBe(wb);
    expect(port.getState()).toMatchObject({ loading: false, file: { name: '000.xlsx' } });
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
    await expect(port.select('预算表9', 'A1')).rejects.toMatchObject({ code: 'sheet-not-found', detail: '预算表9' });
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
  });

  it('is recognized as a file port; an Excel port is not', () => {
    expect(isFilePort(createFilePort())).toBe(true);
    expect(isFilePort({ source: 'excel', read: async () => tiny, select: async () => undefined })).toBe(false);
  });
});
