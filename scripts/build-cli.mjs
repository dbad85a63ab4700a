// Bundles the `gouji` CLI (src/cli/main.ts) into dist/cli/gouji.cjs with esbuild; run by `npm ci` (prepare).
// Then checks the bundled sample once with GOUJI_WRITE_CODE_CACHE=1, so that bin/gouji.js writes the code cache
// it compiles the bundle with (dist/cli/gouji.cjs.cache; see bin/gouji.js).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli/gouji.cjs.cache', { force: true });

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile: 'dist/cli/gouji.cjs',
  sourcemap: true,
  logLevel: 'warning',
});

const warm = spawnSync(process.execPath, ['bin/gouji.js', 'check', 'assets/samples/000-yanbian-zhengwu-2024.xlsx', '--format', 'json', '--no-fail'], {
  env: { ...process.env, GOUJI_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// Without the cache the command works as well, only compiles more: a failure here is said, not fatal.
if (warm.status !== 0) console.warn(`build-cli: the code cache was not written (the sample check exited with ${warm.status})`);
