// Starts the engine worker. Kept apart so that the tests (node, no Worker, no import.meta) can replace it.

/** A new engine worker, or undefined where the page cannot start one. */
export function startEngineWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'gouji-engine' });
  } catch {
    return undefined;
  }
}
