// The IAM catalogue the policy editor needs in the browser, built on the server: every service's
// name and prefix, the global condition keys, and the full data of the services the policies
// being edited name (others are fetched on demand through ./actions.ts).
import "server-only";
import { buildCatalogSnapshot, type CatalogSnapshot } from "@/lib/iam/catalog";
import { loadCatalog } from "@/lib/iam/catalog/load";
import { servicesNamed } from "./model/services";

/** Services whose data every editor starts with: the one Strongbox is about. */
const ALWAYS = ["secretsmanager"];

export function policyEditorCatalog(
  documents: readonly string[] = [],
  services: readonly string[] = [],
): CatalogSnapshot {
  const catalog = loadCatalog();
  const prefixes = new Set<string>(ALWAYS);
  for (const prefix of services) prefixes.add(prefix.toLowerCase());
  for (const text of documents) for (const prefix of servicesNamed(text)) prefixes.add(prefix);
  return buildCatalogSnapshot(
    [...prefixes].filter((p) => catalog.hasService(p)),
    { catalog },
  );
}
