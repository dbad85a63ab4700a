// Every finding on the fixtures, their layout variants, the quality corpus and a generated workbook is the
// one recorded in test/fixtures/findings-snapshot.json: changes made for speed change no result.
// After a change of behaviour made on purpose: `npx tsx scripts/findings-snapshot.ts --write`, and review the diff.
import { readFileSync } from 'node:fs';
import { buildSnapshot, SNAPSHOT_FILE, snapshotDiff, type Snapshot } from '../../scripts/findings-snapshot';

it('reports the recorded findings (regenerate with `npx tsx scripts/findings-snapshot.ts --write`)', async () => {
  const want = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
  const got = await buildSnapshot();
  expect(snapshotDiff(want, got).slice(0, 60).join('\n')).toBe('');
}, 180_000);
