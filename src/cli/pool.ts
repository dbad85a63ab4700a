// Checking many workbooks on every core: worker threads, each loading the CLI itself (the bundle, or the
// sources under tsx in tests), check the files handed to them while this thread checks others. Results
// are kept in the order of the files, so what is printed and the exit status are exactly those of
// checking the files one after the other.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROLE = 'gouji-check-worker';

/** The check of one file, the same in every thread. Its result must survive structured cloning (plain data). */
export type CheckOne<O, R> = (file: string, opts: O) => Promise<R>;

/** Files each worker holds at once: the next one is there when it finishes, whatever this thread is doing. */
const IN_FLIGHT = 2;

/** How many threads to check `files` files with: one per core (GOUJI_THREADS overrides), at most one per file. */
export function poolThreads(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env['GOUJI_THREADS']);
  const cores = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
  return Math.max(1, Math.min(cores, files));
}

/** Whether this thread is a pool worker (the module that loads in it then calls `serveChecks`). */
export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/** In a pool worker: checks every file sent, with the options the pool was given, and says when it is ready. */
export function serveChecks<O, R>(check: CheckOne<O, R>): void {
  const port = parentPort!;
  const opts = (workerData as { opts: O }).opts;
  port.on('message', (m: { index: number; file: string }) => {
    check(m.file, opts).then(
      (result) => port.postMessage({ index: m.index, result }),
      (e: unknown) => port.postMessage({ index: m.index, error: e instanceof Error ? e.message : String(e) }),
    );
  });
  port.postMessage({ ready: true });
}

/** The Worker that loads `entry` (a .ts entry is loaded through tsx, as in tests). */
function startWorker<O>(entry: string, opts: O): Worker {
  const data = { role: ROLE, opts };
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
  /** Called as each file is done (any order), e.g. for a progress line. */
  readonly onDone?: (done: number, file: string) => void;
}

/**
 * Checks the files with `check` on `threads` threads (this one and threads − 1 workers); the results in
 * the order of `files`. A worker that fails to start or stops gives its files back to the others; a check
 * that throws rejects the whole, as it would one by one.
 */
export function checkInPool<O, R>(files: readonly string[], check: CheckOne<O, R>, pool: PoolOptions<O>): Promise<R[]> {
  const results: R[] = new Array<R>(files.length);
  const queue = files.map((_, i) => i);
  const workers = new Set<Worker>();
  let done = 0;
  let failed = false;
  let hereRunning = false;
  return new Promise<R[]>((resolve, reject) => {
    const stopAll = () => {
      for (const w of workers) void w.terminate();
      workers.clear();
    };
    const finish = (index: number, result: R) => {
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

    // This thread: takes files while there are any, letting the workers' messages in between two files.
    const here = async () => {
      if (hereRunning) return;
      hereRunning = true;
      try {
        for (let i = queue.shift(); i !== undefined && !failed; i = queue.shift()) {
          finish(i, await check(files[i]!, pool.opts));
          await new Promise((r) => setImmediate(r));
        }
      } catch (e) {
        fail(e);
      } finally {
        hereRunning = false;
      }
    };

    for (let w = 1; w < pool.threads; w++) {
      let worker: Worker;
      try {
        worker = startWorker(pool.entry, pool.opts);
      } catch {
        continue; // no worker: the other threads do its share
      }
      workers.add(worker);
      const held = new Set<number>();
      const feed = () => {
        while (held.size < IN_FLIGHT && queue.length > 0 && !failed) {
          const i = queue.shift()!;
          held.add(i);
          worker.postMessage({ index: i, file: files[i] });
        }
      };
      const lost = () => {
        // Failed to start, or stopped: its files go back to the queue, and this thread picks them up.
        if (!workers.delete(worker) || failed) return;
        queue.unshift(...held);
        held.clear();
        void here();
      };
      worker.on('message', (m: { ready?: boolean; index?: number; result?: R; error?: string }) => {
        if (m.ready) return feed();
        if (m.index === undefined) return;
        held.delete(m.index);
        if (m.error !== undefined) return fail(new Error(m.error));
        feed();
        finish(m.index, m.result as R);
      });
      worker.on('error', lost);
      worker.on('exit', lost);
    }
    if (files.length === 0) resolve(results);
    else void here();
  });
}
