// Runs axe-core (from node_modules, never a CDN) on a page of the e2e test and returns its violations.
// The pane's Content-Security-Policy allows no inline script, so the page's context must be created with
// `bypassCSP: true` for page.addScriptTag({ content }) to inject it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page as it is now: { id, impact, nodes: [selector …] } each. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')), why: v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 240) }));
  });
}

/** The serious and critical violations, as lines for a failure message. */
export function serious(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).join(', ')} — ${v.why}`);
}
