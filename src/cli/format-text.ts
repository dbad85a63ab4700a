// The readable report the CLI prints by default, in zh-CN or en-US (src/core/report-text.ts, shared with the pane).
export { formatWorkbookText } from '../core/report-text';
