// One finding per cause. After fixes are located, the identities one cell explains are folded into one finding at
// that cell (the others become its consequences, still reachable and shown as evidence); a finding whose sure fix
// edits another cell is told at the cell it would change, so that 应为 / 实为 agree with the fix; and a class of
// similar warnings (twelve 项目没有绩效目标) becomes one finding listing its members.
import { amountsOf, SEVERITY_ORDER, type CellRef, type Finding, type Fix, type Symptom } from './findings';
import { parseAmountText, ZERO } from './money/money';

/** A fix is this much surer than the next one when it names its culprit alone (else the choice is balanced). */
const CLEAR_LEAD = 0.2;
/** Similar findings of one rule are shown as one from this many on. */
const CLASS_SIZE = 3;

const cellOf = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address}`;

/** The edits of a fix as one key: the same cells set to the same values. */
function fixKey(fix: Fix): string {
  return fix.edits
    .map((e) => `${cellOf(e)}=${e.after}${e.formula !== undefined ? `=${e.formula}` : ''}`)
    .sort()
    .join('|');
}

/** Whether a finding's first fix names one culprit clearly: verified, not a coin toss against the next one. */
function clearCulprit(f: Finding): Fix | undefined {
  const [first, second] = f.fixes;
  if (!first || !first.verified || first.confidence < 0.5) return undefined;
  if (second && first.confidence - second.confidence < CLEAR_LEAD) return undefined;
  return first;
}

function symptom(f: Finding): Symptom {
  const { fixes: _fixes, consequences: _c, members: _m, ...rest } = f;
  return rest;
}

/** The cells of a cause: its checked cell first, then every cell of its own finding and consequences as evidence. */
function causeCells(checked: CellRef, findings: readonly Finding[]): CellRef[] {
  const seen = new Set([cellOf(checked)]);
  const out: CellRef[] = [checked];
  for (const f of findings) {
    for (const c of f.cells) {
      if (seen.has(cellOf(c))) continue;
      seen.add(cellOf(c));
      out.push({ ...c, role: 'evidence' });
    }
  }
  return out;
}

/** Amounts of the culprit cell: what it holds (实为), what the fix writes (应为), and their difference. */
function culpritAmounts(fix: Fix): Pick<Finding, 'expected' | 'actual' | 'difference'> | undefined {
  const e = fix.edits[0];
  if (!e || e.formula !== undefined) return undefined;
  const after = parseAmountText(e.after);
  const before = e.before.trim() === '' ? ZERO : parseAmountText(e.before);
  // A name or a code: the texts themselves.
  if (after === undefined || before === undefined) return { expected: e.after, actual: e.before };
  return amountsOf(before, after);
}

/**
 * Folds findings into causes. Input and output are in report order (errors first); a cause takes the place of the
 * first of its findings (the most severe, the input being sorted).
 */
export function foldCauses(findings: readonly Finding[]): Finding[] {
  // Findings whose first fix is the same edit are one cause (the same suggestion twice is one suggestion).
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const fix = f.fixes[0];
    if (!fix || fix.edits.length === 0) continue;
    const key = fixKey(fix);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const folded = new Map<Finding, Finding | null>();
  /** The primary finding each folded one went into. */
  const into = new Map<Finding, Finding>();
  for (const group of groups.values()) {
    const fix = group[0]!.fixes[0]!;
    const edited = new Set(fix.edits.map(cellOf));
    const clear = group.some((f) => f.severity !== 'info' && clearCulprit(f) !== undefined);
    // The finding told at the cell the fix edits says best what is wrong there; else the most severe one.
    const primary = group.find((f) => edited.has(cellOf(f.cells[0]!))) ?? [...group].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0]!;
    const others = group.filter((f) => f !== primary);
    if (others.length === 0 && !clear) continue;
    let cause: Finding = primary;
    // A sure culprit elsewhere: the finding is told at the cell the fix changes (应为 / 实为 are that cell's).
    if (clear && !edited.has(cellOf(primary.cells[0]!))) {
      // Told at the culprit: the cell the fix changes is checked, the identity's cells are evidence.
      const e = fix.edits[0]!;
      const amounts = culpritAmounts(fix);
      cause = {
        ...primary,
        id: `${primary.rule}@${cellOf(e)}`,
        cells: causeCells({ sheet: e.sheet, address: e.address, role: 'checked' }, [primary]),
        ...(amounts ?? {}),
      };
      if (!others.length) {
        // A lone finding whose fix is elsewhere: its identity becomes its one consequence.
        cause = { ...cause, consequences: [symptom(primary)] };
      }
    }
    if (others.length > 0) {
      const worst = group.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a)).severity;
      cause = { ...cause, severity: worst, cells: causeCells(cause.cells[0]!, [cause, ...others]), consequences: [...(cause.consequences ?? []), ...others.map(symptom)] };
    }
    folded.set(primary, cause);
    for (const o of others) {
      folded.set(o, null);
      into.set(o, primary);
    }
  }
  // A finding no fix of its own settles, whose cells a sure cause changes (其中 above a 小计 that is the typo), is
  // that cause's consequence too.
  const sureEdits = new Map<string, Finding[]>();
  for (const [primary, cause] of folded) {
    if (!cause || !clearCulprit(primary)) continue;
    for (const e of cause.fixes[0]!.edits) sureEdits.set(cellOf(e), [...(sureEdits.get(cellOf(e)) ?? []), primary]);
  }
  for (const f of findings) {
    if (folded.has(f) || f.severity === 'info' || f.fixes.some((x) => x.verified)) continue;
    const owners = new Set(f.cells.flatMap((c) => sureEdits.get(cellOf(c)) ?? []));
    if (owners.size !== 1) continue;
    const primary = [...owners][0]!;
    const cause = folded.get(primary)!;
    folded.set(primary, { ...cause, cells: causeCells(cause.cells[0]!, [cause, f]), consequences: [...(cause.consequences ?? []), symptom(f)] });
    folded.set(f, null);
    into.set(f, primary);
  }
  // Each cause at the place of the first of its findings.
  const causes: Finding[] = [];
  const placed = new Set<Finding>();
  for (const f of findings) {
    const primary = into.get(f) ?? f;
    if (placed.has(primary)) continue;
    placed.add(primary);
    causes.push(folded.get(primary) ?? primary);
  }
  // Ids stay unique: a cause moved to its culprit may meet another finding of the same rule there; it keeps its
  // place with a numbered id (nothing is dropped).
  const ids = new Map<string, number>();
  const unique = causes.map((f) => {
    const n = (ids.get(f.id) ?? 0) + 1;
    ids.set(f.id, n);
    return n === 1 ? f : { ...f, id: `${f.id}#${n}` };
  });
  return groupClasses(unique);
}

/**
 * Warnings and notes of one rule saying the same kind of thing (one message) without a fix each are one finding
 * listing its members, at the first member's place, from CLASS_SIZE on.
 */
function groupClasses(findings: readonly Finding[]): Finding[] {
  const byClass = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'error' || f.fixes.length > 0 || f.consequences) continue;
    const key = `${f.rule}|${f.severity}|${f.message.id}`;
    byClass.set(key, [...(byClass.get(key) ?? []), f]);
  }
  const head = new Map<Finding, Finding>();
  const folded = new Set<Finding>();
  for (const members of byClass.values()) {
    if (members.length < CLASS_SIZE) continue;
    const first = members[0]!;
    // The first member's words stand for the class; `members` lists them all.
    head.set(first, {
      ...first,
      id: `${first.rule}@class:${first.message.id}`,
      cells: members.map((m, i) => ({ ...m.cells[0]!, role: i === 0 ? 'checked' : 'evidence' })),
      members,
      fixes: [],
    });
    for (const m of members) folded.add(m);
  }
  return findings.flatMap((f) => (head.has(f) ? [head.get(f)!] : folded.has(f) ? [] : [f]));
}
