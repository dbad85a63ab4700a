// The pane's dark theme (Office's Dark Gray / Black themes, browsers that prefer dark): its own small
// chunk, so that the light theme's users do not load it.
import { webDarkTheme, type Theme } from '@fluentui/react-components';
import { FONT_FAMILY, NUMERIC_FAMILY } from './theme';

export const paneDarkTheme: Theme = {
  ...webDarkTheme,
  fontFamilyBase: FONT_FAMILY,
  fontFamilyNumeric: NUMERIC_FAMILY,
};
