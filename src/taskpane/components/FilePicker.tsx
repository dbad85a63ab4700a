// Browser mode: choose a .xlsx file; the file port reads it in the engine worker. Once a file is open it
// takes one line (its name, size and 换一个文件), so that the findings start high on a narrow pane.
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DocumentArrowUp20Regular, DocumentTable20Regular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import type { FilePortState } from '../standalone-port';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  file: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  fileIcon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  fileName: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  size: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  change: { flexShrink: 0, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { display: 'none' },
});

export function FilePicker({ strings: s, state, onFile }: { strings: Strings; state: FilePortState; onFile: (file: File) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const choose = () => input.current?.click();
  return (
    <section className={styles.root}>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
      {state.file ? (
        <div className={styles.file}>
          <DocumentTable20Regular className={styles.fileIcon} aria-hidden />
          <Text className={styles.fileName} title={state.file.name} data-testid="file-name">
            {state.file.name}
          </Text>
          <Caption1 className={styles.size}>{s.file.size(Math.max(1, Math.round(state.file.size / 1024)))}</Caption1>
          <Button size="small" appearance="subtle" className={styles.change} icon={<DocumentArrowUp20Regular />} onClick={choose} disabled={state.loading} data-testid="change-file">
            {s.file.change}
          </Button>
        </div>
      ) : (
        <>
          <Button icon={<DocumentArrowUp20Regular />} aria-describedby={hintId} onClick={choose} disabled={state.loading} data-testid="open-file">
            {s.file.open}
          </Button>
          <Caption1 id={hintId} className={styles.hint}>
            {s.file.hint}
          </Caption1>
        </>
      )}
    </section>
  );
}
