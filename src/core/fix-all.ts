// "Fix all safe" to the end: a fix can become safe once another is applied (a narrative figure is sure only
// when the two tables it is read from agree again), so safe fixes are applied in rounds until none is left.
import { analyzeWorkbook, type AnalyzeOptions, type WorkbookReport } from './analyze';
import type { Edit } from './findings';
import { applyEdits } from './fix/apply';
import { safeEdits } from './fix/safe';
import type { Workbook } from './grid/grid';

/** Rounds at most: each round is one check of the workbook. */
export const MAX_SAFE_ROUNDS = 4;

export interface SafeRun {
  /** One edit per cell: its value before the first round, after the last. */
  readonly edits: readonly Edit[];
  /** Rounds that applied something. */
  readonly rounds: number;
  /** The report on the fixed workbook. */
  readonly report: WorkbookReport;
}

/** Applies the safe fixes of `report` (a report on `wb`), checks again and repeats while safe fixes remain. */
export function fixAllSafe(wb: Workbook, report: WorkbookReport, options: AnalyzeOptions = {}): SafeRun {
  const merged = new Map<string, Edit>();
  let current = wb;
  let last = report;
  let rounds = 0;
  while (rounds < MAX_SAFE_ROUNDS) {
    const edits = safeEdits(last.findings);
    if (edits.length === 0) break;
    for (const e of edits) {
      const key = `${e.sheet}!${e.address}`;
      const first = merged.get(key);
      merged.set(key, first ? { ...e, before: first.before } : e);
    }
    current = applyEdits(current, edits);
    last = analyzeWorkbook(current, options);
    rounds++;
  }
  const edits = [...merged.values()].filter((e) => e.before !== e.after || e.formula !== undefined);
  return { edits: edits.sort((a, b) => (a.sheet + a.address).localeCompare(b.sheet + b.address)), rounds, report: last };
}
