// The findings snapshot: every finding the engine reports on a fixed corpus, in a compact, stable form, so
// that a change meant to make the engine faster (or to restructure it) is proven to change no result.
//
//   npx tsx scripts/findings-snapshot.ts           compares with test/fixtures/findings-snapshot.json, prints the differences
//   npx tsx scripts/findings-snapshot.ts --write   regenerates the file (after a change of behaviour made on purpose)
//
// test/core/findings-snapshot.test.ts regenerates it and compares. The corpus:
// - every fixture as the .xlsx adapter reads it (test/fixtures/*.xlsx);
// - every layout variant of every fixture (test/support/variants.ts, as test/core/variants.test.ts builds them);
// - the quality corpus of `npm run bench:quality` (one planted mistake per workbook, same seeds and
//   planting), with 3 workbooks per mistake kind and fixture instead of 9; each planted workbook is
//   stored as the lines it adds to / removes from its clean fixture's findings;
// - a generated consolidated workbook (scripts/generate-workbook.ts, ~3,000 rows) with 40 amounts changed,
//   as `npm run bench:speed` measures fix suggestion.
// Each finding is one line: severity, id, cells, actual/expected/difference, message data, and its first
// two fixes (confidence, verified, edits).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook, type AnalyzeOptions } from '../src/core/analyze';
import { builtinCatalogs } from '../src/core/catalog/builtin';
import type { Finding, Fix } from '../src/core/findings';
import { applyEdits } from '../src/core/fix/apply';
import type { Workbook } from '../src/core/grid/grid';
import { readWorkbookBytes } from '../src/file/xlsx';
import { blankAfterTitles, codesAsNumbers, hiddenSpacerRows, inYuan, numbersAsText, oneSheet, plainSheetNames, spacerColumn } from '../test/support/variants';
import { loadSource, sourceFiles } from './build-fixtures';
import { sourceToWorkbook } from './fixtures/to-grid';
import { generateConsolidated, layoutToWorkbook, plantAmounts } from './generate-workbook';
import { committedCleanEdits } from './quality/make-clean';
import { MISTAKE_KINDS, plant, rng } from './quality/plant';

export const SNAPSHOT_FILE = join(__dirname, '..', 'test', 'fixtures', 'findings-snapshot.json');
const FIXTURES = join(__dirname, '..', 'test', 'fixtures');

const options: AnalyzeOptions = { catalogs: builtinCatalogs };
/** Per mistake kind and fixture (bench:quality plants 9). */
export const PER_KIND = 3;
/** bench:quality's default seed. */
const SEED = 20261126;

export interface Snapshot {
  /** stem → finding lines. */
  fixtures: Record<string, string[]>;
  /** stem → variant → finding lines. */
  variants: Record<string, Record<string, string[]>>;
  /** stem → finding lines of the clean fixture. */
  clean: Record<string, string[]>;
  /** `stem kind i` → the planted edit, and the lines added to (`+`) and removed from (`-`) the clean fixture's. */
  corpus: Record<string, string[]>;
  /** The generated workbook with planted amounts. */
  generated: string[];
}

function fixLine(x: Fix): string {
  const edits = x.edits.map((e) => `${e.sheet}!${e.address} ${e.before}→${e.after}${e.formula !== undefined ? ` =${e.formula}` : ''}`).join(', ');
  return `${x.confidence}${x.verified ? ' ✓' : ''} [${edits}]`;
}

/** One finding as one stable line. */
export function findingLine(f: Finding): string {
  const cells = f.cells.map((c) => `${c.sheet}!${c.address}${c.role === 'checked' ? '' : '*'}`).join(' ');
  const amounts = f.actual !== undefined || f.expected !== undefined ? ` ${f.actual ?? ''}/${f.expected ?? ''}/${f.difference ?? ''}` : '';
  const data = Object.keys(f.message.data)
    .sort()
    .map((k) => `${k}=${f.message.data[k]}`)
    .join(';');
  const fixes = f.fixes.slice(0, 2).map(fixLine).join(' | ');
  const more = f.fixes.length > 2 ? ` (+${f.fixes.length - 2})` : '';
  return `${f.severity} ${f.id} ${f.rule} <${cells}>${amounts} ${f.message.id}{${data}} fixes: ${fixes}${more}`;
}

const lines = (wb: Workbook): string[] => analyzeWorkbook(wb, options).findings.map(findingLine);

const VARIANTS: ReadonlyArray<[string, (wb: Workbook, titles: (s: { name: string }, r: number) => boolean) => Workbook]> = [
  ['one-sheet', (wb) => oneSheet(wb)],
  ['plain-sheet-names', (wb) => plainSheetNames(wb)],
  ['codes-as-numbers', (wb) => codesAsNumbers(wb)],
  ['text-separators', (wb) => numbersAsText(wb, 'separators')],
  ['text-spaces', (wb) => numbersAsText(wb, 'spaces')],
  ['text-full-width', (wb) => numbersAsText(wb, 'full-width')],
  ['spacer-column', (wb) => spacerColumn(wb)],
  ['blank-after-titles', (wb, t) => blankAfterTitles(wb, t)],
  ['hidden-spacer-rows', (wb, t) => hiddenSpacerRows(wb, t)],
  ['in-yuan', (wb) => inYuan(wb)],
];

