// The values-only workbook reader: .xlsx / .xlsm bytes → the core's Workbook. Inflates only the parts it
// reads (relationships, workbook, shared strings, styles, then one worksheet at a time, dropped once
// scanned), and says in plain words why a file that is not a readable workbook cannot be opened.
import type { Sheet, Workbook } from '../../core/grid/grid';
import { attributes, PackageError, rawMembers, tagsOf, XlsxPackage, type Inflater } from '../package/package';
import { cannotOpen, MAX_PART_BYTES, WorkbookReadError } from './errors';
import { scanSheet, type ScanContext } from './sheet-scan';
import { readSharedStrings } from './shared-strings';
import { BINARY_WORKBOOK, DAMAGED, describeNotZip, describeZipWithoutWorkbook, EMPTY, looksLikeZip } from './sniff';
import { NO_FORMATS, readCellFormats } from './styles';

/** The error for a part too large to read (or whose size in the zip directory is damaged). */
function tooLarge(file: string, part: string, bytes: number): WorkbookReadError {
  const mb = Math.round(bytes / 1024 / 1024);
  return new WorkbookReadError(file, `无法打开文件：其中的 ${part} 解压后有 ${mb} MB，超出可读取的大小，或文件已损坏。`, `cannot open the file: its part ${part} is ${mb} MB once inflated, more than can be read, or the file is damaged.`);
}

/** Inflates a part into the package (refusing one too large to read); false when the zip has no such entry. */
function loadPart(pkg: XlsxPackage, part: string, file: string): boolean {
  const entry = pkg.entries.find((e) => e.name === part);
  if (!entry) return false;
  if (entry.originalSize > MAX_PART_BYTES) throw tooLarge(file, part, entry.originalSize);
  try {
    return pkg.load(part) !== undefined;
  } catch {
    // Inflating is all that happens here: a damaged deflate stream, or sizes in the zip directory that do not hold.
    throw cannotOpen(file, DAMAGED);
  }
}

/** The text of a part inflated by loadPart (a string longer than the engine allows is refused). */
function partText(pkg: XlsxPackage, part: string, file: string): string | undefined {
  try {
    return pkg.text(part);
  } catch (e) {
    if (e instanceof RangeError) throw tooLarge(file, part, pkg.bytes(part)?.length ?? 0);
    throw e;
  }
}

/** The text of a part, inflated for the read and dropped from the package at once. */
function takeText(pkg: XlsxPackage, part: string, file: string): string | undefined {
  if (!loadPart(pkg, part, file)) return undefined;
  const text = partText(pkg, part, file);
  pkg.unload(part);
  return text;
}

/** How to read. */
export interface ReadOptions {
  /**
   * Inflates a deflated part of `size` bytes instead of fflate (the CLI passes Node's zlib, several times
   * faster); it should refuse to give more than `size` bytes.
   */
  readonly inflate?: Inflater;
}

/** The zip's directory and every relationship part (small); the other parts are inflated on demand. */
function openPackage(bytes: Uint8Array, file: string, options: ReadOptions): XlsxPackage {
  try {
    if (options.inflate && rawMembers(bytes)) {
      const pkg = XlsxPackage.lazy(bytes, options.inflate);
      for (const e of pkg.entries) if (e.name.endsWith('.rels')) loadPart(pkg, e.name, file);
      return pkg;
    }
    return XlsxPackage.open(bytes, (name, entry) => name.endsWith('.rels') && entry.originalSize < MAX_PART_BYTES);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw cannotOpen(file, DAMAGED);
  }
}

/** Reads workbook bytes. Throws WorkbookReadError (zh-CN and en-US) when they are not a readable workbook. */
export function readWorkbook(bytes: Uint8Array, file: string, options: ReadOptions = {}): Workbook {
  if (bytes.length === 0) throw cannotOpen(file, EMPTY);
  if (!looksLikeZip(bytes)) throw cannotOpen(file, describeNotZip(bytes));
  try {
    return readPackage(openPackage(bytes, file, options), file);
  } catch (e) {
    // The package layer's own refusals (a part its relationships name is not there …) mean a damaged file.
    if (e instanceof PackageError) throw cannotOpen(file, DAMAGED);
    throw e;
  }
}

function readPackage(pkg: XlsxPackage, file: string): Workbook {
  const names = pkg.entries.map((e) => e.name);
  const named = pkg.relationships('').find((r) => /\/officeDocument$/.test(r.type) && !r.external)?.part;
  const main = named !== undefined && names.includes(named) ? named : names.includes('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
  if (main === undefined) {
    const mimetype = names.includes('mimetype') ? takeText(pkg, 'mimetype', file) : undefined;
    throw cannotOpen(file, describeZipWithoutWorkbook(names, mimetype, named));
  }
  if (/\.bin$/i.test(main)) throw cannotOpen(file, BINARY_WORKBOOK);
  loadPart(pkg, main, file);
  const workbookXml = partText(pkg, main, file) ?? '';
  const sheetParts = pkg.sheets();
  const sharedStringsPart = pkg.workbookRelated('sharedStrings');
  const stylesPart = pkg.workbookRelated('styles');
  pkg.unload(main);

  const props = tagsOf(workbookXml, 'workbookPr')[0];
  const date1904 = props !== undefined && ['1', 'true'].includes(attributes(props)['date1904'] ?? '');
  const sst = sharedStringsPart ? takeText(pkg, sharedStringsPart, file) : undefined;
  const styles = stylesPart ? takeText(pkg, stylesPart, file) : undefined;
  const ctx: ScanContext = { file, strings: sst ? readSharedStrings(sst) : [], formats: styles ? readCellFormats(styles) : NO_FORMATS, date1904 };

  const sheets: Sheet[] = [];
  for (const s of sheetParts) {
    // Very hidden sheets are the workbook's machinery, never shown; chartsheets and dialog sheets hold no cells.
    if (s.state === 'veryHidden' || !s.isWorksheet) continue;
    const xml = s.part !== undefined ? takeText(pkg, s.part, file) : undefined;
    if (xml === undefined) {
      throw new WorkbookReadError(
        file,
        `无法打开文件：文件不完整或已损坏（缺少工作表“${s.name}”的内容）。请从原处重新获取一份再检查。`,
        `cannot open the file: it is incomplete or damaged (the contents of sheet “${s.name}” are missing). Get it again from where it came from and check that copy.`,
      );
    }
    sheets.push(scanSheet(s.name, xml, ctx));
  }
  return { name: file, sheets };
}
