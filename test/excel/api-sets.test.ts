// The adapter calls nothing above the manifest's minimum ExcelApi set (manifest.xml) unless it asks the host
// first (isSetSupported, through host.supports) and has a way on without it; the sets are read from the
// `[Api set: ExcelApi 1.x]` annotations of the office-js type definitions. docs/excel-api-sets.md lists them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSets, compareVersions, excelApiUses, manifestMinimum, unguarded, type ApiUse } from './api-sets';

const ROOT = join(__dirname, '..', '..');
const EXCEL = join(ROOT, 'src', 'excel');
const adapter = readdirSync(EXCEL)
  .filter((f) => f.endsWith('.ts') && f !== 'api.ts')
  .map((f) => join(EXCEL, f));
const sets = apiSets();
const minimum = manifestMinimum();
const { uses, unknown } = excelApiUses(adapter, {}, sets);
const above = uses.filter((u) => compareVersions(u.set, minimum) > 0);
const show = (u: ApiUse) => `${u.file}:${u.line} ${u.member} needs ExcelApi ${u.set}${u.guard ? ` (guarded by ${u.guard}, ${u.fallback ?? 'no fallback'})` : ' (unguarded)'}`;

describe('Excel API requirement sets', () => {
  it('reads the manifest minimum and the annotations of the type definitions', () => {
    expect(minimum).toBe('1.7');
    expect(sets.get('Range.values')).toBe('1.1');
    expect(sets.get('Range.getMergedAreasOrNullObject')).toBe('1.13');
    expect(sets.get('Workbook.readOnly')).toBe('1.8');
    expect(sets.get('WorksheetChangedEventArgs.triggerSource')).toBe('1.14');
    expect(sets.get('Worksheet.visibility')).toBe('1.1'); // "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]"
  });

  it('finds the adapter’s uses of the API, its own interfaces mapped to Excel’s classes', () => {
    expect(uses.length).toBeGreaterThan(100);
    expect(uses.map((u) => u.member)).toEqual(expect.arrayContaining(['Range.values', 'CustomXmlPartCollection.add', 'ConditionalFormatCollection.add', 'Workbook.readOnly (load)']));
    // What the annotations give no set is the client objects' own plumbing, nothing else.
    const plumbing = /\.(load|isNullObject|items|sync|workbook)$/;
    expect([...unknown].filter((m) => !plumbing.test(m))).toEqual([]);
  });

  it(`calls nothing above ExcelApi ${minimum} without asking the host first, with a way on without it`, () => {
    expect(unguarded(uses, minimum).map(show)).toEqual([]);
    // And there are such calls, each guarded by the set it needs.
    expect(above.length).toBeGreaterThan(5);
    for (const u of above) expect({ use: show(u), ok: u.guard !== undefined ? compareVersions(u.guard, u.set) >= 0 : compareVersions(u.classSet, u.set) >= 0 }).toEqual({ use: show(u), ok: true });
  });

  it('asks the host through Office.context.requirements.isSetSupported', () => {
    const host = readFileSync(join(EXCEL, 'host.ts'), 'utf8');
    expect(host).toMatch(/supports:\s*\(version\)\s*=>\s*Office\.context\.requirements\.isSetSupported\('ExcelApi',\s*version\)/);
  });

  it('docs/excel-api-sets.md names every member used above the minimum, with its set', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'excel-api-sets.md'), 'utf8');
    const missing = [...new Set(above.map((u) => `${u.member.replace(/ \(load\)$/, '')} ${u.set}`))].filter((x) => {
      const [member, set] = x.split(' ');
      return !doc.split('\n').some((line) => line.includes(`\`${member}\``) && line.includes(set!));
    });
    expect(missing).toEqual([]);
  });
});

describe('the checker itself', () => {
  const head = `import type { XlRange, XlWorkbook, XlContext } from './api';\ndeclare const host: { supports(v: string): boolean };\ndeclare class PortError extends Error { constructor(code: string, d?: string, s?: string) }\n`;
  const probes: Record<string, string> = {
    unguarded: `export function f(r: XlRange, wb: XlWorkbook) { r.getMergedAreasOrNullObject(); wb.load('name,readOnly'); return r.values; }`,
    guarded: `export function f(r: XlRange) { if (host.supports('1.13')) r.getMergedAreasOrNullObject(); }`,
    tooLow: `export function f(r: XlRange) { if (host.supports('1.9')) r.getMergedAreasOrNullObject(); }`,
    constSet: `export function f(wb: XlWorkbook) { const ro = host.supports('1.8'); if (ro) wb.load('readOnly'); return ro ? wb.readOnly : false; }`,
    refusal: `export function f(c: XlContext) { if (!host.supports('1.9')) throw new PortError('unsupported', undefined, '1.9'); c.workbook.worksheets.onChanged.add(async () => undefined); }`,
  };
  // One program for all the probes (building one reads the office-js definitions: seconds).
  const files = Object.fromEntries(Object.entries(probes).map(([k, body]) => [join(EXCEL, `__probe_${k}__.ts`).replace(/\\/g, '/'), head + body]));
  const { uses: found } = excelApiUses([], files, sets);
  const flagged = (k: string) => unguarded(found.filter((u) => u.file.includes(`__probe_${k}__`)), '1.7').map((u) => `${u.member} ${u.set}`);

  it('flags unguarded calls above the minimum, by call and by load()', () => {
    expect(flagged('unguarded')).toEqual(['Range.getMergedAreasOrNullObject 1.13', 'Workbook.readOnly (load) 1.8']);
  });

  it('accepts an if, a conditional, an early refusal and a const set from host.supports — when the set is high enough', () => {
    expect(flagged('guarded')).toEqual([]);
    expect(flagged('tooLow')).toEqual(['Range.getMergedAreasOrNullObject 1.13']);
    expect(flagged('constSet')).toEqual([]);
    expect(flagged('refusal')).toEqual([]);
    expect(found.find((u) => u.file.includes('__probe_refusal__') && u.member === 'WorksheetCollection.onChanged')?.fallback).toBe('refuse');
  });
});
