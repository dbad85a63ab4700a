// The catalogs shipped with Gouji (data/*.json), chosen by budget year.
import type { Catalogs } from '../analyze';
import { Catalog, type CatalogData } from './catalog';
import functional2023 from './data/functional-2023.json';
import functional2024 from './data/functional-2024.json';
import economicDepartment from './data/economic-department.json';

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

export const builtinCatalogs: Catalogs = {
  functional: functionalCatalog,
  economicDepartment: new Catalog(economicDepartment as unknown as CatalogData),
};
