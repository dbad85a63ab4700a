// Messages of the metadata, narrative and cell rules (rules/meta-*.ts, rules/narrative-*.ts, rules/cell-*.ts).
import type { MessageTable } from './lang';

export const META_CHECK_MESSAGES: MessageTable = {};
