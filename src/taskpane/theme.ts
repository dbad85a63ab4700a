// The Fluent UI theme of the pane: Office's web light (or dark) theme with fonts that render Chinese well.
import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Segoe UI for Latin text, then the CJK system fonts of Windows, macOS and Linux. */
export const FONT_FAMILY = [
  '"Segoe UI"',
  '"Segoe UI Web (West European)"',
  '"Microsoft YaHei UI"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  'system-ui',
  'sans-serif',
].join(', ');

/** Figures in amounts: tabular, so columns of numbers line up. */
export const NUMERIC_FAMILY = ['"Segoe UI"', '"Microsoft YaHei UI"', '"PingFang SC"', '"Noto Sans CJK SC"', 'system-ui', 'sans-serif'].join(', ');

export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: FONT_FAMILY,
  fontFamilyNumeric: NUMERIC_FAMILY,
};

/** `?theme=dark|light` wins; then Office's theme (in Excel) or the browser's preference. */
export function pickDark(search: string, hostDark: boolean | undefined, prefersDark: boolean): boolean {
  const asked = new URLSearchParams(search).get('theme');
  if (asked === 'dark' || asked === 'light') return asked === 'dark';
  return hostDark ?? prefersDark;
}

/** Browser mode on a wide screen lays the pane and the preview side by side (narrower: the preview is a drawer). */
export const WIDE_QUERY = '(min-width: 760px)';
export const WIDE = `@media ${WIDE_QUERY}`;
