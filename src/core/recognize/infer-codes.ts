// Codes for tables printed without a code column (names only, hierarchy by order), from the catalog.
import type { Catalog } from '../catalog/catalog';
import type { RecognitionNote, Row, Table } from './model';
import { levelOfCode } from './tables';

/**
 * Gives each uncoded row the code its name has in the catalog, reading the rows in order:
 * a 类 name sets the current 类, a 款 name is looked up under it, a 项 name under the current 款.
 * Rows that stay unresolved keep no code and are listed in the notes.
 */
export function inferCodes(table: Table, catalog: Catalog): { table: Table; notes: RecognitionNote[] } {
  if (table.rows.some((r) => r.code !== undefined)) return { table, notes: [] };
  const notes: RecognitionNote[] = [];
  let lei = '';
  let kuan = '';
  let previous = '';
  const rows: Row[] = table.rows.map((row) => {
    if (row.isTotal || row.name.trim() === '') return row;
    const found = resolve(catalog, row.name, lei, kuan, previous);
    if (!found) {
      notes.push({ sheet: table.sheet, range: `A${row.row + 1}`, message: `no-code-for-name:${row.name.replace(/\s+/g, '')}` });
      return row;
    }
    if (found.length === 3) {
      lei = found;
      kuan = '';
    } else if (found.length === 5) {
      kuan = found;
    }
    previous = found;
    return { ...row, code: found, codeSource: 'inferred' as const, level: levelOfCode(found) };
  });
  return { table: { ...table, rows }, notes };
}

/**
 * The code of a name in context: exact names before truncated ones, the nearest level first
 * (类, then 款 under the current 类, then 项 under the current 款 or 类), never the previous row's
 * code again (a 项 named like its 款 is the 款's child), and only an unambiguous candidate.
 */
function resolve(catalog: Catalog, name: string, lei: string, kuan: string, previous: string): string | undefined {
  const tries: Array<[string, number]> = [['', 3]];
  if (lei) tries.push([lei, 5]);
  if (kuan) tries.push([kuan, 7]);
  if (lei) tries.push([lei, 7]);
  for (const mode of ['exact', 'prefix'] as const) {
    for (const [under, length] of tries) {
      const codes = catalog.findByName(name, under, length, mode).filter((c) => c !== previous);
      if (codes.length === 1) return codes[0];
    }
  }
  return undefined;
}
