// What a file that is not a readable .xlsx is, from its first bytes (and, for a zip, its entry names): so
// that the user reads "this is an encrypted workbook" or "this is an old .xls", not a zip library's message.
import type { Unreadable } from './errors';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** Whether the bytes hold `name` in UTF-16LE (how a compound file's directory names its streams). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + name.length * 2 <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Whether the bytes start like a zip archive (a local header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08]);
}

export const EMPTY: Unreadable = { zh: '文件是空的（0 字节），没有任何内容。', en: 'the file is empty (0 bytes).' };

export const DAMAGED: Unreadable = {
  zh: '文件不完整或已损坏（可能在下载、复制或传送时中断）。请从原处重新获取一份再检查。',
  en: 'the file is incomplete or damaged (perhaps cut short while downloading, copying or sending). Get it again from where it came from and check that copy.',
};

const NOT_WORKBOOK_TAIL = { zh: '请在 Excel 或 WPS 中打开它，另存为 .xlsx 格式后再检查。', en: 'Open it in Excel or WPS, save it as .xlsx and check that copy.' };

/** Why bytes that are not a zip cannot be read as a workbook. */
export function describeNotZip(bytes: Uint8Array): Unreadable {
  if (bytes.length === 0) return EMPTY;
  if (startsWith(bytes, OLE)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo'))
      return {
        zh: '这是加密（设有打开密码）的工作簿，无法读取其中的内容。请在 Excel 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码并保存，再检查保存后的文件。',
        en: 'the workbook is encrypted (it has a password to open), so its contents cannot be read. Open it in Excel, clear the password (File → Info → Protect Workbook → Encrypt with Password), save it and check the saved file.',
      };
    if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book'))
      return { zh: `这是旧版 .xls 格式（Excel 97–2003）的工作簿，本工具只读取 .xlsx。${NOT_WORKBOOK_TAIL.zh}`, en: `this is a workbook in the old .xls format (Excel 97–2003); only .xlsx is read. ${NOT_WORKBOOK_TAIL.en}` };
    if (hasUtf16Name(bytes, 'WordDocument')) return { zh: '这是 Word 文档（.doc），不是 Excel 工作簿。', en: 'this is a Word document (.doc), not an Excel workbook.' };
    if (hasUtf16Name(bytes, 'PowerPoint Document')) return { zh: '这是 PowerPoint 演示文稿（.ppt），不是 Excel 工作簿。', en: 'this is a PowerPoint presentation (.ppt), not an Excel workbook.' };
    return { zh: `这是旧版 Office 格式的文件，不是 .xlsx 工作簿。${NOT_WORKBOOK_TAIL.zh}`, en: `this is a file in an old Office format, not an .xlsx workbook. ${NOT_WORKBOOK_TAIL.en}` };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { zh: '这是 PDF 文件，不是 Excel 工作簿。', en: 'this is a PDF file, not an Excel workbook.' };
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b]))
    return { zh: '这是压缩包（如 .rar、.7z、.gz），不是 Excel 工作簿。请先解压，再检查其中的 .xlsx 文件。', en: 'this is an archive (such as .rar, .7z or .gz), not an Excel workbook. Extract it and check the .xlsx files inside.' };
  const head = textHead(bytes);
  if (head !== undefined) {
    const lower = head.toLowerCase();
    if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet'))
      return { zh: `这是 Excel 2003 XML 表格，不是 .xlsx 工作簿。${NOT_WORKBOOK_TAIL.zh}`, en: `this is an Excel 2003 XML spreadsheet, not an .xlsx workbook. ${NOT_WORKBOOK_TAIL.en}` };
    if (/<(!doctype html|html|table|head|body|meta)[\s>]/.test(lower))
      return { zh: `这是网页（HTML）文件，只是扩展名为 .xlsx 或 .xls（一些系统这样导出表格）。${NOT_WORKBOOK_TAIL.zh}`, en: `this is a web page (HTML) with an .xlsx or .xls name (some systems export tables this way). ${NOT_WORKBOOK_TAIL.en}` };
    return { zh: `这是纯文本文件（如 .csv 或 .txt），只是扩展名被改成了 .xlsx。${NOT_WORKBOOK_TAIL.zh}`, en: `this is a plain text file (such as .csv or .txt) renamed to .xlsx. ${NOT_WORKBOOK_TAIL.en}` };
  }
  return { zh: '这不是 Excel 工作簿（.xlsx），也不是能识别的其他表格格式。', en: 'this is not an Excel workbook (.xlsx), nor another spreadsheet format that can be recognized.' };
}

/** The first few KB as text when they look like text (UTF-8, UTF-16 with a BOM, or GBK: no control bytes). */
function textHead(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head);
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
  if (control > 0) return undefined;
  return new TextDecoder('utf-8').decode(head);
}

/** Why a zip that holds no workbook part is not a workbook, from its entry names (and the main part its relationships name). */
export function describeZipWithoutWorkbook(names: readonly string[], mimetype?: string, main?: string): Unreadable {
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix)) || (main?.startsWith(prefix) ?? false);
  if (has('word/')) return { zh: '这是 Word 文档（.docx），不是 Excel 工作簿。', en: 'this is a Word document (.docx), not an Excel workbook.' };
  if (has('ppt/')) return { zh: '这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿。', en: 'this is a PowerPoint presentation (.pptx), not an Excel workbook.' };
  if (mimetype?.includes('opendocument.spreadsheet'))
    return { zh: `这是 OpenDocument 表格（.ods），不是 .xlsx 工作簿。${NOT_WORKBOOK_TAIL.zh}`, en: `this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook. ${NOT_WORKBOOK_TAIL.en}` };
  if (mimetype?.includes('opendocument')) return { zh: '这是 OpenDocument 文档，不是 Excel 工作簿。', en: 'this is an OpenDocument file, not an Excel workbook.' };
  if (has('xl/')) return DAMAGED;
  return { zh: '这是一个压缩包（.zip），不是 Excel 工作簿：其中没有工作簿的内容。', en: 'this is a zip archive that holds no Excel workbook.' };
}

export const BINARY_WORKBOOK: Unreadable = {
  zh: `这是二进制格式的工作簿（.xlsb），本工具只读取 .xlsx。${NOT_WORKBOOK_TAIL.zh}`,
  en: `this is a binary workbook (.xlsb); only .xlsx is read. ${NOT_WORKBOOK_TAIL.en}`,
};
