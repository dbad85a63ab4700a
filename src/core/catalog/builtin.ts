// The catalogs shipped with Gouji (data/*.json), chosen by budget year.
import type { Catalogs } from '../analyze';

export const builtinCatalogs: Catalogs = {};
