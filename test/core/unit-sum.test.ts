// A unit's parent in a 汇总 is the unit whose code is the longest proper prefix of its code (the first row of a
// repeated code): the indexed lookup agrees with that definition on any codes.
import fc from 'fast-check';
import type { Row } from '../../src/core/recognize/model';
import { parentUnits } from '../../src/core/rules/unit-sum';

/** The definition, unit by unit over every other unit. */
function byDefinition(row: Row, units: readonly Row[]): Row | undefined {
  let best: Row | undefined;
  for (const u of units) {
    if (u !== row && row.unitCode!.startsWith(u.unitCode!) && u.unitCode!.length < row.unitCode!.length) {
      if (!best || u.unitCode!.length > best.unitCode!.length) best = u;
    }
  }
  return best;
}

describe('unit-sum parents', () => {
  it('are the longest proper prefixes among the units, the first of a repeated code', () => {
    fc.assert(
      // Two digits only, so that codes are often prefixes of each other and repeat.
      fc.property(fc.array(fc.stringMatching(/^[12]{1,5}$/), { minLength: 1, maxLength: 40 }), (codes) => {
        const units = codes.map((unitCode, i): Row => ({ row: i, name: `单位${i}`, level: undefined, isTotal: false, unitCode, amounts: new Map() }));
        const parents = parentUnits(units);
        for (const u of units) expect(parents.get(u)).toBe(byDefinition(u, units));
      }),
      { numRuns: 400 },
    );
  });
});
