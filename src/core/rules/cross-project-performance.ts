// Rule `cross-project-performance`: each project of 项目支出表 against its block in the 项目支出绩效目标表 —
// 年度资金总额 = the project's current-year money (本年拨款 + other current money), 其中财政拨款 = 本年财政拨款.
// Projects are matched by name, tolerant of edits between the tables (a differing name is a finding of its
// own); a project with current-year money and no block, or a block with no project, is reported too.
import { a1 } from '../grid/grid';
import { cellRef, type CellRef, type Finding, type Fix, type RoundingPolicy } from '../findings';
import { displayAmount, Money, sum } from '../money/money';
import { fieldRow, type FormField } from '../recognize/fields';
import type { ColumnRole, Row, Table } from '../recognize/model';
import { AMOUNT_ROLES, amountList } from '../recognize/tables';
import { labelKey, squash } from '../text';
import type { Rule, RuleContext } from './rule';
import { colOf, crossSum, notice, tableData, tablesOf, valueAt, type PlacedCell } from './cross-shared';

const ID = 'cross-project-performance';

/** A project row of 项目支出表 and the cells of its current-year money. */
export interface Project {
  readonly table: Table;
  readonly row: Row;
  readonly name: string;
  /** 2 = 一级项目, 3 = 二级项目, in tables that print both; undefined otherwise. */
  readonly level?: number;
  readonly nameCol?: number;
  /** An 一级项目 with 二级项目 under it: a block may be written for it, but it needs none of its own. */
  readonly group?: boolean;
  /** The 一级项目 row of a 二级项目. */
  readonly parent?: Row;
  /** 本年财政拨款 (and, in `annual`, 财政专户管理资金 and 单位资金) cells. */
  readonly fiscal: readonly PlacedCell[];
  readonly annual: readonly PlacedCell[];
}

/** One project's block of a performance table, as far as it could be read. */
export interface Block {
  readonly table: Table;
  readonly name?: string;
  readonly nameCell?: { row: number; col: number };
  readonly level?: string;
  readonly levelCell?: { row: number; col: number };
  /** 年度资金总额 and 其中：财政拨款. */
  readonly total?: PlacedCell;
  readonly fiscal?: PlacedCell;
}

/** Name key for matching: labelKey without quotes, brackets and punctuation. */
export function nameKey(s: string): string {
  let k = NAME_KEYS.get(s);
  if (k === undefined) {
    k = labelKey(s).replace(/["“”'‘’()（）[\]【】《》<>、，,.。:：;；\-—_·\s]/g, '');
    if (NAME_KEYS.size >= 50_000) NAME_KEYS.clear();
    NAME_KEYS.set(s, k);
  }
  return k;
}

/** nameKey's answers (names are asked for again and again); bounded. */
const NAME_KEYS = new Map<string, string>();

/** Similarity of two names, 0..1: twice their longest common subsequence over their total length. */
export function similarity(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x.length + y.length === 0) return 1;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return (2 * prev[y.length]!) / (x.length + y.length);
}

const isAmountCol = (t: Table, col: number) => AMOUNT_ROLES.has(t.columns.find((c) => c.col === col)?.role ?? 'text');

/** The projects of a 项目支出表: its 二级项目 and 一级项目 rows (an 一级项目 with 二级项目 under it is a group), or its named rows in tables without levels. */
export function projectsOf(ctx: RuleContext, table: Table): Project[] {
  const fiscalCols = table.columns.filter((c) => isAmountCol(table, c.col) && c.path.length > 1 && /^本年/.test(labelKey(c.path[0]!))).map((c) => c.col);
  const otherCols = table.columns
    .filter((c) => isAmountCol(table, c.col) && c.path.some((p) => /财政专户|单位资金/.test(labelKey(p))) && !c.path.some((p) => /结转|结余/.test(labelKey(p))))
    .map((c) => c.col);
  const totalCol = colOf(table, 'total');
  const fiscal = fiscalCols.length > 0 ? fiscalCols : totalCol !== undefined ? [totalCol] : [];
  const annual = fiscalCols.length > 0 ? [...fiscalCols, ...otherCols] : fiscal;
  const hasLevels = table.columns.some((c) => c.role === 'project-l1' || c.role === 'project-l2');
  const department = nameKey(ctx.meta.department ?? '');
  // The column that names a project of each level, looked up once.
  const nameColOf = (role: ColumnRole) => table.columns.find((c) => c.role === role)?.col;
  const l2Col = nameColOf('project-l2');
  const l1Col = nameColOf('project-l1');
  const plainCol = nameColOf('name');
  const out: Project[] = [];
  // A project, its optional fields set only when present (a large 项目支出表 has thousands of projects).
  const add = (row: Row, level?: number, group?: boolean, up?: Row) => {
    const cells = fiscal.map((col) => ({ table, row, col }));
    const p: { -readonly [K in keyof Project]: Project[K] } = { table, row, name: row.name.trim(), fiscal: cells, annual: annual === fiscal ? cells : annual.map((col) => ({ table, row, col })) };
    const nameCol = level === 3 ? l2Col : level === 2 ? l1Col : plainCol;
    if (level !== undefined) p.level = level;
    if (nameCol !== undefined) p.nameCol = nameCol;
    if (group) p.group = group;
    if (up) p.parent = up;
    out.push(p);
  };
  let parent: Row | undefined;
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.level !== undefined && row.level < 3) parent = row.level === 2 ? row : undefined;
    if (row.isTotal || row.name.trim() === '' || /^\d+$/.test(squash(row.name))) continue;
    if (hasLevels) {
      if (row.level === 3) add(row, 3, false, parent);
      else if (row.level === 2) add(row, 2, rows[i + 1]?.level === 3);
      continue;
    }
    if (row.unitCode !== undefined || (department !== '' && nameKey(row.name) === department)) continue;
    add(row);
  }
  return out;
}

