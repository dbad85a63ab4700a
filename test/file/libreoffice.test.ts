// End to end: the fixed copy written by `gouji check --fix safe`, opened by LibreOffice headless (the
// Debian package; .ci/run installs it), shows the new values in the formulas that depend on the fixed
// cell — the plain sums through the cached results Gouji wrote, and every formula once recalculated.
// Skips, saying why, where soffice is missing; fails instead when GOUJI_REQUIRE_SOFFICE=1 (CI).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

const SOURCE = join(__dirname, '..', 'fixtures', 'fidelity');

function findSoffice(): string | undefined {
  for (const c of ['soffice', 'libreoffice']) {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore', timeout: 60_000 });
      return c;
    } catch {
      /* not this one */
    }
  }
  return undefined;
}

const soffice = findSoffice();
if (!soffice) {
  if (process.env['GOUJI_REQUIRE_SOFFICE'] === '1') throw new Error('LibreOffice (soffice) is required here (GOUJI_REQUIRE_SOFFICE=1) but was not found');
  // eslint-disable-next-line no-console
  console.warn('test/file/libreoffice.test.ts skipped: soffice (LibreOffice) is not installed; apt-get install -y libreoffice-calc');
}

const work = mkdtempSync(join(tmpdir(), 'gouji-lo-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every sheet of a workbook as CSV rows, through LibreOffice with its own profile; `recalc` makes it recompute every formula on load. */
function sheetsAsCsv(file: string, recalc: boolean): Map<string, string[][]> {
  const profile = mkdtempSync(join(work, 'profile-'));
  if (recalc) {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
    );
  }
  const out = mkdtempSync(join(work, 'csv-'));
  // Filter options: comma, double quote, UTF-8, from row 1, …, the last (-1) one CSV file per sheet.
  execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) {
    const name = /-([^-]+)\.csv$/.exec(f)?.[1];
    if (name) sheets.set(name, readFileSync(join(out, f), 'utf8').split(/\r?\n/).map((line) => line.split(',')));
  }
  return sheets;
}

const cell = (sheets: Map<string, string[][]>, sheet: string, ref: string) => {
  const m = /^([A-Z])(\d+)$/.exec(ref)!;
  return sheets.get(sheet)?.[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
};

(soffice ? describe : describe.skip)('the fixed copy in LibreOffice', () => {
  it.each(['excel-rich.xlsx', 'libreoffice-rich.xlsm'])('%s: the formulas that read the fixed cell show its new value', async (name) => {
    const fixed = join(work, `fixed-${name}`);
    let out = '';
    const code = await run(['check', '--fix', 'safe', '-o', fixed, join(SOURCE, name)], (s) => (out += s + '\n'), () => undefined);
    expect(code).toBe(1);
    expect(out).toContain('预算表3!D4: 120.00 → 102.00');
    expect(out).toContain('预算表3!H4 =SUM(D4:E4) 由 170.00 变为 152.00');
    // As LibreOffice opens it by default (it does not recompute an Excel file on load): the cached results.
    const plain = sheetsAsCsv(fixed, false);
    expect(cell(plain, '预算表3', 'D4')).toBe('102');
    expect(cell(plain, '预算表3', 'H4')).toBe('152');
    expect(cell(plain, '预算表3', 'H5')).toBe('304');
    // Recomputing every formula on load (as Excel does, told by fullCalcOnLoad): the others follow too.
    const recalculated = sheetsAsCsv(fixed, true);
    expect(cell(recalculated, '预算表3', 'H4')).toBe('152');
    expect(cell(recalculated, '预算表3', 'H6')).toBe('0.6711');
    expect(cell(recalculated, '预算表9', 'B2')).toBe('102');
  });
});
