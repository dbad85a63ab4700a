// Messages of the catalog checks (rules/catalog-*.ts).
import type { MessageTable } from './lang';

export const CATALOG_CHECK_MESSAGES: MessageTable = {};
