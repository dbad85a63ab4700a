// Filtering the findings: by severity, sheet and rule, and a search box over what a card shows.
import type { DisplayFinding, SeverityGroup } from './display';
import type { Severity } from './strings';

export interface FindingFilter {
  /** Severities hidden (none: all shown). */
  readonly hidden: readonly Severity[];
  /** Only this sheet ('' for all). */
  readonly sheet: string;
  /** Only this rule id ('' for all). */
  readonly rule: string;
  /** Words to look for; every word must occur. */
  readonly query: string;
}

export const NO_FILTER: FindingFilter = { hidden: [], sheet: '', rule: '', query: '' };

export function isFiltering(f: FindingFilter): boolean {
  return f.hidden.length > 0 || f.sheet !== '' || f.rule !== '' || f.query.trim() !== '';
}

/** Lower case, full-width letters and digits half-width, no thousands separators: how text is compared. */
export function fold(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3})/g, '$1')
    .toLowerCase();
}

/** What the search looks at: message, rule, cells, amounts and fixes. */
function haystack(f: DisplayFinding): string {
  return fold(
    [f.message, f.ruleName, f.rule, f.where, f.expected, f.actual, f.difference, ...f.fixes.map((x) => x.title), ...f.evidence.map((e) => e.where)]
      .filter((x) => x !== undefined)
      .join('\n'),
  );
}

export function matches(f: DisplayFinding, filter: FindingFilter): boolean {
  if (filter.hidden.includes(f.severity)) return false;
  if (filter.sheet !== '' && f.sheet !== filter.sheet && !f.evidence.some((e) => e.sheet === filter.sheet)) return false;
  if (filter.rule !== '' && f.rule !== filter.rule) return false;
  const words = fold(filter.query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const text = haystack(f);
  return words.every((w) => text.includes(w));
}

/** The groups with only the matching findings; groups left empty are dropped. */
export function filterGroups(groups: readonly SeverityGroup[], filter: FindingFilter): SeverityGroup[] {
  if (!isFiltering(filter)) return [...groups];
  return groups.map((g) => ({ severity: g.severity, findings: g.findings.filter((f) => matches(f, filter)) })).filter((g) => g.findings.length > 0);
}

/** The sheets (workbook order) and rules (list order) the findings name, for the filter menus. */
export function filterChoices(groups: readonly SeverityGroup[], sheetOrder: readonly string[]): { sheets: string[]; rules: Array<{ id: string; name: string }> } {
  const sheets: string[] = [];
  const rules: Array<{ id: string; name: string }> = [];
  for (const g of groups)
    for (const f of g.findings) {
      if (f.sheet !== undefined && !sheets.includes(f.sheet)) sheets.push(f.sheet);
      if (!rules.some((r) => r.id === f.rule)) rules.push({ id: f.rule, name: f.ruleName });
    }
  const rank = (s: string) => (sheetOrder.includes(s) ? sheetOrder.indexOf(s) : Number.MAX_SAFE_INTEGER);
  return { sheets: sheets.sort((a, b) => rank(a) - rank(b)), rules };
}
