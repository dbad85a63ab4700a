// Writes results back into .xlsx / .xlsm files: edits applied (a fixed copy), or findings marked and
// noted (an annotated copy). Both are the user's package with only those changes (src/file/patch/):
// every other part is copied as it is stored, so charts, pictures, names, protection and macros stay.
import type { Edit } from '../core/findings';
import { editValue } from '../core/fix/apply';
import type { Lang } from '../core/messages/catalog';
import type { JsonFinding } from '../core/report-json';
import { RULES } from '../core/rules';
import { patchWorkbook, type CellWrite, type PatchOptions, type PatchResult } from './patch/patch';
import type { Dependent } from './patch/recalc';

export type { Dependent } from './patch/recalc';
export type { PatchOptions, PatchResult } from './patch/patch';

const SEVERITY_WORD: Record<Lang, Record<JsonFinding['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'info' },
};

const bytesOf = (data: Uint8Array | ArrayBuffer) => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** What an edit writes into its cell: a number as a number, anything else as text; a formula with its result. */
export function cellWrite(e: Edit): CellWrite {
  const v = editValue(e.after);
  return { sheet: e.sheet, address: e.address, value: typeof v === 'number' ? { number: String(v) } : { text: v }, ...(e.formula !== undefined ? { formula: e.formula.replace(/^=/, '') } : {}) };
}

/**
 * The workbook with the edits written into their cells (each keeps its style), the plain sums that depend on
 * them given their new result, and the workbook set to recalculate on open; with the formulas that depend
 * on the edited cells.
 */
export async function writeEditsReport(data: Uint8Array | ArrayBuffer, edits: readonly Edit[], options: PatchOptions = {}): Promise<PatchResult> {
  return patchWorkbook(bytesOf(data), { writes: edits.map(cellWrite) }, options);
}

/** The workbook with the edits written into their cells; every other cell, style, part and sheet kept. */
export async function writeEdits(data: Uint8Array | ArrayBuffer, edits: readonly Edit[]): Promise<Uint8Array> {
  return (await writeEditsReport(data, edits)).bytes;
}

/** Fill colours by severity: light enough to read the number, distinct without colour names. */
export const SEVERITY_FILL: Record<JsonFinding['severity'], string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** The text Gouji adds to a cell's note: each finding's severity, rule, message and first fix. */
export function noteText(list: readonly JsonFinding[], lang: Lang): string {
  return list
    .map((f) => {
      const title = RULES.find((r) => r.meta.id === f.rule)?.meta.title;
      const head = `【${SEVERITY_WORD[lang][f.severity]} · ${title ? (lang === 'zh-CN' ? title.zh : title.en) : f.rule}】`;
      return `${head}${f.message}${f.fixes[0] ? `\n→ ${f.fixes[0].title}` : ''}`;
    })
    .join('\n\n');
}

/**
 * The workbook with each finding's checked cell marked by a conditional format of its severity's colour and
 * noted (the message and the first fix) — after the text of a note the cell already has. A cell with several
 * findings gets them all in one note, the worst severity's colour. The cells' own fills and notes stay.
 */
export async function writeAnnotationsReport(data: Uint8Array | ArrayBuffer, findings: readonly JsonFinding[], lang: Lang = 'zh-CN', options: PatchOptions = {}): Promise<PatchResult> {
  const byCell = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    const c = f.cells[0];
    if (!c) continue;
    const key = `${c.sheet}\u0000${c.address}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  const marks = [];
  const notes = [];
  for (const [key, list] of byCell) {
    const [sheet, address] = key.split('\u0000') as [string, string];
    const worst = [...list].sort((a, b) => order[a.severity] - order[b.severity])[0]!;
    marks.push({ sheet, address, severity: worst.severity });
    notes.push({ sheet, address, text: noteText(list, lang) });
  }
  return patchWorkbook(bytesOf(data), { marks, notes }, options);
}

export async function writeAnnotations(data: Uint8Array | ArrayBuffer, findings: readonly JsonFinding[], lang: Lang = 'zh-CN'): Promise<Uint8Array> {
  return (await writeAnnotationsReport(data, findings, lang)).bytes;
}

/** A dependent formula as one line: `预算表3!D5 =SUM(D6:D9) 由 1,216.49 变为 1,218.49` (or: recomputed on open). */
export function dependentLine(d: Dependent, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const head = `${d.sheet}!${d.address} =${d.formula}`;
  if (d.after !== undefined && d.after !== d.before) return zh ? `${head} 由 ${shown(d.before)} 变为 ${shown(d.after)}` : `${head} from ${shown(d.before)} to ${shown(d.after)}`;
  if (d.after !== undefined) return zh ? `${head} 仍为 ${shown(d.after)}` : `${head} stays ${shown(d.after)}`;
  return zh ? `${head} 打开时重新计算` : `${head} recalculated when opened`;
}

/** A cached number as people read amounts: thousands separators, at least two decimals (`1,216.49`). */
function shown(v: string | undefined): string {
  if (v === undefined || v === '') return '—';
  // Binary noise of a stored double (1216.4900000000002) is not shown.
  const text = /\.\d{7,}$/.test(v) ? Number(v).toFixed(6).replace(/0+$/, '') : v;
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return v;
  const frac = (m[3] ?? '').padEnd(2, '0');
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
