// Marks that never harm: a flagged cell is coloured by a conditional-format rule of its own (as the add-in
// marks cells in Excel), whose format is a differential format appended to styles.xml. The cell's own fill
// and style are never touched, and deleting the rule removes the mark.
import { xmlEscape } from '../package/package';
import { childrenOf, insertionPoint, rootOf, STYLESHEET_ORDER } from './xml';

export type Severity = 'error' | 'warning' | 'info';

/** Fill and text colours by severity (ARGB), those of the add-in's marks. */
export const MARK_COLOURS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  info: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
};

/** The rule's formula: always true, and it says it is Gouji's (the add-in recognizes its own marks by it). */
export const markRuleFormula = (severity: Severity) => `ISTEXT("gouji:${severity}")`;

/**
 * styles.xml with one differential format per severity appended to `<dxfs>` (made when missing); returns
 * the new text and each severity's dxfId. The existing formats keep their ids.
 */
export function withMarkDxfs(xml: string, severities: readonly Severity[]): { xml: string; ids: Map<Severity, number> } {
  const root = rootOf(xml);
  const p = root.prefix;
  const dxf = (s: Severity) => `<${p}dxf><${p}font><${p}color rgb="${MARK_COLOURS[s].font}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${MARK_COLOURS[s].fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
  const children = childrenOf(xml);
  const dxfs = children.find((c) => c.name === 'dxfs');
  const ids = new Map<Severity, number>();
  if (!dxfs || dxfs.tag.endsWith('/>')) {
    severities.forEach((s, i) => ids.set(s, i));
    const el = `<${p}dxfs count="${severities.length}">${severities.map(dxf).join('')}</${p}dxfs>`;
    if (dxfs) return { xml: xml.slice(0, dxfs.start) + el + xml.slice(dxfs.end), ids };
    const at = insertionPoint(xml, children, STYLESHEET_ORDER, 'dxfs');
    return { xml: xml.slice(0, at) + el + xml.slice(at), ids };
  }
  const body = xml.slice(dxfs.start, dxfs.end);
  const existing = (body.match(new RegExp(`<${p}dxf(?=[\\s/>])`, 'g')) ?? []).length;
  severities.forEach((s, i) => ids.set(s, existing + i));
  const closeAt = dxfs.end - `</${p}dxfs>`.length;
  const tag = /\scount\s*=/.test(dxfs.tag) ? dxfs.tag.replace(/\scount\s*=\s*(?:"[^"]*"|'[^']*')/, ` count="${existing + severities.length}"`) : dxfs.tag;
  const next = tag + xml.slice(dxfs.start + dxfs.tag.length, closeAt) + severities.map(dxf).join('') + xml.slice(closeAt, dxfs.end);
  return { xml: xml.slice(0, dxfs.start) + next + xml.slice(dxfs.end), ids };
}

/** One `<conditionalFormatting>` per severity over the marked cells of a sheet, priorities after the sheet's own. */
export function markRulesXml(p: string, cells: ReadonlyMap<Severity, readonly string[]>, dxfIds: ReadonlyMap<Severity, number>, firstPriority: number): string {
  let priority = firstPriority;
  const out: string[] = [];
  for (const s of ['error', 'warning', 'info'] as const) {
    const refs = cells.get(s);
    if (!refs || refs.length === 0) continue;
    out.push(
      `<${p}conditionalFormatting sqref="${refs.join(' ')}"><${p}cfRule type="expression" dxfId="${dxfIds.get(s)}" priority="${priority++}"><${p}formula>${xmlEscape(markRuleFormula(s))}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    );
  }
  return out.join('');
}

/** The highest conditional-format priority used in a sheet's text (its own rules and extension rules). */
export function maxPriority(sheetXml: string, from: number): number {
  let max = 0;
  const re = /<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g;
  re.lastIndex = from;
  for (let m = re.exec(sheetXml); m; m = re.exec(sheetXml)) max = Math.max(max, Number(m[1]));
  return max;
}
