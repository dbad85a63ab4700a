// The readable report of a checked workbook, in zh-CN or en-US: what the CLI prints by default and the
// task pane saves as 文字报告. Pure: JSON report in, text out.
import { KIND_NAMES, type TableKind } from './recognize/kinds';
import { RULES } from './rules';
import type { Lang } from './messages/catalog';
import type { JsonWorkbook } from './report-json';
import { LOW_COVERAGE } from './coverage';

const S = {
  'zh-CN': {
    workbook: '工作簿',
    department: '预算单位',
    year: '年度',
    unit: '单位',
    tables: (n: number) => `识别到 ${n} 张表`,
    counts: (e: number, w: number, i: number) => `错误 ${e} 项 · 警告 ${w} 项 · 提示 ${i} 项`,
    none: '未发现不一致之处。',
    fix: '建议',
    affects: (n: number) => `另影响 ${n} 处勾稽关系`,
    alike: (n: number) => `同类共 ${n} 处`,
    why: '理由',
    confidence: '把握',
    severity: { error: '错误', warning: '警告', info: '提示' },
    unread: '无法读取',
    notes: (n: number) => `另有 ${n} 处内容未能识别为表格（用 --format json 查看）`,
    unknown: '—',
    coverage: (pct: number, covered: number, cells: number) => `已核对 ${pct}% 的金额单元格（${covered} / ${cells}）`,
    low: (list: string) => `；核对不足：${list}（表头或行可能未能识别，可在任务窗格中指定表的类型）`,
    skipped: (list: string) => `未能核对：${list}`,
  },
  'en-US': {
    workbook: 'Workbook',
    department: 'Department',
    year: 'Year',
    unit: 'Unit',
    tables: (n: number) => `${n} tables recognized`,
    counts: (e: number, w: number, i: number) => `${e} errors · ${w} warnings · ${i} notes`,
    none: 'No inconsistency found.',
    fix: 'Fix',
    affects: (n: number) => `breaks ${n} more identit${n === 1 ? 'y' : 'ies'}`,
    alike: (n: number) => `${n} alike`,
    why: 'why',
    confidence: 'confidence',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    unread: 'Cannot read',
    notes: (n: number) => `${n} regions were not recognized as tables (see --format json)`,
    unknown: '—',
    coverage: (pct: number, covered: number, cells: number) => `${pct}% of the amount cells checked (${covered} / ${cells})`,
    low: (list: string) => `; barely checked: ${list} (headers or rows may not have been understood; the task pane can set a table's kind)`,
    skipped: (list: string) => `Not checked: ${list}`,
  },
} as const;

/** The reason a rule gives when its tables are absent (rendered), in either language. */
const NO_TABLE = /^(工作簿中没有本规则所核对的表|没有.*无从比较|the workbook has none of the tables|no .* to compare with)/;
const SUM_GROUPS: ReadonlySet<string> = new Set(['row', 'hierarchy', 'cross-table']);

const MARK = { error: '✖', warning: '▲', info: '·' } as const;

/** `预算表3(支出总表)、绩效目标(项目支出绩效目标表 ×16)`: one entry per sheet and kind. */
function tableList(wb: JsonWorkbook, lang: Lang): string {
  const groups = new Map<string, { sheet: string; kind: string; n: number }>();
  for (const t of wb.tables) {
    const k = `${t.sheet}\u0000${t.kind}`;
    const g = groups.get(k) ?? { sheet: t.sheet, kind: t.kind, n: 0 };
    g.n++;
    groups.set(k, g);
  }
  return [...groups.values()]
    .map((g) => {
      const names = KIND_NAMES[g.kind as TableKind];
      const kind = names ? (lang === 'zh-CN' ? names.zh : names.en) : g.kind;
      // A sheet named as its kind (收支总表) is named once.
      if (g.sheet === kind && g.n === 1) return g.sheet;
      return `${g.sheet}(${kind}${g.n > 1 ? ` ×${g.n}` : ''})`;
    })
    .join(lang === 'zh-CN' ? '、' : ', ');
}

