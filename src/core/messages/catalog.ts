// Every message a finding or fix can carry, in zh-CN and en-US, with {{placeholders}}.

import { CATALOG_CHECK_MESSAGES } from './catalog-checks';
import type { Lang, MessageTable } from './lang';

export type { Lang, MessageTable } from './lang';

export const MESSAGES: MessageTable = {
  ...CATALOG_CHECK_MESSAGES,
  'subtotal.mismatch': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其下级科目之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, but its sub-items add up to {{expected}} (difference {{difference}}).',
  },
  'subtotal.mismatch.rounding': {
    'zh-CN': '“{{row}}”的“{{column}}”为 {{actual}}，其下级科目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of "{{row}}" is {{actual}}, its sub-items add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.mismatch': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各类科目之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, but the top-level subjects add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.mismatch.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各类科目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, the top-level subjects add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.units': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各单位之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, but the units add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.units.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，各单位之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of the "{{row}}" row is {{actual}}, the units add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'total-row.unit': {
    'zh-CN': '单位“{{row}}”的“{{column}}”为 {{actual}}，其下各科目之和为 {{expected}}，相差 {{difference}}。',
    'en-US': '{{column}} of unit "{{row}}" is {{actual}}, but its subjects add up to {{expected}} (difference {{difference}}).',
  },
  'total-row.unit.rounding': {
    'zh-CN': '单位“{{row}}”的“{{column}}”为 {{actual}}，其下各科目之和为 {{expected}}，相差 {{difference}}，属于四舍五入误差（{{terms}} 项，每项 ±0.01 以内）。',
    'en-US': '{{column}} of unit "{{row}}" is {{actual}}, its subjects add up to {{expected}} (difference {{difference}}, within rounding of {{terms}} terms).',
  },
  'row-sum.mismatch': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，而 {{parts}} = {{expected}}，相差 {{difference}}。',
    'en-US': 'Row "{{row}}": {{column}} is {{actual}}, but {{parts}} = {{expected}} (difference {{difference}}).',
  },
  'row-sum.mismatch.rounding': {
    'zh-CN': '“{{row}}”行的“{{column}}”为 {{actual}}，而 {{parts}} = {{expected}}，相差 {{difference}}，属于四舍五入误差。',
    'en-US': 'Row "{{row}}": {{column}} is {{actual}}, {{parts}} = {{expected}} (difference {{difference}}, within rounding).',
  },
  'value.blank': {
    'zh-CN': '空白',
    'en-US': 'blank',
  },
  'fix.set-value': {
    'zh-CN': '将 {{address}} 改为 {{after}}',
    'en-US': 'Set {{address}} to {{after}}',
  },
  'fix.reason.parent-from-children': {
    'zh-CN': '按下级明细重算合计；若是某个下级数有误，应改该下级数。',
    'en-US': 'Recomputes the total from its items; if one of the items is wrong, correct that item instead.',
  },
  'fix.reason.total-from-parts': {
    'zh-CN': '按本行各组成部分重算合计；若是某个组成部分有误，应改该部分。',
    'en-US': 'Recomputes the total from the parts of this row; if a part is wrong, correct that part instead.',
  },
};

/**
 * Renders a message in a language; unknown ids render as the id, missing data as the placeholder.
 * A data value `@id` naming a message is itself rendered (words such as 空白 / blank).
 */
export function render(message: { id: string; data: Readonly<Record<string, string>> }, lang: Lang): string {
  const template = MESSAGES[message.id]?.[lang] ?? message.id;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const v = message.data[key];
    if (v === undefined) return whole;
    return v.startsWith('@') && MESSAGES[v.slice(1)] ? render({ id: v.slice(1), data: {} }, lang) : v;
  });
}
