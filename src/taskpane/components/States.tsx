// The pane's non-list states: checking (progress), nothing found, nothing recognized, and errors.
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2, tokens } from '@fluentui/react-components';
import { CheckmarkCircle24Filled, Dismiss16Regular, DocumentSearch20Regular } from '@fluentui/react-icons';
import type { CheckStep } from '../check';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  progressText: { color: tokens.colorNeutralForeground2 },
  progressRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: '32px' },
  none: { color: tokens.colorNeutralForeground3, fontSize: '32px' },
  detail: { color: tokens.colorNeutralForeground3 },
  errorDetail: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
});

/** A step under way, how far it is (when known), and 取消 where it can be stopped. */
export function Checking({
  strings: s,
  step,
  auto,
  rechecks,
  percent,
  onCancel,
}: {
  strings: Strings;
  step: CheckStep | 'write' | 'file';
  auto?: boolean;
  rechecks?: number;
  percent?: number;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const text = auto
    ? s.check.auto
    : step === 'file'
      ? s.progress.readFile
      : step === 'read'
        ? s.progress.read
        : step === 'write'
          ? s.progress.write
          : step === 'verify' && rechecks !== undefined
            ? s.progress.verify(rechecks)
            : s.progress.analyze;
  const shown = percent !== undefined ? `${text} ${percent}%` : text;
  return (
    <div className={styles.progress} data-testid="progress" data-percent={percent}>
      <div className={styles.progressRow}>
        <ProgressBar className={styles.bar} thickness="medium" aria-label={text} {...(percent !== undefined ? { value: percent / 100, max: 1 } : {})} />
        {onCancel && (
          <Button size="small" icon={<Dismiss16Regular />} onClick={onCancel} title={s.progress.cancelHint} data-testid="cancel">
            {s.progress.cancel}
          </Button>
        )}
      </div>
      <Caption1 className={styles.progressText} role="status" aria-live="polite">
        {shown}
      </Caption1>
    </div>
  );
}

export function NothingFound({ strings: s, tables }: { strings: Strings; tables: number }) {
  const styles = useStyles();
  const recognized = tables > 0;
  return (
    <div className={styles.empty} role="status" data-testid="empty">
      {recognized ? <CheckmarkCircle24Filled className={styles.ok} aria-hidden /> : <DocumentSearch20Regular className={styles.none} aria-hidden />}
      <Subtitle2>{recognized ? s.results.empty : s.results.noTables}</Subtitle2>
      <Body1 className={styles.detail}>{recognized ? s.results.emptyDetail(tables) : s.results.noTablesDetail}</Body1>
    </div>
  );
}

export function ErrorNotice({ title, message, detail, retry, onRetry }: { title: string; message: string; detail?: string; retry?: string; onRetry?: () => void }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
        {detail && <Caption1 className={styles.errorDetail}>{detail}</Caption1>}
      </MessageBarBody>
      {retry && onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
