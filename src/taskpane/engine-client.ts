// The page's way to the engine host (engine-host.ts): requests go to the engine worker, so that reading and
// checking a large workbook never block the page; where no worker starts, the host runs on the page
// (its own chunk). cancel() stops the worker at once: whatever it was doing, and the workbook it held.
import type { EngineHost, HostAnswers, HostProgress, HostRequest } from './engine-host';
import { failureReply, type HostEnvelope, type HostReply } from './engine-protocol';
import { startEngineWorker } from './engine-worker-client';

/** The user stopped the work (取消). */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  constructor() {
    super('cancelled');
  }
}

/** The host failed: `reason` when it is the reader's sentence about the file; `noDocument` when nothing is open. */
export class HostFailure extends Error {
  override readonly name = 'HostFailure';
  constructor(
    message: string,
    readonly reason?: { readonly zh: string; readonly en: string },
    readonly noDocument = false,
  ) {
    super(message);
  }
}

/** Turns anything the host threw on the page into what a worker's failure would be. */
function asFailure(e: unknown): HostFailure {
  if (e instanceof HostFailure) return e;
  const r = failureReply(0, e);
  return r.type === 'error' ? new HostFailure(r.message, r.reason, r.noDocument) : new HostFailure(String(e));
}

export interface EngineClient {
  /** Sends a request; `onProgress` hears how far it is. Rejects with Cancelled or HostFailure. */
  call<R extends HostRequest>(request: R, onProgress?: (p: HostProgress) => void): Promise<HostAnswers[R['type']]>;
  /** Stops everything under way (its calls reject with Cancelled); the opened workbook is gone with it. */
  cancel(): void;
  /** Called after cancel(): what the host held is gone. */
  onReset(listener: () => void): () => void;
}

/** The worker could not be started or died: the page runs the host from now on. */
class WorkerUnavailable extends Error {}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (e: unknown) => void;
  readonly onProgress?: (p: HostProgress) => void;
}

export interface EngineClientDeps {
  readonly startWorker?: () => Worker | undefined;
  /** The host on the page (tests pass one; the pane loads engine-host.ts in its own chunk). */
  readonly localHost?: () => Promise<EngineHost>;
}

const loadLocalHost = () => import(/* webpackChunkName: "engine" */ './engine-host').then((m) => m.createEngineHost());

export function createEngineClient({ startWorker = startEngineWorker, localHost = loadLocalHost }: EngineClientDeps = {}): EngineClient {
  /** undefined: not started yet; null: none here (the page runs the host). */
  let worker: Worker | null | undefined;
  let local: Promise<EngineHost> | undefined;
  /** Bumped by cancel(): the page host's answers of an earlier generation are dropped. */
  let generation = 0;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const resetListeners = new Set<() => void>();

  const onMessage = (e: MessageEvent<HostReply>) => {
    const reply = e.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') return p.onProgress?.(reply.progress);
    pending.delete(reply.id);
    if (reply.type === 'done') p.resolve(reply.result);
    else p.reject(new HostFailure(reply.message, reply.reason, reply.noDocument));
  };
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    const dead = worker;
    worker = null; // blocked or broken here: the page runs the host from now on
    dead?.terminate();
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new WorkerUnavailable(e.message));
    }
  };
  const theWorker = (): Worker | undefined => {
    if (worker === undefined) {
      worker = startWorker() ?? null;
      worker?.addEventListener('message', onMessage);
      worker?.addEventListener('error', onError);
    }
    return worker ?? undefined;
  };

  const inWorker = <R extends HostRequest>(w: Worker, request: R, onProgress?: (p: HostProgress) => void) =>
    new Promise<HostAnswers[R['type']]>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      // The file's bytes move to the worker (the caller sends a copy); nothing else is large.
      const transfer = request.type === 'open' ? [request.bytes] : [];
      w.postMessage({ id, request } satisfies HostEnvelope, transfer);
    });

  const onPage = async <R extends HostRequest>(request: R, onProgress?: (p: HostProgress) => void): Promise<HostAnswers[R['type']]> => {
    const mine = generation;
    const id = ++nextId;
    const done = new Promise<HostAnswers[R['type']]>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    void (async () => {
      try {
        local ??= localHost();
        const host = await local;
        const result = await host(request, (p) => mine === generation && onProgress?.(p));
        pending.get(id)?.resolve(result);
      } catch (e) {
        pending.get(id)?.reject(asFailure(e));
      } finally {
        pending.delete(id);
      }
    })();
    return done;
  };

  return {
    async call(request, onProgress) {
      const w = theWorker();
      if (w) {
        try {
          return await inWorker(w, request, onProgress);
        } catch (e) {
          if (!(e instanceof WorkerUnavailable)) throw e;
        }
      }
      return onPage(request, onProgress);
    },
    cancel() {
      generation++;
      if (worker) {
        worker.terminate();
        worker = undefined; // a fresh one on the next call
      }
      local = undefined; // the page's host starts empty too
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new Cancelled());
      }
      for (const l of resetListeners) l();
    },
    onReset(listener) {
      resetListeners.add(listener);
      return () => resetListeners.delete(listener);
    },
  };
}

let shared: EngineClient | undefined;

/** The pane's one engine client (one worker for the file port and the checks). */
export function engineClient(): EngineClient {
  shared ??= createEngineClient();
  return shared;
}
