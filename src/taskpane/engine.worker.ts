// The engine in a Web Worker: a long check (a large workbook, many fixes to verify) leaves the pane
// responsive and able to show how far it is. Same engine, same results as on the page.
import type { Workbook } from '../core/grid/grid';
import { checkWorkbook, type EngineOptions } from './engine';
import type { Lang } from './strings';

/** What the page asks. */
export interface EngineRequest {
  readonly id: number;
  readonly workbook: Workbook;
  readonly lang: Lang;
  readonly options: EngineOptions;
}

/** What the worker answers: progress, then the result or the failure. */
export type EngineReply =
  | { readonly id: number; readonly type: 'verify'; readonly rechecks: number }
  | { readonly id: number; readonly type: 'done'; readonly result: ReturnType<typeof checkWorkbook> }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(reply: EngineReply): void };

scope.onmessage = (e) => {
  const { id, workbook, lang, options } = e.data;
  try {
    const result = checkWorkbook(workbook, lang, options, (rechecks) => scope.postMessage({ id, type: 'verify', rechecks }));
    scope.postMessage({ id, type: 'done', result });
  } catch (err) {
    scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
