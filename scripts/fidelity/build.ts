// Builds the fidelity workbooks of test/fixtures/fidelity/: rich budget workbooks that hold what real
// files hold besides cells — a chart, a picture, a WPS in-cell picture, notes with authors, data
// validation, the user's own conditional formats and fills, defined names (global, sheet-local twice with
// one name on two sheets, a constant, print area and titles), frozen panes, hidden and very hidden sheets,
// sheet and workbook protection with unlocked cells, internal and external hyperlinks, page setup,
// rich text, custom properties, a custom XML part, printer settings, calcChain and (.xlsm) a VBA project —
// each in Excel's dialect (the XML as Excel writes it, zipped with fflate) and in LibreOffice's (the same
// workbook re-saved by `soffice --headless --convert-to`). Each holds a small 支出总表 whose 合计 row has a
// mistyped 基本支出 (120.00 for 102.00: a safe fix) with formulas that depend on that cell.
//
//   npx tsx scripts/fidelity/build.ts [--out test/fixtures/fidelity] [--no-libreoffice]
//
// The built files are committed, so the tests need no LibreOffice to build them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync, strToU8, zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'node:fs';
import { rawMembers, zipMembers, type CopyMember } from '../../src/file/package/package';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"';
const FIXED_TIME = new Date(2024, 0, 8, 9, 30, 0);

/** A 1×1 PNG (a blue pixel), and a 2×2 red one for the in-cell picture. */
const PNG_1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOQ96sAAAF1AOZYX5+PAAAAAElFTkSuQmCC', 'base64');
const PNG_2 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4wMAARAwQCgAYDgMBZBJpNwAAAABJRU5ErkJggg==', 'base64');

// ---------------------------------------------------------------------------------------------
// Shared strings: every text cell, in order of first use; one of them rich text.

const strings: string[] = [];
const sst = (s: string) => {
  let i = strings.indexOf(s);
  if (i < 0) i = strings.push(s) - 1;
  return i;
};
const RICH_TITLE = '<r><rPr><b/><sz val="16"/><color rgb="FF1F4E78"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>2024年部门支出总表</t></r><r><rPr><sz val="11"/><color rgb="FFC00000"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>（预算表3）</t></r>';
const RICH_KEY = '\u0000rich-title';

// Styles (cellXfs indexes): 0 normal, 1 title, 2 header (bordered, bold), 3 amount (#,##0.00, bordered),
// 4 amount with the user's own yellow fill, 5 text bordered, 6 unlocked amount (protection locked=0), 7 hyperlink.
const S = { normal: 0, title: 1, header: 2, amount: 3, userFill: 4, text: 5, unlocked: 6, link: 7 } as const;

type V = { s: string } | { n: number } | { f: string; v?: number | string } | { rich: true };
interface Cell {
  readonly ref: string;
  readonly v: V;
  readonly style: number;
}

const text = (ref: string, s: string, style: number = S.text): Cell => ({ ref, v: { s }, style });
const num = (ref: string, n: number, style: number = S.amount): Cell => ({ ref, v: { n }, style });

function cellXml(c: Cell): string {
  const s = c.style ? ` s="${c.style}"` : '';
  if ('rich' in c.v) return `<c r="${c.ref}"${s} t="s"><v>${sst(RICH_KEY)}</v></c>`;
  if ('s' in c.v) return `<c r="${c.ref}"${s} t="s"><v>${sst(c.v.s)}</v></c>`;
  if ('n' in c.v) return `<c r="${c.ref}"${s}><v>${c.v.n}</v></c>`;
  const cached = c.v.v === undefined ? '' : typeof c.v.v === 'number' ? `<v>${c.v.v}</v>` : `<v>${esc(c.v.v)}</v>`;
  return `<c r="${c.ref}"${s}${typeof c.v.v === 'string' ? ' t="str"' : ''}><f>${esc(c.v.f)}</f>${cached}</c>`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function rowsXml(cells: readonly Cell[], heights: Record<number, number> = {}): string {
  const byRow = new Map<number, Cell[]>();
  for (const c of cells) {
    const r = Number(/\d+/.exec(c.ref)![0]);
    byRow.set(r, [...(byRow.get(r) ?? []), c]);
  }
  return [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const list = byRow.get(r)!;
      const cols = list.map((c) => colNumber(c.ref));
      const ht = heights[r] ? ` ht="${heights[r]}" customHeight="1"` : '';
      return `<row r="${r}" spans="${Math.min(...cols)}:${Math.max(...cols)}"${ht} x14ac:dyDescent="0.25">${list.map(cellXml).join('')}</row>`;
    })
    .join('');
}

