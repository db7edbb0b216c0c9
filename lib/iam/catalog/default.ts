/**
 * The process's catalogue. The server installs a file-backed one (`./load`); the browser
 * installs one built from a snapshot (`catalogFromSnapshot`). Pure code asks `getCatalog()`.
 */
import type { Catalog } from "./catalog";
import type {
  CatalogAction,
  CatalogConditionKey,
  CatalogResourceType,
  CatalogService,
  CatalogServiceSummary,
} from "./types";

let installed: Catalog | undefined;

export function installCatalog(catalog: Catalog): void {
  installed = catalog;
}

export function hasCatalog(): boolean {
  return installed !== undefined;
}

/** The installed catalogue; throws when none is (a wiring bug: import "@/lib/iam/catalog/load" on the server). */
export function getCatalog(): Catalog {
  if (!installed) {
    throw new Error(
      'No IAM catalogue installed: call loadCatalog() from "@/lib/iam/catalog/load" (server) or installCatalog(catalogFromSnapshot(...)) (browser)',
    );
  }
  return installed;
}

export const listServices = (): CatalogServiceSummary[] => getCatalog().listServices();
export const getService = (prefix: string): CatalogService | undefined =>
  getCatalog().getService(prefix);
export const getAction = (fullName: string): CatalogAction | undefined =>
  getCatalog().getAction(fullName);
export const expandActionPattern = (pattern: string): CatalogAction[] =>
  getCatalog().expandActionPattern(pattern);
export const conditionKey = (name: string): CatalogConditionKey | undefined =>
  getCatalog().conditionKey(name);
export const globalConditionKeys = (): CatalogConditionKey[] => getCatalog().globalConditionKeys();
export const resourceTypesForArn = (arn: string): CatalogResourceType[] =>
  getCatalog().resourceTypesForArn(arn);
