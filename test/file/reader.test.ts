// The values-only reader (src/file/read, through readWorkbookBytes): the same grid as the former ExcelJS
// reader wherever ExcelJS reads a workbook as Excel does, on every fixture, a generated consolidated
// workbook and the fuzz test's hostile workbooks; the dialects of other programs, read as Excel reads them
// (explicit expectations where ExcelJS is wrong); and plain Chinese for files that cannot be opened.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { rectA1, type Cell, type Workbook } from '../../src/core/grid/grid';
import { MAX_MERGE_CELLS, readWorkbookBytes, WorkbookReadError } from '../../src/file/xlsx';
import { generateConsolidated, layoutToWorkbook, writeLayoutXlsx } from '../../scripts/generate-workbook';
import { readWorkbookBytesExcelJS } from '../support/exceljs-reader';
import { smallSummary, xlsxBytes } from '../support/generate';
import { compoundFile, handXlsx, sst, styles, worksheet } from '../support/hand-xlsx';

const FIXTURES = join(__dirname, '..', 'fixtures');
const FIXTURE_FILES = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();

jest.setTimeout(120_000);

/** ExcelJS writes `General` for a format named so and drops the backslashes of a format code; Excel does neither. */
const normalFormat = (f: string | undefined) => (f === undefined || f.toLowerCase() === 'general' ? undefined : f.replace(/\\(.)/g, '$1'));

/**
 * A grid in a form two readers can be compared in: merges as a sorted list, hidden rows only where the row
 * holds cells (ExcelJS sees no row without a value), number formats as ExcelJS gives them.
 */
function comparable(wb: Workbook) {
  return wb.sheets.map((s) => ({
    name: s.name,
    rowCount: s.rowCount,
    colCount: s.colCount,
    merges: s.merges.map(rectA1).sort(),
    hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
    hiddenRows: [...s.hiddenRows].filter((r) => s.cells[r]?.some(Boolean)).sort((a, b) => a - b),
    cells: s.cells.flatMap((line) => (line ? line.filter((c): c is Cell => c !== undefined).map((c) => ({ ...c, numFmt: normalFormat(c.numFmt) })) : [])),
  }));
}

async function expectSameAsExcelJS(bytes: Uint8Array, name: string): Promise<Workbook> {
  const ours = await readWorkbookBytes(bytes, name);
  const reference = await readWorkbookBytesExcelJS(bytes, name);
  expect(comparable(ours)).toEqual(comparable(reference));
  // Hidden rows: every one ExcelJS sees, and beyond them only rows without cells.
  ours.sheets.forEach((s, i) => {
    for (const r of reference.sheets[i]!.hiddenRows) expect(s.hiddenRows.has(r)).toBe(true);
  });
  return ours;
}

