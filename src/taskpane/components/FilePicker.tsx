// Browser mode: choose a .xlsx file; the file port reads it (the reader loads on first use).
import { Button, Caption1, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
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
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  fileIcon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  fileName: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  size: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { display: 'none' },
});

export function FilePicker({ strings: s, state, onFile }: { strings: Strings; state: FilePortState; onFile: (file: File) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <section className={styles.root}>
      {state.file && (
        <div className={styles.file}>
          <DocumentTable20Regular className={styles.fileIcon} aria-hidden />
          <Text className={styles.fileName} title={state.file.name}>
            {state.file.name}
          </Text>
          {state.loading ? <Spinner size="extra-tiny" label={s.file.reading} labelPosition="before" /> : <Caption1 className={styles.size}>{s.file.size(Math.max(1, Math.round(state.file.size / 1024)))}</Caption1>}
        </div>
      )}
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
      <Button icon={<DocumentArrowUp20Regular />} aria-describedby={hintId} onClick={() => input.current?.click()} disabled={state.loading}>
        {state.file ? s.file.change : s.file.open}
      </Button>
      <Caption1 id={hintId} className={styles.hint}>
        {s.file.hint}
      </Caption1>
    </section>
  );
}
