// The user's settings (tolerance, catalog year, rule groups, auto re-check): defaults, validation and
// storage in the pane's localStorage (a preference of the person, not of the workbook).
import type { RuleGroup } from '../core/rules/rule';

/** Every rule group, in the order the settings list them. */
export const RULE_GROUPS: readonly RuleGroup[] = ['row', 'hierarchy', 'cross-table', 'cell', 'metadata', 'narrative'];

/** The 支出功能分类 catalogs shipped (src/core/catalog/data). */
export const CATALOG_YEARS: readonly number[] = [2023, 2024];

export interface Settings {
  /** Allowed difference per rounded term, as typed (a decimal string). */
  readonly tolerance: string;
  readonly catalogYear: 'auto' | number;
  /** Groups switched off (everything else runs). */
  readonly disabledGroups: readonly RuleGroup[];
  /** Excel: check again a moment after the user edits a cell. */
  readonly autoRecheck: boolean;
}

export const DEFAULT_TOLERANCE = '0.01';

export const DEFAULT_SETTINGS: Settings = { tolerance: DEFAULT_TOLERANCE, catalogYear: 'auto', disabledGroups: [], autoRecheck: false };

/** A tolerance the engine accepts: a non-negative decimal, at most 1,000,000. */
export function validTolerance(text: string): boolean {
  const t = text.trim();
  return /^(\d+(\.\d*)?|\.\d+)$/.test(t) && Number(t) <= 1_000_000;
}

/** The groups to run, or undefined when all run (the engine's default). */
export function enabledGroups(settings: Settings): RuleGroup[] | undefined {
  if (settings.disabledGroups.length === 0) return undefined;
  return RULE_GROUPS.filter((g) => !settings.disabledGroups.includes(g));
}

const KEY = 'gouji.settings.v1';

/** Settings read back from storage; anything missing or invalid falls back to the default. */
export function parseSettings(text: string | null | undefined): Settings {
  if (!text) return DEFAULT_SETTINGS;
  let raw: Partial<Record<keyof Settings, unknown>>;
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  return {
    tolerance: typeof raw.tolerance === 'string' && validTolerance(raw.tolerance) ? raw.tolerance.trim() : DEFAULT_TOLERANCE,
    catalogYear: typeof raw.catalogYear === 'number' && CATALOG_YEARS.includes(raw.catalogYear) ? raw.catalogYear : 'auto',
    disabledGroups: Array.isArray(raw.disabledGroups) ? RULE_GROUPS.filter((g) => (raw.disabledGroups as unknown[]).includes(g)) : [],
    autoRecheck: raw.autoRecheck === true,
  };
}

/** The storage the pane may use (localStorage can be missing or throw in locked-down webviews). */
function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function loadSettings(store: Storage | undefined = storage()): Settings {
  try {
    return parseSettings(store?.getItem(KEY));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(settings: Settings, store: Storage | undefined = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // A full or forbidden storage only costs the preference.
  }
}

/** Whether the settings differ from the defaults (the panel offers 恢复默认). */
export function isDefault(settings: Settings): boolean {
  return (
    settings.tolerance === DEFAULT_SETTINGS.tolerance && settings.catalogYear === 'auto' && settings.disabledGroups.length === 0 && settings.autoRecheck === DEFAULT_SETTINGS.autoRecheck
  );
}
