// One check run: read through the port, analyze with the (lazily loaded) engine, say which step we are at.
import type { JsonWorkbook } from '../core/report-json';
import type { EngineOptions, RuleInfo } from './engine';
import type { FixRequest } from './journal';
import { errorDetail, PortError } from './port';
import type { WorkbookPort } from './port';
import type { Lang } from './strings';
import { startEngineWorker } from './engine-worker-client';
import type { EngineReply, EngineRequest } from './engine.worker';

/** Reading the workbook, checking it, verifying the fixes it offers (re-checks of copies, counted). */
export type CheckStep = 'read' | 'analyze' | 'verify';

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

/** The worker could not be started or loaded: the page checks by itself instead. */
class WorkerUnavailable extends Error {}

/** The engine worker: undefined until first asked for, null where there is none. */
let engineWorker: Worker | null | undefined;
let requestId = 0;

function worker(): Worker | undefined {
  if (engineWorker === undefined) engineWorker = startEngineWorker() ?? null;
  return engineWorker ?? undefined;
}

type Analyzed = Omit<CheckResult, 'sheets'>;

/** One check in the worker; rejects with EngineError when the engine fails, WorkerUnavailable when the worker does. */
function analyzeInWorker(w: Worker, request: Omit<EngineRequest, 'id'>, onVerify: (rechecks: number) => void): Promise<Analyzed> {
  const id = ++requestId;
  return new Promise((resolve, reject) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<EngineReply>) => {
      const reply = e.data;
      if (reply.id !== id) return;
      if (reply.type === 'verify') return onVerify(reply.rechecks);
      done();
      if (reply.type === 'done') resolve(reply.result);
      else reject(new EngineError(reply.message));
    };
    const onError = (e: ErrorEvent) => {
      done();
      e.preventDefault();
      reject(new WorkerUnavailable(e.message));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ id, ...request } satisfies EngineRequest);
  });
}

/**
 * Reads the workbook and checks it with the user's options, in the engine worker where there is one
 * (else on the page). Rejects with the port's PortError, or an EngineError when the engine throws.
 * `onStep` is called before each step, and after each re-check while fixes are verified.
 */
export async function runCheck(port: WorkbookPort, lang: Lang, options: EngineOptions = {}, onStep?: (step: CheckStep, rechecks?: number) => void): Promise<CheckResult> {
  onStep?.('read');
  const workbook = await port.read();
  onStep?.('analyze');
  await nextPaint();
  const sheets = workbook.sheets?.map((s) => s.name) ?? [];
  const onVerify = (rechecks: number) => onStep?.('verify', rechecks);
  try {
    const w = worker();
    if (w) {
      try {
        return { ...(await analyzeInWorker(w, { workbook, lang, options }, onVerify)), sheets };
      } catch (e) {
        if (!(e instanceof WorkerUnavailable)) throw e;
        engineWorker = null; // blocked or broken here: check on the page from now on
      }
    }
    const engine = await loadEngine();
    return { ...engine.checkWorkbook(workbook, lang, options, onVerify), sheets };
  } catch (e) {
    if (e instanceof PortError || e instanceof EngineError) throw e;
    throw new EngineError(errorDetail(e));
  }
}
