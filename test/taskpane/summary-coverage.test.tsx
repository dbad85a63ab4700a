// The summary says how much the checks covered (已核对 N% 的金额单元格) and names a table they barely covered,
// pointing at the kind override, from the JSON report the engine writes.
import { FluentProvider } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { analyzeWorkbook } from '../../src/core/analyze';
import { builtinCatalogs } from '../../src/core/catalog/builtin';
import { workbookJson, type JsonWorkbook } from '../../src/core/report-json';
import { Summary } from '../../src/taskpane/components/Summary';
import { STRINGS } from '../../src/taskpane/strings';
import { paneTheme } from '../../src/taskpane/theme';
import { loadFixture } from '../support/fixtures';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const render = (report: JsonWorkbook, lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
  text(renderToStaticMarkup(<FluentProvider theme={paneTheme}><Summary strings={STRINGS[lang]} report={report} overrides={{}} onKind={() => undefined} /></FluentProvider>));

describe('the summary', () => {
  it('says what share of the amount cells the checks covered, from the report', async () => {
    const report = workbookJson(analyzeWorkbook(await loadFixture('003-yanjin-zhengwu-2024'), { catalogs: builtinCatalogs, suggestFixes: false }), 'zh-CN');
    const pct = Math.floor((report.coverage!.covered / report.coverage!.cells) * 100);
    expect(pct).toBeGreaterThan(90);
    expect(render(report)).toContain(`已核对 ${pct}% 的金额单元格`);
    expect(render(report)).not.toContain('核对不足');
    expect(render(report, 'en-US')).toContain(`${pct}% of the amount cells checked`);
  });

  it('names a table the checks barely covered and points at setting its kind', async () => {
    const report = workbookJson(analyzeWorkbook(await loadFixture('003-yanjin-zhengwu-2024'), { catalogs: builtinCatalogs, suggestFixes: false }), 'zh-CN');
    const t = report.tables.find((x) => x.coverage && x.coverage.cells > 0)!;
    const low: JsonWorkbook = { ...report, tables: report.tables.map((x) => (x === t ? { ...x, coverage: { cells: 10, covered: 1, share: 0.1 } } : x)) };
    expect(render(low)).toContain(`核对不足：${t.sheet} 10%`);
    expect(render(low)).toContain('为它指定类型');
  });
});