/** The first number of a row (left to right), as a cell. */
function firstNumber(table: Table, row: Row): PlacedCell | undefined {
  let col: number | undefined;
  for (const c of amountList(row.amounts)) if (c.value !== undefined && (col === undefined || c.col < col)) col = c.col;
  return col !== undefined ? { table, row, col } : undefined;
}

/**
 * The blocks of one performance table. Two layouts are read: one table per project with 项目名称 / 项目级次 in the
 * header (Jilin, Siping), and one summary table with a row per project and a 资金总额 column (Henan).
 */
export function blocksOf(ctx: RuleContext, table: Table): Block[] {
  const totalCol = table.columns.find((c) => c.path.some((p) => /资金总额/.test(labelKey(p))));
  const nameCol = table.columns.find((c) => c.role === 'name');
  if (totalCol && nameCol) {
    const fiscalCol = table.columns.find((c) => c.col !== totalCol.col && c.path.some((p) => /政府预算资金|财政拨款/.test(labelKey(p))));
    const codeCols = table.columns.filter((c) => c.path.some((p) => /编码|代码/.test(labelKey(p))) && c.col !== nameCol.col).map((c) => c.col);
    const department = nameKey(ctx.meta.department ?? '');
    const out: Block[] = [];
    for (const row of table.rows) {
      if (row.name.trim() === '' || row.amounts.get(totalCol.col)?.value === undefined) continue;
      // Unit rows (单位编码 129, 129001) are subtotals, not projects.
      let code: Money | undefined;
      for (let k = 0; k < codeCols.length && code === undefined; k++) code = row.amounts.get(codeCols[k]!)?.value;
      if (code !== undefined && code.toFixed(0).length <= 6) continue;
      if (department !== '' && nameKey(row.name) === department) continue;
      const block: { -readonly [K in keyof Block]: Block[K] } = { table, name: row.name.trim(), nameCell: { row: row.row, col: nameCol.col }, total: { table, row, col: totalCol.col } };
      if (fiscalCol) block.fiscal = { table, row, col: fiscalCol.col };
      out.push(block);
    }
    return out;
  }
  // Blocks whose labels recognition read as a form (项目名称 → value): take the values from there.
  const field = (re: RegExp) => table.fields?.find((f) => re.test(f.label));
  const fName = field(/^项目名称$/);
  if (fName) {
    const fLevel = field(/^项目级次$/);
    const fTotal = field(/^年度资金总额$/);
    const fFiscal = field(/财政拨款$/);
    const placed = (f: FormField | undefined): PlacedCell | undefined => (f && f.amount.value !== undefined ? { table, row: fieldRow(f), col: f.cell.col } : undefined);
    const total = placed(fTotal);
    const fiscal = placed(fFiscal);
    return [
      {
        table,
        name: fName.text,
        nameCell: fName.cell,
        ...(fLevel ? { level: fLevel.text, levelCell: fLevel.cell } : {}),
        ...(total ? { total } : {}),
        ...(fiscal ? { fiscal } : {}),
      },
    ];
  }
  const labelCol = table.columns.find((c) => c.path.some((p) => labelKey(p) === '项目名称'));
  if (!labelCol) return [];
  const valueCol = table.columns.find((c) => c.col > labelCol.col && c.path.join('/') !== labelCol.path.join('/'));
  const aligned = valueCol !== undefined && valueCol.path.length === labelCol.path.length;
  const headerRows = table.headerRows ? table.headerRows.last - table.headerRows.first + 1 : 0;
  const at = (word: string): { text?: string; cell?: { row: number; col: number } } => {
    const i = labelCol.path.findIndex((p) => labelKey(p) === word);
    if (i < 0 || !aligned) return {};
    const cell = labelCol.path.length === headerRows && table.headerRows ? { row: table.headerRows.first + i, col: valueCol.col } : undefined;
    return { text: valueCol.path[i]!, ...(cell ? { cell } : {}) };
  };
  const name = at('项目名称');
  const level = at('项目级次');
  // Amount rows: by their label when a label is read (年度资金总额, 其中：财政拨款), else the first two rows of numbers
  // before the indicator grid.
  let total: PlacedCell | undefined;
  let fiscal: PlacedCell | undefined;
  for (const row of table.rows) {
    const texts = amountList(row.amounts).map((c) => (c.parsed.kind === 'text' ? labelKey(c.parsed.text) : ''));
    const n = firstNumber(table, row);
    if (n && texts.some((t) => /资金总额/.test(t))) total ??= n;
    else if (n && texts.some((t) => /财政拨款/.test(t))) fiscal ??= n;
  }
  if (!total) {
    const lead: PlacedCell[] = [];
    for (const row of table.rows) {
      if (amountList(row.amounts).some((c) => c.parsed.kind === 'text')) break;
      const n = firstNumber(table, row);
      if (n) lead.push(n);
    }
    total = lead[0];
    fiscal ??= lead[1];
  }
  return [
    {
      table,
      ...(name.text ? { name: name.text } : {}),
      ...(name.cell ? { nameCell: name.cell } : {}),
      ...(level.text ? { level: level.text } : {}),
      ...(level.cell ? { levelCell: level.cell } : {}),
      ...(total ? { total } : {}),
      ...(fiscal ? { fiscal } : {}),
    },
  ];
}

