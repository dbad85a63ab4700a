// Builds the Office add-in's web part into dist/: taskpane.html (React + Fluent UI), commands.html,
// help.html, the icons and a same-origin copy of office.js. `webpack serve` runs it on https://localhost:3000.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_PORT = 3000;
const OFFICE_JS = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/**
 * The task pane's Content-Security-Policy: only our own origin. Fluent UI (Griffel) writes its
 * styles into <style> elements, hence 'unsafe-inline' for styles only; no eval anywhere.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Reads ca.crt, localhost.crt and localhost.key from a folder, or undefined when one is missing. */
function certsIn(dir) {
  const file = (name) => path.join(dir, name);
  if (!['ca.crt', 'localhost.crt', 'localhost.key'].every((n) => fs.existsSync(file(n)))) return undefined;
  return { ca: fs.readFileSync(file('ca.crt')), cert: fs.readFileSync(file('localhost.crt')), key: fs.readFileSync(file('localhost.key')) };
}

/**
 * https options for the dev server; Office will not load a plain-http pane.
 * 1. GOUJI_HTTPS_DIR: a folder with ca.crt, localhost.crt and localhost.key (used as they are).
 * 2. office-addin-dev-certs: generates them and installs the CA in the machine's trust store (Windows, Mac).
 * 3. Where installing fails (Linux without sudo), the certificates it generated, with a warning: the CA is
 *    then not trusted until the user trusts ~/.office-addin-dev-certs/ca.crt.
 */
async function httpsOptions() {
  if (process.env.GOUJI_HTTPS_DIR) {
    const given = certsIn(process.env.GOUJI_HTTPS_DIR);
    if (!given) throw new Error(`gouji: GOUJI_HTTPS_DIR=${process.env.GOUJI_HTTPS_DIR} must hold ca.crt, localhost.crt and localhost.key`);
    return given;
  }
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const generated = certsIn(path.join(os.homedir(), '.office-addin-dev-certs'));
    if (generated) {
      console.warn(
        `gouji: the development CA could not be installed (${e instanceof Error ? e.message.trim() : e}).\n` +
          `Serving with the certificates in ${path.join(os.homedir(), '.office-addin-dev-certs')}; trust its ca.crt on the machine that runs Excel.`,
      );
      return generated;
    }
    throw new Error(
      `gouji: cannot get the localhost certificate from office-addin-dev-certs (${e instanceof Error ? e.message : e}).\n` +
        'Run `npx office-addin-dev-certs install` once, then `npm start` again.',
    );
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    mode: dev ? 'development' : 'production',
    // No `eval` source maps: the pane's CSP forbids eval, in development too.
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: '',
      // dist/cli holds the CLI bundle built by scripts/build-cli.mjs: keep it.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the bundle only needs them stripped.
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target: 'ES2020', module: 'ESNext', noEmit: false } } },
        },
      ],
    },
    performance: {
      // The initial taskpane JS is what Office waits for; ExcelJS (browser mode) and the engine load later.
      assetFilter: (file) => /^taskpane\..*js$/.test(file),
      // A budget, not a wish: today ~490 KiB minified (~146 KiB gzipped), mostly react-dom, tabster and Fluent;
      // the findings list, menus, search, settings, preview, engine and ExcelJS are lazy chunks.
      maxEntrypointSize: 560 * 1024,
      maxAssetSize: 560 * 1024,
    },
    optimization: {
      runtimeChunk: 'single',
      // Each lazy chunk carries its own node_modules (engine: decimal.js and the catalogs, results: the
      // findings list and menus, preview: Fluent's Select), so its name says what it is; shared modules
      // still dedupe. The file reader (xlsx) and writer (write) share the package layer and fflate.
      splitChunks: {
        cacheGroups: {
          defaultVendors: false,
        },
      },
      // HTML is HtmlWebpackPlugin's business (taskpane.html minified, commands.html verbatim);
      // webpack's own HTML minimizer would rewrite the hand-written commands.html too.
      minimizeOptions: { html: false },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        templateParameters: { csp: CSP },
      }),
      // commands.html (the manifest's FunctionFile) is written by hand and loads office.js itself: emitted as is.
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: [], inject: false, minify: false }),
      // help.html (the manifest's SupportUrl), a static page: emitted as is.
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/help/help.html', chunks: [], inject: false, minify: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/samples/**'] } },
          {
            // office.js and what it loads at run time (Excel host scripts, per-locale strings, telemetry),
            // beside taskpane.html so that both pages load it from our own origin.
            from: '**/*.js',
            context: OFFICE_JS,
            // Already minified by Microsoft: copy as is (Terser would only slow the build).
            info: { minimized: true },
            to: '.',
            globOptions: {
              ignore: ['**/*.debug.js', '**/*vsdoc*', '**/outlook*', '**/word*', '**/powerpoint*', '**/onenote*', '**/project*', '**/access*', '**/custom-functions*', '**/html2canvas*', '**/agaveerrorux/**'],
            },
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      static: false,
      ...(serving ? { server: { type: 'https', options: await httpsOptions() } } : {}),
      client: { overlay: { warnings: false } },
    },
  };
};
