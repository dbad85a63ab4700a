// Pure layout of the read-only sheet preview: which cells to draw, with merge spans and display text.
import { a1, cellAt, parseA1, type Cell, type Sheet } from '../core/grid/grid';

export interface PreviewCell {
  readonly col: number;
  readonly address: string;
  readonly text: string;
  readonly numeric: boolean;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface PreviewRow {
  readonly row: number;
  readonly hidden: boolean;
  readonly cells: readonly PreviewCell[];
}

export interface PreviewLayout {
  readonly rows: readonly PreviewRow[];
  readonly colCount: number;
  readonly hiddenCols: ReadonlySet<number>;
  /** Whether rows or columns were cut off at the limits. */
  readonly truncated: boolean;
}

/** Groups digits by thousands: `1234567.5` → `1,234,567.5`. */
function thousands(s: string): string {
  const [int = '', frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac}` : grouped;
}

/**
 * A cell's text as the preview shows it: numbers follow the decimals and thousands separator of
 * their number format (`#,##0.00`), otherwise their shortest form; booleans as TRUE/FALSE.
 */
export function displayText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return '';
  const v = cell.value;
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const fmt = (cell.numFmt ?? '').split(';')[0] ?? '';
  const decimals = /0\.(0+)/.exec(fmt)?.[1]?.length;
  const text = decimals !== undefined ? v.toFixed(decimals) : String(v);
  return fmt.includes(',') && !/e/i.test(text) ? thousands(text) : text;
}

/** Lays out a sheet for the preview, at most `maxRows` × `maxCols`, merges drawn as spans. */
export function layoutSheet(sheet: Sheet, maxRows = 1500, maxCols = 60): PreviewLayout {
  const rowCount = Math.min(sheet.rowCount, maxRows);
  const colCount = Math.min(sheet.colCount, maxCols);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    if (m.r0 >= rowCount || m.c0 >= colCount) continue;
    const r1 = Math.min(m.r1, rowCount - 1);
    const c1 = Math.min(m.c1, colCount - 1);
    spans.set(`${m.r0},${m.c0}`, { rowSpan: r1 - m.r0 + 1, colSpan: c1 - m.c0 + 1 });
    for (let r = m.r0; r <= r1; r++) for (let c = m.c0; c <= c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const rows: PreviewRow[] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells: PreviewCell[] = [];
    for (let c = 0; c < colCount; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = cellAt(sheet, r, c);
      const span = spans.get(`${r},${c}`) ?? { rowSpan: 1, colSpan: 1 };
      cells.push({ col: c, address: a1(r, c), text: displayText(cell), numeric: typeof cell?.value === 'number', ...span });
    }
    rows.push({ row: r, hidden: sheet.hiddenRows.has(r), cells });
  }
  return { rows, colCount, hiddenCols: sheet.hiddenCols, truncated: sheet.rowCount > rowCount || sheet.colCount > colCount };
}

/** The anchor address of the merge covering `address`, or `address` itself (selecting inside a merge). */
export function anchorOf(sheet: Pick<Sheet, 'merges'>, address: string): string {
  let row: number;
  let col: number;
  try {
    ({ r0: row, c0: col } = parseA1(address));
  } catch {
    return address;
  }
  const merge = sheet.merges.find((g) => row >= g.r0 && row <= g.r1 && col >= g.c0 && col <= g.c1);
  return merge ? a1(merge.r0, merge.c0) : address;
}

/** The 0-based row of an address (undefined when it is not one). */
export function rowOf(address: string): number | undefined {
  try {
    return parseA1(address).r0;
  } catch {
    return undefined;
  }
}
