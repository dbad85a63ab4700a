// Copies that keep everything: the fixed and the annotated copies of rich workbooks (Excel's and
// LibreOffice's dialect, .xlsx and .xlsm; built by scripts/fidelity/build.ts) are the user's package plus
// exactly the intended changes, with real findings and fixes from the engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { fixAllSafe } from '../../src/core/fix-all';
import { workbookJson } from '../../src/core/report-json';
import { rawMembers, XlsxPackage } from '../../src/file/package/package';
import { SheetXml } from '../../src/file/patch/sheet-xml';
import { writeAnnotationsReport, writeEditsReport } from '../../src/file/write';
import { readWorkbookBytes } from '../../src/file/xlsx';

const DIR = join(__dirname, '..', 'fixtures', 'fidelity');
const FILES = ['excel-rich.xlsx', 'excel-rich.xlsm', 'libreoffice-rich.xlsx', 'libreoffice-rich.xlsm'];
const options = { catalogs: builtinCatalogs };

/** Every part's content (inflated), in zip order. */
function parts(bytes: Uint8Array): Map<string, Buffer> {
  const pkg = XlsxPackage.open(bytes);
  return new Map(pkg.entries.map((e) => [e.name, Buffer.from(pkg.bytes(e.name)!)]));
}

/** Each cell's XML text by address, and the sheet's text outside <sheetData>. */
function sheetCells(xml: string): { cells: Map<string, string>; outside: string } {
  const sheet = new SheetXml(xml);
  const cells = new Map<string, string>();
  for (const row of sheet.rows()) for (const c of sheet.cells(row)) cells.set(/\sr="([A-Z]+\d+)"/.exec(c.tag)![1]!, xml.slice(c.start, c.end));
  const end = xml.indexOf('</sheetData>') + '</sheetData>'.length;
  return { cells, outside: xml.slice(0, sheet.dataStart) + xml.slice(end) };
}

const text = (b: Buffer | undefined) => b!.toString('utf8');

async function prepared(file: string) {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  const wb = await readWorkbookBytes(bytes, file);
  const report = analyzeWorkbook(wb, options);
  const json = workbookJson(report, 'zh-CN');
  const { edits } = fixAllSafe(wb, report, options);
  const pkg = XlsxPackage.open(bytes);
  const sheetPart = pkg.sheets().find((s) => s.name === '预算表3')!.part!;
  return { bytes, json, edits, pkg, sheetPart, before: parts(bytes) };
}

