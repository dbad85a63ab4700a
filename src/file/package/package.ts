// The workbook package (.xlsx / .xlsm is a zip of XML parts): open it with fflate and find its parts
// the way Excel does, through the relationships, never by fixed file names. Shared by the reader and
// the copy writer. No ExcelJS here.
import { deflateSync, inflateSync, unzipSync, Zip, ZipPassThrough, type ZipInputFile } from 'fflate';

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

  /**
   * Opens the bytes of a package without inflating anything: a part is inflated (by fflate) the first
   * time it is read. For the copy writer, which reads a few parts of a workbook that may hold 100 MB of
   * sheets. Falls back to open() when the zip's directory is of a kind rawMembers does not list.
   * `inflate` replaces fflate's inflate (Node's zlib is several times faster on large parts).
   */
  static lazy(bytes: Uint8Array, inflate?: Inflater): XlsxPackage {
    const members = rawMembers(bytes);
    if (!members) return XlsxPackage.open(bytes);
    const entries = members.map((m) => ({ name: m.name, compression: m.compression, size: m.data.length, originalSize: m.size }));
    return new XlsxPackage(entries, new InflatingMap(members, inflate));
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
    // A relationship that points at no part (a damaged _rels/.rels) falls back to the usual name, as Excel does.
    const named = this.relationships('').find((r) => /\/officeDocument$/.test(r.type) && !r.external)?.part;
    const part = [named, 'xl/workbook.xml'].find((p) => p !== undefined && this.has(p));
    if (part === undefined) throw new PackageError('文件中没有工作簿内容（缺少 workbook 部件），不是 Excel 工作簿', 'the file holds no workbook part: it is not an Excel workbook');
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

// ---------------------------------------------------------------------------------------------
// Copies: the members of a zip as stored, and a zip written from them by fflate.

/** A member of a zip as it is stored: enough to copy it into another zip without inflating and deflating it. */
export interface RawMember {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly compression: number;
  /** CRC-32 of the uncompressed bytes. */
  readonly crc: number;
  /** Uncompressed size. */
  readonly size: number;
  /** The stored (compressed) bytes, a view into the zip. */
  readonly data: Uint8Array;
  /** The member's modification time (local time, as zips store it). */
  readonly mtime: Date;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/**
 * The members of a zip, in the order of its central directory, with their stored bytes, CRC and time, so
 * that a copy can pass them through as they are (fflate reads and writes zips but does not hand out a
 * member's compressed bytes). Reads only the central directory and each member's local header length
 * fields. Undefined for what it does not handle (ZIP64, encryption, methods other than stored and
 * deflate, inconsistent headers): the caller then inflates through fflate.
 */
export function rawMembers(zip: Uint8Array): RawMember[] | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(zip, eocd + 10);
  const cdSize = u32(zip, eocd + 12);
  let p = u32(zip, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || p === 0xffffffff || p + cdSize > eocd) return undefined;
  const out: RawMember[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || u32(zip, p) !== 0x02014b50) return undefined;
    const flags = u16(zip, p + 8);
    const compression = u16(zip, p + 10);
    const time = u16(zip, p + 12);
    const date = u16(zip, p + 14);
    const crc = u32(zip, p + 16);
    const csize = u32(zip, p + 20);
    const size = u32(zip, p + 24);
    const nameLen = u16(zip, p + 28);
    const extraLen = u16(zip, p + 30);
    const commentLen = u16(zip, p + 32);
    const local = u32(zip, p + 42);
    if (flags & 1 || (compression !== 0 && compression !== 8) || csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return undefined;
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 2048 ? decoder.decode(nameBytes) : String.fromCharCode(...nameBytes);
    if (local + 30 > zip.length || u32(zip, local) !== 0x04034b50) return undefined;
    const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    if (start + csize > zip.length) return undefined;
    const mtime = new Date(1980 + (date >> 9), ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2);
    out.push({ name, compression, crc, size, data: zip.subarray(start, start + csize), mtime });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Parts of a lazily opened package: inflated by fflate on first read, then kept. */
class InflatingMap extends Map<string, Uint8Array> {
  private readonly raw: Map<string, RawMember>;
  constructor(
    members: readonly RawMember[],
    private readonly inflate: Inflater = (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  ) {
    super();
    this.raw = new Map(members.map((m) => [m.name, m]));
  }
  override has(key: string): boolean {
    return this.raw.has(key);
  }
  override get(key: string): Uint8Array | undefined {
    const done = super.get(key);
    if (done) return done;
    const m = this.raw.get(key);
    if (!m) return undefined;
    const data = m.compression === 0 ? m.data : this.inflate(m.data, m.size);
    super.set(key, data);
    return data;
  }
}

/** Raw DEFLATE data (no zlib header) → its `size` bytes. */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;
/** Bytes → raw DEFLATE data (no zlib header). */
export type Deflater = (data: Uint8Array) => Uint8Array;

/** fflate's deflate at a level that keeps large parts quick: 6 up to 1 MB, 3 above (a few per cent larger, twice as fast). */
export const fflateDeflate: Deflater = (data) => deflateSync(data, { level: data.length > 1 << 20 ? 3 : 6 });

/** A member fflate writes (CRC, size, headers) whose content is deflated by the given compressor in one go. */
class DeflatedMember extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflate: Deflater,
  ) {
    super(filename);
    this.compression = 8;
  }
  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflate(chunk) as Uint8Array<ArrayBuffer>, final);
  }
}

/** One member of a package copy: a part copied as stored, or new content compressed by fflate. */
export type CopyMember =
  | { readonly name: string; readonly raw: RawMember }
  | { readonly name: string; readonly data: Uint8Array; readonly compression: number; readonly mtime?: Date };

/**
 * Writes a zip with fflate: members in the given order, stored ones passed through exactly as they were
 * stored (same compressed bytes, CRC and time), new content deflated (compression 8, by `deflate`) or
 * stored (0). fflate's ZipPassThrough computes the CRC and size of the content and writes the headers;
 * its process() is given the deflated bytes, as fflate's documentation suggests for a custom compressor.
 */
export function zipMembers(members: readonly CopyMember[], deflate: Deflater = fflateDeflate): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else chunks.push(chunk);
    if (final) finished = true;
  });
  for (const m of members) {
    if ('raw' in m) {
      const file: ZipInputFile = { filename: m.name, size: m.raw.size, crc: m.raw.crc, compression: m.raw.compression, mtime: m.raw.mtime };
      zip.add(file);
      file.ondata!(null, m.raw.data as Uint8Array<ArrayBuffer>, true);
    } else {
      const file = m.compression === 0 ? new ZipPassThrough(m.name) : new DeflatedMember(m.name, deflate);
      if (m.mtime) file.mtime = m.mtime;
      zip.add(file);
      file.push(m.data, true);
    }
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('gouji: the zip writer did not finish');
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
