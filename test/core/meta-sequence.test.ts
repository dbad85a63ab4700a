// Rule meta-sequence: 序号 columns without gaps or repeats (tables built directly, with the proposed Row.seq).
import { DEFAULT_ROUNDING } from '../../src/core/findings';
import { render } from '../../src/core/messages/catalog';
import type { Row, Table } from '../../src/core/recognize/model';
import { metaSequence } from '../../src/core/rules/meta-sequence';

function table(seqs: Array<string | undefined>): Table {
  const rows = seqs.map((seq, i) => ({ row: 5 + i, name: `项目${i}`, isTotal: false, amounts: new Map(), ...(seq !== undefined ? { seq } : {}) }) as Row);
  return {
    sheet: '预算表9',
    rect: { r0: 0, c0: 0, r1: 5 + seqs.length, c1: 3 },
    kind: 'project-expenditure',
    title: '项目支出表(预算表9)',
    meta: {},
    columns: [{ col: 0, path: ['序号'], role: 'seq' }, { col: 1, path: ['项目名称'], role: 'name' }],
    rows,
  };
}

const check = (t: Table) => metaSequence.check({ tables: [t], rounding: DEFAULT_ROUNDING, catalogs: {}, meta: {} });

describe('meta-sequence', () => {
  it('accepts 1, 2, 3 …, blank 序号 cells, and blocks numbered from 1 again', () => {
    expect(check(table(['1', '2', undefined, '3', '4', '1', '2']))).toEqual([]);
  });

  it('notes a gap at the row after it, with the row before as evidence', () => {
    const f = check(table(['1', '2', '3', '4', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '21']));
    expect(f.map((x) => `${x.cells[0]!.address}/${x.cells[1]!.address} ${x.severity} ${render(x.message, 'zh-CN')}`)).toEqual([
      'A10/A9 info 序号从 4 跳到 7，缺 5–6（可能删去了行）。',
      'A23/A22 info 序号从 19 跳到 21，缺 20（可能删去了行）。',
    ]);
  });

  it('notes a repeated or backward number', () => {
    expect(check(table(['1', '2', '2', '3'])).map((x) => x.message.id)).toEqual(['meta-sequence.repeat']);
    expect(check(table(['1', '2', '3', '5', '4'])).map((x) => x.message.id)).toEqual(['meta-sequence.gap', 'meta-sequence.back']);
  });

  it('takes the rows only the other side of a two-sided summary fills as numbered there', () => {
    const income = { ...table(['1', '2', '5']), kind: 'income-expense-summary' as const, part: 'income' as const };
    const rows = income.rows.map((r, i) => ({ ...r, row: [5, 6, 9][i]! }));
    const expenditure: Table = { ...income, part: 'expenditure', columns: [{ col: 4, path: ['支出', '项目'], role: 'name' }], rows: [7, 8].map((row) => ({ row, name: '支出', isTotal: false, amounts: new Map() })) };
    expect(metaSequence.check({ tables: [{ ...income, rows }, expenditure], rounding: DEFAULT_ROUNDING, catalogs: {}, meta: {} })).toEqual([]);
  });
});
