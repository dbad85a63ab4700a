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
  const rows: Row[] = table.rows.map((row) => {
    if (row.isTotal || row.name.trim() === '') return row;
    const found =
      first(catalog.findByName(row.name, '', 3)) ??
      (lei ? first(catalog.findByName(row.name, lei, 5)) : undefined) ??
      (kuan ? first(catalog.findByName(row.name, kuan, 7)) : undefined) ??
      (lei ? first(catalog.findByName(row.name, lei, 7)) : undefined);
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
    return { ...row, code: found, codeSource: 'inferred' as const, level: levelOfCode(found) };
  });
  return { table: { ...table, rows }, notes };
}

/** The single candidate, or undefined when there are none or several. */
function first(codes: string[]): string | undefined {
  return codes.length === 1 ? codes[0] : undefined;
}
