// Subject-code catalogs (政府收支分类科目): lookup by code, by name under a parent, tolerant of widths and truncation.
import { labelKey } from '../text';

/** The shape of a catalog data file in data/. */
export interface CatalogData {
  readonly catalog: string;
  readonly year?: number;
  readonly source: string;
  readonly entries: ReadonlyArray<readonly [string, string]>;
}

/** The key names are compared by: no spaces, half-width brackets, no list numbering. */
export function nameKey(name: string): string {
  return labelKey(name);
}

export class Catalog {
  readonly catalog: string;
  readonly year: number | undefined;
  readonly source: string;
  private readonly names = new Map<string, string>();
  private readonly byKey = new Map<string, string[]>();

  constructor(data: CatalogData) {
    this.catalog = data.catalog;
    this.year = data.year;
    this.source = data.source;
    for (const [code, name] of data.entries) {
      this.names.set(code, name);
      const k = nameKey(name);
      const list = this.byKey.get(k) ?? [];
      list.push(code);
      this.byKey.set(k, list);
    }
  }

  get size(): number {
    return this.names.size;
  }

  /** The catalog's name of a code, or undefined when the code is not in the catalog. */
  name(code: string): string | undefined {
    return this.names.get(code);
  }

  /**
   * Codes whose name matches `name`, optionally only those under `under` (a code prefix).
   * An exact key match wins; otherwise a printed name that is a prefix of the catalog's name
   * (truncated by the column width, at least 4 characters) matches.
   */
  findByName(name: string, under = '', length?: number): string[] {
    const key = nameKey(name);
    if (key === '') return [];
    const fits = (code: string) => code.startsWith(under) && code !== under && (length === undefined || code.length === length);
    const exact = (this.byKey.get(key) ?? []).filter(fits);
    if (exact.length > 0) return exact;
    if (key.length < 4) return [];
    const out: string[] = [];
    for (const [k, codes] of this.byKey) if (k.startsWith(key)) out.push(...codes.filter(fits));
    return out;
  }
}
