// The pane's session: one hook that runs checks, applies and undoes fixes, marks cells, exports, and
// re-checks after every change. Components get its state and actions; only this file talks to the port.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Cancelled, EngineError, loadEngine, runCheck, type CheckProgress, type CheckResult, type CheckStep } from '../check';
import { engineClient } from '../engine-client';
import { countBySeverity, groupFindings, plainReason, type DisplayFinding, type DisplayFix, type SeverityGroup } from '../display';
import type { EngineOptions } from '../engine';
import { derivedName, findingsCsv, reportSheet } from '../export';
import { EMPTY_JOURNAL, lastBatchIds, netEdits, type BatchRequest, type Journal, type Mark } from '../journal';
import { marksOf } from '../marks';
import { errorDetail, PortError, type WorkbookPort } from '../port';
import { enabledGroups, loadSettings, saveSettings, validTolerance, type Settings } from '../settings';
import { isFilePort } from '../standalone-port';
import type { Severity, Strings } from '../strings';
import { saveFile } from './download';

export type CheckState =
  | { phase: 'idle' }
  /** `previous`: the last result, which stays up while checking again. */
  | { phase: 'checking'; step: CheckStep; percent?: number; rechecks?: number; previous?: CheckResult; auto?: boolean }
  | { phase: 'done'; result: CheckResult }
  /** The user stopped the check: `previous` (if any) stays up, out of date. */
  | { phase: 'cancelled'; previous?: CheckResult }
  | { phase: 'error'; error: unknown };

/** What the pane is writing or saving right now (one thing at a time). */
export type Busy = 'apply' | 'undo' | 'mark' | 'export';

export interface Notice {
  readonly id: number;
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly title?: string;
  readonly message: string;
  readonly detail?: string;
  /** Fix ids an 撤销 action on the notice undoes. */
  readonly undo?: readonly string[];
}

/** The sentence and detail for anything a port or the engine threw. */
export function describe(e: unknown, s: Strings): { message: string; detail?: string } {
  if (e instanceof PortError) {
    const sentence = s.errors[e.code](e.subject ?? '');
    // The reader's own sentence says why the file cannot be opened, in the user's language.
    if (e.reason) return { message: s.lang === 'zh-CN' ? plainReason(e.reason.zh) : e.reason.en };
    return { message: sentence, ...(e.detail ? { detail: e.detail } : {}) };
  }
  if (e instanceof EngineError) return { message: s.errors.engine(''), detail: e.message };
  return { message: s.errors.unknown(''), detail: errorDetail(e) };
}

export interface Session {
  readonly port: WorkbookPort;
  readonly strings: Strings;
  readonly state: CheckState;
  /** The result shown: the last one, also while checking again. */
  readonly result?: CheckResult;
  readonly groups: readonly SeverityGroup[];
  readonly counts: Record<Severity, number>;
  /** The marks the current findings call for. */
  readonly marks: readonly Mark[];
  readonly journal: Journal;
  readonly busy?: Busy;
  readonly notice?: Notice;
  readonly settings: Settings;
  readonly overrides: Readonly<Record<string, string>>;
  readonly selected?: string;
  /** Applied fixes not yet in a downloaded copy (browser mode): leaving the page asks first. */
  readonly unsaved: boolean;
  /** The findings shown are out of date (a check was stopped, or the user edited the workbook since): 重新检查 is the primary action. */
  readonly outdated: boolean;
  /** Excel: the user edited the workbook since the last check (and does not have it checked again by itself). */
  readonly changed: boolean;
  /** After 应用, the finding the focus goes to (its key), once the re-check lists it. */
  readonly focusAfterApply?: { readonly key: string; readonly seq: number };
  check(): void;
  /** Stops the check (or the reading) under way. */
  cancel(): void;
  dismiss(): void;
  setSettings(next: Settings): void;
  setKind(key: string, kind: string | undefined): void;
  selectFinding(f: DisplayFinding): void;
  selectCell(sheet: string, address: string): void;
  applyFix(f: DisplayFinding, fix: DisplayFix): void;
  applySafe(): void;
  undo(fixIds: readonly string[]): void;
  undoLast(): void;
  mark(): void;
  clearMarks(): void;
  exportSheet(): void;
  saveJson(): void;
  saveCsv(): void;
  saveText(): void;
  downloadFixed(): void;
  downloadAnnotated(): void;
}

