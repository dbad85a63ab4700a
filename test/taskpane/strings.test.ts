// The strings table is complete in both languages, names every rule, and the language choice.
import { pickLang, STRINGS, type Strings } from '../../src/taskpane/strings';

/** Every leaf of the table as [path, value]; functions are called with sample arguments. */
function leaves(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') return [[path, String((node as (...a: unknown[]) => unknown)(3, 4))]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, String(node)]];
}

describe('STRINGS', () => {
  const zh = new Map(leaves(STRINGS['zh-CN']));
  const en = new Map(leaves(STRINGS['en-US']));

  it('has the same keys in zh-CN and en-US', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('has no empty string in either language', () => {
    for (const [path, value] of [...zh, ...en]) expect({ path, empty: value.trim() === '' }).toEqual({ path, empty: false });
  });

  it('speaks Chinese in zh-CN and no Chinese in en-US', () => {
    const han = /\p{Script=Han}/u;
    for (const [path, value] of en) expect({ path, han: han.test(value) }).toEqual({ path, han: false });
    for (const key of ['check.button', 'results.severity.error', 'results.severity.warning', 'results.severity.info', 'file.open']) expect(han.test(zh.get(key)!)).toBe(true);
  });

  it('uses the words of the brief for the main actions', () => {
    const s: Strings = STRINGS['zh-CN'];
    expect(s.check.button).toBe('检查');
    expect(s.file.open).toBe('打开 .xlsx 文件');
    expect(s.results.severity).toEqual({ error: '错误', warning: '警告', info: '提示' });
  });
});

describe('pickLang', () => {
  it.each([
    ['', undefined, 'zh-CN'],
    ['', 'zh-CN', 'zh-CN'],
    ['', 'en-US', 'en-US'],
    ['', 'en-GB', 'en-US'],
    ['', 'fr-FR', 'zh-CN'],
    ['?lang=en-US', undefined, 'en-US'],
    ['?lang=en', 'zh-CN', 'en-US'],
    ['?lang=zh-CN', 'en-US', 'zh-CN'],
    ['?_host_Info=Excel&lang=en-US', 'zh-CN', 'en-US'],
  ] as const)('search %p, Office %p → %p', (search, display, expected) => {
    expect(pickLang(search, display)).toBe(expected);
  });
});