const titleOf = (t: Table) => ({ row: t.titleCell?.row ?? t.rect.r0, col: t.titleCell?.col ?? t.rect.c0 });

/** The cells that hold a value, or the first cell when none does (a sum over blank cells still names one). */
function filled(cells: readonly PlacedCell[]): readonly PlacedCell[] {
  if (cells.length === 1 && valueAt(cells[0]!) !== undefined) return cells;
  const f = cells.filter((c) => valueAt(c) !== undefined);
  return f.length > 0 ? f : cells.slice(0, 1);
}

function amountOfCells(cells: readonly PlacedCell[]): Money {
  return sum(cells.map(valueAt));
}

/** Whether the performance tables print amounts to one decimal (no amount anywhere with two). */
function printedToTenths(blocks: readonly Block[]): boolean {
  let tenths = false;
  for (const b of blocks) {
    for (const c of [b.total, b.fiscal]) {
      const v = c && valueAt(c);
      if (!v) continue;
      if (v.decimalPlaces() >= 2) return false;
      if (v.decimalPlaces() === 1) tenths = true;
    }
  }
  return tenths;
}

/**
 * Two ways to make one project's names agree, neither sure: which table has the right name is for a person to
 * say (the project expenditure table is the one budgets are approved by, so it comes first).
 */
function renames(b: Block, p: Project): Fix[] {
  const reason = { id: `${ID}.fix.reason.which-name`, data: {} };
  const fixes: Fix[] = [];
  if (b.nameCell && b.name) {
    const address = a1(b.nameCell.row, b.nameCell.col);
    fixes.push({
      title: { id: `${ID}.fix.rename`, data: { where: address, after: p.name } },
      confidence: 0.5,
      reason,
      edits: [{ sheet: b.table.sheet, address, before: b.name, after: p.name }],
    });
  }
  if (p.nameCol !== undefined && b.name) {
    const address = a1(p.row.row, p.nameCol);
    fixes.push({
      title: { id: `${ID}.fix.rename`, data: { where: `${p.table.sheet}!${address}`, after: b.name } },
      confidence: 0.4,
      reason,
      edits: [{ sheet: p.table.sheet, address, before: p.name, after: b.name }],
    });
  }
  return fixes;
}