/** Reads bytes that must be refused; returns the error. */
async function refused(bytes: Uint8Array, name = 'bad.xlsx'): Promise<WorkbookReadError> {
  try {
    await readWorkbookBytes(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    const err = e as WorkbookReadError;
    expect(err.file).toBe(name);
    expect(err.zh).toMatch(/^无法打开文件：/);
    expect(err.en).toMatch(/^cannot open the file: /);
    // Never a library's message, a stack or a URL in the Chinese sentence.
    expect(err.zh).not.toMatch(/https?:|invalid|unexpected|zip data|Error|\bat\b/i);
    return err;
  }
  throw new Error('the bytes were read, not refused');
}

/** The single sheet of a hand-written workbook, read. */
async function readOne(xml: string, extra: { sharedStrings?: string; styles?: string; workbookPr?: string } = {}) {
  const wb = await readWorkbookBytes(handXlsx({ sheets: [{ name: 'S', xml }], ...extra }), 'hand.xlsx');
  expect(wb.sheets).toHaveLength(1);
  return wb.sheets[0]!;
}

const valueAt = (s: { cells: Workbook['sheets'][number]['cells'] }, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.cells[Number(m[2]) - 1]?.[col - 1];
};

// ---------------------------------------------------------------------------------------------

describe('the same grid as the ExcelJS reader', () => {
  it.each(FIXTURE_FILES)('fixture %s', async (file) => {
    const wb = await expectSameAsExcelJS(new Uint8Array(readFileSync(join(FIXTURES, file))), file);
    expect(wb.sheets.length).toBeGreaterThan(5);
  });

  it('a generated consolidated workbook (20,000 rows): the grid it was written from, and ExcelJS’s', async () => {
    const layout = generateConsolidated({ rows: 20_000, seed: 7 });
    const dir = mkdtempSync(join(tmpdir(), 'gouji-reader-'));
    try {
      const file = await writeLayoutXlsx(layout, join(dir, 'consolidated.xlsx'));
      const bytes = new Uint8Array(readFileSync(file));
      const ours = await expectSameAsExcelJS(bytes, 'consolidated.xlsx');
      const expected = layoutToWorkbook(layout);
      expect(ours.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
      ours.sheets.forEach((s, i) => {
        const e = expected.sheets[i]!;
        expect({ rows: s.rowCount, cols: s.colCount, merges: s.merges }).toEqual({ rows: e.rowCount, cols: e.colCount, merges: e.merges });
        expect(s.cells).toEqual(e.cells);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The workbooks of test/fuzz/hostile-inputs.test.ts that ExcelJS reads.
  const hostile: Array<[string, () => Promise<Uint8Array>]> = [
    ['an empty workbook', () => xlsxBytes(() => undefined)],
    ['one empty sheet', () => xlsxBytes((wb) => wb.addWorksheet('Sheet1'))],
    ['a title a thousand times', () => xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      for (let r = 1; r <= 2000; r += 2) ws.getCell(r, 1).value = r % 4 === 1 ? '支出总表（预算表3）' : '项目支出绩效目标表';
    })],
    ['formulas returning errors', () => xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      smallSummary(ws);
      ws.getCell('C4').value = { formula: 'SUM(C9:C99)', result: { error: '#REF!' } } as never;
      ws.getCell('D5').value = { formula: 'D4/0', result: { error: '#DIV/0!' } } as never;
      ws.getCell('E5').value = { formula: 'VLOOKUP(1,Z1:Z2,2,0)', result: { error: '#N/A' } } as never;
      ws.getCell('C6').value = { formula: '"a"+1', result: { error: '#VALUE!' } } as never;
      ws.getCell('C7').value = { formula: 'C4+C5', result: 25 } as never;
      ws.getCell('C8').value = { formula: 'B4&"x"', result: '合计x' } as never;
      ws.getCell('C9').value = { formula: 'NOW()' } as never;
    })],
    ['HTML, script and = text, in sheet names too', () => xlsxBytes((wb) => {
      const ws = wb.addWorksheet('<img src=x onerror=alert(1)>');
      smallSummary(ws);
      ws.getCell('A2').value = '预算单位：<script>alert(1)</script>';
      ws.getCell('B5').value = '=HYPERLINK("http://x","y") & <b>';
      wb.addWorksheet('=SUM(A1)').getCell('A1').value = "=cmd|' /C calc'!A0";
    })],
    ['very long strings', () => xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      smallSummary(ws);
      ws.getCell('B5').value = '长'.repeat(32_767);
      ws.getCell('A6').value = '2'.repeat(5000);
      ws.getCell('C6').value = `${'1'.repeat(400)}.5`;
    })],
    ['10,000 columns in one row', () => xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      smallSummary(ws);
      for (let c = 1; c <= 10_000; c++) ws.getCell(6, c).value = c;
    })],
    ['a cell in row 1,048,576', () => xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      smallSummary(ws);
      ws.getCell('A1048576').value = '行政运行';
    })],
    ['merges, hidden rows and columns, hidden and very hidden sheets, rich text, dates, booleans', () => xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      smallSummary(ws);
      ws.mergeCells('A1:E1');
      ws.mergeCells('A10:B12');
      ws.getCell('B11').value = 'under a merge';
      ws.getRow(5).hidden = true;
      ws.getColumn(4).hidden = true;
      ws.getCell('A8').value = { richText: [{ text: '一般' }, { text: '公共', font: { bold: true } }, { text: '服务' }] };
      ws.getCell('B8').value = new Date(Date.UTC(2024, 0, 15));
      ws.getCell('C8').value = true;
      ws.getCell('D8').value = false;
      ws.getCell('E8').value = 0.125;
      ws.getCell('E8').numFmt = '0.00%';
      ws.getCell('F8').value = 1284.21;
      ws.getCell('F8').numFmt = '#,##0.00_);[Red]\\(#,##0.00\\)';
      ws.getCell('G8').value = '  前后空格  ';
      ws.getCell('H8').value = '第一行\r\n第二行';
      wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 1;
      wb.addWorksheet('很隐藏', { state: 'veryHidden' }).getCell('A1').value = 2;
    })],
  ];
  it.each(hostile)('%s', async (_, make) => {
    await expectSameAsExcelJS(await make(), 'hostile.xlsx');
  });

  it('a merge, hidden sheets, a date and a formula, as the grid says', async () => {
    const wb = await expectSameAsExcelJS(await hostile[8]![1](), 'x.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['S', '隐藏']);
    const s = wb.sheets[0]!;
    expect(valueAt(s, 'B11')).toBeUndefined();
    expect(valueAt(s, 'B8')?.value).toBe('2024-01-15');
    expect(valueAt(s, 'A8')?.value).toBe('一般公共服务');
    expect(s.hiddenRows.has(4)).toBe(true);
    expect(s.hiddenCols.has(3)).toBe(true);
    expect(valueAt(s, 'F8')?.numFmt).toBe('#,##0.00_);[Red]\\(#,##0.00\\)');
  });
});

