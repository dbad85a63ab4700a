import { readFileSync } from 'node:fs';
import { analyzeWorkbook } from '../src/core/analyze';
import { builtinCatalogs } from '../src/core/catalog/builtin';
import { applyEdits } from '../src/core/fix/apply';
import { render } from '../src/core/messages/catalog';
import { readWorkbookBytes } from '../src/file/xlsx';
(async () => {
  const stem = process.argv[2]!; const sheet = process.argv[3]!; const addr = process.argv[4]!; const after = process.argv[5]!;
  const wb = await readWorkbookBytes(readFileSync(`test/fixtures/${stem}.xlsx`), 'x.xlsx');
  const base = new Set(analyzeWorkbook(wb, { catalogs: builtinCatalogs }).findings.map((f) => f.id));
  const r = analyzeWorkbook(applyEdits(wb, [{ sheet, address: addr, before: '', after }]), { catalogs: builtinCatalogs });
  for (const f of r.findings.filter((x) => x.severity !== 'info' && !base.has(x.id))) console.log(f.severity, f.id, render(f.message, 'zh-CN').slice(0, 110), '|', f.fixes[0] ? `${render(f.fixes[0].title, 'zh-CN')} ${f.fixes[0].confidence}` : '', '|', (f.consequences ?? []).map((c) => c.id).join(','));
})();
