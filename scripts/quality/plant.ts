// Plants one known mistake in a clean workbook: the corpus of the quality benchmark.
import { constraintsOf, recognizeWorkbook, type AnalyzeOptions } from '../../src/core/analyze';
import { cellKey, holds, splitKey, type Constraint } from '../../src/core/fix/constraints';
import type { Edit } from '../../src/core/findings';
import { rng } from '../generate-workbook';
import { applyEdits } from '../../src/core/fix/apply';
import { a1, cellAt, cellText, parseA1, type Workbook } from '../../src/core/grid/grid';
import { formatAmount, Money } from '../../src/core/money/money';
import type { Row, Table } from '../../src/core/recognize/model';

export const MISTAKE_KINDS = [
  'changed-leaf',
  'changed-subtotal',
  'swapped-digits',
  'one-digit',
  'shifted-decimal',
  'sign-flip',
  'unit-mix',
  'wrong-code',
  'wrong-name',
  'wrong-department',
  'text-number',
  'project-renamed',
  'carried-leaf',
  'summary-line',
  'changed-percent',
  'project-column',
  'of-which',
] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

/** A planted mistake: where, what was there, what is there now. */
export interface Planted {
  readonly kind: MistakeKind;
  readonly sheet: string;
  readonly address: string;
  readonly original: string;
  readonly planted: string;
  /** For amounts: the original value, to tell whether a fix restores it. */
  readonly originalAmount?: Money;
  /**
   * A carried mistake: the totals that moved with the planted cell (as when they are formulas), so that the
   * table adds up and only another table disagrees. A repair restores them too.
   */
  readonly carried?: ReadonlyArray<{ readonly sheet: string; readonly address: string; readonly originalAmount: Money }>;
}

/** The seeded PRNG of the workbook generator: the corpus is the same on every run. */
export { rng };

const pick = <T>(r: () => number, xs: readonly T[]): T | undefined => (xs.length === 0 ? undefined : xs[Math.floor(r() * xs.length)]);

interface AmountSite {
  table: Table;
  row: Row;
  col: number;
  value: Money;
  leaf: boolean;
}

/** Amount cells holding a number ≥ 1 in tables with a hierarchy, marked leaf or subtotal. */
function amountSites(tables: readonly Table[]): AmountSite[] {
  const out: AmountSite[] = [];
  for (const table of tables) {
    if (table.kind === 'narrative' || table.kind === 'project-performance' || table.kind === 'department-performance') continue;
    const codes = new Set(table.rows.map((r) => r.code).filter((c): c is string => c !== undefined));
    for (const row of table.rows) {
      const leaf = row.code !== undefined ? ![...codes].some((c) => c !== row.code && c.startsWith(row.code!)) : row.level === 3;
      for (const [col, cell] of row.amounts) {
        if (cell.parsed.kind === 'amount' && cell.parsed.storage === 'number' && cell.value && cell.value.abs().gte(1)) out.push({ table, row, col, value: cell.value, leaf: leaf && !row.isTotal });
      }
    }
  }
  return out;
}

function amountEdit(s: AmountSite, after: Money): Edit {
  return { sheet: s.table.sheet, address: a1(s.row.row, s.col), before: formatAmount(s.value), after: formatAmount(after) };
}

/** Digit strings → amounts: swap two adjacent different digits, or change one digit. */
function swapDigits(v: Money, r: () => number): Money | undefined {
  const d = v.toFixed(2).replace('.', '');
  const spots = [...d].map((_, i) => i).filter((i) => i + 1 < d.length && d[i] !== d[i + 1]);
  const i = pick(r, spots);
  if (i === undefined) return undefined;
  const s = d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2);
  return new Money(`${s.slice(0, -2)}.${s.slice(-2)}`);
}

function changeDigit(v: Money, r: () => number): Money {
  const d = v.toFixed(2).replace('.', '');
  const i = Math.floor(r() * d.length);
  const old = Number(d[i]);
  const next = (old + 1 + Math.floor(r() * 9)) % 10;
  const s = d.slice(0, i) + String(next) + d.slice(i + 1);
  return new Money(`${s.slice(0, -2)}.${s.slice(-2)}`);
}

/**
 * Plants one mistake of a kind in a workbook, chosen with the seeded generator. Returns the new
 * workbook and where the mistake is, or undefined when the workbook has no place for that kind.
 */
