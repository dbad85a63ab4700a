// The code hierarchy of a table (hierarchyOf) against its definition, on rows of any order: each coded row's
// children are the rows whose nearest ancestor code present in the same unit's block is its code; a code repeated
// within a unit counts at its first row; totals are no one's child; parents are listed in table order.
import fc from 'fast-check';
import { hierarchyOf } from '../../src/core/rules/hierarchy';
import type { Row, Table } from '../../src/core/recognize/model';

/** Codes of a small tree (2 类, 2 款 each, 2 项 each), so that rows share ancestors and some ancestors are missing. */
const CODES = ['201', '202'].flatMap((lei) => [lei, ...['01', '02'].flatMap((k) => [lei + k, lei + k + '01', lei + k + '02'])]);

const rowSpec = fc.record({ code: fc.constantFrom(...CODES), unit: fc.constantFrom<string | undefined>(undefined, '101', '102'), total: fc.boolean() });

function tableOf(specs: ReadonlyArray<{ code: string; unit: string | undefined; total: boolean }>): Table {
  const rows: Row[] = specs.map((s, i) => ({ row: i, code: s.code, name: '', isTotal: s.total && i % 5 === 0, amounts: new Map(), ...(s.unit !== undefined ? { unit: s.unit } : {}) }));
  return { sheet: 'S', rect: { r0: 0, c0: 0, r1: rows.length, c1: 2 }, kind: 'general-budget-expenditure', title: 'T', meta: {}, columns: [], rows };
}

/** The definition, as plainly as it can be written: every pair of rows compared. */
function reference(table: Table): { parents: Row[]; children: Map<Row, Row[]> } {
  const coded = table.rows.filter((r, i) => r.code && !r.isTotal && !table.rows.slice(0, i).some((o) => o.code === r.code && !o.isTotal && (o.unit ?? '') === (r.unit ?? '')));
  const children = new Map<Row, Row[]>();
  for (const child of coded) {
    // The longest proper prefix of the code (5 or 3 digits) that a row of the same unit has.
    const ancestors = coded.filter((p) => (p.unit ?? '') === (child.unit ?? '') && p.code!.length < child.code!.length && child.code!.startsWith(p.code!) && [3, 5].includes(p.code!.length));
    const nearest = ancestors.sort((a, b) => b.code!.length - a.code!.length)[0];
    if (nearest) children.set(nearest, [...(children.get(nearest) ?? []), child]);
  }
  return { parents: coded.filter((r) => children.has(r)), children };
}

describe('hierarchyOf', () => {
  it('gives each coded row the rows whose nearest ancestor in its unit it is, rows in any order, units grouped or not', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 40 }), fc.boolean(), (specs, grouped) => {
        const ordered = grouped ? [...specs].sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? '')) : specs;
        const table = tableOf(ordered);
        const h = hierarchyOf(table);
        const want = reference(table);
        expect(h.parents.map((r) => r.row)).toEqual(want.parents.map((r) => r.row));
        for (const p of want.parents) expect(h.childrenOf(p.code!, p.unit).map((r) => r.row)).toEqual(want.children.get(p)!.map((r) => r.row));
      }),
      { numRuns: 500 },
    );
  });
});