const colNumber = (ref: string) => [.../^[A-Z]+/.exec(ref)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

// ---------------------------------------------------------------------------------------------
// The sheets.

/** 预算表3: the 支出总表, D4 mistyped (120.00; the 类 rows add up to 102.00). */
function budgetSheet(): Cell[] {
  const rows: [string, string, number, number | undefined, number | undefined][] = [
    ['', '合计', 152, 120, 50],
    ['201', '一般公共服务支出', 130, 80, 50],
    ['20101', '人大事务', 130, 80, 50],
    ['2010101', '行政运行', 80, 80, undefined],
    ['2010102', '一般行政管理事务', 50, undefined, 50],
    ['208', '社会保障和就业支出', 22, 22, undefined],
    ['20805', '行政事业单位养老支出', 22, 22, undefined],
    ['2080505', '机关事业单位基本养老保险缴费支出', 22, 22, undefined],
  ];
  const cells: Cell[] = [
    { ref: 'A1', v: { rich: true }, style: S.title },
    text('A2', '预算单位：示例市政务服务中心', S.normal),
    text('E2', '单位：万元', S.normal),
    text('A3', '科目编码', S.header),
    text('B3', '科目名称', S.header),
    text('C3', '合计', S.header),
    text('D3', '基本支出', S.header),
    text('E3', '项目支出', S.header),
  ];
  rows.forEach(([code, name, total, basic, project], i) => {
    const r = 4 + i;
    if (code) cells.push(text(`A${r}`, code));
    cells.push(text(`B${r}`, name));
    cells.push(num(`C${r}`, total));
    // D4: the user's own yellow fill on the 合计 row's 基本支出; D5:E11 unlocked for data entry under protection.
    if (basic !== undefined) cells.push(num(`D${r}`, basic, r === 4 ? S.userFill : S.unlocked));
    if (project !== undefined) cells.push(num(`E${r}`, project, r === 4 ? S.amount : S.unlocked));
  });
  // Beside the table (a blank column between): formulas that read D4 — a plain sum, a sum of that sum, and
  // one that is not a plain sum — and two links.
  cells.push(text('G3', '核对', S.normal));
  cells.push(text('G4', '基本加项目', S.normal));
  cells.push({ ref: 'H4', v: { f: 'SUM(D4:E4)', v: 170 }, style: S.amount });
  cells.push(text('G5', '两倍', S.normal));
  cells.push({ ref: 'H5', v: { f: 'H4+H4', v: 340 }, style: S.amount });
  cells.push(text('G6', '占比', S.normal));
  cells.push({ ref: 'H6', v: { f: 'ROUND(D4/C4,4)', v: 0.7895 }, style: S.normal });
  cells.push(text('G8', '见附表', S.link));
  cells.push(text('G9', '财政局网站', S.link));
  return cells;
}

/** 预算表9: a sheet with a cross-sheet formula, a WPS in-cell picture and a link back. */
function secondSheet(): Cell[] {
  return [
    text('A1', '附表', S.normal),
    text('A2', '引用', S.normal),
    { ref: 'B2', v: { f: '预算表3!D4', v: 120 }, style: S.amount },
    text('A3', '税率', S.normal),
    { ref: 'B3', v: { f: '税率', v: 0.13 }, style: S.normal },
    text('A4', '返回', S.link),
    text('A5', '标志', S.normal),
    { ref: 'B5', v: { f: '_xlfn.DISPIMG("ID_6C5D4E3F2A1B",1)', v: '=DISPIMG("ID_6C5D4E3F2A1B",1)' }, style: S.normal },
  ];
}

// ---------------------------------------------------------------------------------------------
// Parts, as Excel writes them.

function sheet1Xml(): string {
  return (
    HEAD +
    `<worksheet xmlns="${NS}" xmlns:r="${R}" ${MC} xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    '<sheetPr><tabColor rgb="FF00B050"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H11"/>' +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="D4" sqref="D4"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.25"/>' +
    '<cols><col min="1" max="1" width="12.625" customWidth="1"/><col min="2" max="2" width="36.625" customWidth="1"/><col min="3" max="5" width="14.625" customWidth="1"/><col min="7" max="7" width="12.625" customWidth="1"/><col min="8" max="8" width="14.625" customWidth="1"/></cols>' +
    `<sheetData>${rowsXml(budgetSheet(), { 1: 27 })}</sheetData>` +
    '<sheetProtection algorithmName="SHA-512" hashValue="yH6Qpb5CqQ7bSmpFZx9hd8xP9rqCSLz/vJMHkTC2Rp4F8Q3Fqv2s5rYf9mjXxCq1kVgS8yCUQJqFjz6xqZT2Bw==" saltValue="n0sR0dWqvH1yX2bTq3b8Cw==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0"/>' +
    '<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>' +
    '<conditionalFormatting sqref="C5:E11"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="金额" error="金额不能为负数" promptTitle="金额" prompt="以万元为单位，两位小数" sqref="C4:E11"><formula1>0</formula1></dataValidation></dataValidations>' +
    '<hyperlinks><hyperlink ref="G8" location="\'预算表9\'!A1" display="见附表" xr:uid="{6A1C2C34-1D2E-4F5A-9B8C-7D6E5F4A3B21}"/><hyperlink ref="G9" r:id="rId1" xr:uid="{6A1C2C34-1D2E-4F5A-9B8C-7D6E5F4A3B22}"/></hyperlinks>' +
    '<printOptions horizontalCentered="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0" r:id="rId2"/>' +
    '<headerFooter><oddFooter>第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>' +
    '<drawing r:id="rId3"/><legacyDrawing r:id="rId4"/>' +
    '</worksheet>'
  );
}

function sheet2Xml(): string {
  return (
    HEAD +
    `<worksheet xmlns="${NS}" xmlns:r="${R}" ${MC} xr:uid="{00000000-0001-0000-0100-000000000000}">` +
    '<dimension ref="A1:B5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.25"/>' +
    '<cols><col min="1" max="1" width="20.625" customWidth="1"/></cols>' +
    `<sheetData>${rowsXml(secondSheet())}</sheetData>` +
    '<sheetProtection sheet="1" objects="1" scenarios="1" selectLockedCells="1"/>' +
    '<hyperlinks><hyperlink ref="A4" location="\'预算表3\'!A1" display="返回" xr:uid="{6A1C2C34-1D2E-4F5A-9B8C-7D6E5F4A3B23}"/></hyperlinks>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

function plainSheetXml(uid: string, cellText: string): string {
  sst(cellText);
  return (
    HEAD +
    `<worksheet xmlns="${NS}" xmlns:r="${R}" ${MC} xr:uid="{${uid}}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.25"/>` +
    `<sheetData><row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>${sst(cellText)}</v></c></row></sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

const workbookXml = (macros: boolean) =>
  HEAD +
  `<workbook xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
  `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"${macros ? ' codeName="{8C4F1E2A-9B3D-4C5E-8F7A-1B2C3D4E5F60}"' : ''}/>` +
  `<workbookPr${macros ? ' codeName="ThisWorkbook"' : ''} defaultThemeVersion="166925"/>` +
  '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="Wv0jV3cXo3bF0z5N6yq1m4QGk0jX8l0kq9Q0m3Y3v5M2QmQy1o0Yq3b8X9fS1kqU2d3W4e5r6t7y8u9i0o1p2A==" workbookSaltValue="q1w2e3r4t5y6u7i8o9p0aA==" workbookSpinCount="100000" lockStructure="1"/>' +
  '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>' +
  '<sheets><sheet name="预算表3" sheetId="1" r:id="rId1"/><sheet name="预算表9" sheetId="2" r:id="rId2"/><sheet name="隐藏" sheetId="3" state="hidden" r:id="rId3"/><sheet name="深藏" sheetId="4" state="veryHidden" r:id="rId4"/></sheets>' +
  '<definedNames>' +
  '<definedName name="_xlnm.Print_Area" localSheetId="0">预算表3!$A$1:$E$11</definedName>' +
  '<definedName name="_xlnm.Print_Titles" localSheetId="0">预算表3!$3:$3</definedName>' +
  '<definedName name="本表合计" localSheetId="0">预算表3!$C$4</definedName>' +
  '<definedName name="本表合计" localSheetId="1">预算表9!$B$2</definedName>' +
  '<definedName name="基本支出合计">预算表3!$D$4</definedName>' +
  '<definedName name="税率">0.13</definedName>' +
  '</definedNames>' +
  '<calcPr calcId="191029"/>' +
  '</workbook>';

const STYLES =
  HEAD +
  `<styleSheet xmlns="${NS}" ${MC.replace('x14ac xr xr2 xr3', 'x14ac x16r2 xr')} xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
  '<numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00_ "/></numFmts>' +
  '<fonts count="4" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="1" applyNumberFormat="1" applyBorder="1"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="3" fillId="0" borderId="0" applyNumberFormat="0" applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="1" applyNumberFormat="1" applyBorder="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="176" fontId="0" fillId="2" borderId="1" xfId="1" applyNumberFormat="1" applyFill="1" applyBorder="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="1" applyNumberFormat="1" applyBorder="1" applyProtection="1"><alignment vertical="center"/><protection locked="0"/></xf>' +
  '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="2"/>' +
  '</cellXfs>' +
  '<cellStyles count="3"><cellStyle name="常规" xfId="0" builtinId="0"/><cellStyle name="预算金额" xfId="1"/><cellStyle name="超链接" xfId="2" builtinId="8"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
  '</styleSheet>';

function sharedStringsXml(): string {
  const items = strings.map((s) => (s === RICH_KEY ? `<si>${RICH_TITLE}<phoneticPr fontId="1" type="noConversion"/></si>` : `<si><t>${esc(s)}</t><phoneticPr fontId="1" type="noConversion"/></si>`));
  return `${HEAD}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${items.join('')}</sst>`;
}

const COMMENTS =
  HEAD +
  `<comments xmlns="${NS}" ${MC.replace('x14ac xr xr2 xr3', 'xr').replace(/ xmlns:x14ac="[^"]*"| xmlns:xr2="[^"]*"| xmlns:xr3="[^"]*"/g, '')}><authors><author>张会计</author><author>李科长</author></authors><commentList>` +
  '<comment ref="D4" authorId="0" shapeId="0" xr:uid="{1F2E3D4C-5B6A-4798-8A9B-0C1D2E3F4A5B}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>张会计:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">\n请核对合计行的基本支出。</t></r></text></comment>' +
  '<comment ref="B5" authorId="1" shapeId="0" xr:uid="{1F2E3D4C-5B6A-4798-8A9B-0C1D2E3F4A5C}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>李科长:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">\n类级科目，勿改名称。</t></r></text></comment>' +
  '</commentList></comments>';

const vmlShape = (id: number, row: number, col: number) =>
  `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;\r\n  margin-left:230.25pt;margin-top:30pt;width:108pt;height:59.25pt;z-index:${id - 1024};\r\n  visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\r\n  <v:fill color2="#ffffe1"/>\r\n  <v:shadow on="t" color="black" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:Anchor>\r\n    ${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>${row}</x:Row>\r\n   <x:Column>${col}</x:Column>\r\n  </x:ClientData>\r\n </v:shape>`;

const VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
  vmlShape(1025, 3, 3) +
  vmlShape(1026, 4, 1) +
  '</xml>';

const DRAWING =
  HEAD +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>' +
  '<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>19</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 2" descr="单位标志"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="609600" cy="342900"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>' +
  '</xdr:wsDr>';

const CHART =
  HEAD +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/>' +
  '<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>各类支出</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
  '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>预算表3!$C$3</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>合计</c:v></c:pt></c:strCache></c:strRef></c:tx>' +
  '<c:cat><c:strRef><c:f>(预算表3!$B$5,预算表3!$B$9)</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>一般公共服务支出</c:v></c:pt><c:pt idx="1"><c:v>社会保障和就业支出</c:v></c:pt></c:strCache></c:strRef></c:cat>' +
  '<c:val><c:numRef><c:f>(预算表3!$C$5,预算表3!$C$9)</c:f><c:numCache><c:formatCode>#,##0.00_ </c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>130</c:v></c:pt><c:pt idx="1"><c:v>22</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>' +
  '<c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="512345601"/><c:axId val="512345602"/></c:barChart>' +
  '<c:catAx><c:axId val="512345601"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="512345602"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
  '<c:valAx><c:axId val="512345602"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0.00_ " sourceLinked="1"/><c:crossAx val="512345601"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
  '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';

const CELLIMAGES =
  HEAD +
  '<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">' +
  '<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_6C5D4E3F2A1B" descr="单位标志"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage>' +
  '</etc:cellImages>';

/** calcChain: the formula cells, as Excel lists them (i = sheet index, 1-based). */
const CALC_CHAIN = `${HEAD}<calcChain xmlns="${NS}"><c r="H4" i="1"/><c r="H5"/><c r="H6"/><c r="B2" i="2"/><c r="B3"/><c r="B5"/></calcChain>`;

const rels = (list: [string, string, string, boolean?][]) =>
  `${HEAD}<Relationships xmlns="${REL}">${list.map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;

const CONTENT_TYPES = (macros: boolean) =>
  HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  (macros ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>') +
  '<Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${macros ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/>` +
  ['sheet1', 'sheet2', 'sheet3', 'sheet4'].map((s) => `<Override PartName="/xl/worksheets/${s}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
  '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
  '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
  '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
  '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/>' +
  (macros ? '<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>' : '') +
  '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
  '</Types>';

const CORE =
  HEAD +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>2024年部门预算</dc:title><dc:creator>张会计</dc:creator><cp:lastModifiedBy>李科长</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-05T01:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-08T01:30:00Z</dcterms:modified></cp:coreProperties>';

const APP =
  HEAD +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
  '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
  '<TitlesOfParts><vt:vector size="6" baseType="lpstr"><vt:lpstr>预算表3</vt:lpstr><vt:lpstr>预算表9</vt:lpstr><vt:lpstr>隐藏</vt:lpstr><vt:lpstr>深藏</vt:lpstr><vt:lpstr>预算表3!Print_Area</vt:lpstr><vt:lpstr>预算表3!Print_Titles</vt:lpstr></vt:vector></TitlesOfParts>' +
  '<Company>示例市财政局</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';

const CUSTOM =
  HEAD +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="预算年度"><vt:i4>2024</vt:i4></property>' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="报送单位"><vt:lpwstr>示例市政务服务中心</vt:lpwstr></property>' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property>' +
  '</Properties>';

const CUSTOM_XML_ITEM = '<?xml version="1.0" encoding="UTF-8" standalone="no"?><budget xmlns="urn:example:budget-system"><batch>2024-01</batch><unit code="603001">示例市政务服务中心</unit></budget>';
const CUSTOM_XML_PROPS = `${HEAD.replace('yes', 'no')}<ds:datastoreItem ds:itemID="{5A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:example:budget-system"/></ds:schemaRefs></ds:datastoreItem>`;

/** A printer-settings blob (a DEVMODE in real files; any bytes for the test) and a VBA project blob. */
const PRINTER = Uint8Array.from({ length: 220 }, (_, i) => (i * 37 + 11) % 256);
const VBA = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 504 }, (_, i) => (i * 53 + 7) % 256)]);

const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The workbook in Excel's dialect, zipped in Excel's order (media stored, the rest deflated). */
export function excelWorkbook(macros: boolean): Uint8Array {
  strings.length = 0;
  sst(RICH_KEY);
  const sheets = [sheet1Xml(), sheet2Xml(), plainSheetXml('00000000-0001-0000-0200-000000000000', '隐藏的辅助表'), plainSheetXml('00000000-0001-0000-0300-000000000000', '深藏的辅助表')];
  const wbRels: [string, string, string][] = [
    ['rId1', `${T}/worksheet`, 'worksheets/sheet1.xml'],
    ['rId2', `${T}/worksheet`, 'worksheets/sheet2.xml'],
    ['rId3', `${T}/worksheet`, 'worksheets/sheet3.xml'],
    ['rId4', `${T}/worksheet`, 'worksheets/sheet4.xml'],
    ['rId5', `${T}/styles`, 'styles.xml'],
    ['rId6', `${T}/sharedStrings`, 'sharedStrings.xml'],
    ['rId7', `${T}/calcChain`, 'calcChain.xml'],
    ['rId8', 'http://www.wps.cn/officeDocument/2020/cellImage', 'cellimages.xml'],
    ...(macros ? ([['rId9', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']] as [string, string, string][]) : []),
  ];
  const d = (s: string): [Uint8Array, { level: 6 }] => [strToU8(s), { level: 6 }];
  const files: Zippable = {
    '[Content_Types].xml': d(CONTENT_TYPES(macros)),
    '_rels/.rels': d(rels([['rId3', `${T}/extended-properties`, 'docProps/app.xml'], ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'], ['rId1', `${T}/officeDocument`, 'xl/workbook.xml'], ['rId4', `${T}/custom-properties`, 'docProps/custom.xml']])),
    'xl/workbook.xml': d(workbookXml(macros)),
    'xl/_rels/workbook.xml.rels': d(rels(wbRels)),
    'xl/worksheets/sheet1.xml': d(sheets[0]!),
    'xl/worksheets/sheet2.xml': d(sheets[1]!),
    'xl/worksheets/sheet3.xml': d(sheets[2]!),
    'xl/worksheets/sheet4.xml': d(sheets[3]!),
    'xl/worksheets/_rels/sheet1.xml.rels': d(rels([
      ['rId1', `${T}/hyperlink`, 'https://czj.example.gov.cn/yusuan?year=2024&unit=603001', true],
      ['rId2', `${T}/printerSettings`, '../printerSettings/printerSettings1.bin'],
      ['rId3', `${T}/drawing`, '../drawings/drawing1.xml'],
      ['rId4', `${T}/vmlDrawing`, '../drawings/vmlDrawing1.vml'],
      ['rId5', `${T}/comments`, '../comments1.xml'],
    ])),
    'xl/drawings/drawing1.xml': d(DRAWING),
    'xl/drawings/_rels/drawing1.xml.rels': d(rels([['rId1', `${T}/chart`, '../charts/chart1.xml'], ['rId2', `${T}/image`, '../media/image1.png']])),
    'xl/charts/chart1.xml': d(CHART),
    'xl/drawings/vmlDrawing1.vml': d(VML),
    'xl/comments1.xml': d(COMMENTS),
    'xl/media/image1.png': [PNG_1, { level: 0 }],
    'xl/media/image2.png': [PNG_2, { level: 0 }],
    'xl/cellimages.xml': d(CELLIMAGES),
    'xl/_rels/cellimages.xml.rels': d(rels([['rId1', `${T}/image`, 'media/image2.png']])),
    'xl/printerSettings/printerSettings1.bin': [PRINTER, { level: 6 }],
    'xl/sharedStrings.xml': d(sharedStringsXml()),
    'xl/styles.xml': d(STYLES),
    'xl/calcChain.xml': d(CALC_CHAIN),
    ...(macros ? { 'xl/vbaProject.bin': [VBA, { level: 6 }] as [Uint8Array, { level: 6 }] } : {}),
    'customXml/item1.xml': d(CUSTOM_XML_ITEM),
    'customXml/_rels/item1.xml.rels': d(rels([['rId1', `${T}/customXmlProps`, 'itemProps1.xml']])),
    'customXml/itemProps1.xml': d(CUSTOM_XML_PROPS),
    'docProps/core.xml': d(CORE),
    'docProps/app.xml': d(APP),
    'docProps/custom.xml': d(CUSTOM),
  };
  return zipSync(files, { mtime: FIXED_TIME });
}

/** Re-saves a workbook with LibreOffice headless (its own profile in a temp folder); undefined when soffice is missing. */
export function libreOfficeResave(input: string, outDir: string, filter: string): string | undefined {
  const soffice = ['soffice', 'libreoffice'].find((c) => {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!soffice) return undefined;
  const profile = mkdtempSync(join(tmpdir(), 'gouji-lo-'));
  const work = mkdtempSync(join(tmpdir(), 'gouji-lo-out-'));
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', work, input], { stdio: 'ignore', timeout: 120_000 });
    const made = readdirSync(work)[0];
    if (!made) return undefined;
    const target = join(outDir, made);
    copyFileSync(join(work, made), target);
    return target;
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * LibreOffice drops a VBA project it cannot read (our blob is not a real one), though it keeps the
 * macro-enabled content type: the project is put back the way LibreOffice writes one it keeps (the part
 * last, an Override content type, a workbook relationship), every part LibreOffice wrote kept as stored.
 */
function withVbaProject(file: string): void {
  const members = rawMembers(new Uint8Array(readFileSync(file)))!;
  if (members.some((m) => m.name === 'xl/vbaProject.bin')) return;
  const dec = new TextDecoder();
  const out: CopyMember[] = members.map((m) => {
    if (m.name !== '[Content_Types].xml' && m.name !== 'xl/_rels/workbook.xml.rels') return { name: m.name, raw: m };
    const data = m.compression === 0 ? m.data : inflateSync(m.data);
    let xml = dec.decode(data);
    if (m.name === '[Content_Types].xml') xml = xml.replace('</Types>', '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>\n</Types>');
    else xml = xml.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>\n</Relationships>');
    return { name: m.name, data: strToU8(xml), compression: m.compression, mtime: m.mtime };
  });
  out.push({ name: 'xl/vbaProject.bin', data: VBA, compression: 8, mtime: FIXED_TIME });
  writeFileSync(file, zipMembers(out));
}

function main(): void {
  const outIndex = process.argv.indexOf('--out');
  const out = resolve(outIndex >= 0 ? process.argv[outIndex + 1]! : join(__dirname, '..', '..', 'test', 'fixtures', 'fidelity'));
  mkdirSync(out, { recursive: true });
  const made: string[] = [];
  for (const macros of [false, true]) {
    const file = join(out, `excel-rich.${macros ? 'xlsm' : 'xlsx'}`);
    writeFileSync(file, excelWorkbook(macros));
    made.push(file);
  }
  if (!process.argv.includes('--no-libreoffice')) {
    // LibreOffice names its output after the input: convert copies named as the LibreOffice files should be.
    const stage = mkdtempSync(join(tmpdir(), 'gouji-fidelity-'));
    for (const [ext, filter] of [
      ['xlsx', 'xlsx:Calc MS Excel 2007 XML'],
      ['xlsm', 'xlsm:Calc MS Excel 2007 VBA XML'],
    ] as const) {
      const src = join(stage, `libreoffice-rich.${ext}`);
      copyFileSync(join(out, `excel-rich.${ext}`), src);
      const converted = join(stage, 'converted');
      mkdirSync(converted, { recursive: true });
      const target = libreOfficeResave(src, converted, filter);
      if (!target) {
        process.stderr.write('soffice not found: the LibreOffice-dialect workbooks were not rebuilt\n');
        break;
      }
      copyFileSync(target, join(out, `libreoffice-rich.${ext}`));
      if (ext === 'xlsm') withVbaProject(join(out, `libreoffice-rich.${ext}`));
      made.push(join(out, `libreoffice-rich.${ext}`));
    }
    rmSync(stage, { recursive: true, force: true });
  }
  for (const f of made) process.stdout.write(`${f}${existsSync(f) ? '' : ' (missing)'}\n`);
}

if (require.main === module) main();
