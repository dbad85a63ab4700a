// Small text tools for XML parts changed in place: the children of the root element, where a new child
// goes in schema order, and unique names for new parts and relationships.

/** A child element of the root: its local name and where it starts and ends in the text. */
export interface Child {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Text of its start tag. */
  readonly tag: string;
}

/** The root element: its namespace prefix (with colon), local name, and where its end tag starts. */
export interface Root {
  readonly prefix: string;
  readonly name: string;
  readonly openEnd: number;
  readonly close: number;
  /** The default namespace declared on the root, if any. */
  readonly ns?: string;
}

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)((?:[\w.-]+:)?[\w.-]+)(?:\s[^>]*?)?(\/?)>/g;

export function rootOf(xml: string): Root {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (!m[2]) continue;
    const qname = m[2];
    const i = qname.indexOf(':');
    const prefix = i >= 0 ? qname.slice(0, i + 1) : '';
    const name = qname.slice(i + 1);
    const close = xml.lastIndexOf(`</${qname}`);
    const ns = new RegExp(`\\sxmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(m[0])?.[1];
    return { prefix, name, openEnd: m.index + m[0].length, close: close < 0 ? -1 : close, ...(ns !== undefined ? { ns } : {}) };
  }
  throw new Error('gouji: a part without a root element');
}

/**
 * The root's child elements, in order. `skip` is a range of the text not scanned (a worksheet's
 * sheetData, which holds the cells and may be megabytes long); a child starting there is reported whole.
 */
export function childrenOf(xml: string, skip?: { start: number; end: number }): Child[] {
  const root = rootOf(xml);
  const out: Child[] = [];
  let depth = 0;
  let current: { name: string; start: number; tag: string } | undefined;
  TAG.lastIndex = root.openEnd;
  for (let m = TAG.exec(xml); m && m.index < root.close; m = TAG.exec(xml)) {
    if (skip && m.index === skip.start) {
      const tag = m[0];
      out.push({ name: localName(m[2]!), start: skip.start, end: skip.end, tag });
      TAG.lastIndex = skip.end;
      continue;
    }
    if (!m[2]) continue;
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (closing) {
      depth--;
      if (depth === 0 && current) {
        out.push({ name: current.name, start: current.start, end: m.index + m[0].length, tag: current.tag });
        current = undefined;
      }
    } else if (selfClosing) {
      if (depth === 0) out.push({ name: localName(m[2]), start: m.index, end: m.index + m[0].length, tag: m[0] });
    } else {
      if (depth === 0) current = { name: localName(m[2]), start: m.index, tag: m[0] };
      depth++;
    }
  }
  return out;
}

const localName = (q: string) => q.slice(q.indexOf(':') + 1);

/** Where a new child `name` goes: before the first existing child that the schema orders after it, else before the root's end tag. */
export function insertionPoint(xml: string, children: readonly Child[], order: readonly string[], name: string): number {
  const rank = order.indexOf(name);
  const after = children.find((c) => {
    const r = order.indexOf(c.name);
    return r > rank;
  });
  return after ? after.start : rootOf(xml).close;
}

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

/** CT_Workbook's children in schema order. */
export const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames',
  'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

/** CT_Stylesheet's children in schema order. */
export const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** A part name not yet used: `xl/comments1.xml`, `xl/comments2.xml` … */
export function freshPartName(taken: (name: string) => boolean, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(make(n))) return make(n);
}

/** A relationship id not yet used in a relationships part's text. */
export function freshRelId(relsXml: string | undefined): string {
  const ids = new Set([...(relsXml ?? '').matchAll(/\bId\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]));
  for (let n = 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

/** The relationship target of `part` written relative to the folder of `source` (`xl/worksheets/sheet1.xml` → `../comments1.xml`). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
