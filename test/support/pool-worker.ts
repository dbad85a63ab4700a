// Test support: a module a pool worker (src/cli/pool.ts) can load: its check says which thread ran it.
import { threadId } from 'node:worker_threads';
import { isPoolWorker, serveChecks } from '../../src/cli/pool';

/** The check: the file's name back and the thread that checked it; names starting with "throw" fail, with "slow" take 2.5 s. */
export async function whoChecks(file: string, opts: { delayMs: number }): Promise<{ file: string; thread: number }> {
  if (file.startsWith('throw')) throw new Error(`cannot check ${file}`);
  const until = Date.now() + (file.startsWith('slow') ? 2500 : opts.delayMs);
  while (Date.now() < until) {
    // busy, as a real check is: the thread holds the file for delayMs
  }
  return { file, thread: threadId };
}

if (isPoolWorker()) serveChecks(whoChecks);
