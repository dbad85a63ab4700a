// Test support: a module that fails as it loads in a pool worker (src/cli/pool.ts), as a worker that cannot start.
import { isPoolWorker } from '../../src/cli/pool';

if (isPoolWorker()) throw new Error('this worker cannot start');
export {};
