// The catalogs shipped with Gouji (data/*.json), chosen by budget year.
import type { Catalogs } from '../analyze';
import { Catalog, EconomicMapping, type CatalogData, type EconomicMappingData, type Rename } from './catalog';
import functional2023 from './data/functional-2023.json';
import functional2024 from './data/functional-2024.json';
import economicDepartment from './data/economic-department.json';
import economicGovernment from './data/economic-government.json';
import economicMapping from './data/economic-mapping.json';
import renames from './data/renames.json';

/** The catalogs the engine and the catalog checks read (all fields of `Catalogs` filled). */
export type CatalogSet = Catalogs;

const FUNCTIONAL = new Map<number, Catalog>([
  [2023, new Catalog(functional2023 as unknown as CatalogData)],
  [2024, new Catalog(functional2024 as unknown as CatalogData)],
]);

/** The functional catalog of a year, or of the nearest year we have (the latest when the year is unknown). */
export function functionalCatalog(year: number | undefined): Catalog {
  const years = [...FUNCTIONAL.keys()].sort((a, b) => a - b);
  const target = year ?? years[years.length - 1]!;
  const nearest = years.reduce((best, y) => (Math.abs(y - target) < Math.abs(best - target) ? y : best), years[0]!);
  return FUNCTIONAL.get(nearest)!;
}

export const builtinCatalogs: CatalogSet = {
  functional: functionalCatalog,
  economicDepartment: new Catalog(economicDepartment as unknown as CatalogData),
  economicGovernment: new Catalog(economicGovernment as unknown as CatalogData),
  mapping: new EconomicMapping(economicMapping as unknown as EconomicMappingData),
  renames: renames as unknown as readonly Rename[],
};
