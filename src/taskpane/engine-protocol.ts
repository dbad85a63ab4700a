// The messages between the page (engine-client.ts) and the engine worker (engine.worker.ts).
import type { HostProgress, HostRequest } from './engine-host';

/** A request as it crosses to the worker. */
export interface HostEnvelope {
  readonly id: number;
  readonly request: HostRequest;
}

/** What the worker answers: progress, then the answer or the failure. */
export type HostReply =
  | { readonly id: number; readonly type: 'progress'; readonly progress: HostProgress }
  | { readonly id: number; readonly type: 'done'; readonly result: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string; readonly reason?: { readonly zh: string; readonly en: string }; readonly noDocument?: boolean };

/** A failure of the host as the worker sends it: the reader's sentences kept, never a stack. */
export function failureReply(id: number, e: unknown): HostReply {
  const err = e as { name?: string; message?: string; zh?: unknown; en?: unknown };
  const reason = typeof err?.zh === 'string' && typeof err?.en === 'string' ? { zh: err.zh, en: err.en } : undefined;
  return { id, type: 'error', message: err?.message ?? String(e), ...(reason ? { reason } : {}), ...(err?.name === 'NoDocument' ? { noDocument: true } : {}) };
}

