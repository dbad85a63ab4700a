// `npm run bench:quality`: plants one known mistake at a time in clean variants of the fixtures and
// measures detection, localization and repair per mistake kind, and false alarms on the clean ones.
// Usage: tsx scripts/bench-quality.ts [--per-kind N] [--seed S]
import { analyzeWorkbook, type AnalyzeOptions } from '../src/core/analyze';
import { builtinCatalogs } from '../src/core/catalog/builtin';
import type { Edit, Finding } from '../src/core/findings';
import { applyEdits } from '../src/core/fix/apply';
import { Money } from '../src/core/money/money';
import { loadSource, sourceFiles } from './build-fixtures';
import { sourceToWorkbook } from './fixtures/to-grid';
import { committedCleanEdits } from './quality/make-clean';
import { MISTAKE_KINDS, plant, rng, type MistakeKind, type Planted } from './quality/plant';
import { arg } from './args';

const options: AnalyzeOptions = { catalogs: builtinCatalogs };

/** A numeric option, or its default. */
const numberArg = (name: string, fallback: number): number => {
  const v = arg(name);
  return v !== undefined ? Number(v) : fallback;
};

/**
 * Findings that name the planted cell, or a total carried with it (as checked or evidence), themselves or through a
 * consequence folded into them; a class of similar findings counts by its members.
 */
function naming(findings: readonly Finding[], p: Planted): Finding[] {
  const cells = new Set([`${p.sheet}!${p.address}`, ...(p.carried ?? []).map((c) => `${c.sheet}!${c.address}`)]);
  const names = (f: Pick<Finding, 'cells'>) => f.cells.some((c) => cells.has(`${c.sheet}!${c.address}`));
  return findings.flatMap((f) => f.members ?? [f]).filter((f) => names(f) || (f.consequences ?? []).some(names));
}

/** Whether a fix's edits put every carried total back too (a carried mistake is repaired only as a whole). */
function restoresCarried(edits: readonly Edit[], p: Planted): boolean {
  return (p.carried ?? []).every((c) => edits.some((e) => e.sheet === c.sheet && e.address === c.address && sameAmount(e.after, c.originalAmount)));
}

function sameAmount(text: string, v: Money): boolean {
  try {
    return new Money(text.replace(/,/g, '')).eq(v);
  } catch {
    return false;
  }
}

/** Whether an edit's value equals the planted cell's original (amounts compared as numbers). */
function restores(after: string, p: Planted): boolean {
  return p.originalAmount ? sameAmount(after, p.originalAmount) : after.trim() === p.original.trim();
}

/** The template a fixture follows (TEMPLATES.md): the seeds' layouts, Shanghai's nine tables, a central budget, a 决算. */
function templateOf(stem: string): string {
  const n = Number(stem.slice(0, 3));
  return n <= 4 ? 'seeds (Jilin, Henan)' : n === 5 ? 'Shanghai nine tables' : n === 6 ? 'central ministry' : n === 7 ? '部门决算, Shanghai (final accounts)' : n === 8 ? '部门决算, national tables (final accounts)' : stem;
}

/** Every kind is also measured per template (the seeds' layouts, Shanghai, central, 决算). */
const PER_TEMPLATE: readonly MistakeKind[] = MISTAKE_KINDS;

interface Tally {
  planted: number;
  /** Errors and warnings the workbook with one planted mistake gets (all of them): one cause, one finding, ideally. */
  alarms: number;
  detected: number;
  localized: number;
  repaired: number;
  /** Some suggestion, not only the first, restores the original (what a user choosing between balanced options gets). */
  offered: number;
}

