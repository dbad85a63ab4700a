// The settings panel (a lazily loaded chunk): tolerance, catalog year, rule groups, auto re-check.
import { Button, Caption1, Field, Input, makeStyles, Radio, RadioGroup, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import { ArrowReset20Regular } from '@fluentui/react-icons';
import { useId } from 'react';
import { CATALOG_YEARS, DEFAULT_SETTINGS, isDefault, RULE_GROUPS, validTolerance, type Settings } from '../settings';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { flexGrow: 1, margin: 0 },
  groups: { display: 'flex', flexDirection: 'column' },
  tolerance: { maxWidth: '160px' },
  hint: { color: tokens.colorNeutralForeground3 },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

export interface SettingsPanelProps {
  id: string;
  strings: Strings;
  settings: Settings;
  onChange: (next: Settings) => void;
  /** Offer auto re-check (Excel with change events). */
  canWatch: boolean;
}

export function SettingsPanel({ id, strings: s, settings, onChange, canWatch }: SettingsPanelProps) {
  const styles = useStyles();
  const headId = useId();
  const valid = validTolerance(settings.tolerance);
  return (
    <section id={id} className={styles.root} aria-labelledby={headId} data-testid="settings">
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headId} className={styles.title}>
          {s.settings.heading}
        </Subtitle2>
        <Button size="small" appearance="subtle" icon={<ArrowReset20Regular />} disabled={isDefault(settings)} onClick={() => onChange(DEFAULT_SETTINGS)}>
          {s.settings.reset}
        </Button>
      </div>
      <Field label={s.settings.tolerance} hint={s.settings.toleranceHint} validationState={valid ? 'none' : 'error'} validationMessage={valid ? undefined : s.settings.toleranceInvalid}>
        <Input
          className={styles.tolerance}
          inputMode="decimal"
          value={settings.tolerance}
          onChange={(_, d) => onChange({ ...settings, tolerance: d.value })}
          data-testid="tolerance"
        />
      </Field>
      <Field label={s.settings.catalogYear} hint={s.settings.catalogHint}>
        <RadioGroup
          layout="horizontal"
          value={String(settings.catalogYear)}
          onChange={(_, d) => onChange({ ...settings, catalogYear: d.value === 'auto' ? 'auto' : Number(d.value) })}
        >
          <Radio value="auto" label={s.settings.catalogAuto} />
          {CATALOG_YEARS.map((y) => (
            <Radio key={y} value={String(y)} label={String(y)} />
          ))}
        </RadioGroup>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{s.settings.groups}</legend>
        <div className={styles.groups}>
          {RULE_GROUPS.map((g) => (
            <Switch
              key={g}
              label={s.settings.groupNames[g]}
              checked={!settings.disabledGroups.includes(g)}
              onChange={(_, d) => onChange({ ...settings, disabledGroups: d.checked ? settings.disabledGroups.filter((x) => x !== g) : [...settings.disabledGroups, g] })}
              data-testid={`group-${g}`}
            />
          ))}
        </div>
      </fieldset>
      {canWatch && (
        <Field hint={s.settings.autoRecheckHint}>
          <Switch label={s.settings.autoRecheck} checked={settings.autoRecheck} onChange={(_, d) => onChange({ ...settings, autoRecheck: d.checked })} />
        </Field>
      )}
      <Caption1 className={styles.hint}>{s.settings.appliesOnCheck}</Caption1>
    </section>
  );
}
