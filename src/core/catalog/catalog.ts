// Subject-code catalogs (政府收支分类科目): lookup by code, by name under a parent, tolerant of widths and truncation.
import { labelKey } from '../text';

/** The shape of a catalog data file in data/. */
export interface CatalogData {
  readonly catalog: string;
  /** The budget year of a yearly catalog (支出功能分类). */
  readonly year?: number;
  /** The first budget year a standing catalog (经济分类) is in force. */
  readonly validFrom?: number;
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
  readonly validFrom: number | undefined;
  readonly source: string;
  private readonly names = new Map<string, string>();
  private readonly byKey = new Map<string, string[]>();

  constructor(data: CatalogData) {
    this.catalog = data.catalog;
    this.year = data.year;
    this.validFrom = data.validFrom;
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

  /** Whether the catalog lists a code. */
  has(code: string): boolean {
    return this.names.has(code);
  }

  /** Every code of the catalog with its name, in catalog order. */
  entries(): IterableIterator<[string, string]> {
    return this.names.entries();
  }

  /** Codes whose name, compared by nameKey, is exactly `name` (no prefix matching). */
  codesNamed(name: string): readonly string[] {
    return this.byKey.get(nameKey(name)) ?? [];
  }

  /**
   * Codes whose name matches `name`, optionally only those under `under` (a code prefix).
   * An exact key match wins; otherwise a printed name that is a prefix of the catalog's name
   * (truncated by the column width: at least 4 characters, 2 under a parent) matches.
   * `mode` restricts the search to exact or to truncated matches.
   */
  findByName(name: string, under = '', length?: number, mode?: 'exact' | 'prefix'): string[] {
    // A truncated name is looked for through the whole catalog: the answers are remembered (a copy is given out).
    const memo = `${under}|${length ?? ''}|${mode ?? ''}|${name}`;
    let found = this.found.get(memo);
    if (!found) {
      if (this.found.size >= 20_000) this.found.clear();
      this.found.set(memo, (found = this.search(name, under, length, mode)));
    }
    return found.slice();
  }

  private readonly found = new Map<string, string[]>();

  private search(name: string, under: string, length: number | undefined, mode: 'exact' | 'prefix' | undefined): string[] {
    const key = nameKey(name);
    if (key === '') return [];
    const fits = (code: string) => code.startsWith(under) && code !== under && (length === undefined || code.length === length);
    const exact = mode === 'prefix' ? [] : (this.byKey.get(key) ?? []).filter(fits);
    if (exact.length > 0 || mode === 'exact') return exact;
    // A truncated name: at least 4 characters, or 2 when looked up under a known parent.
    if (key.length < (under === '' ? 4 : 2)) return [];
    const out: string[] = [];
    for (const [k, codes] of this.byKey) if (k.startsWith(key) && k !== key) out.push(...codes.filter(fits));
    return out;
  }
}

/** Which catalog a rename belongs to (renames.json). */
export type CatalogFamily = 'functional' | 'economic-department' | 'economic-government';

/** A former name of a code (renames.json): `new` null when the code was removed. */
export interface Rename {
  readonly catalog: CatalogFamily;
  readonly code: string;
  readonly old: string;
  readonly new: string | null;
  /** First budget year of the new name (or of the removal); null when not known. */
  readonly since: number | null;
  readonly note?: string;
}

/** How sure the curator is of one mapping row (economic-mapping.json). */
export type MappingConfidence = 'high' | 'medium' | 'low';

export interface MappingEntry {
  /** 部门预算支出经济分类 款. */
  readonly dept: string;
  /** 政府预算支出经济分类 款 for 行政单位 and 参公事业单位 (机关). */
  readonly admin: string;
  /** 政府预算支出经济分类 款 for 事业单位. */
  readonly institution: string;
  readonly confidence: MappingConfidence;
}

export interface EconomicMappingData {
  readonly catalog: string;
  readonly validFrom?: number;
  readonly source: string;
  readonly unmappedDeptCodes?: readonly string[];
  readonly entries: readonly MappingEntry[];
}

/** The correspondence 部门预算经济分类 款 → 政府预算经济分类 款, per unit kind. */
export class EconomicMapping {
  readonly validFrom: number | undefined;
  readonly source: string;
  private readonly byDept = new Map<string, MappingEntry>();
  private readonly unmapped: ReadonlySet<string>;

  constructor(data: EconomicMappingData) {
    this.validFrom = data.validFrom;
    this.source = data.source;
    for (const e of data.entries) this.byDept.set(e.dept, e);
    this.unmapped = new Set(data.unmappedDeptCodes ?? []);
  }

  /** The mapping row of a department economic 款, or undefined when we have none. */
  of(dept: string): MappingEntry | undefined {
    return this.byDept.get(dept);
  }

  /** Whether the curator left a department code out on purpose (its government 款 is unknown). */
  isUnmapped(dept: string): boolean {
    return this.unmapped.has(dept);
  }

  /** The government 类 a department 类 maps to (from every 款 row under it), per unit kind. */
  classesOf(deptClass: string): { admin: ReadonlySet<string>; institution: ReadonlySet<string> } {
    const admin = new Set<string>();
    const institution = new Set<string>();
    for (const e of this.byDept.values()) {
      if (!e.dept.startsWith(deptClass)) continue;
      admin.add(e.admin.slice(0, 3));
      institution.add(e.institution.slice(0, 3));
    }
    return { admin, institution };
  }
}
