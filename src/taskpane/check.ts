// One check run: read through the port, analyze with the engine (in its worker), say how far it is.
import type { JsonWorkbook } from '../core/report-json';
import { Cancelled, engineClient, HostFailure, type EngineClient } from './engine-client';
import type { EngineOptions, FindingParts, RuleInfo } from './engine';
import type { HostProgress } from './engine-host';
import type { FixRequest } from './journal';
import { errorDetail, PortError } from './port';
import type { WorkbookPort } from './port';
import type { Lang } from './strings';

/** Reading the workbook, checking it, verifying the fixes it offers (re-checks of copies, counted). */
export type CheckStep = 'read' | 'analyze' | 'verify';

/** Where a check is: its step, how far in percent when known, and the re-checks so far while verifying. */
export interface CheckProgress {
  readonly step: CheckStep;
  readonly percent?: number;
  readonly rechecks?: number;
}

export interface CheckResult {
  readonly report: JsonWorkbook;
  /** Sheet names in workbook order, for sorting findings. */
  readonly sheets: readonly string[];
  /** The engine's rules in listing order, named in the pane's language. */
  readonly rules: readonly RuleInfo[];
  /** "Fix all safe": the safe edits grouped by fix. */
  readonly safe: readonly FixRequest[];
  /** By the index of report.findings: the consequences and members each finding folds in. */
  readonly parts?: ReadonlyArray<FindingParts | undefined>;
}

/** An engine failure (not the port's): shown with the `engine` sentence. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

export { Cancelled };

/** The engine chunk on the page (the JSON and text reports; the checks run in the worker). */
export const loadEngine = () => import(/* webpackChunkName: "engine" */ './engine');

/** The share of a check the first run of the rules takes; verifying the offered fixes takes the rest. */
const ANALYZE_SHARE = 90;

/** The engine host's progress as a step and a whole percentage (of reading the file, or of the check). */
export function progressOf(p: HostProgress): CheckProgress {
  if (p.phase === 'verify') return { step: 'verify', percent: ANALYZE_SHARE, rechecks: p.rechecks };
  if (p.phase === 'read') return { step: 'read', percent: Math.floor((100 * p.done) / Math.max(1, p.total)) };
  return { step: 'analyze', percent: Math.floor((ANALYZE_SHARE * p.done) / Math.max(1, p.total)) };
}

/**
 * Reads the workbook and checks it with the user's options, in the engine worker where there is one
 * (else on the page). A port that holds its workbook in the engine (the file port) checks it there; the
 * others are read on the page first. Rejects with the port's PortError, Cancelled when the user stopped
 * it, or an EngineError when the engine throws. `onStep` hears each step and how far it is.
 */
export async function runCheck(port: WorkbookPort, lang: Lang, options: EngineOptions = {}, onStep?: (p: CheckProgress) => void, client: EngineClient = engineClient()): Promise<CheckResult> {
  try {
    if (port.check) return await port.check(lang, options, (p) => onStep?.(progressOf(p)));
    onStep?.({ step: 'read' });
    const workbook = await port.read();
    onStep?.({ step: 'analyze', percent: 0 });
    const sheets = workbook.sheets?.map((s) => s.name) ?? [];
    const result = await client.call({ type: 'check', lang, options, workbook }, (p) => onStep?.(progressOf(p)));
    return { ...result, sheets };
  } catch (e) {
    if (e instanceof PortError || e instanceof EngineError || e instanceof Cancelled) throw e;
    throw new EngineError(e instanceof HostFailure ? e.message : errorDetail(e));
  }
}
