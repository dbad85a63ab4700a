// The Fluent UI theme of the pane: Office's web light theme with fonts that render Chinese well.
import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Segoe UI for Latin text, then the CJK system fonts of Windows, macOS and Linux. */
const FONT_FAMILY = [
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
const NUMERIC_FAMILY = ['"Segoe UI"', '"Microsoft YaHei UI"', '"PingFang SC"', '"Noto Sans CJK SC"', 'system-ui', 'sans-serif'].join(', ');

export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: FONT_FAMILY,
  fontFamilyNumeric: NUMERIC_FAMILY,
};

/** Browser mode on a wide screen lays the pane and the preview side by side. */
export const WIDE = '@media (min-width: 760px)';
