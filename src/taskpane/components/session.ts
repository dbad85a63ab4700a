// The pane's session: one hook that runs checks, applies and undoes fixes, marks cells, exports, and
// re-checks after every change. Components get its state and actions; only this file talks to the port.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EngineError, loadEngine, runCheck, type CheckResult, type CheckStep } from '../check';
import { countBySeverity, groupFindings, type DisplayFinding, type DisplayFix, type SeverityGroup } from '../display';
import type { EngineOptions } from '../engine';
import { derivedName, findingsCsv, reportSheet } from '../export';
import { EMPTY_JOURNAL, lastBatchIds, type BatchRequest, type Journal, type Mark } from '../journal';
import { marksOf } from '../marks';
import { errorDetail, PortError, type WorkbookPort } from '../port';
import { enabledGroups, loadSettings, saveSettings, validTolerance, type Settings } from '../settings';
import { isFilePort } from '../standalone-port';
import type { Severity, Strings } from '../strings';
import { saveFile } from './download';

export type CheckState =
  | { phase: 'idle' }
  /** `previous`: the last result, which stays up while checking again. */
  | { phase: 'checking'; step: CheckStep; rechecks?: number; previous?: CheckResult; auto?: boolean }
  | { phase: 'done'; result: CheckResult }
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
  check(): void;
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
  downloadFixed(): void;
  downloadAnnotated(): void;
}

/** Milliseconds after the user's last edit before an automatic re-check (Excel). */
export const AUTO_RECHECK_MS = 1500;

export function useSession(port: WorkbookPort, s: Strings, openId: number): Session {
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const [journal, setJournal] = useState<Journal>(EMPTY_JOURNAL);
  const [busy, setBusy] = useState<Busy>();
  const [notice, setNotice] = useState<Notice>();
  const [settings, setSettingsState] = useState<Settings>(() => loadSettings());
  const [overrides, setOverrides] = useState<Readonly<Record<string, string>>>({});
  const [selected, setSelected] = useState<string>();
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
            const result = await runCheck(port, s.lang, options.current, (step, rechecks) =>
              setState((prev) => {
                const previous = prev.phase === 'done' ? prev.result : prev.phase === 'checking' ? prev.previous : undefined;
                return { phase: 'checking', step, ...(rechecks !== undefined ? { rechecks } : {}), ...(previous ? { previous } : {}), ...(auto ? { auto } : {}) };
              }),
            );
            const j = await port.journal().catch(() => EMPTY_JOURNAL);
            setJournal(j);
            setState({ phase: 'done', result });
          } catch (error) {
            setState({ phase: 'error', error });
          }
        } while (again.current);
      } finally {
        running.current = false;
      }
    },
    [port, s.lang],
  );

  const result = state.phase === 'done' ? state.result : state.phase === 'checking' ? state.previous : undefined;
  const groups = useMemo(() => (result ? groupFindings(result.report.findings, result.sheets, result.rules) : []), [result]);
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

  const applyFix = useCallback(
    (_f: DisplayFinding, fix: DisplayFix) => {
      void write(
        'apply',
        s.errors.applyTitle,
        async () => {
          const engine = await loadEngine();
          const answers = allFindings.filter((x) => x.fixes.some((y) => y.signature === fix.signature)).map((x) => x.id);
          const request: BatchRequest = { kind: 'one', fixes: [{ title: fix.title, findings: [...new Set(answers)], edits: fix.source.edits.map(engine.planEdit) }] };
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
    void saveText(async () => ({ data: findingsCsv([result.report]), name: derivedName(fileName, s.actions.fileNames.report, 'csv'), type: 'text/csv;charset=utf-8' }));
  }, [fileName, result, s, saveText]);

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const downloadFixed = useCallback(() => {
    if (!isFilePort(port)) return;
    void saveText(async () => ({ data: (await port.fixedCopy()) as BlobPart, name: derivedName(fileName, s.actions.fileNames.fixed, 'xlsx'), type: XLSX }));
  }, [fileName, port, s, saveText]);

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

  // Excel: check again a moment after the user's last edit, when asked to.
  const watching = settings.autoRecheck && port.capabilities.watch && port.watch !== undefined && hasResult;
  useEffect(() => {
    if (!watching || !port.watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    port
      .watch(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void check(true), AUTO_RECHECK_MS);
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
    check: () => void check(),
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
    downloadFixed,
    downloadAnnotated,
  };
}