// ---------------------------------------------------------------------------------------------

describe('what other programs write, read as Excel reads it', () => {
  it('LibreOffice’s booleans (true/false) and Excel’s (1/0)', async () => {
    const s = await readOne(worksheet('<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>false</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c></row>'));
    // ExcelJS reads "false" as true (parseInt("false") is NaN, and NaN !== 0).
    expect(s.cells[0]!.map((c) => c?.value)).toEqual([true, false, true, false]);
  });

  it('inline strings: plain, rich runs, phonetic runs left out, escapes, whitespace kept, CDATA', async () => {
    const s = await readOne(
      worksheet(
        '<row r="1">' +
          '<c r="A1" t="inlineStr"><is><t>预算表3</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>一般</t></r><r><t xml:space="preserve"> 公共 </t></r></is></c>' +
          '<c r="C1" t="inlineStr"><is><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></is></c>' +
          '<c r="D1" t="inlineStr"><is><t>a_x000D_b_x005F_x000D_c &amp; &lt;d&gt; &#x4e00;</t></is></c>' +
          '<c r="E1" t="inlineStr"><is><t xml:space="preserve">  两端  </t></is></c>' +
          '<c r="F1" t="inlineStr"><is><t><![CDATA[<原样> & 保留]]></t></is></c>' +
          '<c r="G1" t="inlineStr"><is><t>第一行\r\n第二行</t></is></c>' +
          '</row>',
      ),
    );
    expect(s.cells[0]!.map((c) => c?.value)).toEqual(['预算表3', '一般 公共 ', '東京', 'a\rb_x000D_c & <d> 一', '  两端  ', '<原样> & 保留', '第一行\n第二行']);
  });

  it('shared strings: rich runs joined, phonetic runs left out, escapes, empty strings', async () => {
    const s = await readOne(
      worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>99</v></c></row>'),
      {
        sharedStrings: sst([
          '<t>合计</t>',
          '<r><t>一般公共</t></r><r><rPr><i/></rPr><t>服务支出</t></r>',
          '<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
          '<t>x_x000A_y</t>',
          '<t/>',
        ]),
      },
    );
    // An index past the table (F1) is no value.
    expect(s.cells[0]!.map((c) => c?.value)).toEqual(['合计', '一般公共服务支出', '東京', 'x\ny', '']);
  });

  it('formula strings (t="str"), errors, numbers in every form', async () => {
    const s = await readOne(
      worksheet(
        '<row r="1">' +
          '<c r="A1" t="str"><f>B1&amp;"局"</f><v>示例&amp;局</v></c>' +
          '<c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
          '<c r="C1" t="e"><v>#N/A</v></c>' +
          '<c r="D1"><v>1E-3</v></c>' +
          '<c r="E1"><v>-0.5</v></c>' +
          '<c r="F1"><v>1.2345678901234567</v></c>' +
          '<c r="G1"><v> 42 </v></c>' +
          '<c r="H1" t="n"><v>4268983.82</v></c>' +
          '<c r="I1"><v>12345678901234567890</v></c>' +
          '<c r="J1"><f>SUM(D1:H1)</f></c>' +
          '<c r="K1"><v></v></c>' +
          '</row>',
      ),
    );
    const [a, b, c, d, e, f, g, h, i, j, k] = [...s.cells[0]!];
    expect(a).toEqual({ row: 0, col: 0, value: '示例&局', formula: 'B1&"局"' });
    expect(b).toEqual({ row: 0, col: 1, value: { error: '#DIV/0!' }, formula: '1/0' });
    expect(c?.value).toEqual({ error: '#N/A' });
    expect([d?.value, e?.value, f?.value, g?.value, h?.value, i?.value]).toEqual([0.001, -0.5, 1.2345678901234567, 42, 4268983.82, 12345678901234567890]);
    expect(j).toEqual({ row: 0, col: 9, value: null, formula: 'SUM(D1:H1)' });
    expect(k).toBeUndefined();
  });

  it('numbers read in place are the doubles parseFloat gives', async () => {
    const texts: string[] = [];
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const digits = String(x % 10 ** (1 + (i % 15)));
      const point = i % (digits.length + 1);
      texts.push(`${i % 3 === 0 ? '-' : ''}${digits.slice(0, point) || '0'}${point < digits.length ? `.${digits.slice(point)}` : ''}`);
    }
    texts.push('0.1', '0.2', '0.30000000000000004', '999999999999999', '9007199254740993', '1.7976931348623157e308', '5e-324', '-0', '00012.50', '.5', '5.');
    const s = await readOne(worksheet(texts.map((t, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${t}</v></c></row>`).join('')));
    texts.forEach((t, r) => expect(Object.is(s.cells[r]?.[0]?.value, parseFloat(t))).toBe(true));
  });

  it('strict OOXML namespaces and prefixed elements (<x:c>)', async () => {
    const rows = '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>12.5</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>行内</x:t></x:is></x:c></x:row>';
    const bytes = handXlsx({
      strict: true,
      prefix: 'x',
      sheets: [{ name: '严格', xml: worksheet(rows, { prefix: 'x', strict: true, tail: '<x:mergeCells count="1"><x:mergeCell ref="A2:C2"/></x:mergeCells>' }) }],
      sharedStrings: sst(['<x:t>合计</x:t>'], { prefix: 'x', strict: true }),
    });
    const wb = await readWorkbookBytes(bytes, 'strict.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['严格']);
    const s = wb.sheets[0]!;
    expect(s.cells[0]!.map((c) => c?.value)).toEqual(['合计', 12.5, '行内']);
    expect(s.merges).toEqual([{ r0: 1, c0: 0, r1: 1, c1: 2 }]);
    expect([s.rowCount, s.colCount]).toEqual([2, 3]);
  });

  it('rows and cells without r are placed by order', async () => {
    const s = await readOne(worksheet('<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="4"><c><v>41</v></c></row><row><c r="B5"><v>52</v></c><c><v>53</v></c></row>'));
    expect(valueAt(s, 'A1')?.value).toBe(1);
    expect(valueAt(s, 'B1')?.value).toBe(2);
    expect(valueAt(s, 'E1')?.value).toBe(5);
    expect(valueAt(s, 'F1')?.value).toBe(6);
    expect(valueAt(s, 'A4')?.value).toBe(41);
    expect(valueAt(s, 'B5')?.value).toBe(52);
    expect(valueAt(s, 'C5')?.value).toBe(53);
    expect(valueAt(s, 'F5')).toBeUndefined();
    expect([s.rowCount, s.colCount]).toEqual([5, 6]);
  });

  it('shared formulas: each cell gets its own formula, relative references moved as Excel moves them', async () => {
    const xml = worksheet(
      '<row r="2"><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c><c r="D2"><f t="shared" ref="D2:D4" si="0">B2+C2*$B$2+SUM(B$2:C2)+\'预算表 1\'!A2+"A1"</f><v>9</v></c><c r="E2"><f t="shared" ref="E2:G2" si="1">SUM(B:B)+ROW(2:2)+LOG10(B2)+Sheet2!A1</f><v>3</v></c><c r="F2"><f t="shared" si="1"/><v>3</v></c><c r="G2"><f t="shared" si="1"/><v>3</v></c></row>' +
        '<row r="3"><c r="D3"><f t="shared" si="0"/><v>0</v></c></row>' +
        '<row r="4"><c r="D4"><f t="shared" si="0"/><v>0</v></c></row>' +
        '<row r="5"><c r="A5"><f t="shared" ref="A5:A6" si="2">A4-1</f><v>0</v></c></row>' +
        '<row r="6"><c r="A6"><f t="shared" si="2"/><v>0</v></c><c r="B6"><f t="shared" si="7"/><v>8</v></c></row>',
    );
    const s = await readOne(xml);
    expect(valueAt(s, 'D2')?.formula).toBe('B2+C2*$B$2+SUM(B$2:C2)+\'预算表 1\'!A2+"A1"');
    expect(valueAt(s, 'D3')?.formula).toBe('B3+C3*$B$2+SUM(B$2:C3)+\'预算表 1\'!A3+"A1"');
    expect(valueAt(s, 'D4')?.formula).toBe('B4+C4*$B$2+SUM(B$2:C4)+\'预算表 1\'!A4+"A1"');
    expect(valueAt(s, 'F2')?.formula).toBe('SUM(C:C)+ROW(2:2)+LOG10(C2)+Sheet2!B1');
    expect(valueAt(s, 'G2')?.formula).toBe('SUM(D:D)+ROW(2:2)+LOG10(D2)+Sheet2!C1');
    expect(valueAt(s, 'A6')?.formula).toBe('A5-1');
    // A cell naming a shared formula that was never given keeps its value and no formula.
    expect(valueAt(s, 'B6')).toEqual({ row: 5, col: 1, value: 8 });
    // ExcelJS gives the first cell's address instead of the formula (`D2` for D3): wrong, and why this is explicit.
    const reference = await readWorkbookBytesExcelJS(handXlsx({ sheets: [{ name: 'S', xml }] }), 'x.xlsx');
    expect(valueAt(reference.sheets[0]!, 'D3')?.formula).toBe('D2');
  });

  it('a reference moved off the sheet becomes #REF!, as in Excel', async () => {
    const s = await readOne(worksheet('<row r="2"><c r="B2"><f t="shared" ref="B2:C2" si="0">XFD1+A1</f><v>0</v></c><c r="C2"><f t="shared" si="0"/><v>0</v></c></row>'));
    expect(valueAt(s, 'C2')?.formula).toBe('#REF!+B1');
  });

  it('array formulas: the formula on the first cell, the others keep their values', async () => {
    const s = await readOne(worksheet('<row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2*2</f><v>2</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>2</v></c></row>'));
    expect(valueAt(s, 'A1')).toEqual({ row: 0, col: 0, value: 2, formula: 'B1:B2*2' });
    expect(valueAt(s, 'A2')).toEqual({ row: 1, col: 0, value: 4 });
  });

  it('dates: built-in and custom date formats (the zh-CN built-ins too), 1904 dates, ISO date cells; amounts stay numbers', async () => {
    const rows =
      '<row r="1"><c r="A1" s="1"><v>45306</v></c><c r="B1" s="2"><v>45306.75</v></c><c r="C1" s="3"><v>45306</v></c><c r="D1" s="4"><v>1284.21</v></c><c r="E1" s="5"><v>0.125</v></c><c r="F1" t="d"><v>2024-01-15T00:00:00Z</v></c><c r="G1" s="1"><f>DATE(2024,1,15)</f><v>45306</v></c><c r="H1" s="6"><v>1284.21</v></c></row>';
    const style = styles({ 176: 'yyyy"年"m"月"d"日"', 177: '#,##0.00"万元"', 178: '[Red]#,##0.00;[Blue]\\-#,##0.00' }, [0, 14, 176, 31, 177, 10, 178]);
    const s = await readOne(worksheet(rows), { styles: style });
    expect(s.cells[0]!.map((c) => c?.value)).toEqual(['2024-01-15', '2024-01-15', '2024-01-15', 1284.21, 0.125, '2024-01-15', '2024-01-15', 1284.21]);
    expect(s.cells[0]!.map((c) => c?.numFmt)).toEqual(['mm-dd-yy', 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"d"日"', '#,##0.00"万元"', '0.00%', undefined, 'mm-dd-yy', '[Red]#,##0.00;[Blue]\\-#,##0.00']);
    const old = await readOne(worksheet('<row r="1"><c r="A1" s="1"><v>43844</v></c></row>'), { styles: style, workbookPr: 'date1904="1"' });
    expect(old.cells[0]![0]!.value).toBe('2024-01-15');
  });

  it('merges: the anchor keeps its value, the other cells of the area are skipped even with values', async () => {
    const s = await readOne(
      worksheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c><c r="C2"><v>5</v></c></row>', {
        tail: '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D5:E9"/></mergeCells>',
      }),
    );
    expect(s.cells.flat().filter(Boolean).map((c) => c!.value)).toEqual([1, 5]);
    expect([s.rowCount, s.colCount]).toEqual([9, 5]);
  });

  it('hidden rows and column ranges, LibreOffice’s true/false too', async () => {
    const s = await readOne(
      worksheet('<row r="1" hidden="true"><c r="A1"><v>1</v></c></row><row r="2" hidden="false"><c r="A2"><v>2</v></c></row><row r="3" hidden="1"/><row r="4"><c r="A4"><v>4</v></c></row><row r="9" hidden="1"/>', {
        head: '<cols><col min="2" max="3" width="9" hidden="1"/><col min="4" max="4" hidden="false"/><col min="6" max="7" hidden="true"/></cols>',
      }),
    );
    // Row 9 is past the used range (4 rows).
    expect([...s.hiddenRows].sort()).toEqual([0, 2]);
    expect([...s.hiddenCols].sort()).toEqual([1, 2, 5, 6]);
  });

  it('hidden sheets are kept, very hidden ones, chartsheets and dialog sheets are not', async () => {
    const cell = worksheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const wb = await readWorkbookBytes(
      handXlsx({
        sheets: [
          { name: '可见', xml: cell },
          { name: '隐藏', xml: cell, state: 'hidden' },
          { name: '很隐藏', xml: cell, state: 'veryHidden' },
          { name: '图表', xml: '<chartsheet/>', kind: 'chartsheet' },
          { name: '对话框', xml: '<dialogsheet/>', kind: 'dialogsheet' },
        ],
      }),
      'x.xlsx',
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['可见', '隐藏']);
  });

  it('a workbook without worksheets, and sheets without cells, read as empty', async () => {
    expect((await readWorkbookBytes(handXlsx({ sheets: [] }), 'none.xlsx')).sheets).toEqual([]);
    const empty = await readWorkbookBytes(handXlsx({ sheets: [{ name: 'A', xml: worksheet('') }, { name: 'B', xml: '<worksheet xmlns="x"><sheetData/></worksheet>' }, { name: 'C', xml: '<worksheet/>' }] }), 'empty.xlsx');
    expect(empty.sheets.map((s) => [s.name, s.rowCount, s.colCount, s.cells.length])).toEqual([
      ['A', 0, 0, 0],
      ['B', 0, 0, 0],
      ['C', 0, 0, 0],
    ]);
  });

  it('refuses a merged area too large to be a budget table, and overlapping merged areas', async () => {
    const big = await refused(handXlsx({ sheets: [{ name: 'S', xml: worksheet('', { tail: '<mergeCells><mergeCell ref="A20:XFD1048576"/></mergeCells>' }) }] }));
    expect(big.zh).toContain('A20:XFD1048576');
    expect(big.zh).toContain('过大');
    expect(MAX_MERGE_CELLS).toBe(1_000_000);
    const overlap = await refused(handXlsx({ sheets: [{ name: 'S', xml: worksheet('', { tail: '<mergeCells><mergeCell ref="B1:C4"/><mergeCell ref="A3:B5"/></mergeCells>' }) }] }));
    expect(overlap.zh).toContain('重叠');
    expect(overlap.en).toMatch(/merge/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('files that cannot be opened, said in plain Chinese', () => {
  const fixture = new Uint8Array(readFileSync(join(FIXTURES, FIXTURE_FILES[0]!)));

  it('an empty file', async () => {
    expect((await refused(new Uint8Array(0))).zh).toContain('文件是空的');
  });

  it('an encrypted workbook (a compound file holding EncryptedPackage)', async () => {
    const err = await refused(compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    expect(err.zh).toContain('这是加密（设有打开密码）的工作簿');
    expect(err.en).toContain('encrypted');
  });

  it('an old .xls, a .doc, another compound file', async () => {
    expect((await refused(compoundFile(['Workbook', 'SummaryInformation']))).zh).toContain('这是旧版 .xls 格式');
    expect((await refused(compoundFile(['WordDocument', '1Table']))).zh).toContain('Word 文档');
    expect((await refused(compoundFile(['Something']))).zh).toContain('旧版 Office 格式');
  });

  it('a .docx, .pptx, .ods or plain zip renamed .xlsx; a binary .xlsb', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') });
    expect((await refused(docx)).zh).toContain('Word 文档（.docx）');
    expect((await refused(zipSync({ 'ppt/presentation.xml': strToU8('<p/>') }))).zh).toContain('.pptx');
    expect((await refused(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }))).zh).toContain('.ods');
    expect((await refused(zipSync({ 'a.txt': strToU8('x') }))).zh).toContain('不是 Excel 工作簿');
    const xlsb = zipSync({ '_rels/.rels': strToU8('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'), 'xl/workbook.bin': new Uint8Array([1, 2, 3]) });
    expect((await refused(xlsb)).zh).toContain('.xlsb');
  });

  it('a .csv, an HTML table, an Excel 2003 XML file, a PDF, random bytes renamed .xlsx', async () => {
    expect((await refused(strToU8('科目编码,科目名称,合计\n201,一般公共服务支出,12.5\n'))).zh).toContain('纯文本');
    expect((await refused(strToU8('<html><body><table><tr><td>1</td></tr></table></body></html>'))).zh).toContain('网页（HTML）');
    expect((await refused(strToU8('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'))).zh).toContain('Excel 2003 XML');
    expect((await refused(strToU8('%PDF-1.7\n'))).zh).toContain('PDF');
    let x = 1;
    const random = Uint8Array.from({ length: 3000 }, () => (x = (x * 48271) % 2147483647) & 255);
    expect((await refused(random)).zh).toContain('不是 Excel 工作簿');
  });

  it('a truncated workbook, and one with a damaged part', async () => {
    for (const at of [10, 100, Math.floor(fixture.length / 2), fixture.length - 10]) {
      expect((await refused(fixture.subarray(0, at))).zh).toContain('文件不完整或已损坏');
    }
    // The compressed bytes of the first sheet overwritten: the zip directory is whole, the part is not.
    const damaged = Uint8Array.from(fixture);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const at = damaged.findIndex((_, i) => name.every((b, k) => damaged[i + k] === b));
    damaged.fill(0xff, at + name.length, at + name.length + 200);
    expect((await refused(damaged)).zh).toContain('文件不完整或已损坏');
  });

  it('a sheet whose part is missing from the zip', async () => {
    const err = await refused(handXlsx({ sheets: [{ name: '预算表1', xml: worksheet('') }, { name: '预算表2' }] }));
    expect(err.zh).toContain('缺少工作表“预算表2”的内容');
  });
});

// ---------------------------------------------------------------------------------------------

describe('a workbook saved by LibreOffice', () => {
  const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!soffice) {
    it.skip('needs LibreOffice (soffice): not installed here, apt-get install -y libreoffice-calc', () => undefined);
    // A skipped test says nothing in a summary: say why where it is run.
    console.log('test/file/reader.test.ts: LibreOffice (soffice) is not installed; the LibreOffice round trip is skipped');
    return;
  }

  it.each(FIXTURE_FILES.slice(0, 2))('%s, converted by soffice --convert-to xlsx, reads as the same grid', async (file) => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-lo-'));
    try {
      copyFileSync(join(FIXTURES, file), join(dir, 'in.xlsx'));
      execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')], { stdio: 'ignore', timeout: 120_000 });
      const original = await readWorkbookBytes(new Uint8Array(readFileSync(join(FIXTURES, file))), file);
      const saved = await readWorkbookBytes(new Uint8Array(readFileSync(join(dir, 'out', 'in.xlsx'))), file);
      expect(comparable(saved)).toEqual(comparable(original));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('the read path is free of ExcelJS', () => {
  it('src/file/xlsx.ts and everything it imports use neither ExcelJS nor JSZip', () => {
    const src = join(__dirname, '..', '..', 'src');
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*(?:\/\*[^*]*\*\/\s*)?'([^']+)'\s*\)/g)) {
        const spec = (m[1] ?? m[2])!;
        if (/^(exceljs|jszip)$/.test(spec)) offenders.push(`${file.slice(src.length + 1)} → ${spec}`);
        if (spec.startsWith('.')) {
          const base = join(file, '..', spec);
          const next = [`${base}.ts`, join(base, 'index.ts')].find((f) => {
            try {
              readFileSync(f);
              return true;
            } catch {
              return false;
            }
          });
          if (next) visit(next);
        }
      }
    };
    visit(join(src, 'file', 'xlsx.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
