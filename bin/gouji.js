#!/usr/bin/env node
// The `gouji` command: runs the CLI bundle that `npm ci` (prepare) or `npm run build:cli` builds.
//
// The bundle is compiled with the code cache the build made beside it (V8's compiled code of the functions a
// check runs, from a check of the bundled sample): a large workbook's check starts some 0.1 s sooner. A cache
// V8 does not accept (another Node.js, a rebuilt bundle, a damaged file) is ignored and the bundle compiled as
// usual. GOUJI_WRITE_CODE_CACHE=1 writes the cache after the command (scripts/build-cli.mjs does).
const path = require('node:path');
const fs = require('node:fs');
const vm = require('node:vm');
const Module = require('node:module');
const v8 = require('node:v8');

// A check is one short cold run: most of V8's optimizing happens while it runs, on helper threads that share
// the cores with the check. Inlining less than V8's default (920 bytes of bytecode into one function) makes
// each optimization cheaper: on a 2-core machine a 100k-row check took 1.52 → 1.40 s, two checks at once
// 2.40 → 2.13 s, a folder of 108 workbooks 3.0 → 2.6 s; on a machine kept busy by other work it is no slower.
// Set before the bundle is compiled (the code cache is made and read under the same flags).
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'gouji.cjs');
const cacheFile = `${bundle}.cache`;
if (!fs.existsSync(bundle)) {
  console.error('gouji: 尚未构建命令行工具，请先运行 npm run build:cli（the CLI is not built yet: run npm run build:cli）');
  process.exit(2);
}

/** Loads the bundle as `require` would, through a vm.Script given the code cache when there is one. */
function load() {
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return { cli: mod.exports, script };
}

const { cli, script } = load();
const done = cli.main();
if (process.env.GOUJI_WRITE_CODE_CACHE === '1') {
  Promise.resolve(done).then(() => fs.writeFileSync(cacheFile, script.createCachedData()));
}
