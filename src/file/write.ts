// Writes results back into .xlsx files: edits applied (a fixed copy), or findings annotated in place.
import ExcelJS from 'exceljs';
import type { Edit } from '../core/findings';
import { editValue } from '../core/fix/apply';
import type { Lang } from '../core/messages/catalog';
import type { JsonFinding } from '../core/report-json';
import { RULES } from '../core/rules';

const SEVERITY_WORD: Record<Lang, Record<JsonFinding['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'info' },
};

async function load(data: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data instanceof Uint8Array ? (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer) : data);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbook with the edits written into their cells; every other cell, style and sheet kept. */
export async function writeEdits(data: Uint8Array | ArrayBuffer, edits: readonly Edit[]): Promise<Uint8Array> {
  const wb = await load(data);
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.address);
    cell.value = e.formula !== undefined ? { formula: e.formula, result: editValue(e.after) as number } : editValue(e.after);
  }
  return save(wb);
}

/** Fill colours by severity: light enough to read the number, distinct without colour names. */
export const SEVERITY_FILL: Record<JsonFinding['severity'], string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/**
 * The workbook with each finding's checked cell filled by severity and given a note with the
 * message and the first fix. A cell with several findings gets them all in one note, the worst
 * severity's colour.
 */
export async function writeAnnotations(data: Uint8Array | ArrayBuffer, findings: readonly JsonFinding[], lang: Lang = 'zh-CN'): Promise<Uint8Array> {
  const wb = await load(data);
  const byCell = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    const c = f.cells[0];
    if (!c) continue;
    const key = `${c.sheet}\u0000${c.address}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  for (const [key, list] of byCell) {
    const [sheet, address] = key.split('\u0000') as [string, string];
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = [...list].sort((a, b) => order[a.severity] - order[b.severity])[0]!;
    // A fresh style object: ExcelJS shares one style object among the cells that loaded with it.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[worst.severity] } } };
    const text = list
      .map((f) => {
        const title = RULES.find((r) => r.meta.id === f.rule)?.meta.title;
        const head = `【${SEVERITY_WORD[lang][f.severity]} · ${title ? (lang === 'zh-CN' ? title.zh : title.en) : f.rule}】`;
        return `${head}${f.message}${f.fixes[0] ? `\n→ ${f.fixes[0].title}` : ''}`;
      })
      .join('\n\n');
    cell.note = { texts: [{ text }] } as ExcelJS.Comment;
  }
  return save(wb);
}
