// Entry of taskpane.html and the pane's composition root: finds out whether Excel hosts us,
// picks the language and the port, and renders the pane. The only taskpane file that imports src/excel.
import { FluentProvider, Spinner } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { detectHost, officeExcelPort } from '../excel/host';
import { App } from './components/App';
import { createFilePort } from './standalone-port';
import { pickLang, STRINGS } from './strings';
import { paneTheme, pickDark } from './theme';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('gouji: #root is missing from taskpane.html');
  const root = createRoot(container);
  const early = STRINGS[pickLang(location.search)];
  root.render(
    <FluentProvider theme={paneTheme} style={{ padding: 24 }}>
      <Spinner size="small" label={early.starting} />
    </FluentProvider>,
  );
  const host = await detectHost();
  const strings = STRINGS[pickLang(location.search, host.kind === 'excel' ? host.displayLanguage : undefined)];
  document.documentElement.lang = strings.lang;
  document.title = `${strings.product.name} · ${strings.product.tagline}`;
  const port = host.kind === 'excel' ? officeExcelPort() : createFilePort();
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const dark = pickDark(location.search, host.kind === 'excel' ? host.dark : undefined, prefersDark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  const theme = dark ? (await import(/* webpackChunkName: "dark" */ './theme-dark')).paneDarkTheme : paneTheme;
  root.render(<App port={port} strings={strings} theme={theme} />);
}

void start();
