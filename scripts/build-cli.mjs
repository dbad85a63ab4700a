// Bundles the `gouji` CLI (src/cli/main.ts) into dist/cli/gouji.cjs with esbuild; run by `npm ci` (prepare).
import { build } from 'esbuild';

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