export const crossProjectPerformance: Rule = {
  meta: {
    id: ID,
    group: 'cross-table',
    severity: 'error',
    title: { zh: '项目支出表与绩效目标表', en: 'Projects vs performance targets' },
    description: {
      zh: '项目支出表中每个项目的本年拨款等于其项目支出绩效目标表的年度资金总额（其中财政拨款等于本年财政拨款）；项目按名称对应（容许两表名称略有改动，名称不一致单独列出）；有本年拨款而无绩效目标表、或绩效目标表找不到项目的，也列出。',
      en: "Each project's current-year money in the project expenditure table equals the annual funds of its performance target block (of which fiscal = current-year appropriation); projects are matched by name, tolerating edits (a differing name is reported on its own); a project with current-year money and no block, or a block with no project, is reported too.",
    },
    needs: ['project-expenditure', 'project-performance'],
  },
  check(ctx) {
    const findings: Finding[] = [];
    const projectTable = tablesOf(ctx, 'project-expenditure')[0];
    if (!projectTable) return findings;
    const projects = projectsOf(ctx, projectTable);
    const blocks = tablesOf(ctx, 'project-performance').flatMap((t) => blocksOf(ctx, t)).filter((b) => b.name !== undefined);
    if (projects.length === 0 || blocks.length === 0) return findings;
    const tenths = printedToTenths(blocks);
    const policy: RoundingPolicy = tenths ? { ...ctx.rounding, perTerm: Money.max(ctx.rounding.perTerm, new Money('0.05')) } : ctx.rounding;
    // A project's current-year money, added up once (matching asks for it again and again).
    const annualAmounts = new Map<Project, Money>();
    const annualOf = (p: Project): Money => {
      let a = annualAmounts.get(p);
      if (a === undefined) annualAmounts.set(p, (a = amountOfCells(p.annual)));
      return a;
    };
    const sameAmount = (b: Block, p: Project) => {
      const v = b.total && valueAt(b.total);
      return v !== undefined && v.minus(annualOf(p)).abs().lte(policy.perTerm);
    };

    // 1. Same name (several projects of one name — 退休人员补助经费 of two units — told apart by amount).
    const matched = new Map<Block, { project: Project; exact: boolean; sim: number }>();
    const used = new Set<Project>();
    const byName = new Map<string, Project[]>();
    for (const p of projects) {
      const k = nameKey(p.name);
      const list = byName.get(k);
      if (list) list.push(p);
      else byName.set(k, [p]);
    }
    for (const b of blocks) {
      const named = byName.get(nameKey(b.name!));
      if (named === undefined) continue;
      let p: Project;
      // One project of the name (nearly every name): it is the one.
      if (named.length === 1) {
        if (used.has(named[0]!)) continue;
        p = named[0]!;
      } else {
        const cands = named.filter((x) => !used.has(x));
        if (cands.length === 0) continue;
        cands.sort((x, y) => Number(x.group ?? false) - Number(y.group ?? false));
        p = cands.find((x) => sameAmount(b, x)) ?? cands.find((x) => !annualOf(x).isZero()) ?? cands[0]!;
      }
      matched.set(b, { project: p, exact: true, sim: 1 });
      used.add(p);
    }
    // 2. Names edited between the tables: similar names, or the same amount and a name not too far off.
    const pairs: Array<{ b: Block; p: Project; sim: number; score: number }> = [];
    for (const b of blocks) {
      if (matched.has(b)) continue;
      for (const p of projects) {
        if (used.has(p)) continue;
        const sim = similarity(b.name!, p.name);
        const same = sameAmount(b, p);
        if (sim >= 0.75 || (same && sim >= 0.3)) pairs.push({ b, p, sim, score: sim + (same ? 0.5 : 0) - (p.group ? 0.01 : 0) });
      }
    }
    pairs.sort((x, y) => y.score - x.score);
    for (const { b, p, sim } of pairs) {
      if (matched.has(b) || used.has(p)) continue;
      matched.set(b, { project: p, exact: false, sim });
      used.add(p);
    }

    const projectName = (p: Project): CellRef[] => (p.nameCol !== undefined ? [cellRef(p.table.sheet, p.row.row, p.nameCol, 'evidence')] : []);
    for (const b of blocks) {
      const m = matched.get(b);
      const where = b.nameCell ?? titleOf(b.table);
      if (!m) {
        findings.push(
          notice(ID, 'warning', { table: b.table, ...where }, [cellRef(projectTable.sheet, titleOf(projectTable).row, titleOf(projectTable).col, 'evidence')], `${ID}.no-project`, {
            ...tableData(b.table, 'table'),
            ...tableData(projectTable, 'other'),
            name: squash(b.name!),
            actual: b.total && valueAt(b.total) ? displayAmount(valueAt(b.total)!) : '@value.blank',
          }),
        );
        continue;
      }
      const { project: p, exact, sim } = m;
      // Made only for a finding (most projects agree): labels cost time on every project.
      let made: Record<string, string> | undefined;
      const data = () => (made ??= { ...tableData(b.table, 'table'), ...tableData(projectTable, 'other'), name: squash(b.name!), otherName: squash(p.name), row: squash(b.name!), otherRow: squash(p.name) });
      if (!exact) {
        const f = notice(ID, 'warning', { table: b.table, ...where }, projectName(p), sameAmount(b, p) ? `${ID}.name` : `${ID}.name-amount`, {
          ...data(),
          similarity: String(Math.round(sim * 100)),
          amount: displayAmount(annualOf(p)),
        });
        findings.push(sameAmount(b, p) ? { ...f, fixes: renames(b, p) } : f);
      }
      if (b.level && p.level !== undefined) {
        const expected = p.level === 3 ? '二级项目' : '一级项目';
        if (/[一二]级/.test(b.level) && labelKey(b.level) !== expected) {
          findings.push(
            notice(ID, 'warning', { table: b.table, ...(b.levelCell ?? where) }, projectName(p), `${ID}.level`, {
              ...data(),
              level: squash(b.level),
              otherLevel: expected,
            }),
          );
        }
      }
      const severity = exact ? 'error' : 'warning';
      const messageId = tenths ? `${ID}.amount-tenths` : `${ID}.amount`;
      let amountFinding: Finding | undefined;
      if (b.total && p.annual.length > 0) {
        amountFinding = crossSum({ rule: ID, ctx, checked: b.total, terms: filled(p.annual), messageId, data: () => ({ ...data(), what: `@${ID}.what.total`, otherWhat: `@${ID}.what.annual` }), severity, policy, fix: { confidence: 0.4, reason: `${ID}.fix.reason` } });
        if (amountFinding) findings.push(amountFinding);
      }
      const bf = b.fiscal && valueAt(b.fiscal);
      const bt = b.total && valueAt(b.total);
      if (!amountFinding && b.fiscal && bf !== undefined && (bt === undefined || !bf.eq(bt)) && p.fiscal.length > 0) {
        const f = crossSum({ rule: ID, ctx, checked: b.fiscal, terms: filled(p.fiscal), messageId, data: () => ({ ...data(), what: `@${ID}.what.fiscal`, otherWhat: `@${ID}.what.fiscal-current` }), severity, policy, fix: { confidence: 0.4, reason: `${ID}.fix.reason` } });
        if (f) findings.push(f);
      }
    }

    // Projects with current-year money and no block (a 二级项目 whose 一级项目 has a block is covered by it).
    const covered = new Set([...matched.values()].map((m) => m.project.row));
    for (const p of projects) {
      if (p.group || covered.has(p.row) || (p.parent && covered.has(p.parent))) continue;
      const amount = annualOf(p);
      if (amount.isZero()) continue;
      const at = p.fiscal[0] ?? p.annual[0]!;
      findings.push(
        notice(ID, 'warning', { table: projectTable, row: p.row.row, col: at.col }, [cellRef(blocks[0]!.table.sheet, titleOf(blocks[0]!.table).row, titleOf(blocks[0]!.table).col, 'evidence')], `${ID}.no-block`, {
          ...tableData(projectTable, 'table'),
          ...tableData(blocks[0]!.table, 'other'),
          name: squash(p.name),
          row: squash(p.name),
          actual: displayAmount(amount),
        }),
      );
    }
    return findings;
  },
};
