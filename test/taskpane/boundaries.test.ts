// The layering the pane relies on, checked on the source text: only src/excel talks to Office, components
// never reach Excel or ExcelJS, and ExcelJS / the engine are only ever imported lazily by the pane.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Source without comments, so that prose may mention `Excel.run`. */
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
const staticImports = (text: string) => [...text.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);

describe('boundaries', () => {
  const all = files(SRC).map((f) => ({ path: relative(SRC, f).replace(/\\/g, '/'), text: code(f) }));

  it('only src/excel says Excel. or Office.', () => {
    const offenders = all.filter((f) => !f.path.startsWith('excel/') && /\b(Excel|Office)\.[a-zA-Z]/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('the pane reaches src/excel only from its composition root (index.tsx)', () => {
    const offenders = all.filter((f) => f.path.startsWith('taskpane/') && f.path !== 'taskpane/index.tsx' && staticImports(f.text).some((i) => i.includes('/excel/'))).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('no pane file imports ExcelJS, src/file or the engine statically (they are lazy chunks)', () => {
    const lazyOnly = /^(exceljs|.*\/file\/.*|\.\/engine|.*\/core\/analyze|.*\/core\/catalog\/.*|.*\/core\/rules.*)$/;
    const offenders = all
      // The worker is its own bundle, started at the first check; the engine host runs in it (or, where no worker starts, in a lazy chunk).
      .filter((f) => f.path.startsWith('taskpane/') && !['taskpane/engine.ts', 'taskpane/engine.worker.ts', 'taskpane/engine-host.ts'].includes(f.path))
      .flatMap((f) => staticImports(f.text.replace(/^import type .*$/gm, '')).filter((i) => lazyOnly.test(i)).map((i) => `${f.path} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it('src/excel does not import React, Fluent UI or ExcelJS', () => {
    const offenders = all.filter((f) => f.path.startsWith('excel/')).flatMap((f) => staticImports(f.text).filter((i) => /^(react|@fluentui|exceljs)/.test(i)).map((i) => `${f.path} → ${i}`));
    expect(offenders).toEqual([]);
  });
});

describe('boundaries of the write path', () => {
  const all = files(SRC).map((f) => ({ path: relative(SRC, f).replace(/\\/g, '/'), text: code(f) }));

  it('src/excel reaches the pane only through its plain modules (port, journal, marks)', () => {
    const offenders = all
      .filter((f) => f.path.startsWith('excel/'))
      .flatMap((f) => staticImports(f.text).filter((i) => i.includes('/taskpane/') && !/\/taskpane\/(port|journal|marks)$/.test(i)).map((i) => `${f.path} → ${i}`));
    expect(offenders).toEqual([]);
  });

  it('src/file/write.ts (ExcelJS) is only ever imported lazily', () => {
    const offenders = all.filter((f) => !f.path.startsWith('cli/') && !f.path.startsWith('file/') && staticImports(f.text.replace(/^import type .*$/gm, '')).some((i) => /\/file\/write$/.test(i))).map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
