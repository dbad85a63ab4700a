// The pane's header: product name, in a plain browser which mode we are in, and the settings button.
import { Badge, makeStyles, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  logo: { width: '24px', height: '24px', flexShrink: 0, borderRadius: tokens.borderRadiusMedium },
  title: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, minWidth: 0, flexGrow: 1 },
  name: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, letterSpacing: '0.04em', flexShrink: 0 },
  tagline: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  badge: { flexShrink: 0 },
});

export interface HeaderProps {
  strings: Strings;
  fileMode: boolean;
  settingsOpen: boolean;
  /** The id of the settings panel the button shows and hides. */
  settingsId: string;
  onSettings: () => void;
}

export function Header({ strings: s, fileMode, settingsOpen, settingsId, onSettings }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <img className={styles.logo} src="assets/icon-32.png" alt="" width={24} height={24} />
      <h1 className={styles.title} style={{ margin: 0 }}>
        <Text as="span" className={styles.name}>
          {s.product.name}
        </Text>
        <Text as="span" size={300} className={styles.tagline}>
          {s.product.tagline}
        </Text>
      </h1>
      {fileMode && (
        <Badge appearance="tint" color="informative" size="small" className={styles.badge}>
          {s.modeFile}
        </Badge>
      )}
      <ToggleButton
        appearance="subtle"
        icon={<Settings20Regular />}
        checked={settingsOpen}
        aria-expanded={settingsOpen}
        aria-controls={settingsOpen ? settingsId : undefined}
        aria-label={s.settings.open}
        title={s.settings.open}
        onClick={onSettings}
        data-testid="settings-toggle"
      />
    </header>
  );
}
