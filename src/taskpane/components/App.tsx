// The task pane: header, workbook (file or Excel), one 检查 button, progress, findings; a preview in browser mode.
import { Button, Caption1, FluentProvider, makeStyles, makeStaticStyles, tokens } from '@fluentui/react-components';
import { TaskListSquareLtr20Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { EngineError, runCheck, type CheckResult, type CheckStep } from '../check';
import { countBySeverity, groupFindings, markedCells, type DisplayFinding } from '../display';
import { PortError, type WorkbookPort } from '../port';
import { isFilePort, type FilePort, type FilePortState } from '../standalone-port';
import type { Strings } from '../strings';
import { paneTheme, WIDE } from '../theme';
import { FilePicker } from './FilePicker';
import { Findings } from './Findings';
import { Header } from './Header';
import { Checking, ErrorNotice, NothingFound } from './States';
import { Summary } from './Summary';

// Browser mode only: the preview (and Fluent's Select) stay out of the bundle Excel loads.
const GridPreview = lazy(() => import(/* webpackChunkName: "preview" */ './GridPreview').then((m) => ({ default: m.GridPreview })));

type CheckState =
  | { phase: 'idle' }
  /** `previous`: the last result, whose summary stays up while checking again. */
  | { phase: 'checking'; step: CheckStep; previous?: CheckResult }
  | { phase: 'done'; result: CheckResult }
  | { phase: 'error'; error: unknown };

const useStaticStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, height: '100%' },
});

const useStyles = makeStyles({
  provider: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  shell: { display: 'flex', flexDirection: 'column', minHeight: '100%' },
  // Browser mode on a wide screen: the pane on the left, the preview beside it.
  wide: {
    [WIDE]: {
      display: 'grid',
      gridTemplateColumns: 'minmax(320px, 400px) 1fr',
      height: '100vh',
      minHeight: 0,
    },
  },
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    [WIDE]: { overflowY: 'auto', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  intro: { color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  action: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  preview: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minWidth: 0,
    minHeight: '360px',
    display: 'flex',
    flexDirection: 'column',
    [WIDE]: { minHeight: 0, height: '100%', boxSizing: 'border-box' },
  },
});

const NO_FILE: FilePortState = { loading: false };
const noSubscribe = () => () => undefined;

/** The file port's state, or a constant when the port is Excel's. */
function useFileState(port: FilePort | undefined): FilePortState {
  return useSyncExternalStore(port ? port.subscribe : noSubscribe, port ? port.getState : () => NO_FILE);
}

/** The sentence and detail for anything a check or a select threw. */
function describe(e: unknown, s: Strings): { message: string; detail?: string } {
  if (e instanceof PortError) return { message: s.errors[e.code], ...(e.detail ? { detail: e.detail } : {}) };
  if (e instanceof EngineError) return { message: s.errors.engine, detail: e.message };
  return { message: s.errors.unknown, detail: e instanceof Error ? e.message : String(e) };
}

export interface AppProps {
  port: WorkbookPort;
  strings: Strings;
}

export function App({ port, strings: s }: AppProps) {
  useStaticStyles();
  const styles = useStyles();
  const filePort = isFilePort(port) ? port : undefined;
  const file = useFileState(filePort);
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const [selected, setSelected] = useState<string>();
  const [selectError, setSelectError] = useState<unknown>();

  // Another file: the old results no longer apply.
  useEffect(() => {
    setState({ phase: 'idle' });
    setSelected(undefined);
    setSelectError(undefined);
  }, [file.workbook]);

  const check = useCallback(async () => {
    setSelected(undefined);
    setSelectError(undefined);
    try {
      const result = await runCheck(port, s.lang, (step) =>
        setState((prev) => {
          const previous = prev.phase === 'done' ? prev.result : prev.phase === 'checking' ? prev.previous : undefined;
          return { phase: 'checking', step, ...(previous ? { previous } : {}) };
        }),
      );
      setState({ phase: 'done', result });
    } catch (error) {
      setState({ phase: 'error', error });
    }
  }, [port, s.lang]);

  const select = useCallback(
    async (f: DisplayFinding) => {
      if (f.sheet === undefined || f.address === undefined) return;
      setSelected(f.key);
      setSelectError(undefined);
      try {
        await port.select(f.sheet, f.address);
      } catch (e) {
        setSelectError(e);
      }
    },
    [port],
  );

  const done = state.phase === 'done' ? state.result : undefined;
  const summary = done ?? (state.phase === 'checking' ? state.previous : undefined);
  const groups = useMemo(() => (done ? groupFindings(done.report.findings, done.sheets, done.rules) : []), [done]);
  const counts = useMemo(() => countBySeverity(done?.report.findings ?? []), [done]);
  const marks = useMemo(() => markedCells(done?.report.findings ?? []), [done]);
  const checking = state.phase === 'checking';
  const canCheck = !checking && (!filePort || (file.workbook !== undefined && !file.loading));

  const pane = (
    <main className={styles.pane}>
      <Header strings={s} fileMode={filePort !== undefined} />
      <div className={styles.body}>
        {filePort && <FilePicker strings={s} state={file} onFile={(f) => void filePort.open(f).catch(() => undefined)} />}
        {file.error && <ErrorNotice title={s.errors.title} {...describe(file.error, s)} />}
        {summary ? <Summary strings={s} report={summary.report} /> : <Caption1 className={styles.intro}>{filePort ? s.check.introFile : s.check.introExcel}</Caption1>}
        <div className={styles.action}>
          <Button appearance="primary" size="large" icon={<TaskListSquareLtr20Regular />} disabled={!canCheck} onClick={() => void check()} data-testid="check">
            {s.check.button}
          </Button>
          {state.phase === 'checking' && <Checking strings={s} step={state.step} />}
        </div>
        {state.phase === 'error' && <ErrorNotice title={s.errors.title} {...describe(state.error, s)} retry={s.errors.retry} onRetry={() => void check()} />}
        {selectError !== undefined && <ErrorNotice title={s.errors.selectTitle} {...describe(selectError, s)} />}
        {done && (done.report.findings.length === 0 ? <NothingFound strings={s} tables={done.report.tables.length} /> : <Findings strings={s} groups={groups} counts={counts} {...(selected !== undefined ? { selected } : {})} onSelect={(f) => void select(f)} />)}
      </div>
    </main>
  );

  return (
    <FluentProvider theme={paneTheme} className={styles.provider} lang={s.lang}>
      {filePort ? (
        <div className={`${styles.shell} ${styles.wide}`}>
          {pane}
          <aside className={styles.preview}>
            <Suspense fallback={null}>
              <GridPreview strings={s} port={filePort} marks={marks} />
            </Suspense>
          </aside>
        </div>
      ) : (
        <div className={styles.shell}>{pane}</div>
      )}
    </FluentProvider>
  );
}
