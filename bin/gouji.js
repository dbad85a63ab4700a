#!/usr/bin/env node
// The `gouji` command: runs the CLI bundle that `npm ci` (prepare) or `npm run build:cli` builds.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'gouji.cjs');
if (!fs.existsSync(bundle)) {
  console.error('gouji: 尚未构建命令行工具，请先运行 npm run build:cli（the CLI is not built yet: run npm run build:cli）');
  process.exit(2);
}
require(bundle).main();
