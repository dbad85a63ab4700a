// End-to-end check of `npm start`: the dev server serves the add-in over https on localhost:3000, at
// every URL manifest.xml names, with a certificate issued by a development CA. The CA and the localhost
// certificate are generated into a temporary folder (office-addin-dev-certs' generator, offline) and
// passed through GOUJI_HTTPS_DIR, so nothing is installed in the machine's trust store; the requests
// trust that CA only. Also checks the served pane keeps its Content-Security-Policy.
// Usage: node test/e2e/devserver.e2e.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCertificates } from 'office-addin-dev-certs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_MS = 240_000;

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✖'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

/** GET over https trusting only `ca`: status, headers and body. */
function get(url, ca) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, timeout: 10_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'gouji-certs-'));
let server;
try {
  await generateCertificates(join(dir, 'ca.crt'), join(dir, 'localhost.crt'), join(dir, 'localhost.key'), 2);
  const ca = readFileSync(join(dir, 'ca.crt'));
  const started = Date.now();
  server = spawn(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), 'serve', '--mode', 'development'], {
    cwd: ROOT,
    env: { ...process.env, GOUJI_HTTPS_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const exited = new Promise((resolve) => server.on('exit', resolve));

  // Wait until the pane is served (the first build takes a while), or the server gives up.
  let first;
  while (Date.now() - started < STARTUP_MS) {
    try {
      first = await get('https://localhost:3000/taskpane.html', ca);
      if (first.status === 200) break;
    } catch {
      // not listening yet
    }
    const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]);
    if (done) break;
  }
  check('npm start serves https://localhost:3000/taskpane.html with a certificate from the development CA', first?.status === 200, log.slice(-2000));
  if (first?.status === 200) {
    console.log(`  (first answer after ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const html = first.body.toString('utf8');
    check('the served pane keeps its Content-Security-Policy', /Content-Security-Policy/.test(html) && /default-src 'self'/.test(html));
    // Every URL the manifest points at answers 200 over https.
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const urls = [...new Set([...manifest.matchAll(/DefaultValue="(https:\/\/localhost:3000\/[^"]+)"/g)].map((m) => m[1]))];
    check('manifest.xml names the pane, the commands page, the help page and the icons', urls.length >= 7, urls.join(' '));
    for (const url of urls) {
      const r = await get(url, ca).catch((e) => ({ status: String(e.message) }));
      check(`GET ${url}`, r.status === 200, String(r.status));
    }
    // office.js comes from the same origin (no CDN).
    const office = await get('https://localhost:3000/office.js', ca).catch((e) => ({ status: String(e.message) }));
    check('office.js is served locally', office.status === 200, String(office.status));
  }
} catch (e) {
  check('dev server check ran', false, e instanceof Error ? e.message : String(e));
} finally {
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
console.log(`devserver: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