export function plant(wb: Workbook, kind: MistakeKind, r: () => number, options: AnalyzeOptions): { workbook: Workbook; planted: Planted } | undefined {
  const { tables } = recognizeWorkbook(wb, options);
  const sites = amountSites(tables);
  const text = (sheet: string, row: number, col: number) => cellText(cellAt(wb.sheets.find((s) => s.name === sheet)!, row, col));
  const done = (edit: Edit, originalAmount?: Money) => ({
    workbook: applyEdits(wb, [edit]),
    planted: { kind, sheet: edit.sheet, address: edit.address, original: edit.before, planted: edit.after, ...(originalAmount ? { originalAmount } : {}) },
  });
  switch (kind) {
    case 'changed-leaf':
    case 'changed-subtotal': {
      const s = pick(r, sites.filter((x) => x.leaf === (kind === 'changed-leaf')));
      if (!s) return undefined;
      const delta = new Money(Math.round((1 + r() * 200) * 100)).div(100).times(r() < 0.5 ? -1 : 1);
      const after = s.value.plus(delta).abs();
      return after.eq(s.value) ? undefined : done(amountEdit(s, after), s.value);
    }
    case 'swapped-digits': {
      for (let k = 0; k < 10; k++) {
        const s = pick(r, sites);
        const after = s && swapDigits(s.value, r);
        if (s && after && !after.eq(s.value)) return done(amountEdit(s, after), s.value);
      }
      return undefined;
    }
    case 'one-digit': {
      const s = pick(r, sites);
      return s ? done(amountEdit(s, changeDigit(s.value, r)), s.value) : undefined;
    }
    case 'shifted-decimal': {
      const s = pick(r, sites);
      return s ? done(amountEdit(s, r() < 0.5 ? s.value.times(10) : s.value.div(10).toDecimalPlaces(2)), s.value) : undefined;
    }
    case 'sign-flip': {
      const s = pick(r, sites);
      return s ? done(amountEdit(s, s.value.negated()), s.value) : undefined;
    }
    case 'unit-mix': {
      const s = pick(r, sites);
      return s ? done(amountEdit(s, s.value.times(10000)), s.value) : undefined;
    }
    case 'text-number': {
      const s = pick(r, sites);
      if (!s) return undefined;
      const grouped = s.value.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      const e = amountEdit(s, s.value);
      return { workbook: setCell(wb, e.sheet, e.address, grouped), planted: { kind, sheet: e.sheet, address: e.address, original: e.before, planted: grouped, originalAmount: s.value } };
    }
    case 'wrong-code': {
      const rows = tables.flatMap((t) => t.rows.filter((x) => x.codeSource === 'cell' && x.code && x.code.length === 7 && x.unitCode === undefined).map((row) => ({ t, row })));
      const p = pick(r, rows);
      if (!p) return undefined;
      const col = p.t.columns.find((c) => c.role === 'code');
      if (!col) return undefined;
      const before = text(p.t.sheet, p.row.row, col.col);
      const after = `${p.row.code!.slice(0, 5)}${p.row.code!.slice(5) === '98' ? '97' : '98'}`;
      return done({ sheet: p.t.sheet, address: a1(p.row.row, col.col), before, after });
    }
    case 'wrong-name': {
      const rows = tables.flatMap((t) => t.rows.filter((x) => x.code && x.name.length >= 4).map((row) => ({ t, row })));
      const p = pick(r, rows);
      const other = pick(r, rows.filter((x) => p && x.row.name !== p.row.name && x.row.code?.length === p.row.code?.length));
      const col = p?.t.columns.find((c) => c.role === 'name');
      if (!p || !other || !col) return undefined;
      return done({ sheet: p.t.sheet, address: a1(p.row.row, col.col), before: text(p.t.sheet, p.row.row, col.col), after: other.row.name });
    }
    case 'wrong-department': {
      const withDept = tables.filter((t) => t.meta.departmentCell && t.meta.department);
      const t = pick(r, withDept);
      if (!t) return undefined;
      const { row, col } = t.meta.departmentCell!;
      const before = text(t.sheet, row, col);
      // The name after the colon becomes another body's (the cell may also hold the unit: keep it).
      const after = before.replace(/([:：]\s*)[^\s:：]+/, '$1某某县农业农村局');
      return after === before ? undefined : done({ sheet: t.sheet, address: a1(row, col), before, after });
    }
    case 'carried-leaf': {
      // A data cell (the total of no identity of its sheet) changed, with every total above it in its sheet.
      const set = constraintsOf(wb, options);
      const inSheet = (c: Constraint) => !c.soft && [c.total, ...c.terms].every((k) => splitKey(k).sheet === splitKey(c.total).sheet);
      const local = set.constraints.filter(inSheet);
      const totals = new Set(local.map((c) => c.total));
      const data = sites.filter((x) => x.leaf && !totals.has(cellKey(x.table.sheet, a1(x.row.row, x.col))));
      for (let k = 0; k < 10; k++) {
        const s = pick(r, data);
        if (!s) return undefined;
        const delta = new Money(Math.round((1 + r() * 200) * 100)).div(100).times(r() < 0.5 ? -1 : 1);
        if (s.value.plus(delta).lte(0)) continue;
        const moved = new Set([cellKey(s.table.sheet, a1(s.row.row, s.col))]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const c of local) if (!moved.has(c.total) && c.terms.some((t) => moved.has(t))) (moved.add(c.total), (grew = true));
        }
        if (moved.size < 2) continue;
        const edits = [...moved].map((key): Edit => {
          const { sheet, address } = splitKey(key);
          const before = set.values.get(key) ?? new Money(0);
          return { sheet, address, before: formatAmount(before), after: formatAmount(before.plus(delta)) };
        });
        const changed = applyEdits(wb, edits);
        // Every identity of the sheet still holds: only another table can tell.
        const after = constraintsOf(changed, options);
        if (after.constraints.some((c) => inSheet(c) && splitKey(c.total).sheet === s.table.sheet && !holds(c, after.values))) continue;
        const [first, ...rest] = edits;
        return {
          workbook: changed,
          planted: {
            kind,
            sheet: first!.sheet,
            address: first!.address,
            original: first!.before,
            planted: first!.after,
            originalAmount: s.value,
            carried: rest.map((e) => ({ sheet: e.sheet, address: e.address, originalAmount: new Money(e.before) })),
          },
        };
      }
      return undefined;
    }
    case 'summary-line': {
      // A line of a summary list (收支总表, 财政拨款收支总表: a 类 line, a fund line) that other tables also state.
      const lines = sites.filter((x) => (x.table.kind === 'income-expense-summary' || x.table.kind === 'fiscal-appropriation-summary') && !x.row.isTotal && !/合计|总计/.test(x.row.name));
      const s = pick(r, lines);
      if (!s) return undefined;
      const delta = new Money(Math.round((1 + r() * 200) * 100)).div(100).times(r() < 0.5 ? -1 : 1);
      const after = s.value.plus(delta).abs();
      return after.eq(s.value) ? undefined : done(amountEdit(s, after), s.value);
    }
    case 'changed-percent': {
      // A 增减% cell: one digit of its printed percentage changed (0.031 shown 3.1% → 4.1%).
      const cells = tables.flatMap((t) =>
        t.columns.filter((c) => c.role === 'change-pct').flatMap((c) => t.rows.flatMap((row) => {
          const cell = row.amounts.get(c.col);
          return cell?.value !== undefined && cell.numFmt?.includes('%') && !cell.value.isZero() ? [{ t, row, col: c.col, value: cell.value, numFmt: cell.numFmt }] : [];
        })),
      );
      const p = pick(r, cells);
      if (!p) return undefined;
      const decimals = (/0\.(0+)%/.exec(p.numFmt)?.[1]?.length ?? 0) + 2;
      const step = new Money(1).div(new Money(10).pow(decimals - 1)).times(1 + Math.floor(r() * 4)).times(r() < 0.5 ? -1 : 1);
      const after = p.value.plus(step);
      const edit = { sheet: p.t.sheet, address: a1(p.row.row, p.col), before: p.value.toFixed(decimals), after: after.toFixed(decimals) };
      return done(edit, p.value);
    }
    case 'project-column': {
      // A project's amount in a column other than its 合计 (本年拨款, 财政拨款结转 …).
      const cells = sites.filter((x) => x.table.kind === 'project-expenditure' && x.leaf && x.table.columns.find((c) => c.col === x.col)?.role !== 'total');
      const s = pick(r, cells);
      if (!s) return undefined;
      const delta = new Money(Math.round((1 + r() * 200) * 100)).div(100).times(r() < 0.5 ? -1 : 1);
      const after = s.value.plus(delta).abs();
      return after.eq(s.value) ? undefined : done(amountEdit(s, after), s.value);
    }
    case 'of-which': {
      // An "其中" amount (a column 其中：财政拨款, a line 其中：…) raised above the whole it belongs to.
      const cells = tables.flatMap((t) =>
        t.columns
          .filter((c) => /^其中/.test((c.path[c.path.length - 1] ?? '').replace(/\s+/g, '')))
          .flatMap((c) => t.rows.flatMap((row) => {
            const cell = row.amounts.get(c.col);
            return cell?.value !== undefined && cell.parsed.kind === 'amount' && cell.parsed.storage === 'number' && cell.value.gte(1) ? [{ table: t, row, col: c.col, value: cell.value, leaf: false }] : [];
          })),
      );
      const s = pick(r, cells);
      if (!s) return undefined;
      return done(amountEdit(s, s.value.plus(new Money(Math.round((1 + r() * 200) * 100)).div(100))), s.value);
    }
    case 'project-renamed': {
      const projects = tables.filter((t) => t.kind === 'project-expenditure').flatMap((t) => t.rows.filter((x) => x.level === 3 && x.name.length >= 4).map((row) => ({ t, row })));
      const p = pick(r, projects);
      const col = p?.t.columns.find((c) => c.role === 'project-l2' || c.role === 'name');
      if (!p || !col) return undefined;
      const before = text(p.t.sheet, p.row.row, col.col);
      return done({ sheet: p.t.sheet, address: a1(p.row.row, col.col), before, after: `${before.slice(0, Math.max(2, before.length - 2))}专项经费` });
    }
  }
}

/** Writes a value into one cell as it is (a number stored as text stays text). */
function setCell(wb: Workbook, sheet: string, address: string, value: string): Workbook {
  const { r0: row, c0: col } = parseA1(address);
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const cells = s.cells.map((line) => (line ? [...line] : line));
      const line = (cells[row] ??= []);
      line[col] = { ...(line[col] ?? { row, col }), value };
      return { ...s, cells };
    }),
  };
}
