// `npm run fixtures:clean`: writes test/fixtures/clean/<stem>.edits.json, the edits that repair each
// fixture's real mistakes (the engine's own first fixes, round after round, plus the hand repairs
// in test/fixtures/clean/<stem>.manual.json for what the engine offers no fix for).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import type { Edit } from '../../src/core/findings';
import { applyEdits } from '../../src/core/fix/apply';
import { render } from '../../src/core/messages/catalog';
import { sourceToWorkbook } from '../fixtures/to-grid';
import { loadSource, sourceFiles } from '../build-fixtures';
import { cleanEdits } from './clean';

export const CLEAN_DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'clean');

/** The hand repairs of a fixture (edits the engine does not offer), or none. */
export function manualEdits(stem: string): Edit[] {
  const path = join(CLEAN_DIR, `${stem}.manual.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Edit[]) : [];
}

/** The committed clean edits of a fixture. */
export function committedCleanEdits(stem: string): Edit[] {
  return JSON.parse(readFileSync(join(CLEAN_DIR, `${stem}.edits.json`), 'utf8')) as Edit[];
}

function main(): void {
  mkdirSync(CLEAN_DIR, { recursive: true });
  for (const file of sourceFiles()) {
    const src = loadSource(file);
    const manual = manualEdits(src.workbook);
    const base = applyEdits(sourceToWorkbook(src), manual);
    const { edits, remaining } = cleanEdits(base, { catalogs: builtinCatalogs });
    const all = [...manual, ...edits];
    writeFileSync(join(CLEAN_DIR, `${src.workbook}.edits.json`), JSON.stringify(all, null, 1) + '\n');
    const left = analyzeWorkbook(applyEdits(sourceToWorkbook(src), all), { catalogs: builtinCatalogs, suggestFixes: false }).findings;
    console.log(`${src.workbook}: ${manual.length} hand + ${edits.length} engine edits; left: ${left.filter((f) => f.severity !== 'info').length} errors/warnings, ${left.filter((f) => f.severity === 'info').length} infos`);
    for (const f of remaining.filter((x) => x.severity !== 'info')) console.log(`  ${f.severity} ${f.id} ${render(f.message, 'zh-CN').slice(0, 100)}`);
  }
}

if (require.main === module) main();
