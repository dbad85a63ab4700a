// Marks: the checked cell of each finding coloured by its worst severity, in Excel (conditional formats)
// and in the pane's legend. The colours are Excel's own 差/适中 cell styles and a pale blue: dark text on
// a light fill, which Excel's dark mode re-tints like any fill, and which the legend names in words.
import type { JsonFinding } from '../core/report-json';
import type { Mark } from './journal';
import type { Severity } from './strings';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Fill and text colour of a marked cell, by severity (the fills match the annotated .xlsx copy's). */
export const MARK_STYLE: Readonly<Record<Severity, { readonly fill: string; readonly font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
};

/** The formula of the conditional format that marks a cell: always true, and it says it is ours. */
export function markFormula(severity: Severity): string {
  return `=ISTEXT("gouji:${severity}")`;
}

/** Whether a conditional format's formula is one of ours. */
export function isMarkFormula(formula: string | undefined): boolean {
  return typeof formula === 'string' && /ISTEXT\(\s*"gouji:(error|warning|info)"\s*\)/i.test(formula);
}

/** One mark per checked cell, with the worst severity of the findings there, in sheet order of appearance. */
export function marksOf(findings: readonly Pick<JsonFinding, 'severity' | 'cells'>[]): Mark[] {
  const marks = new Map<string, Mark>();
  for (const f of findings) {
    const cell = f.cells.find((c) => c.role === 'checked') ?? f.cells[0];
    if (!cell) continue;
    const key = `${cell.sheet}!${cell.address}`;
    const had = marks.get(key);
    if (!had || SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(had.severity)) marks.set(key, { sheet: cell.sheet, address: cell.address, severity: f.severity });
  }
  return [...marks.values()];
}

/** How many marked cells of each severity. */
export function markCounts(marks: readonly Mark[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const m of marks) counts[m.severity]++;
  return counts;
}
