// bin/gouji.js lowers the priority of V8's helper threads (Linux), so that on a small machine they use idle cores
// and never the main thread's. Observed from inside the command's process: a preloaded probe reads every thread's
// nice value from /proc when the command ends.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const linux = process.platform === 'linux';

const PROBE = `
process.on('exit', () => {
  const fs = require('node:fs');
  const nice = {};
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
    nice[tid === String(process.pid) ? 'main' : tid] = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  }
  fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify(nice));
});
`;

(linux ? describe : describe.skip)('bin/gouji.js on Linux', () => {
  it('runs the helper threads at the lowest priority and the main thread at its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-nice-'));
    try {
      const probe = join(dir, 'probe.cjs');
      const out = join(dir, 'nice.json');
      writeFileSync(probe, PROBE);
      const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin', 'gouji.js'), '--version'], { env: { ...process.env, PROBE_OUT: out }, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const nice = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>;
      const before = spawnSync(process.execPath, ['-p', 'require("node:os").getPriority()'], { encoding: 'utf8' });
      const own = Number(before.stdout.trim());
      expect(nice['main']).toBe(own);
      const helpers = Object.entries(nice).filter(([k]) => k !== 'main');
      expect(helpers.length).toBeGreaterThan(0);
      for (const [, n] of helpers) expect(n).toBe(19);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
