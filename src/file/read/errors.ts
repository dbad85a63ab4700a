// Why a file could not be read, said to people (zh-CN first, en-US): never a library's message.

/** A workbook file that could not be read; `zh` and `en` are for people. */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${file}: ${en}`);
    this.name = 'WorkbookReadError';
  }
}

/** The reason a file cannot be opened, as the end of `无法打开文件：…` / `cannot open the file: …`. */
export interface Unreadable {
  readonly zh: string;
  readonly en: string;
}

/** The error for a file that cannot be opened, for the reason given. */
export function cannotOpen(file: string, why: Unreadable): WorkbookReadError {
  return new WorkbookReadError(file, `无法打开文件：${why.zh}`, `cannot open the file: ${why.en}`);
}

/** The largest merged area we read (cells): real budget tables merge a title row, never millions of cells. */
export const MAX_MERGE_CELLS = 1_000_000;

/** The largest part we inflate (bytes): a million-row sheet is some 200 MB of XML. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;
