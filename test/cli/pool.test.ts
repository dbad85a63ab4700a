// Folders checked on every core (src/cli/pool.ts): the same output and exit status as one file after the
// other, results in file order whichever thread finishes first.
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { run } from '../../src/cli/main';
import { checkInPool, poolThreads } from '../../src/cli/pool';
import { FIXTURES, STEMS } from '../support/fixtures';
import { whoChecks } from '../support/pool-worker';

jest.setTimeout(180_000);

const WORKER = join(__dirname, '..', 'support', 'pool-worker.ts');
const BROKEN = join(__dirname, '..', 'support', 'pool-broken-worker.ts');

async function cli(args: string[], threads: string): Promise<{ code: number; out: string; err: string }> {
  const before = process.env['GOUJI_THREADS'];
  process.env['GOUJI_THREADS'] = threads;
  let out = '';
  let err = '';
  try {
    const code = await run(args, (s) => (out += s + '\n'), (s) => (err += s + '\n'));
    return { code, out, err };
  } finally {
    if (before === undefined) delete process.env['GOUJI_THREADS'];
    else process.env['GOUJI_THREADS'] = before;
  }
}

describe('checkInPool', () => {
  const files = Array.from({ length: 12 }, (_, i) => `f${i}.xlsx`);

  it('gives the results in file order, checked on this thread and a worker', async () => {
    const done: number[] = [];
    const results = await checkInPool(files, whoChecks, { entry: WORKER, opts: { delayMs: 150 }, threads: 2, onDone: (n) => done.push(n) });
    expect(results.map((r) => r.file)).toEqual(files);
    const threads = new Set(results.map((r) => r.thread));
    expect(threads.has(threadId)).toBe(true);
    expect(threads.size).toBe(2);
    expect(done).toEqual(files.map((_, i) => i + 1));
  });

  it('a check that throws rejects the whole, as one by one', async () => {
    await expect(checkInPool(['a.xlsx', 'throw.xlsx', 'b.xlsx'], whoChecks, { entry: WORKER, opts: { delayMs: 1 }, threads: 2 })).rejects.toThrow('cannot check throw.xlsx');
    // This thread busy with the first file: the worker meets the failing one.
    await expect(checkInPool(['slow.xlsx', 'throw.xlsx', 'b.xlsx'], whoChecks, { entry: WORKER, opts: { delayMs: 1 }, threads: 2 })).rejects.toThrow('cannot check throw.xlsx');
  });

  it('a worker that cannot start leaves its files to this thread', async () => {
    const results = await checkInPool(files, whoChecks, { entry: BROKEN, opts: { delayMs: 20 }, threads: 2 });
    expect(results.map((r) => [r.file, r.thread])).toEqual(files.map((f) => [f, threadId]));
  });

  it('threads: one per core, GOUJI_THREADS overrides, never more than the files', () => {
    expect(poolThreads(100, { GOUJI_THREADS: '3' })).toBe(3);
    expect(poolThreads(2, { GOUJI_THREADS: '8' })).toBe(2);
    expect(poolThreads(1, {})).toBe(1);
    expect(poolThreads(100, { GOUJI_THREADS: 'x' })).toBeGreaterThanOrEqual(1);
  });
});

describe('gouji check on several files', () => {
  const files = [...STEMS, ...STEMS].map((s) => join(FIXTURES, `${s}.xlsx`));

  it.each([['json'], ['text'], ['csv']])('--format %s: the same output and exit status on two threads as on one', async (format) => {
    const one = await cli(['check', '--format', format, ...files, join(FIXTURES, 'missing.xlsx')], '1');
    const two = await cli(['check', '--format', format, ...files, join(FIXTURES, 'missing.xlsx')], '2');
    expect(two).toEqual(one);
    expect(one.code).toBe(2);
  });
});
