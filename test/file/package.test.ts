import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { attributes, PackageError, relsPartOf, resolveTarget, xmlUnescape, XlsxPackage } from '../../src/file/package/package';

const FIXTURE = join(__dirname, '..', 'fixtures', '000-yanbian-zhengwu-2024.xlsx');

describe('the workbook package', () => {
  it('lists the sheets of a fixture through the relationships, with their parts', () => {
    const pkg = XlsxPackage.open(new Uint8Array(readFileSync(FIXTURE)));
    const sheets = pkg.sheets();
    expect(sheets.length).toBeGreaterThan(10);
    expect(sheets[0]!.name).toBe('预算表1');
    for (const s of sheets) {
      expect(s.isWorksheet).toBe(true);
      expect(pkg.has(s.part!)).toBe(true);
    }
    expect(pkg.workbookRelated('sharedStrings') ?? pkg.workbookRelated('styles')).toMatch(/^xl\//);
    expect(pkg.entries.map((e) => e.name)).toContain('[Content_Types].xml');
  });

  it('resolves relative, absolute and parent targets, prefixed elements and strict relationship types', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(relsPartOf('')).toBe('_rels/.rels');
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(xmlUnescape('A&amp;B &#x4e00;&#20108; &lt;')).toBe('A&B 一二 <');
    expect(attributes('<x:sheet name="a&amp;b" sheetId="3" r:id="rId7" state="hidden"/>')).toMatchObject({ name: 'a&b', sheetId: '3', 'r:id': 'rId7', id: 'rId7', state: 'hidden' });
    const strict = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const bytes = zipSync({
      '_rels/.rels': strToU8(`<Relationships><Relationship Id="r1" Type="${strict}/officeDocument" Target="/book/main.xml"/></Relationships>`),
      'book/main.xml': strToU8('<x:workbook xmlns:x="s"><x:sheets><x:sheet name="表1" sheetId="1" r:id="rA"/><x:sheet name="图" sheetId="2" r:id="rB" state="veryHidden"/></x:sheets></x:workbook>'),
      'book/_rels/main.xml.rels': strToU8(`<Relationships><Relationship Id="rA" Type="${strict}/worksheet" Target="s/one.xml"/><Relationship Id="rB" Type="${strict}/chartsheet" Target="c/two.xml"/></Relationships>`),
      'book/s/one.xml': strToU8('<worksheet/>'),
    });
    const pkg = XlsxPackage.open(bytes);
    expect(pkg.workbookPart()).toBe('book/main.xml');
    expect(pkg.sheets()).toEqual([
      { name: '表1', sheetId: '1', rId: 'rA', state: 'visible', part: 'book/s/one.xml', isWorksheet: true },
      { name: '图', sheetId: '2', rId: 'rB', state: 'veryHidden', part: 'book/c/two.xml', isWorksheet: false },
    ]);
  });

  it('refuses bytes that are not a zip, and a zip without a workbook, with a sentence in Chinese', () => {
    expect(() => XlsxPackage.open(strToU8('not a workbook at all'))).toThrow(PackageError);
    try {
      XlsxPackage.open(strToU8('not a workbook'));
    } catch (e) {
      expect((e as PackageError).zh).toMatch(/不是有效的 Excel 工作簿/);
    }
    const empty = XlsxPackage.open(zipSync({ 'a.txt': strToU8('x') }));
    expect(() => empty.workbookPart()).toThrow(/no workbook part/);
  });
});
