/**
 * A compact, JSON-serialisable part of the catalogue for the browser (the visual policy editor):
 * every service's name, the global condition keys, and the full data of the services asked for.
 * The browser rebuilds a Catalog from it, so corrections apply the same way there.
 */
import { Catalog } from "./catalog";
import { STRONGBOX_SUPPORT } from "./corrections";
import { getCatalog } from "./default";
import type { CatalogSource, RawGlobalConditionKey, RawServiceData } from "./types";

export const SNAPSHOT_FORMAT = "strongbox-iam-catalog/1";

export interface CatalogSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version?: string;
  /** Every service: prefix → name. */
  services: Record<string, string>;
  globalConditionKeys: RawGlobalConditionKey[];
  /** Full data of the services included, keyed by prefix. */
  data: Record<string, RawServiceData>;
}

export interface SnapshotOptions {
  /** Keep action and condition-key descriptions (default true; false roughly halves the size). */
  descriptions?: boolean;
  /** Catalogue to read from (default: the installed one). */
  catalog?: Catalog;
}

/** The services Strongbox implements: the default content of a snapshot. */
export const STRONGBOX_SERVICES = Object.keys(STRONGBOX_SUPPORT);

export function buildCatalogSnapshot(
  servicePrefixes: readonly string[] = STRONGBOX_SERVICES,
  options: SnapshotOptions = {},
): CatalogSnapshot {
  const source = (options.catalog ?? getCatalog()).source;
  const services = source.serviceNames();
  const data: Record<string, RawServiceData> = {};
  for (const prefix of servicePrefixes) {
    const raw = source.serviceData(prefix);
    if (!raw) continue;
    data[prefix] = options.descriptions === false ? withoutDescriptions(raw) : raw;
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: source.version,
    services,
    globalConditionKeys: source.globalConditionKeys(),
    data,
  };
}

function withoutDescriptions(raw: RawServiceData): RawServiceData {
  const actions: RawServiceData["actions"] = {};
  for (const [k, a] of Object.entries(raw.actions)) actions[k] = { ...a, description: "" };
  const conditionKeys: RawServiceData["conditionKeys"] = {};
  for (const [k, c] of Object.entries(raw.conditionKeys))
    conditionKeys[k] = { ...c, description: "" };
  return { actions, resourceTypes: raw.resourceTypes, conditionKeys };
}

/** A CatalogSource over a snapshot: services outside it are known by name only. */
export function snapshotSource(snapshot: CatalogSnapshot): CatalogSource {
  if (snapshot.format !== SNAPSHOT_FORMAT) {
    throw new Error(`Unsupported IAM catalogue snapshot format: ${String(snapshot.format)}`);
  }
  return {
    version: snapshot.version,
    serviceNames: () => snapshot.services,
    serviceData: (prefix) => snapshot.data[prefix],
    globalConditionKeys: () => snapshot.globalConditionKeys,
  };
}

export function catalogFromSnapshot(snapshot: CatalogSnapshot): Catalog {
  return new Catalog(snapshotSource(snapshot));
}