/** Milliseconds after the user's last edit before an automatic re-check (Excel). */
export const AUTO_RECHECK_MS = 1500;

/** `ready`: the file port's workbook for `openId` is read (browser mode checks it at once). */
export function useSession(port: WorkbookPort, s: Strings, openId: number, ready = false): Session {
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const [journal, setJournal] = useState<Journal>(EMPTY_JOURNAL);
  const [busy, setBusy] = useState<Busy>();
  const [notice, setNotice] = useState<Notice>();
  const [settings, setSettingsState] = useState<Settings>(() => loadSettings());
  const [overrides, setOverrides] = useState<Readonly<Record<string, string>>>({});
  const [selected, setSelected] = useState<string>();
  const [saved, setSaved] = useState('[]');
  /** Excel: the user edited the workbook since the last check. */
  const [changed, setChanged] = useState(false);
  const [focusAfterApply, setFocusAfterApply] = useState<{ key: string; seq: number }>();
  const noticeId = useRef(0);
  const running = useRef(false);
  const again = useRef(false);
  // The latest options, read by check() without re-creating it on every change.
  const options = useRef<EngineOptions>({});
  const groups0 = enabledGroups(settings);
  options.current = {
    ...(validTolerance(settings.tolerance) ? { tolerance: settings.tolerance.trim() } : {}),
    catalogYear: settings.catalogYear,
    ...(groups0 ? { groups: groups0 } : {}),
    ...(Object.keys(overrides).length > 0 ? { kindOverrides: overrides } : {}),
  };

  const say = useCallback((n: Omit<Notice, 'id'>) => setNotice({ ...n, id: ++noticeId.current }), []);
  const fail = useCallback((title: string, e: unknown) => say({ intent: 'error', title, ...describe(e, s) }), [s, say]);

  // Another file: the old results, journal, overrides and selection no longer apply.
  useEffect(() => {
    setState({ phase: 'idle' });
    setJournal(EMPTY_JOURNAL);
    setOverrides({});
    setSelected(undefined);
    setNotice(undefined);
    setSaved('[]');
  }, [openId]);

  const check = useCallback(
    async (auto = false) => {
      if (running.current) {
        again.current = true;
        return;
      }
      running.current = true;
      try {
        do {
          again.current = false;
          // The results pane loads while the workbook is read.
          void import(/* webpackChunkName: "results" */ './Results');
          try {
            const progress = ({ step, percent, rechecks }: CheckProgress) =>
              setState((prev) => {
                const previous = prev.phase === 'done' ? prev.result : prev.phase === 'checking' || prev.phase === 'cancelled' ? prev.previous : undefined;
                return { phase: 'checking', step, ...(percent !== undefined ? { percent } : {}), ...(rechecks !== undefined ? { rechecks } : {}), ...(previous ? { previous } : {}), ...(auto ? { auto } : {}) };
              });
            // The file port's workbook is read already (it checks where it holds it); Excel's is read now.
            progress(isFilePort(port) ? { step: 'analyze', percent: 0 } : { step: 'read' });
            const result = await runCheck(port, s.lang, options.current, progress);
            const j = await port.journal().catch(() => EMPTY_JOURNAL);
            // A transition: React draws the results in slices, so that a long list never blocks the page.
            startTransition(() => {
              setJournal(j);
              setChanged(false);
              setState({ phase: 'done', result });
            });
          } catch (error) {
            if (error instanceof Cancelled) {
              again.current = false;
              setState((prev) => {
                const previous = prev.phase === 'checking' || prev.phase === 'cancelled' ? prev.previous : prev.phase === 'done' ? prev.result : undefined;
                return { phase: 'cancelled', ...(previous ? { previous } : {}) };
              });
              say({ intent: 'info', message: s.notices.cancelled });
            } else setState({ phase: 'error', error });
          }
        } while (again.current);
      } finally {
        running.current = false;
      }
    },
    [port, s.lang, s.notices.cancelled, say],
  );

  // Browser mode: the file is checked as soon as it is read.
  const autoChecked = useRef(-1);
  useEffect(() => {
    if (!ready || autoChecked.current === openId) return;
    autoChecked.current = openId;
    void check();
  }, [ready, openId, check]);

  const cancel = useCallback(() => {
    if (isFilePort(port)) port.cancel();
    else engineClient().cancel();
  }, [port]);

  const result = state.phase === 'done' ? state.result : state.phase === 'checking' || state.phase === 'cancelled' ? state.previous : undefined;
  const groups = useMemo(() => (result ? groupFindings(result.report.findings, result.sheets, result.rules, result.parts) : []), [result]);
  const counts = useMemo(() => countBySeverity(result?.report.findings ?? []), [result]);
  const marks = useMemo(() => marksOf(result?.report.findings ?? []), [result]);

  /** Runs one write through the port: busy while it runs, the journal after, then a re-check. */
  const write = useCallback(
    async (what: Busy, title: string, work: () => Promise<Journal | void>, done: (j: Journal | void) => Omit<Notice, 'id'> | undefined, recheck = true) => {
      if (busy) return;
      setBusy(what);
      setNotice(undefined);
      try {
        const j = await work();
        if (j) setJournal(j);
        const n = done(j);
        if (n) say(n);
        if (recheck) await check();
      } catch (e) {
        fail(title, e);
      } finally {
        setBusy(undefined);
      }
    },
    [busy, check, fail, say],
  );

  const allFindings = useMemo(() => groups.flatMap((g) => g.findings), [groups]);

  // After 应用 and its re-check: the focus goes to the next finding still listed.
  const nextFocus = useRef<{ after: string[]; fallback: string[] } | undefined>(undefined);
  const focusSeq = useRef(0);
  useEffect(() => {
    const want = nextFocus.current;
    if (!want || busy !== undefined || state.phase !== 'done') return;
    nextFocus.current = undefined;
    const listed = new Set(allFindings.map((x) => x.key));
    const key = want.after.find((k) => listed.has(k)) ?? [...want.fallback].reverse().find((k) => listed.has(k)) ?? allFindings[0]?.key;
    if (key !== undefined) setFocusAfterApply({ key, seq: ++focusSeq.current });
  }, [allFindings, busy, state.phase]);

  const applyFix = useCallback(
    (f: DisplayFinding, fix: DisplayFix) => {
      // After the re-check, the focus goes to the finding after this one (the first of those still listed).
      const keys = allFindings.map((x) => x.key);
      const after = keys.slice(keys.indexOf(f.key) + 1);
      nextFocus.current = { after, fallback: keys.filter((k) => k !== f.key) };
      void write(
        'apply',
        s.errors.applyTitle,
        async () => {
          const { planEdit } = await import(/* webpackChunkName: "plan" */ '../plan');
          const answers = allFindings.filter((x) => x.fixes.some((y) => y.signature === fix.signature)).map((x) => x.id);
          const request: BatchRequest = { kind: 'one', fixes: [{ title: fix.title, findings: [...new Set(answers)], edits: fix.source.edits.map(planEdit) }] };
          return port.apply(request);
        },
        (j) => {
          const last = j ? j.batches[j.batches.length - 1] : undefined;
          return { intent: 'success', message: s.notices.applied(fix.title, fix.edits.length), ...(last ? { undo: last.fixes.map((x) => x.id) } : {}) };
        },
      );
    },
    [allFindings, port, s, write],
  );

  const applySafe = useCallback(() => {
    const safe = result?.safe ?? [];
    if (safe.length === 0) return;
    const cells = new Set(safe.flatMap((f) => f.edits.map((e) => `${e.sheet}!${e.address}`))).size;
    void write(
      'apply',
      s.errors.applyTitle,
      () => port.apply({ kind: 'safe', fixes: safe }),
      (j) => {
        const last = j ? j.batches[j.batches.length - 1] : undefined;
        return { intent: 'success', message: s.notices.appliedSafe(safe.length, cells), ...(last ? { undo: last.fixes.map((x) => x.id) } : {}) };
      },
    );
  }, [port, result, s, write]);

  const undo = useCallback(
    (ids: readonly string[]) => {
      if (ids.length === 0) return;
      void write(
        'undo',
        s.errors.undoTitle,
        () => port.undo(ids),
        () => ({ intent: 'success', message: s.notices.undone(ids.length) }),
      );
    },
    [port, s, write],
  );

  const mark = useCallback(() => {
    if (!port.mark) return;
    const m = port.mark;
    void write(
      'mark',
      s.errors.markTitle,
      () => m(marks),
      () => ({ intent: 'success', message: s.notices.marked(marks.length) }),
      false,
    );
  }, [marks, port, s, write]);

  const clearMarks = useCallback(() => {
    if (!port.clearMarks) return;
    const c = port.clearMarks;
    void write('mark', s.errors.markTitle, () => c(), () => ({ intent: 'success', message: s.notices.cleared }), false);
  }, [port, s, write]);

  const fileName = result?.report.file ?? 'workbook.xlsx';
  const exportSheet = useCallback(() => {
    if (!port.addReportSheet || !result) return;
    const add = port.addReportSheet;
    void write(
      'export',
      s.errors.exportTitle,
      () => add(reportSheet(result.report, groups, s, new Date())),
      () => ({ intent: 'success', message: s.notices.exported(s.report.sheetName) }),
      false,
    );
  }, [groups, port, result, s, write]);

  const saveText = useCallback(
    async (make: () => Promise<{ data: BlobPart; name: string; type: string }>) => {
      try {
        const { data, name, type } = await make();
        saveFile(data, name, type);
        say({ intent: 'success', message: s.notices.saved(name) });
      } catch (e) {
        fail(s.errors.exportTitle, e);
      }
    },
    [fail, s, say],
  );

  const saveJson = useCallback(() => {
    if (!result) return;
    void saveText(async () => ({ data: (await loadEngine()).reportJsonText(result.report), name: derivedName(fileName, s.actions.fileNames.report, 'json'), type: 'application/json' }));
  }, [fileName, result, s, saveText]);

  const saveCsv = useCallback(() => {
    if (!result) return;
    void saveText(async () => ({ data: findingsCsv([result.report], s.lang), name: derivedName(fileName, s.actions.fileNames.report, 'csv'), type: 'text/csv;charset=utf-8' }));
  }, [fileName, result, s, saveText]);

  const saveTextReport = useCallback(() => {
    if (!result) return;
    void saveText(async () => {
      // The CLI's readable report, with Windows line ends and a BOM (Notepad reads the Chinese).
      const text = (await loadEngine()).formatWorkbookText(result.report, s.lang);
      return { data: `\ufeff${text.replace(/\n/g, '\r\n')}\r\n`, name: derivedName(fileName, s.actions.fileNames.report, 'txt'), type: 'text/plain;charset=utf-8' };
    });
  }, [fileName, result, s, saveText]);

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const pending = useMemo(() => JSON.stringify(netEdits(journal)), [journal]);
  const downloadFixed = useCallback(() => {
    if (!isFilePort(port)) return;
    void saveText(async () => {
      const data = (await port.fixedCopy()) as BlobPart;
      setSaved(pending);
      return { data, name: derivedName(fileName, s.actions.fileNames.fixed, 'xlsx'), type: XLSX };
    });
  }, [fileName, pending, port, s, saveText]);
  const unsaved = isFilePort(port) && pending !== '[]' && pending !== saved;

  // Leaving the page with fixes that are in no downloaded copy asks first.
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  const downloadAnnotated = useCallback(() => {
    if (!isFilePort(port) || !result) return;
    void saveText(async () => ({ data: (await port.annotatedCopy(result.report.findings, s.lang)) as BlobPart, name: derivedName(fileName, s.actions.fileNames.annotated, 'xlsx'), type: XLSX }));
  }, [fileName, port, result, s, saveText]);

  const selectCell = useCallback(
    (sheet: string, address: string) => {
      port.select(sheet, address).catch((e: unknown) => fail(s.errors.selectTitle, e));
    },
    [fail, port, s],
  );

  const selectFinding = useCallback(
    (f: DisplayFinding) => {
      if (f.sheet === undefined || f.address === undefined) return;
      setSelected(f.key);
      selectCell(f.sheet, f.address);
    },
    [selectCell],
  );

  // Settings: kept for next time; a check already shown is redone with them (after typing stops).
  const hasResult = result !== undefined;
  const setSettings = useCallback(
    (next: Settings) => {
      setSettingsState(next);
      saveSettings(next);
    },
    [],
  );
  const firstSettings = useRef(true);
  const recheckKey = JSON.stringify([validTolerance(settings.tolerance) ? settings.tolerance.trim() : '', settings.catalogYear, settings.disabledGroups]);
  useEffect(() => {
    if (firstSettings.current) {
      firstSettings.current = false;
      return;
    }
    if (!hasResult) return;
    const timer = setTimeout(() => void check(), 500);
    return () => clearTimeout(timer);
  }, [recheckKey]);

  const setKind = useCallback(
    (key: string, kind: string | undefined) => {
      setOverrides((prev) => {
        const next = { ...prev };
        if (kind === undefined) delete next[key];
        else next[key] = kind;
        options.current = { ...options.current, kindOverrides: next };
        return next;
      });
      setTimeout(() => void check(), 0);
    },
    [check],
  );

  // Excel: once there are results, the user's edits make them out of date (重新检查 becomes the primary
  // action again); when asked to, the pane checks again a moment after the last edit by itself.
  const autoRecheck = useRef(settings.autoRecheck);
  autoRecheck.current = settings.autoRecheck;
  const watching = port.capabilities.watch && port.watch !== undefined && hasResult;
  useEffect(() => {
    if (!watching || !port.watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    port
      .watch(() => {
        clearTimeout(timer);
        if (autoRecheck.current) timer = setTimeout(() => void check(true), AUTO_RECHECK_MS);
        else setChanged(true);
      })
      .then(
        (s) => {
          if (gone) void s().catch(() => undefined);
          else stop = s;
        },
        (e: unknown) => fail(s.errors.watchTitle, e),
      );
    return () => {
      gone = true;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [check, fail, port, s, watching]);

  return {
    port,
    strings: s,
    state,
    ...(result ? { result } : {}),
    groups,
    counts,
    marks,
    journal,
    ...(busy ? { busy } : {}),
    ...(notice ? { notice } : {}),
    settings,
    overrides,
    ...(selected !== undefined ? { selected } : {}),
    unsaved,
    outdated: state.phase === 'cancelled' || (changed && state.phase !== 'checking'),
    changed,
    ...(focusAfterApply ? { focusAfterApply } : {}),
    check: () => void check(),
    cancel,
    dismiss: () => setNotice(undefined),
    setSettings,
    setKind,
    selectFinding,
    selectCell,
    applyFix,
    applySafe,
    undo,
    undoLast: () => undo(lastBatchIds(journal)),
    mark,
    clearMarks,
    exportSheet,
    saveJson,
    saveCsv,
    saveText: saveTextReport,
    downloadFixed,
    downloadAnnotated,
  };
}
