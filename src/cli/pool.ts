// Checking many workbooks on every core: worker threads, each loading the CLI itself (the bundle, or the
// sources under tsx in tests), check files while this thread checks others. Every thread takes the next
// file from one shared counter (no thread waits for another to hand it work); results are kept in the
// order of the files, so what is printed and the exit status are exactly those of checking the files one
// after the other.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROLE = 'gouji-check-worker';

/** The check of one file, the same in every thread. Its result must survive structured cloning (plain data). */
export type CheckOne<O, R> = (file: string, opts: O) => Promise<R>;

/** What a pool worker is given. */
interface WorkerData<O> {
  readonly role: typeof ROLE;
  readonly files: readonly string[];
  readonly opts: O;
  /** One Int32: the index of the next file to check, shared by every thread. */
  readonly next: Int32Array;
}

/** Messages from a worker: it took a file, or is done with it. */
type FromWorker<R> = { readonly took: number } | { readonly index: number; readonly result: R } | { readonly index: number; readonly error: string };

/**
 * Below this many files, one thread: a worker's start and its own warming up (the engine's code compiled
 * again in its isolate, some 1–2 s of CPU) cost about what it would save.
 */
export const POOL_MIN_FILES = 8;

/** How many threads to check `files` files with: one per core from POOL_MIN_FILES files on (GOUJI_THREADS overrides), at most one per file. */
export function poolThreads(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env['GOUJI_THREADS']);
  if (Number.isInteger(asked) && asked > 0) return Math.max(1, Math.min(asked, files));
  return files < POOL_MIN_FILES ? 1 : Math.max(1, Math.min(availableParallelism(), files));
}

/** Whether this thread is a pool worker (the module that loads in it then calls `serveChecks`). */
export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/** In a pool worker: takes files from the shared counter and checks them with `check` until none is left. */
export function serveChecks<O, R>(check: CheckOne<O, R>): void {
  const port = parentPort!;
  const { files, opts, next } = workerData as WorkerData<O>;
  void (async () => {
    for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
      port.postMessage({ took: i });
      try {
        port.postMessage({ index: i, result: await check(files[i]!, opts) });
      } catch (e) {
        port.postMessage({ index: i, error: e instanceof Error ? e.message : String(e) });
        return;
      }
    }
  })();
}

/** The Worker that loads `entry` (a .ts entry is loaded through tsx, as in tests). */
function startWorker<O>(entry: string, data: WorkerData<O>): Worker {
  if (!/\.ts$/.test(entry)) return new Worker(entry, { workerData: data });
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData: data });
}

export interface PoolOptions<O> {
  /** The module a worker loads: it calls `serveChecks(check)` when `isPoolWorker()`. */
  readonly entry: string;
  readonly opts: O;
  /** Threads in all, this one included (see poolThreads). */
  readonly threads: number;
  /** Called as each file is done (in any order), e.g. for a progress line. */
  readonly onDone?: (done: number, file: string) => void;
}

/**
 * Checks the files with `check` on `threads` threads (this one and threads − 1 workers); the results in
 * the order of `files`. The files of a worker that fails to start or stops are checked by this thread; a
 * check that throws rejects the whole, as it would one by one.
 */
export function checkInPool<O, R>(files: readonly string[], check: CheckOne<O, R>, pool: PoolOptions<O>): Promise<R[]> {
  const results: R[] = new Array<R>(files.length);
  const finished = new Uint8Array(files.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  /** Files taken by a worker that stopped before checking them. */
  const orphans: number[] = [];
  const workers = new Set<Worker>();
  let done = 0;
  let failed = false;
  let hereRunning = false;
  return new Promise<R[]>((resolve, reject) => {
    if (files.length === 0) return resolve(results);
    const stopAll = () => {
      for (const w of workers) void w.terminate();
      workers.clear();
    };
    const finish = (index: number, result: R) => {
      // Once only: a file a stopped worker had taken may be checked here and still arrive from it.
      if (finished[index] || failed) return;
      finished[index] = 1;
      results[index] = result;
      done++;
      pool.onDone?.(done, files[index]!);
      if (done === files.length) {
        stopAll();
        resolve(results);
      }
    };
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(e instanceof Error ? e : new Error(String(e)));
    };

    // This thread: takes files like the workers, letting their messages in between two files.
    const here = async () => {
      if (hereRunning) return;
      hereRunning = true;
      try {
        for (;;) {
          let i = orphans.shift();
          if (i === undefined) i = Atomics.add(next, 0, 1);
          if (i >= files.length || failed) break;
          if (finished[i]) continue;
          finish(i, await check(files[i]!, pool.opts));
          await new Promise((r) => setImmediate(r));
        }
      } catch (e) {
        fail(e);
      } finally {
        hereRunning = false;
      }
    };

    const data: WorkerData<O> = { role: ROLE, files, opts: pool.opts, next };
    for (let w = 1; w < pool.threads; w++) {
      let worker: Worker;
      try {
        worker = startWorker(pool.entry, data);
      } catch {
        continue; // no worker: the other threads do its share
      }
      workers.add(worker);
      const held = new Set<number>();
      worker.on('message', (m: FromWorker<R>) => {
        if ('took' in m) held.add(m.took);
        else if ('error' in m) fail(new Error(m.error));
        else {
          held.delete(m.index);
          finish(m.index, m.result);
        }
      });
      const lost = () => {
        // Failed to start, or stopped: the files it took and did not finish are checked here.
        if (!workers.delete(worker) || failed) return;
        orphans.push(...held);
        held.clear();
        void here();
      };
      worker.on('error', lost);
      worker.on('exit', lost);
    }
    void here();
  });
}
