// The task pane: header, workbook (file or Excel), one 检查 button, progress with 取消, and (lazily loaded)
// the results with their actions; settings on demand. In browser mode the preview of the sheet is beside it
// all on a wide screen, and a drawer over it on a narrow one (opened by a cell link, closed by the user).
// The notice of the last action (with 撤销) stays in view at the bottom of the pane.
import { Button, Caption1, FluentProvider, makeStaticStyles, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens, type Theme } from '@fluentui/react-components';
import { ArrowSync16Regular, ArrowUndo16Regular, Dismiss16Regular, TaskListSquareLtr20Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { findByKey } from '../display';
import { editedCells } from '../journal';
import type { WorkbookPort } from '../port';
import { isFilePort, type FilePort, type FilePortState } from '../standalone-port';
import type { Strings } from '../strings';
import { paneTheme, WIDE, WIDE_QUERY } from '../theme';
import { FilePicker } from './FilePicker';
import { Header } from './Header';
import { describe, useSession, type Session } from './session';
import { Checking, ErrorNotice } from './States';

// Loaded when needed: the results (with the menus, search and filters) while the first check runs, the
// settings when opened, and the preview (browser mode only) — none of it is in the bundle Excel waits for.
const results = () => import(/* webpackChunkName: "results" */ './Results');
const ResultsSummary = lazy(() => results().then((m) => ({ default: m.ResultsSummary })));
const ResultsBody = lazy(() => results().then((m) => ({ default: m.ResultsBody })));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "settings" */ './SettingsPanel').then((m) => ({ default: m.SettingsPanel })));
const GridPreview = lazy(() => import(/* webpackChunkName: "preview" */ './GridPreview').then((m) => ({ default: m.GridPreview })));
const PreviewDrawer = lazy(() => import(/* webpackChunkName: "preview" */ './GridPreview').then((m) => ({ default: m.PreviewDrawer })));

const useStaticStyles = makeStaticStyles({
  'html, body, #root, #root > .fui-FluentProvider': { margin: 0, padding: 0, height: '100%' },
});

