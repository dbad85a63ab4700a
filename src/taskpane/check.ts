// One check run: read through the port, analyze with the (lazily loaded) engine, say which step we are at.
import type { JsonWorkbook } from '../core/report-json';
import type { EngineOptions, RuleInfo } from './engine';
import type { FixRequest } from './journal';
import { errorDetail, PortError } from './port';
import type { WorkbookPort } from './port';
import type { Lang } from './strings';

export type CheckStep = 'read' | 'analyze';

export interface CheckResult {
  readonly report: JsonWorkbook;
  /** Sheet names in workbook order, for sorting findings. */
  readonly sheets: readonly string[];
  /** The engine's rules in listing order, named in the pane's language. */
  readonly rules: readonly RuleInfo[];
  /** "Fix all safe": the safe edits grouped by fix. */
  readonly safe: readonly FixRequest[];
}

/** An engine failure (not the port's): shown with the `engine` sentence. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

/** Lets the browser paint the progress before synchronous work starts. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The engine chunk (loaded once, on the first check). */
export const loadEngine = () => import(/* webpackChunkName: "engine" */ './engine');

/**
 * Reads the workbook and checks it with the user's options. Rejects with the port's PortError, or an
 * EngineError when the engine throws. `onStep` is called before each step.
 */
export async function runCheck(port: WorkbookPort, lang: Lang, options: EngineOptions = {}, onStep?: (step: CheckStep) => void): Promise<CheckResult> {
  onStep?.('read');
  const workbook = await port.read();
  onStep?.('analyze');
  await nextPaint();
  try {
    const engine = await loadEngine();
    return { ...engine.checkWorkbook(workbook, lang, options), sheets: workbook.sheets.map((s) => s.name) };
  } catch (e) {
    if (e instanceof PortError) throw e;
    throw new EngineError(errorDetail(e));
  }
}
