// Start-up detection: Excel, another host, a plain browser tab, or Office.js that never answers.
import { detectHost, isDarkColor, looksHosted, type HostEnv, type OfficeGlobal } from '../../src/excel/host';

describe('looksHosted', () => {
  it.each([
    ['?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', false, false, true],
    ['?lang=en-US&_host_Info=excel|web|16.00', false, false, true],
    ['', true, false, true],
    ['', false, true, true],
    ['', false, false, false],
    ['?lang=en-US', false, false, false],
  ])('%s framed=%s bridge=%s → %s', (search, framed, bridge, expected) => {
    expect(looksHosted(search, framed, bridge)).toBe(expected);
  });
});

describe('detectHost', () => {
  const office = (onReady: () => Promise<{ host: unknown }>): OfficeGlobal => ({ onReady, HostType: { Excel: 'Excel' }, context: { displayLanguage: 'en-US' } });
  function env(hosted: boolean, o: OfficeGlobal | undefined): HostEnv & { loads: number } {
    const e = { search: hosted ? '?_host_Info=Excel$Win32$16.01$en-US' : '', framed: false, webViewBridge: false, loads: 0, loadOfficeJs: async () => void e.loads++, office: () => o };
    return e;
  }

  it('a plain browser tab is none at once, without loading office.js', async () => {
    const e = env(false, office(() => Promise.resolve({ host: 'Excel' })));
    await expect(detectHost(e)).resolves.toEqual({ kind: 'none' });
    expect(e.loads).toBe(0);
  });
  it('inside Excel: loads office.js and reports the display language', async () => {
    const e = env(true, office(() => Promise.resolve({ host: 'Excel' })));
    await expect(detectHost(e)).resolves.toEqual({ kind: 'excel', displayLanguage: 'en-US', dark: false });
    expect(e.loads).toBe(1);
  });
  it('none when office.js did not load, or reports no host or another host', async () => {
    await expect(detectHost(env(true, undefined))).resolves.toEqual({ kind: 'none' });
    await expect(detectHost(env(true, office(() => Promise.resolve({ host: null }))))).resolves.toEqual({ kind: 'none' });
    await expect(detectHost(env(true, office(() => Promise.resolve({ host: 'Word' }))))).resolves.toEqual({ kind: 'none' });
  });
  it('gives up after the timeout when Office.js never answers', async () => {
    await expect(detectHost(env(true, office(() => new Promise(() => undefined))), 10)).resolves.toEqual({ kind: 'none' });
  });
});

describe('isDarkColor (Office theme → the pane theme)', () => {
  it.each([
    ['#FFFFFF', false],
    ['#F3F2F1', false],
    ['#262626', true],
    ['000000', true],
    ['#6A6A6A', true],
    [undefined, false],
    ['not a colour', false],
  ])('%p → %p', (color, dark) => expect(isDarkColor(color)).toBe(dark));

  it('reports a dark Office theme', async () => {
    const o: OfficeGlobal = { onReady: () => Promise.resolve({ host: 'Excel' }), HostType: { Excel: 'Excel' }, context: { displayLanguage: 'zh-CN', officeTheme: { bodyBackgroundColor: '#262626' } } };
    const e: HostEnv = { search: '?_host_Info=Excel', framed: false, webViewBridge: false, loadOfficeJs: async () => undefined, office: () => o };
    await expect(detectHost(e)).resolves.toEqual({ kind: 'excel', displayLanguage: 'zh-CN', dark: true });
  });
});