const useStyles = makeStyles({
  provider: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  shell: { display: 'flex', flexDirection: 'column', minHeight: '100%' },
  // Browser mode on a wide screen: the pane on the left, the preview beside it.
  wide: {
    [WIDE]: {
      display: 'grid',
      gridTemplateColumns: 'minmax(320px, 420px) 1fr',
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
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, minWidth: 0 },
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
  noticeDetail: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  // The notice stays at the bottom of the pane's view, wherever the list is scrolled.
  notice: { position: 'sticky', bottom: 0, zIndex: 2, paddingBottom: tokens.spacingVerticalS, marginBottom: `calc(-1 * ${tokens.spacingVerticalS})`, ':empty': { display: 'none' } },
  outdated: { color: tokens.colorPaletteDarkOrangeForeground1 },
  recheck: { flexShrink: 0, minWidth: 0 },
});

/** Whether the page is wide enough for the preview beside the pane. */
function useWide(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia(WIDE_QUERY) : undefined;
  return useSyncExternalStore(
    (onChange) => {
      query?.addEventListener('change', onChange);
      return () => query?.removeEventListener('change', onChange);
    },
    () => query?.matches ?? true,
  );
}

/** The sentence without the title it may start with (the reader's `无法打开文件：…` under the title 无法打开文件). */
function withoutTitle(d: { message: string; detail?: string }, title: string): { message: string; detail?: string } {
  const m = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[：:]\\s*`).exec(d.message);
  return m ? { ...d, message: d.message.slice(m[0].length) } : d;
}

const NO_FILE: FilePortState = { loading: false, openId: 0, journal: { version: 1, batches: [], marks: [] } };
const noSubscribe = () => () => undefined;

/** The file port's state, or a constant when the port is Excel's. */
function useFileState(port: FilePort | undefined): FilePortState {
  return useSyncExternalStore(port ? port.subscribe : noSubscribe, port ? port.getState : () => NO_FILE);
}

/** What the last action did (or why it did not), with 撤销 right there after a fix. */
function NoticeBar({ session }: { session: Session }) {
  const styles = useStyles();
  const { notice, strings: s, busy } = session;
  if (!notice) return null;
  return (
    <MessageBar key={notice.id} intent={notice.intent} layout="multiline" data-testid="notice" politeness={notice.intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.message}
        {notice.detail && <Caption1 className={styles.noticeDetail}>{notice.detail}</Caption1>}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" size="small" icon={<Dismiss16Regular />} aria-label={s.notices.dismiss} onClick={session.dismiss} />}
      >
        {notice.undo && notice.undo.length > 0 && (
          <Button size="small" icon={<ArrowUndo16Regular />} disabled={busy !== undefined} onClick={() => session.undo(notice.undo!)} data-testid="notice-undo">
            {s.results.undo}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

export interface AppProps {
  port: WorkbookPort;
  strings: Strings;
  /** The Fluent theme (light, or dark after Office's or the browser's). */
  theme?: Theme;
}

export function App({ port, strings: s, theme = paneTheme }: AppProps) {
  useStaticStyles();
  const styles = useStyles();
  const filePort = isFilePort(port) ? port : undefined;
  const file = useFileState(filePort);
  const session = useSession(port, s, file.openId, file.workbook !== undefined && !file.loading);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsId = useId();
  const { state, result, busy } = session;
  const wide = useWide();

  // Narrow browser mode: a cell link opens the preview in a drawer (the user closes it).
  const [drawer, setDrawer] = useState(false);
  // The drawer (and its chunk) is loaded on the first cell link, and kept for its closing animation.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const seenSelection = useRef(file.selection?.seq);
  useEffect(() => {
    const seq = file.selection?.seq;
    if (seq === undefined || seq === seenSelection.current) return;
    seenSelection.current = seq;
    if (!wide) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setDrawer(true);
      setDrawerUsed(true);
    }
  }, [file.selection, wide]);
  // Closed, the focus goes back to the link that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const closeDrawer = () => {
    setDrawer(false);
    const back = opener.current;
    opener.current = null;
    if (back) setTimeout(() => back.isConnected && back.focus(), 0);
  };
  useEffect(() => {
    if (wide) setDrawer(false);
  }, [wide]);
  useEffect(() => setDrawer(false), [file.openId]);

  const selectedFinding = useMemo(() => findByKey(session.groups, session.selected), [session.groups, session.selected]);
  const marks = useMemo(() => new Map(session.marks.map((m) => [`${m.sheet}!${m.address}`, m.severity] as const)), [session.marks]);
  const evidence = useMemo(() => new Set(selectedFinding?.evidence.map((e) => e.where) ?? []), [selectedFinding]);
  const edited = useMemo(() => editedCells(session.journal), [session.journal]);

  const checking = state.phase === 'checking';
  const canCheck = !checking && busy === undefined && (!filePort || (file.workbook !== undefined && !file.loading));
  // 检查 is the primary action until there are results; then, while they are up to date, a small 重新检查
  // in the summary; it is the primary action again once they are out of date.
  const compactCheck = result !== undefined && !session.outdated;
  const checkButton = compactCheck ? (
    <Button size="small" appearance="subtle" className={styles.recheck} icon={<ArrowSync16Regular />} aria-label={s.check.again} title={s.check.again} disabled={!canCheck} onClick={session.check} data-testid="check" />
  ) : (
    <Button appearance="primary" size="large" icon={<TaskListSquareLtr20Regular />} disabled={!canCheck} onClick={session.check} data-testid="check">
      {result ? s.check.again : s.check.button}
    </Button>
  );

  const pane = (
    <main className={styles.pane}>
      <Header strings={s} fileMode={filePort !== undefined} settingsOpen={settingsOpen} settingsId={settingsId} onSettings={() => setSettingsOpen(!settingsOpen)} />
      <div className={styles.body}>
        {settingsOpen && (
          <Suspense fallback={null}>
            <SettingsPanel id={settingsId} strings={s} settings={session.settings} onChange={session.setSettings} canWatch={port.capabilities.watch} />
          </Suspense>
        )}
        {filePort && <FilePicker strings={s} state={file} onFile={(f) => void filePort.open(f).catch(() => undefined)} />}
        {file.loading && <Checking strings={s} step="file" {...(file.progress !== undefined ? { percent: file.progress } : {})} onCancel={session.cancel} />}
        {file.error && <ErrorNotice title={s.errors.openTitle} {...withoutTitle(describe(file.error, s), s.errors.openTitle)} />}
        {file.cancelled && !file.loading && <Caption1 className={styles.intro}>{s.file.cancelled}</Caption1>}
        {result ? (
          <Suspense fallback={null}>
            <ResultsSummary session={session} {...(compactCheck ? { action: checkButton } : {})} />
          </Suspense>
        ) : (
          !file.loading && <Caption1 className={styles.intro}>{filePort ? s.check.introFile : s.check.introExcel}</Caption1>
        )}
        {(!compactCheck || checking || busy !== undefined) && (
          <div className={styles.action}>
            {!compactCheck && !(filePort && (file.loading || (checking && !result))) && checkButton}
            {session.outdated && (
              <Caption1 className={styles.outdated} data-testid="outdated">
                {session.changed ? s.check.changed : s.check.outdated}
              </Caption1>
            )}
            {state.phase === 'checking' && (
              <Checking
                strings={s}
                step={state.step}
                {...(state.percent !== undefined ? { percent: state.percent } : {})}
                {...(state.rechecks !== undefined ? { rechecks: state.rechecks } : {})}
                {...(state.auto ? { auto: true } : {})}
                onCancel={session.cancel}
              />
            )}
            {busy === 'apply' || busy === 'undo' || busy === 'mark' ? <Checking strings={s} step="write" /> : null}
          </div>
        )}
        {state.phase === 'error' && <ErrorNotice title={s.errors.title} {...describe(state.error, s)} retry={s.errors.retry} onRetry={session.check} />}
        {result && (
          <Suspense fallback={null}>
            <ResultsBody session={session} />
          </Suspense>
        )}
        <div className={styles.notice}>
          <NoticeBar session={session} />
        </div>
      </div>
    </main>
  );

  const previewProps = filePort ? { strings: s, port: filePort, marks, evidence, edited } : undefined;

  return (
    // Layout styles stay off the provider: Fluent gives its class names to every portal (menus, tooltips).
    <FluentProvider theme={theme} lang={s.lang}>
      <div className={styles.provider}>
      {filePort ? (
        <div className={`${styles.shell} ${styles.wide}`}>
          {pane}
          {previewProps &&
            (wide ? (
              <aside className={styles.preview}>
                <Suspense fallback={null}>
                  <GridPreview {...previewProps} />
                </Suspense>
              </aside>
            ) : (
              drawerUsed && (
                <Suspense fallback={null}>
                  <PreviewDrawer {...previewProps} open={drawer} onClose={closeDrawer} />
                </Suspense>
              )
            ))}
        </div>
      ) : (
        <div className={styles.shell}>{pane}</div>
      )}
      </div>
    </FluentProvider>
  );
}
