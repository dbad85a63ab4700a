// Test support: the fixture workbooks, their readable sources and their hand-check lists.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbook } from '../../src/core/grid/grid';
import { readWorkbookBytes } from '../../src/file/xlsx';
import { parseFixtureSource, type FixtureSource } from '../../scripts/fixtures/source';

export const FIXTURES = join(__dirname, '..', 'fixtures');
const SRC = join(FIXTURES, 'src');

/** Fixture stems (`000-yanbian-zhengwu-2024` …), one per seed document. */
export const STEMS: readonly string[] = readdirSync(SRC)
  .filter((f) => f.endsWith('.tables.txt'))
  .map((f) => f.replace(/\.tables\.txt$/, ''))
  .sort();

const cache = new Map<string, Promise<Workbook>>();

/** The built fixture workbook, read through the .xlsx adapter (cached per test file). */
export function loadFixture(stem: string): Promise<Workbook> {
  let p = cache.get(stem);
  if (!p) {
    p = readWorkbookBytes(readFileSync(join(FIXTURES, `${stem}.xlsx`)), `${stem}.xlsx`);
    cache.set(stem, p);
  }
  return p;
}

export function loadSource(stem: string): FixtureSource {
  return parseFixtureSource(readFileSync(join(SRC, `${stem}.tables.txt`), 'utf8'), stem);
}

export interface HandCheck {
  sheet: string;
  table: string;
  row: string;
  column: string;
  stated: string;
  expected: string;
  identity: string;
  note: string;
}

/** The inconsistencies a person found by hand in a fixture (test/fixtures/src/*.handcheck.tsv). */
export function loadHandChecks(stem: string): HandCheck[] {
  const text = readFileSync(join(SRC, `${stem}.handcheck.tsv`), 'utf8');
  const [, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.map((l) => {
    const [sheet = '', table = '', row = '', column = '', stated = '', expected = '', identity = '', note = ''] = l.split('\t');
    return { sheet, table, row, column, stated, expected, identity, note };
  });
}
