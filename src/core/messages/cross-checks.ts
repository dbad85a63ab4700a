// Messages of the cross-table rules (rules/cross-*.ts).
import type { MessageTable } from './lang';

export const CROSS_CHECK_MESSAGES: MessageTable = {};