describe.each(FILES)('%s', (file) => {
  it('--fix safe: only the edited cells, the plain sums that read them, calcPr and calcChain change', async () => {
    const { bytes, edits, sheetPart, before, pkg } = await prepared(file);
    expect(edits).toEqual([{ sheet: '预算表3', address: 'D4', before: '120.00', after: '102.00' }]);
    const result = await writeEditsReport(bytes, edits);
    const after = parts(result.bytes);
    const calcChain = pkg.workbookRelated('calcChain');
    // The part list, in order, bar calcChain.
    expect([...after.keys()]).toEqual([...before.keys()].filter((p) => p !== calcChain));
    expect(result.removedParts).toEqual(calcChain ? [calcChain] : []);
    // Every part that carries no edited cell is byte-identical, but the workbook (calcPr) and, with a calcChain, its relationship and content type.
    const allowed = new Set([sheetPart, 'xl/workbook.xml', ...(calcChain ? ['xl/_rels/workbook.xml.rels', '[Content_Types].xml'] : [])]);
    for (const [name, content] of after) if (!allowed.has(name)) expect({ name, same: content.equals(before.get(name)!) }).toEqual({ name, same: true });
    if (calcChain) {
      expect(text(after.get('xl/_rels/workbook.xml.rels'))).toBe(text(before.get('xl/_rels/workbook.xml.rels')).replace(/<Relationship [^>]*calcChain[^>]*\/>/, ''));
      expect(text(after.get('[Content_Types].xml'))).toBe(text(before.get('[Content_Types].xml')).replace(/<Override [^>]*calcChain[^>]*\/>/, ''));
    }
    // The workbook: recalculation on open, its other calcPr attributes kept; names, protection, sheets as they were.
    const wbBefore = text(before.get('xl/workbook.xml'));
    const wbAfter = text(after.get('xl/workbook.xml'));
    expect(wbAfter.replace(/<calcPr[^>]*\/>/, '')).toBe(wbBefore.replace(/<calcPr[^>]*\/>/, ''));
    const calcPr = /<calcPr[^>]*\/>/.exec(wbAfter)![0];
    expect(calcPr).toContain('fullCalcOnLoad="1"');
    expect(calcPr.replace(' fullCalcOnLoad="1"', '')).toBe(/<calcPr[^>]*\/>/.exec(wbBefore)![0]);
    // (so the names too: the two sheet-local 本表合计, the constant, print area and titles, as written)
    expect(wbAfter.match(/name="本表合计"/g)).toHaveLength(2);
    // The sheet: every cell but D4 and the two sums above it byte-identical; everything outside the cells identical.
    const s0 = sheetCells(text(before.get(sheetPart)));
    const s1 = sheetCells(text(after.get(sheetPart)));
    expect(s1.outside).toBe(s0.outside);
    expect([...s1.cells.keys()]).toEqual([...s0.cells.keys()]);
    const differing = [...s0.cells].filter(([ref, xml]) => s1.cells.get(ref) !== xml).map(([ref]) => ref);
    expect(differing).toEqual(['D4', 'H4', 'H5']);
    expect(result.changedCells).toEqual(['预算表3!D4', '预算表3!H4', '预算表3!H5']);
    // D4 keeps its style (the user's fill) and holds the number; the sums keep their formulas with new results.
    const style = /\ss="(\d+)"/.exec(s0.cells.get('D4')!)![1];
    expect(s1.cells.get('D4')).toMatch(new RegExp(`^<c r="D4" s="${style}"><v>102</v></c>$`));
    expect(s1.cells.get('H4')).toMatch(/<f[^>]*>SUM\(D4:E4\)<\/f><v>152<\/v>/);
    expect(s1.cells.get('H5')).toMatch(/<f[^>]*>H4\+H4<\/f><v>304<\/v>/);
    expect(s1.outside).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    expect(s1.outside).toMatch(/<hyperlink [^>]*location="(?:'|&apos;)预算表9(?:'|&apos;)!A1"/);
    // Which formulas depend on D4: the two sums with their new results, the rest recomputed on open.
    expect(result.dependents).toEqual([
      { sheet: '预算表3', address: 'H4', formula: 'SUM(D4:E4)', before: '170', after: '152' },
      { sheet: '预算表3', address: 'H5', formula: 'H4+H4', before: '340', after: '304' },
      { sheet: '预算表3', address: 'H6', formula: 'ROUND(D4/C4,4)', before: '0.7895' },
      { sheet: '预算表9', address: 'B2', formula: '预算表3!D4', before: '120' },
    ]);
    // Stored members stay stored, deflated ones deflated.
    const methods = (b: Uint8Array) => new Map(rawMembers(b)!.map((m) => [m.name, m.compression]));
    const m0 = methods(bytes);
    for (const [name, method] of methods(result.bytes)) expect({ name, method }).toEqual({ name, method: m0.get(name) });
    // The copy reads back with the mistake gone and nothing new.
    const fixed = analyzeWorkbook(await readWorkbookBytes(result.bytes, file), options);
    expect(fixed.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('--annotate: the marks and notes are added; the cells, the user\'s notes, fills and formats stay', async () => {
    const { bytes, json, sheetPart, before, pkg } = await prepared(file);
    expect(json.findings.map((f) => `${f.cells[0]!.address} ${f.severity}`)).toEqual(['C4 error', 'D4 error']);
    const result = await writeAnnotationsReport(bytes, json.findings, 'zh-CN');
    const after = parts(result.bytes);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const sheetRels = pkg.relationships(sheetPart);
    const comments = sheetRels.find((r) => r.type.endsWith('/comments'))!.part;
    const vml = sheetRels.find((r) => r.type.endsWith('/vmlDrawing'))!.part;
    const styles = pkg.workbookRelated('styles')!;
    const allowed = new Set([sheetPart, comments, vml, styles]);
    for (const [name, content] of after) if (!allowed.has(name)) expect({ name, same: content.equals(before.get(name)!) }).toEqual({ name, same: true });
    // The sheet: every cell identical; one rule added after the user's own conditional format, which stays.
    const s0 = sheetCells(text(before.get(sheetPart)));
    const s1 = sheetCells(text(after.get(sheetPart)));
    expect(s1.cells).toEqual(s0.cells);
    const rule = /<conditionalFormatting sqref="C4 D4"><cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><formula>ISTEXT\(&quot;gouji:error&quot;\)<\/formula><\/cfRule><\/conditionalFormatting>/.exec(s1.outside)!;
    expect(s1.outside.replace(rule[0], '')).toBe(s0.outside);
    expect(s1.outside).toMatch(/<conditionalFormatting sqref="C5:E11"><cfRule type="cellIs" [^>]*dxfId="0"/);
    // styles.xml: the user's fills, cell formats and named styles untouched; one differential format appended.
    const st0 = text(before.get(styles));
    const st1 = text(after.get(styles));
    for (const el of ['fills', 'cellXfs', 'cellStyles', 'fonts', 'borders']) expect(new RegExp(`<${el}[ >][\\s\\S]*?</${el}>`).exec(st1)![0]).toBe(new RegExp(`<${el}[ >][\\s\\S]*?</${el}>`).exec(st0)![0]);
    const dxfs = [...st1.matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)];
    expect(dxfs).toHaveLength(2);
    expect(Number(rule[1])).toBe(1);
    expect(dxfs[1]![1]).toContain('<bgColor rgb="FFFFC7CE"/>');
    expect(st1.replace(dxfs[1]![0], '').replace(/<dxfs count="2">/, '<dxfs count="1">')).toBe(st0);
    // Notes: the user's authors and texts still there; Gouji's text after 张会计's on D4, and a new note on C4 by 勾稽.
    const c0 = text(before.get(comments));
    const c1 = text(after.get(comments));
    const authors = (x: string) => [.../<authors>([\s\S]*?)<\/authors>/.exec(x)![1]!.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
    expect(authors(c1)).toEqual([...authors(c0), '勾稽']);
    const noteOf = (x: string, ref: string) => {
      const m = new RegExp(`<comment ref="${ref}" authorId="(\\d+)"[^>]*>([\\s\\S]*?)</comment>`).exec(x);
      return m ? { author: authors(x)[Number(m[1])], text: [...m[2]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('') } : undefined;
    };
    for (const ref of ['B5', 'D4']) {
      const was = noteOf(c0, ref)!;
      const now = noteOf(c1, ref)!;
      expect(now.author).toBe(was.author);
      expect(now.text.startsWith(was.text)).toBe(true);
    }
    expect(noteOf(c1, 'B5')).toEqual(noteOf(c0, 'B5'));
    expect(noteOf(c1, 'D4')!.text).toMatch(/勾稽:\n【错误 · 合计行】“合计”行的“基本支出”为 120\.00[\s\S]*→ 将 D4 改为 102\.00/);
    expect(noteOf(c1, 'C4')).toEqual({ author: '勾稽', text: expect.stringContaining('【错误 · 行内合计】') });
    // The note boxes: the user's shapes kept as they were, one box added for C4 (row 3, column 2).
    const v0 = text(before.get(vml));
    const v1 = text(after.get(vml));
    expect(v1.startsWith(v0.slice(0, v0.lastIndexOf('</xml>')))).toBe(true);
    expect(v1.slice(v0.lastIndexOf('</xml>'))).toMatch(/<x:ClientData ObjectType="Note">[\s\S]*<x:Row>3<\/x:Row>\s*<x:Column>2<\/x:Column>/);
    // Annotating changes no value: no recalculation asked, calcChain kept.
    expect(result.removedParts).toEqual([]);
    expect(result.dependents).toEqual([]);
  });

  if (file.endsWith('.xlsm')) {
    it('keeps the macros: the VBA project and the macro-enabled content type as they were', async () => {
      const { bytes, edits, json, before } = await prepared(file);
      for (const result of [await writeEditsReport(bytes, edits), await writeAnnotationsReport(bytes, json.findings, 'en-US')]) {
        const after = parts(result.bytes);
        expect(after.get('xl/vbaProject.bin')!.equals(before.get('xl/vbaProject.bin')!)).toBe(true);
        expect(text(after.get('[Content_Types].xml'))).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
        expect(text(after.get('xl/_rels/workbook.xml.rels'))).toMatch(/relationships\/vbaProject" Target="vbaProject.bin"/);
      }
    });
  }
});
