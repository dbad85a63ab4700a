// The e2e test's office.js for the Excel-hosted run: Office and Excel globals backed by the fake Excel API
// of test/excel (the same fake the jest tests use), holding a fixture workbook fetched from the test
// server. Bundled for the browser by the e2e test (esbuild); never part of the add-in.
import { readWorkbookBytes } from '../../src/file/xlsx';
import { FakeExcel, fakeSheetsOf } from '../excel/fake-excel';

declare global {
  interface Window {
    /** The fake behind Excel.run, for the test to look into and to play the user. */
    __fake?: FakeExcel;
  }
}

const FIXTURE = '__fixture.xlsx';

const ready: Promise<FakeExcel> = fetch(FIXTURE)
  .then((r) => r.arrayBuffer())
  .then((bytes) => readWorkbookBytes(bytes, '000-yanbian-zhengwu-2024.xlsx'))
  .then((wb) => {
    const fake = new FakeExcel(fakeSheetsOf(wb), { workbookName: wb.name });
    window.__fake = fake;
    return fake;
  });

let fake: FakeExcel | undefined;
const w = window as unknown as Record<string, unknown>;
w.Office = {
  onReady: async () => {
    fake = await ready;
    return { host: 'Excel' };
  },
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: 'zh-CN',
    officeTheme: { bodyBackgroundColor: '#FFFFFF' },
    requirements: { isSetSupported: (_set: string, version: string) => fake!.host.supports(version) },
  },
};
w.Excel = {
  run: (a: unknown, b?: unknown) => (typeof a === 'function' ? fake!.host.run(a as never) : fake!.host.runIn(a, b as never)),
};
