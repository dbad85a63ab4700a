// The Excel port: reads the live workbook into the core's grid model and selects cells, in a fixed number of syncs.
import { a1, type Sheet, type Workbook } from '../core/grid/grid';
import { errorDetail, PortError, type WorkbookPort } from '../taskpane/port';
import type { ExcelHost, XlContext, XlRange, XlRangeAreas, XlWorksheet } from './api';
import { sheetFromUsedRange, type UsedRangeData } from './sheet-from-range';

/** Rows per getMergedAreasOrNullObject call: Excel fails that call above 512 merged areas. */
export const MERGE_BAND_ROWS = 400;

/** What one worksheet's read queues before the last sync. */
interface QueuedSheet {
  readonly used: XlRange;
  readonly merges?: readonly XlRangeAreas[];
  readonly visible?: XlRangeAreas;
}

function queueSheet(ws: XlWorksheet, used: XlRange, host: ExcelHost): QueuedSheet {
  used.load('values,valueTypes,formulas,numberFormat');
  let merges: XlRangeAreas[] | undefined;
  if (host.supports('1.13')) {
    merges = [];
    const last = used.rowIndex + used.rowCount - 1;
    for (let r0 = used.rowIndex; r0 <= last; r0 += MERGE_BAND_ROWS) {
      const r1 = Math.min(last, r0 + MERGE_BAND_ROWS - 1);
      const band = ws.getRange(`${a1(r0, used.columnIndex)}:${a1(r1, used.columnIndex + used.columnCount - 1)}`);
      const areas = band.getMergedAreasOrNullObject();
      areas.load('areas/items/address');
      merges.push(areas);
    }
  }
  let visible: XlRangeAreas | undefined;
  if (host.supports('1.9')) {
    visible = used.getSpecialCellsOrNullObject('Visible');
    visible.load('areas/items/address');
  }
  return { used, ...(merges ? { merges } : {}), ...(visible ? { visible } : {}) };
}

function addresses(areas: XlRangeAreas): string[] {
  return areas.isNullObject ? [] : areas.areas.items.map((a) => a.address);
}

function sheetOf(name: string, q: QueuedSheet | undefined): Sheet {
  if (!q) return sheetFromUsedRange(name, undefined);
  const u = q.used;
  const data: UsedRangeData = {
    rowIndex: u.rowIndex,
    columnIndex: u.columnIndex,
    rowCount: u.rowCount,
    columnCount: u.columnCount,
    values: u.values,
    valueTypes: u.valueTypes,
    formulas: u.formulas,
    numberFormat: u.numberFormat,
    ...(q.merges ? { merges: q.merges.flatMap(addresses) } : {}),
    ...(q.visible ? { visible: q.visible.isNullObject ? null : addresses(q.visible) } : {}),
  };
  return sheetFromUsedRange(name, data);
}

/**
 * Reads every worksheet (very hidden ones excepted) in three syncs, whatever the number of sheets:
 * 1. sheet names, 2. each used range's extent, 3. values, formulas, formats, merges, visibility.
 */
export async function readWorkbook(context: XlContext, host: ExcelHost): Promise<Workbook> {
  const { workbook } = context;
  const sheets = workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const hasName = host.supports('1.7');
  if (hasName) workbook.load('name');
  await context.sync();
  const worksheets = sheets.items.filter((ws) => ws.visibility !== 'VeryHidden');
  const usedRanges = worksheets.map((ws) => {
    const used = ws.getUsedRangeOrNullObject();
    used.load('address,rowIndex,columnIndex,rowCount,columnCount');
    return used;
  });
  await context.sync();
  const queued = worksheets.map((ws, i) => {
    const used = usedRanges[i]!;
    return used.isNullObject ? undefined : queueSheet(ws, used, host);
  });
  await context.sync();
  const name = hasName && workbook.name ? workbook.name : 'Excel';
  return { name, sheets: worksheets.map((ws, i) => sheetOf(ws.name, queued[i])) };
}

/** A WorkbookPort over Excel. All Excel errors come out as PortError. */
export function createExcelPort(host: ExcelHost): WorkbookPort {
  return {
    source: 'excel',
    async read() {
      try {
        return await host.run((context) => readWorkbook(context, host));
      } catch (e) {
        throw e instanceof PortError ? e : new PortError('read-failed', errorDetail(e));
      }
    },
    async select(sheet, address) {
      try {
        await host.run(async (context) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
          await context.sync();
          if (ws.isNullObject) throw new PortError('sheet-not-found', sheet);
          ws.activate();
          ws.getRange(address).select();
          await context.sync();
        });
      } catch (e) {
        throw e instanceof PortError ? e : new PortError('select-failed', errorDetail(e));
      }
    },
  };
}
