import { readFileSync } from 'node:fs';
import { analyzeWorkbook, recognizeWorkbook } from '../src/core/analyze';
import { builtinCatalogs } from '../src/core/catalog/builtin';
import { applyEdits } from '../src/core/fix/apply';
import { render } from '../src/core/messages/catalog';
import { readWorkbookBytes } from '../src/file/xlsx';
(async () => {
  const wb = await readWorkbookBytes(readFileSync('test/fixtures/003-yanjin-zhengwu-2024.xlsx'), '003.xlsx');
  const t = recognizeWorkbook(wb, { catalogs: builtinCatalogs }).tables.find((x) => x.kind === 'expenditure-summary')!;
  const unitRow = t.rows.find((r) => r.unitCode === '129')!;
  const col = t.columns.find((c) => c.role === 'unit-code')!.col;
  const { a1 } = await import('../src/core/grid/grid');
  const edited = applyEdits(wb, [{ sheet: t.sheet, address: a1(unitRow.row, col), before: '129', after: '1129' }]);
  const r = analyzeWorkbook(edited, { catalogs: builtinCatalogs });
  for (const f of r.findings.filter((x) => x.severity !== 'info')) console.log(f.severity, f.id, render(f.message, 'zh-CN').slice(0, 120), '|', f.fixes[0] ? render(f.fixes[0].title, 'zh-CN') : '');
})();
