// The pane's theme: light or dark, from the URL, Office's theme or the browser's preference.
import { paneTheme, pickDark } from '../../src/taskpane/theme';
import { paneDarkTheme } from '../../src/taskpane/theme-dark';

describe('pickDark', () => {
  it.each([
    ['', undefined, false, false],
    ['', undefined, true, true],
    ['', true, false, true],
    ['', false, true, false],
    ['?theme=dark', false, false, true],
    ['?theme=light', true, true, false],
    ['?theme=blue', undefined, true, true],
  ] as const)('search %p, Office dark %p, browser prefers dark %p → %p', (search, host, prefers, dark) => {
    expect(pickDark(search, host, prefers)).toBe(dark);
  });

  it('both themes keep the CJK fonts', () => {
    expect(paneDarkTheme.fontFamilyBase).toBe(paneTheme.fontFamilyBase);
    expect(paneDarkTheme.colorNeutralBackground1).not.toBe(paneTheme.colorNeutralBackground1);
  });
});