/** The fixtures as .xlsx files, read by the file adapter. */
async function fixtureLines(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  for (const f of files) out[f] = lines(await readWorkbookBytes(readFileSync(join(FIXTURES, f)), f));
  return out;
}

function variantLines(): Snapshot['variants'] {
  const out: Snapshot['variants'] = {};
  for (const file of sourceFiles()) {
    const source = loadSource(file);
    const base = sourceToWorkbook(source);
    const titleRows = new Set(source.sheets.flatMap((s) => s.tables.map((t) => `${s.name}:${t.firstRow}`)));
    const isTitle = (s: { name: string }, r: number) => titleRows.has(`${s.name}:${r}`);
    const mine: Record<string, string[]> = { base: lines(base) };
    for (const [name, variant] of VARIANTS) mine[name] = lines(variant(base, isTitle));
    out[source.workbook] = mine;
  }
  return out;
}

/** bench:quality's planting (same seeds), PER_KIND workbooks per kind and fixture. */
function corpusLines(): Pick<Snapshot, 'clean' | 'corpus'> {
  const clean: Snapshot['clean'] = {};
  const corpus: Snapshot['corpus'] = {};
  for (const file of sourceFiles()) {
    const src = loadSource(file);
    const wb = applyEdits(sourceToWorkbook(src), committedCleanEdits(src.workbook));
    const base = lines(wb);
    clean[src.workbook] = base;
    const baseSet = new Set(base);
    MISTAKE_KINDS.forEach((kind, k) => {
      for (let i = 0; i < PER_KIND; i++) {
        const r = rng(SEED + 7919 * k + 104729 * i + src.workbook.length);
        const p = plant(wb, kind, r, options);
        if (!p) continue;
        const found = lines(p.workbook);
        const foundSet = new Set(found);
        corpus[`${src.workbook} ${kind} ${i}`] = [
          `planted ${p.planted.sheet}!${p.planted.address} ${p.planted.original}→${p.planted.planted}`,
          ...found.filter((l) => !baseSet.has(l)).map((l) => `+ ${l}`),
          ...base.filter((l) => !foundSet.has(l)).map((l) => `- ${l}`),
        ];
      }
    });
  }
  return { clean, corpus };
}

function generatedLines(): string[] {
  return lines(plantAmounts(layoutToWorkbook(generateConsolidated({ rows: 3000, seed: 20240101 })), 40));
}

export async function buildSnapshot(): Promise<Snapshot> {
  const fixtures = await fixtureLines();
  const variants = variantLines();
  const { clean, corpus } = corpusLines();
  return { fixtures, variants, clean, corpus, generated: generatedLines() };
}

export function snapshotText(s: Snapshot): string {
  return `${JSON.stringify(s, null, 1)}\n`;
}

/** The differences between two snapshots, as readable lines (empty when equal). */
export function snapshotDiff(want: Snapshot, got: Snapshot): string[] {
  const out: string[] = [];
  const walk = (path: string, a: unknown, b: unknown): void => {
    if (Array.isArray(a) || Array.isArray(b)) {
      const x = (Array.isArray(a) ? a : []) as string[];
      const y = (Array.isArray(b) ? b : []) as string[];
      if (JSON.stringify(x) === JSON.stringify(y)) return;
      const xs = new Set(x);
      const ys = new Set(y);
      const gone = x.filter((l) => !ys.has(l));
      const added = y.filter((l) => !xs.has(l));
      out.push(`${path}:${gone.length + added.length === 0 ? ' same lines, another order' : ''}`);
      for (const l of gone) out.push(`  - ${l}`);
      for (const l of added) out.push(`  + ${l}`);
      return;
    }
    const ao = (a ?? {}) as Record<string, unknown>;
    const bo = (b ?? {}) as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) walk(path ? `${path} › ${k}` : k, ao[k], bo[k]);
  };
  walk('', want, got);
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const got = await buildSnapshot();
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (process.argv.includes('--write')) {
    writeFileSync(SNAPSHOT_FILE, snapshotText(got));
    const n = (x: Record<string, string[]>) => Object.values(x).reduce((a, l) => a + l.length, 0);
    console.log(
      `${SNAPSHOT_FILE}: ${n(got.fixtures)} fixture findings, ${Object.values(got.variants).reduce((a, v) => a + n(v), 0)} variant findings, ${Object.keys(got.corpus).length} planted workbooks, ${got.generated.length} generated-workbook findings (${took} s)`,
    );
    return;
  }
  const want = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
  const diff = snapshotDiff(want, got);
  console.log(diff.length === 0 ? `same findings as ${SNAPSHOT_FILE} (${took} s)` : diff.join('\n'));
  if (diff.length > 0) process.exit(1);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
