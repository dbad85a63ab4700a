// Test support: small workbook packages written by hand, part by part (fflate zipSync), in the dialects
// other programs write: LibreOffice, strict OOXML, prefixed elements, inline strings, shared formulas …
import { strToU8, zipSync } from 'fflate';

const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rels: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rels: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

export interface HandSheet {
  readonly name: string;
  /** The whole worksheet part; see `worksheet()`. Absent: the relationship points at a part the zip lacks. */
  readonly xml?: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** A chartsheet (or dialog sheet) holds no cells. */
  readonly kind?: 'worksheet' | 'chartsheet' | 'dialogsheet';
}

export interface HandWorkbook {
  readonly sheets: readonly HandSheet[];
  /** The <sst> part, whole; see `sst()`. */
  readonly sharedStrings?: string;
  /** The <styleSheet> part, whole; see `styles()`. */
  readonly styles?: string;
  /** Strict OOXML (ISO 29500 strict) namespaces and relationship types. */
  readonly strict?: boolean;
  /** Writes the workbook part's elements with this prefix (`x` → `<x:workbook xmlns:x=…>`). */
  readonly prefix?: string;
  /** Extra attributes of <workbookPr> (`date1904="1"`). */
  readonly workbookPr?: string;
  /** Other parts to put in the zip, by name. */
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
}

export const mainNamespace = (strict = false) => (strict ? STRICT : TRANSITIONAL).main;

/** A worksheet part around `sheetData` rows; `head` goes before <sheetData> (cols), `tail` after (mergeCells). */
export function worksheet(rows: string, options: { prefix?: string; strict?: boolean; head?: string; tail?: string } = {}): string {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}` : 'xmlns';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}="${mainNamespace(options.strict)}" xmlns:r="${(options.strict ? STRICT : TRANSITIONAL).rels}">${options.head ?? ''}<${p}sheetData>${rows}</${p}sheetData>${options.tail ?? ''}</${p}worksheet>`;
}

/** A shared-string part of these <si> contents (each already XML: `<t>a</t>`, `<r>…</r>`). */
export function sst(items: readonly string[], options: { prefix?: string; strict?: boolean } = {}): string {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}` : 'xmlns';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns}="${mainNamespace(options.strict)}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => `<${p}si>${i}</${p}si>`).join('')}</${p}sst>`;
}

/** A styles part: custom number formats (id → code) and the cell formats (numFmtId of each <xf>, in order). */
export function styles(numFmts: Readonly<Record<number, string>>, xfNumFmtIds: readonly number[]): string {
  const fmts = Object.entries(numFmts);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${TRANSITIONAL.main}">` +
    (fmts.length > 0 ? `<numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
    '</styleSheet>'
  );
}

/** The .xlsx bytes of a hand-written workbook. */
export function handXlsx(wb: HandWorkbook): Uint8Array {
  const ns = wb.strict ? STRICT : TRANSITIONAL;
  const p = wb.prefix ? `${wb.prefix}:` : '';
  const xmlns = wb.prefix ? `xmlns:${wb.prefix}` : 'xmlns';
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  const types = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
  ];
  const rels: string[] = [];
  const sheetTags: string[] = [];
  wb.sheets.forEach((s, i) => {
    const kind = s.kind ?? 'worksheet';
    const folder = kind === 'worksheet' ? 'worksheets' : kind === 'chartsheet' ? 'chartsheets' : 'dialogsheets';
    const part = `${folder}/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${ns.rels}/${kind}" Target="${part}"/>`);
    sheetTags.push(`<${p}sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
    if (s.xml !== undefined) put(`xl/${part}`, s.xml);
  });
  let next = wb.sheets.length + 1;
  if (wb.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rId${next++}" Type="${ns.rels}/sharedStrings" Target="sharedStrings.xml"/>`);
    put('xl/sharedStrings.xml', wb.sharedStrings);
  }
  if (wb.styles !== undefined) {
    rels.push(`<Relationship Id="rId${next++}" Type="${ns.rels}/styles" Target="styles.xml"/>`);
    put('xl/styles.xml', wb.styles);
  }
  put('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types.join('')}</Types>`);
  put('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns.rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${xmlns}="${ns.main}" xmlns:r="${ns.rels}"><${p}workbookPr${wb.workbookPr ? ` ${wb.workbookPr}` : ''}/><${p}sheets>${sheetTags.join('')}</${p}sheets></${p}workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  for (const [name, data] of Object.entries(wb.extra ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files);
}

/** A compound file (OLE, what .xls and password-protected workbooks are) whose directory names these streams. */
export function compoundFile(streams: readonly string[]): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 2);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const view = new DataView(out.buffer);
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint32(0x30, 0, true); // first directory sector
  // Directory entries (128 bytes each) in sector 0: the root, then the streams; names in UTF-16LE.
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = sector + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + 2 * k, name.charCodeAt(k), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = i === 0 ? 5 : 2; // root storage, stream
  });
  return out;
}
