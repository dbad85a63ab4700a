// manifest.test.ts — validates manifest.xml offline against the vendored Office add-in XSDs and checks what Gouji's manifest must declare.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

const ROOT = resolve(__dirname, '..');
const SCHEMA_DIR = join(ROOT, 'schemas', 'manifest');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const ORIGIN = 'https://localhost:3000/';
const DIST = join(ROOT, 'dist');
/** dist/ also holds the CLI build (dist/cli), so only treat it as the add-in build once webpack has emitted taskpane.html. */
const WEB_BUILT = existsSync(join(DIST, 'taskpane.html'));

/** Every path the manifest may point at → the source file the build turns into it. Edit together with webpack.config. */
const BUILD_OUTPUTS: Record<string, string> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'commands.html': 'src/commands/commands.html',
  'help.html': 'src/help/help.html',
  'assets/icon-16.png': 'assets/icon-16.png',
  'assets/icon-32.png': 'assets/icon-32.png',
  'assets/icon-64.png': 'assets/icon-64.png',
  'assets/icon-80.png': 'assets/icon-80.png',
  'assets/icon-128.png': 'assets/icon-128.png',
};

// ---- XSD validation (xmllint-wasm, all imports preloaded in memory: no network, no file IO inside libxml2) ----
const SCHEMA_FILES = ['OfficeAppManifestV1_1.xsd', 'OfficeAppBasicTypesV1_0.xsd', 'TaskPaneAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd', 'MailAppVersionOverridesV1_1.xsd']
  .map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') }));

function validate(xml: string): Promise<XMLValidationResult> {
  const [root, ...deps] = SCHEMA_FILES;
  if (!root) throw new Error('no schemas');
  return validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [root], preload: deps });
}

// ---- a minimal XML reader, enough for manifest.xml (elements, attributes, text, comments; XSD validation proves well-formedness) ----
interface El { name: string; local: string; attrs: Record<string, string>; children: El[]; text: string }
const decode = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) =>
  ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _);

function parseXml(xml: string): El {
  const stack: El[] = [{ name: '#doc', local: '#doc', attrs: {}, children: [], text: '' }];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let covered = 0;
  for (const m of xml.matchAll(re)) {
    if (m.index !== covered) throw new Error(`unsupported XML syntax at offset ${covered}`); // e.g. single-quoted attributes
    covered += m[0].length;
    const top = stack[stack.length - 1]!;
    if (m[1]) { if (stack.pop()?.name !== m[1]) throw new Error(`mismatched </${m[1]}>`); }
    else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
      const el: El = { name: m[2], local: m[2].replace(/^.*:/, ''), attrs, children: [], text: '' };
      top.children.push(el);
      if (!m[4]) stack.push(el);
    } else if (m[5]) top.text += decode(m[5]).trim();
  }
  const root = stack[0]?.children[0];
  if (covered !== xml.length || stack.length !== 1 || !root) throw new Error('unbalanced or unsupported XML');
  return root;
}
const walk = (el: El): El[] => [el, ...el.children.flatMap(walk)];
const all = (el: El, local: string): El[] => walk(el).filter((c) => c !== el && c.local === local);
const kids = (el: El, local: string): El[] => el.children.filter((c) => c.local === local);
function one(el: El, local: string): El {
  const found = kids(el, local);
  if (found.length !== 1) throw new Error(`expected one <${local}> in <${el.name}>, found ${found.length}`);
  return found[0]!;
}
const type = (el: El): string | undefined => el.attrs['xsi:type'];
const override = (el: El, locale: string): string | undefined =>
  kids(el, 'Override').find((o) => o.attrs.Locale === locale)?.attrs.Value;