/** Formats one workbook's JSON object as lines of text. */
export function formatWorkbookText(wb: JsonWorkbook, lang: Lang): string {
  const s = S[lang];
  const lines: string[] = [];
  if (wb.errors.length > 0) {
    lines.push(`${s.unread} ${wb.file}:`);
    for (const e of wb.errors) lines.push(`  ${e}`);
    return lines.join('\n');
  }
  lines.push(`${s.workbook}：${wb.file}`.replace('：', lang === 'zh-CN' ? '：' : ': '));
  const sep = lang === 'zh-CN' ? '：' : ': ';
  lines.push(`  ${s.department}${sep}${wb.meta.department ?? s.unknown}    ${s.year}${sep}${wb.meta.year ?? s.unknown}    ${s.unit}${sep}${wb.meta.unit ?? s.unknown}`);
  lines.push(`  ${s.tables(wb.tables.length)}${sep}${tableList(wb, lang)}`);
  const count = (sev: string) => wb.findings.filter((f) => f.severity === sev).length;
  lines.push(`  ${s.counts(count('error'), count('warning'), count('info'))}`);
  if (wb.coverage && wb.coverage.cells > 0) {
    const low = wb.tables.filter((t) => t.coverage && t.coverage.cells > 0 && t.coverage.share < LOW_COVERAGE);
    const list = low.map((t) => `${t.sheet} ${Math.round(t.coverage!.share * 100)}%`).join(lang === 'zh-CN' ? '、' : ', ');
    lines.push(`  ${s.coverage(Math.floor((wb.coverage.covered / wb.coverage.cells) * 100), wb.coverage.covered, wb.coverage.cells)}${low.length > 0 ? s.low(list) : ''}`);
  }
  // Sum rules whose own table is there and that still compared nothing: a layout not understood.
  const kinds = new Set(wb.tables.map((t) => t.kind));
  const skipped = (wb.rules ?? []).filter((r) => {
    const rule = RULES.find((x) => x.meta.id === r.id);
    return r.status === 'skipped' && r.reason !== undefined && !NO_TABLE.test(r.reason) && !rule?.meta.conditional && SUM_GROUPS.has(rule?.meta.group ?? '') && kinds.has(rule?.meta.needs[0] ?? '');
  });
  if (skipped.length > 0) {
    const title = (id: string) => RULES.find((r) => r.meta.id === id)?.meta.title;
    lines.push(`  ${s.skipped(skipped.map((r) => `${title(r.id) ? (lang === 'zh-CN' ? title(r.id)!.zh : title(r.id)!.en) : r.id}（${r.reason}）`).join(lang === 'zh-CN' ? '；' : '; '))}`);
  }
  if (wb.notes.length > 0) lines.push(`  ${s.notes(wb.notes.length)}`);
  lines.push('');
  if (wb.findings.length === 0) lines.push(`  ${s.none}`);
  for (const f of wb.findings) {
    const checked = f.cells.find((c) => c.role === 'checked') ?? f.cells[0];
    const where = checked ? `${checked.sheet}!${checked.address}` : '';
    const rule = RULES.find((r) => r.meta.id === f.rule)?.meta.title;
    lines.push(`  ${MARK[f.severity]} ${s.severity[f.severity]}  ${where}  [${rule ? (lang === 'zh-CN' ? rule.zh : rule.en) : f.rule}]`);
    lines.push(`      ${f.message}`);
    const list = lang === 'zh-CN' ? '、' : ', ';
    const title = (id: string) => {
      const t = RULES.find((r) => r.meta.id === id)?.meta.title;
      return t ? (lang === 'zh-CN' ? t.zh : t.en) : id;
    };
    // One cause, the identities it breaks named after it; a class of similar findings, where they are.
    if (f.consequences && f.consequences.length > 0)
      lines.push(`      ${s.affects(f.consequences.length)}${sep}${f.consequences.map((c) => `${c.cells[0]!.sheet}!${c.cells[0]!.address} ${title(c.rule)}`).join(list)}`);
    if (f.members && f.members.length > 0)
      lines.push(`      ${s.alike(f.members.length)}${sep}${f.members.map((m) => `${m.cells[0]!.sheet}!${m.cells[0]!.address}`).join(list)}`);
    const fix = f.fixes[0];
    const confidence = `${s.confidence} ${Math.round((fix?.confidence ?? 0) * 100)}%`;
    if (fix) lines.push(`      ${s.fix}${sep}${fix.title}${lang === 'zh-CN' ? `（${confidence}）` : ` (${confidence})`}`);
    if (fix?.reason) lines.push(`      ${s.why}${sep}${fix.reason}`);
  }
  return lines.join('\n');
}
