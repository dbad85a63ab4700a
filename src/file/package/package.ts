// The workbook package (.xlsx / .xlsm is a zip of XML parts): open it with fflate and find its parts
// the way Excel does, through the relationships, never by fixed file names. Shared by the reader and
// the copy writer. No ExcelJS here.
import { unzipSync } from 'fflate';

/** A package that cannot be opened as a workbook; `zh` and `en` are for people. */
export class PackageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'PackageError';
  }
}

/** One entry of the zip, as its central directory lists it. */
export interface PackageEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly compression: number;
  readonly size: number;
  readonly originalSize: number;
}

/** A relationship of a part (`_rels/.rels`, `xl/_rels/workbook.xml.rels` …), target resolved to a part name. */
export interface Relationship {
  readonly id: string;
  /** The relationship type URI (transitional or strict). */
  readonly type: string;
  /** The target as written. */
  readonly target: string;
  /** The part the target names (resolved against the source part's folder), or the target itself when external. */
  readonly part: string;
  readonly external: boolean;
}

/** A worksheet (or chartsheet) of the workbook, in workbook order. */
export interface SheetPart {
  readonly name: string;
  readonly sheetId: string;
  readonly rId: string;
  /** visible | hidden | veryHidden */
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The part name (`xl/worksheets/sheet1.xml`), or undefined when the relationship is missing. */
  readonly part?: string;
  /** Whether the part is a worksheet (chartsheets and dialog sheets hold no cells). */
  readonly isWorksheet: boolean;
}

const decoder = new TextDecoder('utf-8');

/** Decodes the five XML entities and numeric character references. */
export function xmlUnescape(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp']!;
  });
}

/** Escapes text for an XML attribute or element. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The attributes of one start tag's text (`<sheet name="a" r:id="rId1"/>`), local names as keys, values unescaped. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const full = m[1]!;
    const local = full.includes(':') && !full.startsWith('xmlns') ? full.slice(full.indexOf(':') + 1) : full;
    const value = xmlUnescape(m[2] ?? m[3] ?? '');
    // A prefixed r:id and a plain id can both exist (sheet has no plain id): keep the first of each name.
    if (!(full in out)) out[full] = value;
    if (!(local in out)) out[local] = value;
  }
  return out;
}

/** Every start (or empty) tag of an element, with or without a namespace prefix (`<x:sheet …>`). */
export function tagsOf(xml: string, localName: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

/** Resolves a relationship target against the folder of its source part (`xl/workbook.xml` + `worksheets/sheet1.xml`). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/')).split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `` (the package) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** The zip entries of a workbook package, opened; parts are read on demand. */
export class XlsxPackage {
  private constructor(
    /** Entries in the order of the zip. */
    readonly entries: readonly PackageEntry[],
    private readonly data: Map<string, Uint8Array>,
    /** The package's bytes, kept to inflate the parts `open` left out (see `load`). */
    private readonly source?: Uint8Array,
  ) {}

  /**
   * Opens the bytes of a package. `want` chooses which entries to inflate (default all); the others are
   * listed in `entries` but hold no data (`load` inflates one later). Throws PackageError when the bytes are not a zip.
   */
  static open(bytes: Uint8Array, want: (name: string, entry: PackageEntry) => boolean = () => true): XlsxPackage {
    const entries: PackageEntry[] = [];
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          const entry = { name: f.name, compression: f.compression, size: f.size, originalSize: f.originalSize };
          entries.push(entry);
          return want(f.name, entry);
        },
      });
    } catch (e) {
      throw new PackageError(`文件不是有效的 Excel 工作簿（无法按 zip 格式解开：${(e as Error).message}）`, `the file is not a valid Excel workbook (not a readable zip: ${(e as Error).message})`);
    }
    return new XlsxPackage(entries, new Map(Object.entries(files)), bytes);
  }

  has(part: string): boolean {
    return this.data.has(part);
  }

  /** The bytes of a part (inflated), or undefined when absent or not inflated. */
  bytes(part: string): Uint8Array | undefined {
    return this.data.get(part);
  }

  /** The text of an XML part (UTF-8, BOM dropped), or undefined. */
  text(part: string): string | undefined {
    const b = this.data.get(part);
    if (!b) return undefined;
    const s = decoder.decode(b);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  /** The relationships of a part (`''` for the package's own). */
  relationships(part: string): Relationship[] {
    const xml = this.text(relsPartOf(part));
    if (!xml) return [];
    return tagsOf(xml, 'Relationship').map((tag) => {
      const a = attributes(tag);
      const external = a['TargetMode'] === 'External';
      const target = a['Target'] ?? '';
      return { id: a['Id'] ?? '', type: a['Type'] ?? '', target, part: external ? target : resolveTarget(part, target), external };
    });
  }

  /** The main workbook part (`xl/workbook.xml` in practice), found through `_rels/.rels`. */
  workbookPart(): string {
    const rel = this.relationships('').find((r) => /\/officeDocument$/.test(r.type));
    const part = rel?.part ?? (this.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
    if (!part || !this.has(part)) throw new PackageError('文件中没有工作簿内容（缺少 workbook 部件），不是 Excel 工作簿', 'the file holds no workbook part: it is not an Excel workbook');
    return part;
  }

  /** The part a workbook relationship of this type points at (`sharedStrings`, `styles`, `theme` …), if any. */
  workbookRelated(typeSuffix: string): string | undefined {
    return this.relationships(this.workbookPart()).find((r) => r.type.endsWith(`/${typeSuffix}`) && !r.external)?.part;
  }

  /** The sheets in workbook order, with their parts and visibility. */
  sheets(): SheetPart[] {
    const wbPart = this.workbookPart();
    const xml = this.text(wbPart) ?? '';
    const rels = new Map(this.relationships(wbPart).map((r) => [r.id, r]));
    return tagsOf(xml, 'sheet').map((tag) => {
      const a = attributes(tag);
      const rId = a['r:id'] ?? a['id'] ?? '';
      const rel = rels.get(rId);
      const state = a['state'] === 'hidden' || a['state'] === 'veryHidden' ? a['state'] : 'visible';
      return {
        name: a['name'] ?? '',
        sheetId: a['sheetId'] ?? '',
        rId,
        state,
        ...(rel && !rel.external ? { part: rel.part } : {}),
        isWorksheet: rel ? /\/worksheet$/.test(rel.type) : false,
      };
    });
  }

  /**
   * Inflates a part that `open` left out (its `want` said no), keeps it like the others and returns its
   * bytes; undefined when the zip has no such entry. Throws PackageError when the entry cannot be inflated.
   */
  load(part: string): Uint8Array | undefined {
    const have = this.data.get(part);
    if (have) return have;
    if (!this.source || !this.entries.some((e) => e.name === part)) return undefined;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(this.source, { filter: (f) => f.name === part });
    } catch (e) {
      throw new PackageError(`工作簿的部件 ${part} 已损坏，无法解压`, `the part ${part} of the workbook is damaged and cannot be inflated (${(e as Error).message})`);
    }
    const bytes = files[part];
    if (bytes) this.data.set(part, bytes);
    return bytes;
  }

  /** Forgets the inflated bytes of a part (`load` inflates it again): a reader drops each sheet once read. */
  unload(part: string): void {
    this.data.delete(part);
  }
}