function main(): void {
  const perKind = numberArg('--per-kind', 9);
  const seed = numberArg('--seed', 20261126);
  const fresh = (): Tally => ({ planted: 0, alarms: 0, detected: 0, localized: 0, repaired: 0, offered: 0 });
  const tallies = new Map<MistakeKind, Tally>(MISTAKE_KINDS.map((k) => [k, fresh()]));
  const byTemplate = new Map<string, Map<MistakeKind, Tally>>();
  let cleanAlarms = 0;
  let workbooks = 0;
  const started = Date.now();
  for (const file of sourceFiles()) {
    const src = loadSource(file);
    const clean = applyEdits(sourceToWorkbook(src), committedCleanEdits(src.workbook));
    const alarms = analyzeWorkbook(clean, options).findings.filter((f) => f.severity !== 'info');
    cleanAlarms += alarms.length;
    for (const a of alarms) console.log(`  false alarm on clean ${src.workbook}: ${a.severity} ${a.id}`);
    MISTAKE_KINDS.forEach((kind, k) => {
      for (let i = 0; i < perKind; i++) {
        const r = rng(seed + 7919 * k + 104729 * i + src.workbook.length);
        const p = plant(clean, kind, r, options);
        if (!p) continue;
        workbooks++;
        const template = templateOf(src.workbook);
        if (!byTemplate.has(template)) byTemplate.set(template, new Map(PER_TEMPLATE.map((x) => [x, fresh()])));
        const ts = [tallies.get(kind)!, byTemplate.get(template)!.get(kind)].filter((x): x is Tally => x !== undefined);
        const count = (field: keyof Tally, n = 1) => ts.forEach((t) => (t[field] += n));
        count('planted');
        const findings = analyzeWorkbook(p.workbook, options).findings;
        count('alarms', findings.filter((f) => f.severity !== 'info').length);
        const about = naming(findings, p.planted);
        // Detected: an error or warning names the cell (a number stored as text is at most info by design).
        if (about.some((f) => f.severity !== 'info' || kind === 'text-number')) count('detected');
        const at = (x: { edits: readonly Edit[] }) => x.edits.find((e) => e.sheet === p.planted.sheet && e.address === p.planted.address);
        const firsts = about.map((f) => f.fixes[0]).filter((x) => x !== undefined && at(x) !== undefined);
        if (firsts.length > 0) count('localized');
        const repairs = (x: { edits: readonly Edit[] }) => restores(at(x)!.after, p.planted) && restoresCarried(x.edits, p.planted);
        if (firsts.some((x) => repairs(x!))) count('repaired');
        if (about.some((f) => f.fixes.some((x) => at(x) !== undefined && repairs(x)))) count('offered');
      }
    });
  }
  const pct = (n: number, d: number) => (d === 0 ? '   —' : `${((100 * n) / d).toFixed(0).padStart(3)}%`);
  console.log(`\nGouji quality benchmark — ${workbooks} workbooks with one planted mistake each (seed ${seed}), ${sourceFiles().length} clean fixtures`);
  const header = `${'mistake'.padEnd(18)} planted  detected  localized  repaired  offered  E+W each`;
  const perMistake = (t: Tally) => (t.planted === 0 ? '     —' : (t.alarms / t.planted).toFixed(2).padStart(6));
  const line = (name: string, t: Tally) =>
    `${name.padEnd(18)} ${String(t.planted).padStart(7)}  ${pct(t.detected, t.planted).padStart(8)}  ${pct(t.localized, t.planted).padStart(9)}  ${pct(t.repaired, t.planted).padStart(8)}  ${pct(t.offered, t.planted).padStart(7)}  ${perMistake(t).padStart(8)}`;
  const add = (a: Tally, b: Tally): Tally => ({ planted: a.planted + b.planted, alarms: a.alarms + b.alarms, detected: a.detected + b.detected, localized: a.localized + b.localized, repaired: a.repaired + b.repaired, offered: a.offered + b.offered });
  console.log(header);
  let sum = fresh();
  for (const [kind, t] of tallies) {
    console.log(line(kind, t));
    sum = add(sum, t);
  }
  console.log(line('all', sum));
  console.log('(localized and repaired: by the first suggestion; offered: by any suggestion, as when the evidence is balanced;');
  console.log(' E+W each: errors and warnings reported per workbook with one planted mistake — one cause should be one finding)');
  for (const [template, kinds] of byTemplate) {
    console.log(`\n${template}`);
    console.log(header);
    for (const [kind, t] of kinds) if (t.planted > 0) console.log(line(kind, t));
  }
  console.log(`false alarms (errors and warnings) on the clean fixtures: ${cleanAlarms}`);
  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
