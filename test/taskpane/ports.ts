// Test helper: a minimal WorkbookPort over a fixed grid (reads and selects; writes refuse).
import type { Workbook } from '../../src/core/grid/grid';
import { EMPTY_JOURNAL } from '../../src/taskpane/journal';
import { PortError, type WorkbookPort } from '../../src/taskpane/port';

export function readOnlyPort(read: () => Promise<Workbook>): WorkbookPort {
  return {
    source: 'excel',
    capabilities: { persistentJournal: false, marks: false, reportSheet: false, watch: false, downloads: false },
    read,
    select: async () => undefined,
    journal: async () => EMPTY_JOURNAL,
    apply: async () => {
      throw new PortError('read-only');
    },
    undo: async () => {
      throw new PortError('read-only');
    },
  };
}
