// Start-up: are we inside Excel? Loads office.js only when the page looks hosted by Office, and binds
// the Excel port to the real Office.js globals.
import type { WorkbookPort } from '../taskpane/port';
import type { ExcelHost } from './api';
import { createExcelPort } from './port';

/** `dark`: Office's theme has a dark task-pane background (Dark Gray, Black). */
export type HostInfo = { kind: 'excel'; displayLanguage: string; dark: boolean } | { kind: 'none' };

/** Whether a `#rrggbb` background is dark (relative luminance below one half). */
export function isDarkColor(color: string | undefined): boolean {
  const m = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim()) : null;
  if (!m) return false;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.5;
}

/**
 * Whether the page looks hosted by Office: Office adds `_host_Info` to the URL, Office on the web
 * runs the pane in a frame, and the desktop hosts run it in a WebView with a native bridge
 * (`chrome.webview` on Windows, `webkit.messageHandlers` on the Mac).
 */
export function looksHosted(search: string, framed: boolean, hasWebViewBridge: boolean): boolean {
  return /[?&]_host_Info=/i.test(search) || framed || hasWebViewBridge;
}

/** The part of the Office global that start-up reads. */
export interface OfficeGlobal {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
  context: { displayLanguage: string; officeTheme?: { bodyBackgroundColor?: string } };
}

/** What start-up needs from the page, injectable for tests. */
export interface HostEnv {
  readonly search: string;
  readonly framed: boolean;
  readonly webViewBridge: boolean;
  /** Adds our same-origin office.js to the page; resolves once it ran or failed to load. */
  loadOfficeJs(): Promise<void>;
  office(): OfficeGlobal | undefined;
}

/** The real page. office.js sits beside taskpane.html (copied there by webpack), never on a CDN. */
export function browserEnv(): HostEnv {
  const w = window as unknown as { chrome?: { webview?: unknown }; webkit?: { messageHandlers?: unknown }; Office?: OfficeGlobal };
  return {
    search: location.search,
    framed: window.parent !== window,
    webViewBridge: w.chrome?.webview !== undefined || w.webkit?.messageHandlers !== undefined,
    loadOfficeJs: () =>
      new Promise((resolve) => {
        const script = document.createElement('script');
        script.src = 'office.js';
        script.onload = () => resolve();
        script.onerror = () => resolve();
        document.head.appendChild(script);
      }),
    office: () => w.Office,
  };
}

/**
 * Decides where we run. A plain browser tab is `none` at once, without loading office.js (outside
 * Office it only warns and tries to frame a telemetry page). A page that looks hosted loads office.js
 * and is `excel` when Office.onReady reports Excel; `none` for another host, no host, or no answer
 * within `timeoutMs`.
 */
export async function detectHost(env: HostEnv = browserEnv(), timeoutMs = 10_000): Promise<HostInfo> {
  if (!looksHosted(env.search, env.framed, env.webViewBridge)) return { kind: 'none' };
  await env.loadOfficeJs();
  const office = env.office();
  if (!office || typeof office.onReady !== 'function') return { kind: 'none' };
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'none' }), timeoutMs);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        resolve(
          info.host === office.HostType.Excel
            ? { kind: 'excel', displayLanguage: office.context.displayLanguage ?? '', dark: isDarkColor(office.context.officeTheme?.bodyBackgroundColor) }
            : { kind: 'none' },
        );
      },
      () => {
        clearTimeout(timer);
        resolve({ kind: 'none' });
      },
    );
  });
}

/** The Excel port bound to `Excel.run` and the host's requirement sets. Call only after detectHost says `excel`. */
export function officeExcelPort(): WorkbookPort {
  const host: ExcelHost = {
    run: (batch) => Excel.run((context) => batch(context)),
    runIn: (context, batch) => Excel.run(context as Excel.RequestContext, (ctx) => batch(ctx)),
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
  return createExcelPort(host);
}
