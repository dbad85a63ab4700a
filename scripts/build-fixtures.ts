// `npm run fixtures`: builds test/fixtures/*.xlsx from the readable sources in test/fixtures/src/.
import { readdirSync, readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseFixtureSource, type FixtureSource, type PlacedRow } from './fixtures/source';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'test', 'fixtures', 'src');
const OUT = join(ROOT, 'test', 'fixtures');
/** The fixture copied to assets/samples/ as the bundled sample. */
export const SAMPLE = '000-yanbian-zhengwu-2024';
const FIXED_DATE = new Date(Date.UTC(2024, 1, 8));

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function styleRow(ws: ExcelJS.Worksheet, placed: PlacedRow, width: number): void {
  const row = ws.getRow(placed.row + 1);
  if (placed.kind === 'T') {
    const c = row.getCell(1);
    c.font = { bold: true, size: 14 };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = 24;
    return;
  }
  if (placed.kind === 'P') {
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    return;
  }
  if (placed.kind === 'M' || placed.kind === 'B') return;
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    if (placed.kind === 'H') {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  }
}

/** Writes one fixture workbook; returns its path. */
export async function buildWorkbook(src: FixtureSource, outDir = OUT): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gouji fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of src.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const widthOf = new Map<number, number>();
    for (const t of sheet.tables) for (let r = t.firstRow; r <= t.lastRow; r++) widthOf.set(r, t.width);
    let maxCols = 1;
    for (const placed of sheet.rows) {
      const row = ws.getRow(placed.row + 1);
      placed.cells.forEach((cell, i) => {
        const target = row.getCell(i + 1);
        if (cell.kind === 'number') {
          target.value = cell.value;
          // Amounts as the budget system prints them; whole numbers written without decimals (序号) stay plain.
          if (cell.numFmt) target.numFmt = cell.numFmt;
          else if (cell.text.includes('.')) target.numFmt = '#,##0.00';
        } else if (cell.kind === 'text') {
          target.value = cell.value;
        }
      });
      maxCols = Math.max(maxCols, placed.cells.length);
      styleRow(ws, placed, widthOf.get(placed.row) ?? placed.cells.length);
    }
    for (const m of sheet.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of sheet.hiddenCols) ws.getColumn(c + 1).hidden = true;
    const narrative = sheet.tables.every((t) => t.kind === 'narrative');
    for (let c = 1; c <= maxCols; c++) ws.getColumn(c).width = narrative ? 100 : c <= 3 ? 24 : 14;
  }
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${src.workbook}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

/** Every source file name in test/fixtures/src/. */
export function sourceFiles(): string[] {
  return readdirSync(SRC).filter((f) => f.endsWith('.tables.txt')).sort();
}

export function loadSource(file: string): FixtureSource {
  return parseFixtureSource(readFileSync(join(SRC, file), 'utf8'), file);
}

async function main(): Promise<void> {
  for (const file of sourceFiles()) {
    const src = loadSource(file);
    const path = await buildWorkbook(src);
    const tables = src.sheets.reduce((n, s) => n + s.tables.length, 0);
    console.log(`${path}: ${src.sheets.length} sheets, ${tables} tables`);
    if (src.workbook === SAMPLE) {
      mkdirSync(join(ROOT, 'assets', 'samples'), { recursive: true });
      copyFileSync(path, join(ROOT, 'assets', 'samples', `${SAMPLE}.xlsx`));
      console.log(`copied to assets/samples/${SAMPLE}.xlsx`);
    }
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
