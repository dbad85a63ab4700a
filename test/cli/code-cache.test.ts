// bin/gouji.js compiles the CLI bundle with the code cache the build writes beside it. The command must say the same
// with the cache, without it, and with a cache V8 refuses (damaged, or made for another bundle): the cache only
// saves compiling. Runs the built bundle (dist/cli, made by `npm ci`) from a copy of bin/ and dist/cli/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli', 'gouji.cjs');
const SAMPLE = join(FIXTURES, '000-yanbian-zhengwu-2024.xlsx');

/** A copy of the command: bin/gouji.js, the bundle, and the project's node_modules. */
function copyOfCommand(): { dir: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-cache-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'gouji.js'), join(dir, 'bin', 'gouji.js'));
  copyFileSync(BUNDLE, join(dir, 'dist', 'cli', 'gouji.cjs'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, cache: join(dir, 'dist', 'cli', 'gouji.cjs.cache') };
}

function check(dir: string, env: NodeJS.ProcessEnv = {}): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'gouji.js'), 'check', SAMPLE, '--format', 'json'], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, out: r.stdout };
}

describe('the code cache of bin/gouji.js', () => {
  it('is written on request, and the command says the same with it, without it and with one V8 refuses', () => {
    const { dir, cache } = copyOfCommand();
    try {
      const without = check(dir);
      expect(without.status).toBe(1); // the sample has errors
      expect(JSON.parse(without.out).workbooks[0].findings.length).toBeGreaterThan(0);
      expect(existsSync(cache)).toBe(false);

      expect(check(dir, { GOUJI_WRITE_CODE_CACHE: '1' })).toEqual(without);
      expect(readFileSync(cache).length).toBeGreaterThan(10_000);
      expect(check(dir)).toEqual(without);

      // Damaged: V8 refuses it and the bundle is compiled as usual.
      const bytes = readFileSync(cache);
      for (let i = 0; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
      writeFileSync(cache, bytes);
      expect(check(dir)).toEqual(without);
      // Made for another bundle (one comment more): refused too.
      writeFileSync(join(dir, 'dist', 'cli', 'gouji.cjs'), `${readFileSync(BUNDLE, 'utf8')}\n// another build\n`);
      expect(check(dir)).toEqual(without);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