// ---- PNG reader: checks signature, chunk CRCs and that IDAT inflates to exactly the size IHDR promises ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Uint8Array): number => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function readPng(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  const width = b.readUInt32BE(16), height = b.readUInt32BE(20), depth = b[24]!, colour = b[25]!, interlace = b[28]!;
  const idat: Buffer[] = [];
  let off = 8, sawEnd = false;
  while (off < b.length) {
    const len = b.readUInt32BE(off), kind = b.toString('ascii', off + 4, off + 8);
    expect(b.readUInt32BE(off + 8 + len)).toBe(crc32(b.subarray(off + 4, off + 8 + len)));
    if (kind === 'IDAT') idat.push(b.subarray(off + 8, off + 8 + len));
    if (kind === 'IEND') sawEnd = true;
    off += 12 + len;
  }
  expect(sawEnd).toBe(true);
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (channels !== undefined && depth === 8 && interlace === 0) {
    expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (width * channels + 1));
  }
  return { width, height };
}

/** Where the file behind a manifest URL lives: dist/ when the web build exists, otherwise its source. */
function fileFor(url: string): string {
  const path = url.slice(ORIGIN.length).split(/[?#]/)[0] ?? '';
  const source = BUILD_OUTPUTS[path];
  if (source === undefined) throw new Error(`${url}: not a file the build produces (add it to BUILD_OUTPUTS?)`);
  return WEB_BUILT ? join(DIST, path) : join(ROOT, source);
}

const doc = parseXml(MANIFEST);
const vo = one(doc, 'VersionOverrides');
const resources = one(vo, 'Resources');
/** Resolve a resid against <Resources>/<kind>/<item>, failing if it is missing. */
function res(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings', id: string | undefined): El {
  const hit = one(resources, kind).children.find((c) => c.attrs.id === id);
  if (!hit) throw new Error(`resid ${String(id)} not found in ${kind}`);
  return hit;
}

describe('manifest.xml', () => {
  test('is valid against the Office add-in XSDs (OfficeAppManifestV1_1 + TaskPaneAppVersionOverridesV1_0)', async () => {
    const result = await validate(MANIFEST);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test.each([
    ['an unknown permission', (x: string) => x.replace('<Permissions>ReadWriteDocument<', '<Permissions>FullControl<')],
    ['a ShowTaskpane action without SourceLocation', (x: string) => x.replace(/<SourceLocation resid="Taskpane.Url"\/>/, '')],
    ['a VersionOverrides host type that does not exist', (x: string) => x.replace('<Host xsi:type="Workbook">', '<Host xsi:type="Spreadsheet">')],
  ])('validation rejects a copy with %s', async (_, breakIt) => {
    const broken = breakIt(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  test('is a TaskPaneApp for Excel (Workbook) with ReadWriteDocument and ExcelApi 1.7', () => {
    expect(doc.local).toBe('OfficeApp');
    expect(type(doc)).toBe('TaskPaneApp');
    expect(one(doc, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one(doc, 'Version').text).toBe('0.1.0.0');
    expect(kids(one(doc, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(kids(one(vo, 'Hosts'), 'Host').map(type)).toEqual(['Workbook']);
    expect(one(doc, 'Permissions').text).toBe('ReadWriteDocument');
    const sets = kids(one(one(doc, 'Requirements'), 'Sets'), 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([['ExcelApi', '1.7']]);
  });

  test('defaults to zh-CN with an en-US override of the name and description', () => {
    expect(one(doc, 'DefaultLocale').text).toBe('zh-CN');
    const name = one(doc, 'DisplayName'), description = one(doc, 'Description');
    expect(name.attrs.DefaultValue).toBe('勾稽 · 预算表校验');
    expect(override(name, 'en-US')).toBe('Gouji Budget Checker');
    expect(description.attrs.DefaultValue).toMatch(/检查部门预算表的勾稽关系/);
    expect(override(description, 'en-US')).toMatch(/Checks the consistency of Chinese department budget workbooks/);
  });

  test('has a Home-tab button 检查预算表 in group 勾稽 that shows the task pane', () => {
    const form = one(one(one(vo, 'Hosts'), 'Host'), 'DesktopFormFactor');
    const ext = kids(form, 'ExtensionPoint').filter((e) => type(e) === 'PrimaryCommandSurface');
    expect(ext).toHaveLength(1);
    const group = one(one(ext[0]!, 'OfficeTab'), 'Group');
    expect(one(ext[0]!, 'OfficeTab').attrs.id).toBe('TabHome');
    const groupLabel = res('ShortStrings', one(group, 'Label').attrs.resid);
    expect(groupLabel.attrs.DefaultValue).toBe('勾稽');
    const button = one(group, 'Control');
    expect(type(button)).toBe('Button');
    const label = res('ShortStrings', one(button, 'Label').attrs.resid);
    expect([label.attrs.DefaultValue, override(label, 'en-US')]).toEqual(['检查预算表', 'Check budget']);
    const action = one(button, 'Action');
    expect(type(action)).toBe('ShowTaskpane');
    expect(one(action, 'TaskpaneId').text).toBe('ButtonId1');
    expect(res('Urls', one(action, 'SourceLocation').attrs.resid).attrs.DefaultValue).toBe(`${ORIGIN}taskpane.html`);
    expect(one(one(doc, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${ORIGIN}taskpane.html`);
    for (const icon of [one(group, 'Icon'), one(button, 'Icon')]) {
      expect(kids(icon, 'Image').map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
    }
  });

  test('every resid resolves, and every string resource is zh-CN by default with an en-US override', () => {
    const kindOf: Record<string, 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'> = {
      Image: 'Images', FunctionFile: 'Urls', SourceLocation: 'Urls', LearnMoreUrl: 'Urls', Description: 'LongStrings',
    };
    const refs = walk(vo).filter((e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) res(kindOf[r.local] ?? 'ShortStrings', r.attrs.resid);
    for (const s of [...one(resources, 'ShortStrings').children, ...one(resources, 'LongStrings').children]) {
      expect(s.attrs.DefaultValue).toMatch(/\p{Script=Han}/u);
      expect(override(s, 'en-US')).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  test('every URL is https://localhost:3000/… and names a file the build produces', () => {
    const urls = walk(doc)
      .flatMap((e) => [...Object.entries(e.attrs).filter(([k]) => !k.startsWith('xmlns')).map(([, v]) => v), e.text])
      .filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    const problems = urls.flatMap((url) => {
      if (!url.startsWith(ORIGIN)) return [`${url}: not under ${ORIGIN}`];
      try {
        const file = fileFor(url);
        return existsSync(file) ? [] : [`${url}: ${file} does not exist`];
      } catch (e) {
        return [(e as Error).message];
      }
    });
    expect([...new Set(problems)]).toEqual([]);
    expect(kids(doc, 'AppDomains')).toHaveLength(0);
  });

  test('icons 16/32/64/80 are real PNGs of those sizes, matching how the manifest uses them', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(readPng(join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    const sizeOf = (url: string | undefined): number => readPng(fileFor(url ?? '')).width;
    expect(sizeOf(one(doc, 'IconUrl').attrs.DefaultValue)).toBe(32);
    expect(sizeOf(one(doc, 'HighResolutionIconUrl').attrs.DefaultValue)).toBe(64);
    for (const img of all(vo, 'Image').filter((i) => i.attrs.size !== undefined)) {
      expect(sizeOf(res('Images', img.attrs.resid).attrs.DefaultValue)).toBe(Number(img.attrs.size));
    }
  });

  test('commands.html loads office.js from the same origin, and office.js is available to copy', () => {
    const page = readFileSync(fileFor(`${ORIGIN}commands.html`), 'utf8');
    const scripts = [...page.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['office.js']);
    const officeJs = WEB_BUILT ? join(DIST, 'office.js') : join(ROOT, 'node_modules/@microsoft/office-js/dist/office.js');
    expect(existsSync(officeJs)).toBe(true);
  });
});
