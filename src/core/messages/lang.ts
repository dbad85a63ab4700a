// The languages Gouji speaks and the shape of a message table.
export type Lang = 'zh-CN' | 'en-US';

/** Message id → text per language, with {{placeholders}}. */
export type MessageTable = Record<string, Record<Lang, string>>;
