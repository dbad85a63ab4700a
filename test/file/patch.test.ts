// The package patcher on small hand-made packages: what a cell becomes, where new cells and rows go,
// shared formulas, notes on a sheet that has none, and the formula tools under it.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { formulaRefs, plainSum } from '../../src/file/patch/formula';
import { translateFormula } from '../../src/file/read/formula';
import { patchWorkbook } from '../../src/file/patch/patch';
import { SheetXml } from '../../src/file/patch/sheet-xml';
import { readWorkbookBytes } from '../../src/file/xlsx';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function book(sheetData: string, tail = '', strings: string[] = ['名称', '旧名']): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${NS}" xmlns:r="${R}"><sheetData>${sheetData}</sheetData>${tail}</worksheet>`),
    'xl/styles.xml': strToU8(`<styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf/><xf numFmtId="4"/></cellXfs><tableStyles count="0"/></styleSheet>`),
    'xl/sharedStrings.xml': strToU8(`<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
  });
}

const part = (bytes: Uint8Array, name: string) => {
  const files = unzipSync(bytes);
  return files[name] ? new TextDecoder().decode(files[name]) : undefined;
};

describe('cell writes', () => {
  it('a shared-string cell becomes an inline string with its style; a number is a number; other cells and sharedStrings untouched', async () => {
    const src = book('<row r="1"><c r="A1" s="1" t="s"><v>1</v></c><c r="B1" s="1"><v>5</v></c><c r="C1" t="s"><v>0</v></c></row>');
    const r = patchWorkbook(src, { writes: [{ sheet: '表', address: 'A1', value: { text: ' 一般 & 公共 ' } }, { sheet: '表', address: 'B1', value: { number: '548.27' } }] });
    const xml = part(r.bytes, 'xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve"> 一般 &amp; 公共 </t></is></c><c r="B1" s="1"><v>548.27</v></c><c r="C1" t="s"><v>0</v></c>');
    expect(part(r.bytes, 'xl/sharedStrings.xml')).toBe(part(src, 'xl/sharedStrings.xml'));
    const wb = await readWorkbookBytes(r.bytes, 'x.xlsx');
    expect(wb.sheets[0]!.cells[0]!.map((c) => c?.value)).toEqual([' 一般 & 公共 ', 548.27, '名称']);
  });

  it('inserts a missing cell in column order, a missing row in row order, and fills an empty row', () => {
    const src = book('<row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>4</v></c></row><row r="4" ht="20" customHeight="1"/><row r="9"><c r="A9"><v>9</v></c></row>');
    const r = patchWorkbook(src, {
      writes: [
        { sheet: '表', address: 'C2', value: { number: '3' } },
        { sheet: '表', address: 'B2', value: { number: '2' } },
        { sheet: '表', address: 'B4', value: { number: '40' } },
        { sheet: '表', address: 'A6', value: { number: '6' } },
        { sheet: '表', address: 'A12', value: { number: '12' } },
      ],
    });
    const sheet = new SheetXml(part(r.bytes, 'xl/worksheets/sheet1.xml')!);
    expect(sheet.rows().map((row) => [row.row + 1, sheet.cells(row).map((c) => c.col)])).toEqual([
      [2, [0, 1, 2, 3]],
      [4, [1]],
      [6, [0]],
      [9, [0]],
      [12, [0]],
    ]);
    expect(sheet.text).toContain('<row r="4" ht="20" customHeight="1"><c r="B4"><v>40</v></c></row>');
  });

  it('a formula edit writes <f> with its result; a shared formula child that sums the edited cell gets its new result', () => {
    const src = book(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C2" si="0">SUM(A1:B1)</f><v>3</v></c></row>' +
        '<row r="2"><c r="A2"><v>10</v></c><c r="B2"><v>20</v></c><c r="C2"><f t="shared" si="0"/><v>30</v></c></row>' +
        '<row r="3"><c r="C3"><f>C1+C2-A1</f><v>32</v></c></row>',
    );
    const r = patchWorkbook(src, { writes: [{ sheet: '表', address: 'B2', value: { number: '25.5' } }, { sheet: '表', address: 'D1', value: { number: '3' }, formula: 'A1+B1' }] });
    const xml = part(r.bytes, 'xl/worksheets/sheet1.xml')!;
    expect(xml).toContain('<c r="C2"><f t="shared" si="0"/><v>35.5</v></c>');
    expect(xml).toContain('<c r="C3"><f>C1+C2-A1</f><v>37.5</v></c>');
    expect(xml).toContain('<c r="D1"><f>A1+B1</f><v>3</v></c>');
    expect(r.dependents.map((d) => [d.address, d.formula, d.before, d.after])).toEqual([
      ['C2', 'SUM(A2:B2)', '30', '35.5'],
      ['C3', 'C1+C2-A1', '32', '37.5'],
    ]);
    // Recalculation on open: a calcPr added where the schema puts it.
    expect(part(r.bytes, 'xl/workbook.xml')).toContain('</sheets><calcPr fullCalcOnLoad="1"/></workbook>');
  });

  it('computes sums exactly in decimals (0.1 + 0.2 = 0.3)', () => {
    const src = book('<row r="1"><c r="A1"><v>0.1</v></c><c r="B1"><v>0.7</v></c><c r="C1"><f>SUM(A1:B1)</f><v>0.8</v></c></row>');
    const r = patchWorkbook(src, { writes: [{ sheet: '表', address: 'B1', value: { number: '0.2' } }] });
    expect(r.dependents[0]!.after).toBe('0.3');
  });
});

describe('notes on a sheet that has none', () => {
  it('adds a comments part, a VML drawing, the relationships, the content types and <legacyDrawing> in schema order', () => {
    const src = book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="0"/>`);
    const r = patchWorkbook(src, { notes: [{ sheet: '表', address: 'A1', text: '【错误】说明' }], marks: [{ sheet: '表', address: 'A1', severity: 'warning' }] });
    expect(r.addedParts).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet1.xml.rels']);
    const sheet = part(r.bytes, 'xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatch(/<\/sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>ISTEXT\(&quot;gouji:warning&quot;\)<\/formula><\/cfRule><\/conditionalFormatting><pageMargins [^>]*\/><legacyDrawing r:id="rId2"\/><tableParts count="0"\/>/);
    expect(part(r.bytes, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/vmlDrawing1.vml"');
    const ct = part(r.bytes, '[Content_Types].xml')!;
    expect(ct).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    expect(ct).toContain('<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    expect(part(r.bytes, 'xl/comments1.xml')).toContain('<authors><author>勾稽</author></authors>');
    expect(part(r.bytes, 'xl/drawings/vmlDrawing1.vml')).toMatch(/<x:Row>0<\/x:Row>\s*<x:Column>0<\/x:Column>/);
    expect(part(r.bytes, 'xl/styles.xml')).toContain('<dxfs count="1"><dxf><font><color rgb="FF9C5700"/></font><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf></dxfs><tableStyles count="0"/>');
  });

  it('leaves a cell with a threaded comment alone (its mark still added) and says so', () => {
    const src = book('<row r="1"><c r="A1"><v>1</v></c></row>');
    const files = unzipSync(src);
    files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`);
    files['xl/threadedComments/threadedComment1.xml'] = strToU8('<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A1" id="{1}" personId="{2}"><text>讨论</text></threadedComment></ThreadedComments>');
    const r = patchWorkbook(zipSync(files), { notes: [{ sheet: '表', address: 'A1', text: 'x' }], marks: [{ sheet: '表', address: 'A1', severity: 'error' }] });
    expect(r.notesSkipped).toEqual(['表!A1']);
    expect(r.addedParts).toEqual([]);
    expect(part(r.bytes, 'xl/worksheets/sheet1.xml')).toContain('gouji:error');
  });
});

describe('formulas', () => {
  it('finds the cells a formula reads, outside strings and function names, with sheet names', () => {
    expect(formulaRefs("SUM(D6:D9)+'预算 表'!$A$1+预算表3!B2+LOG10(C1)&\"A1\"")).toEqual([
      { r0: 5, c0: 3, r1: 8, c1: 3 },
      { sheet: '预算 表', r0: 0, c0: 0, r1: 0, c1: 0 },
      { sheet: '预算表3', r0: 1, c0: 1, r1: 1, c1: 1 },
      { r0: 0, c0: 2, r1: 0, c1: 2 },
    ]);
    expect(formulaRefs('SUM(C:C)')).toEqual([{ r0: 0, c0: 2, r1: 1048575, c1: 2 }]);
  });

  it('moves a shared formula to another cell, anchored parts kept', () => {
    expect(translateFormula('SUM(A1:B1)+$C$1+C$2+"A1"', 2, 1)).toBe('SUM(B3:C3)+$C$1+D$2+"A1"');
  });

  it('reads plain sums only', () => {
    expect(plainSum('SUM(D6:D9)-D10+2', '表')).toEqual([
      { sign: 1, kind: 'sum', args: [{ range: { r0: 5, c0: 3, r1: 8, c1: 3 } }] },
      { sign: -1, kind: 'cell', row: 9, col: 3 },
      { sign: 1, kind: 'number', number: '2' },
    ]);
    expect(plainSum('表!A1+表!A2', '表')).toHaveLength(2);
    for (const f of ['ROUND(A1,2)', 'A1*2', '其他!A1+A2', 'SUM(A1:A2)*2', 'A1:A3+1', '"x"']) expect(plainSum(f, '表')).toBeUndefined();
  });
});
