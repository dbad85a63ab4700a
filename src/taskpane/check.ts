// One check run: read through the port, analyze with the (lazily loaded) engine, say which step we are at.
import type { JsonWorkbook } from '../core/report-json';
import type { RuleInfo } from './engine';
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
}

/** An engine failure (not the port's): shown with the `engine` sentence. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
}

/** Lets the browser paint the progress before synchronous work starts. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads the workbook and checks it. Rejects with the port's PortError, or an EngineError when the
 * engine throws. `onStep` is called before each step.
 */
export async function runCheck(port: WorkbookPort, lang: Lang, onStep?: (step: CheckStep) => void): Promise<CheckResult> {
  onStep?.('read');
  const workbook = await port.read();
  onStep?.('analyze');
  await nextPaint();
  try {
    const engine = await import(/* webpackChunkName: "engine" */ './engine');
    return { ...engine.checkWorkbook(workbook, lang), sheets: workbook.sheets.map((s) => s.name) };
  } catch (e) {
    if (e instanceof PortError) throw e;
    throw new EngineError(errorDetail(e));
  }
}
