// End-to-end check of the built task pane in browser mode: serves dist/ on 127.0.0.1, opens
// taskpane.html in Debian's chromium, opens a fixture workbook, checks it, goes to a finding's cell
// (by mouse and by keyboard), and saves screenshots to docs/. Fails on any request to another origin,
// any failed request, console error (CSP violations included) or sideways scrolling.
// Builds nothing: run `npm run build` first.
// Usage: node test/e2e/taskpane.e2e.mjs   (CHROMIUM=/path/to/chromium to override the browser)
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const DOCS = join(ROOT, 'docs');
const FIXTURE = join(ROOT, 'test', 'fixtures', '000-yanbian-zhengwu-2024.xlsx');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

function fail(message) {
  console.error(`✖ ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

if (!existsSync(join(DIST, 'taskpane.html'))) fail('dist/taskpane.html is missing: run `npm run build` first');
if (!existsSync(CHROMIUM)) {
  // On a developer's machine without Chromium the end-to-end test is skipped, and says so; CI installs it.
  if (process.env.CI) fail(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`);
  console.log(`e2e: 0 passed, 0 failed, 1 skipped (no browser at ${CHROMIUM}: apt-get install -y chromium to run it)`);
  process.exit(0);
}

/** A plain static server of dist/ (no directory listings, nothing outside dist/). */
function serve() {
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(DIST, path === '/' ? 'taskpane.html' : path));
    if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const problems = [];
const VIEWPORTS = [
  { width: 320, height: 900, lang: 'zh-CN' },
  { width: 480, height: 900, lang: 'zh-CN' },
  { width: 320, height: 900, lang: 'en-US' },
  { width: 1280, height: 800, lang: 'zh-CN' },
];
try {
  mkdirSync(DOCS, { recursive: true });
  for (const { width, height, lang } of VIEWPORTS) {
    const name = `taskpane-${width}${lang === 'en-US' ? '-en' : ''}`;
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, locale: lang });
    const page = await context.newPage();
    const requested = [];
    context.on('request', (r) => {
      requested.push(r.url());
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== base) problems.push(`${name}: request to another origin: ${r.url()}`);
    });
    context.on('requestfailed', (r) => problems.push(`${name}: request failed: ${r.url()} (${r.failure()?.errorText})`));
    context.on('response', (r) => r.status() >= 400 && problems.push(`${name}: HTTP ${r.status()} for ${r.url()}`));
    page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`${name}: console error: ${m.text()}`));

    const t0 = Date.now();
    await page.goto(`${base}/taskpane.html${lang === 'en-US' ? '?lang=en-US' : ''}`);
    const input = page.getByTestId('file-input');
    await input.waitFor({ state: 'attached', timeout: 10_000 });
    const ready = Date.now() - t0;
    // A plain tab is browser mode at once: no office.js, and neither ExcelJS nor the engine yet.
    const early = requested.filter((u) => /\/(office\.js|xlsx\.[^/]*\.js|engine\.[^/]*\.js)$/.test(u));
    if (early.length > 0) problems.push(`${name}: loaded before use: ${early.join(', ')}`);
    if ((await page.getAttribute('html', 'lang')) !== lang) problems.push(`${name}: <html lang> is not ${lang}`);
    await input.setInputFiles(FIXTURE);
    const check = page.getByTestId('check');
    await page.waitForFunction(() => document.querySelector('[data-testid="check"]')?.disabled === false, null, { timeout: 20_000 });
    if ((await check.innerText()).trim() !== (lang === 'en-US' ? 'Check' : '检查')) fail(`${name}: the primary button says ${await check.innerText()}`);
    await check.click();
    await page.getByTestId('finding').first().waitFor({ timeout: 20_000 });
    const summary = await page.getByTestId('summary').innerText();
    if (!summary.includes('延边朝鲜族自治州政务服务和数字化建设管理局') || !summary.includes('2024') || !summary.includes('万元')) fail(`${name}: summary lacks department/year/unit:\n${summary}`);
    const findings = page.getByTestId('finding');
    const count = await findings.count();

    // Click a finding: the preview switches to its sheet and highlights its cell, in view.
    const target = findings.nth(Math.min(1, count - 1));
    const where = await target.getAttribute('data-where');
    const [sheet, address] = where.split('!');
    await target.getByRole('button').click();
    const cell = page.locator(`[data-testid="preview"][data-sheet="${sheet}"] td[data-address="${address}"][aria-current="true"]`);
    await cell.waitFor({ timeout: 10_000 });
    const inView = await cell.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const pane = el.closest('[role="region"]').getBoundingClientRect();
      return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1 && box.left >= pane.left - 1 && box.right <= pane.right + 1;
    });
    if (!inView) fail(`${name}: ${where} is highlighted but not scrolled into the preview`);

    // Keyboard: the first finding's cell link, activated with Enter, selects too.
    const first = findings.first();
    const firstWhere = await first.getAttribute('data-where');
    await first.getByRole('button').focus();
    await page.keyboard.press('Enter');
    const [s1, a1] = firstWhere.split('!');
    await page.locator(`[data-testid="preview"][data-sheet="${s1}"] td[data-address="${a1}"][aria-current="true"]`).waitFor({ timeout: 10_000 });

    // Layout: nothing wider than the pane.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${name}: the page scrolls sideways by ${overflow}px`);

    // Screenshots with the second finding selected: the top of the pane, and (narrow) its findings.
    await target.getByRole('button').click();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(DOCS, `${name}.png`) });
    if (width < 760 && lang === 'zh-CN') {
      await page.getByTestId('counts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -12));
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(DOCS, `${name}-findings.png`) });
      await page.getByTestId('preview').evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(DOCS, `${name}-preview.png`) });
    }
    console.log(`✔ ${name}: standalone in ${ready} ms, ${count} findings, ${where} selected in the preview, ${firstWhere} by keyboard`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) fail(`problems:\n  ${problems.join('\n  ')}`);
console.log(`✔ screenshots in ${DOCS}`);
console.log(`e2e: ${VIEWPORTS.length} passed, 0 failed`);
