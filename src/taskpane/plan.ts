// What an engine edit writes, as the pane applies it: small (the core's editValue only), so that 应用 does
// not load the engine on the page.
import type { Edit } from '../core/findings';
import { editValue } from '../core/fix/apply';
import type { JsonEdit } from '../core/report-json';
import type { PlannedEdit } from './journal';

/** An engine edit as the pane applies it: the after-state the engine's editValue decides. */
export function planEdit(e: JsonEdit | Edit): PlannedEdit {
  return {
    sheet: e.sheet,
    address: e.address,
    expected: e.before,
    text: e.after,
    after: { value: editValue(e.after), ...(e.formula !== undefined ? { formula: e.formula.replace(/^=/, '') } : {}) },
  };
}
