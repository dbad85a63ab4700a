// Start-up: are we inside Excel? Binds the Excel port to the real Office.js globals.
import type { WorkbookPort } from '../taskpane/port';
import type { ExcelHost } from './api';
import { createExcelPort } from './port';

export type HostInfo = { kind: 'excel'; displayLanguage: string } | { kind: 'none' };

/**
 * Whether the page looks hosted by Office even before Office.js says so: Office adds `_host_Info`
 * to the URL, and the pane runs framed (Office on the web) or inside a WebView bridge.
 */
export function looksHosted(search: string, framed: boolean, hasWebViewBridge: boolean): boolean {
  return /[?&]_host_Info=/i.test(search) || framed || hasWebViewBridge;
}

interface OfficeGlobal {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
  context: { displayLanguage: string };
}

/**
 * Waits for Office.js. Resolves `excel` when it reports Excel, `none` when Office.js is absent,
 * reports another host or no host, or stays silent for `timeoutMs` (longer when the page looks hosted).
 */
export function detectHost(opts: { timeoutMs?: number; hostedTimeoutMs?: number } = {}): Promise<HostInfo> {
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ kind: 'none' });
  const w = globalThis as unknown as { location?: { search: string }; parent?: unknown; chrome?: { webview?: unknown }; webkit?: { messageHandlers?: unknown } };
  const hosted = looksHosted(w.location?.search ?? '', w.parent !== undefined && w.parent !== globalThis, w.chrome?.webview !== undefined || w.webkit?.messageHandlers !== undefined);
  const timeout = hosted ? (opts.hostedTimeoutMs ?? 15000) : (opts.timeoutMs ?? 2000);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'none' }), timeout);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        resolve(info.host === office.HostType.Excel ? { kind: 'excel', displayLanguage: office.context.displayLanguage ?? '' } : { kind: 'none' });
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
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
  return createExcelPort(host);
}
