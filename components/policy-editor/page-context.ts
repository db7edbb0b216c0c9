// What a page hands its policy editor, built on the server: the catalogue snapshot (with the data
// of the services the documents name, so nothing is fetched while the page opens) and the
// account and region "Add ARN" and the completions start from.
import "server-only";
import type { CatalogSnapshot } from "@/lib/iam/catalog";
import { getAccountStatus } from "@/lib/ops/account";
import { policyEditorCatalog } from "./catalog-snapshot";

export interface PolicyEditorPageContext {
  catalogSnapshot: CatalogSnapshot;
  accountId: string;
  region: string;
}

export async function policyEditorPageContext(
  documents: readonly string[] = [],
  services: readonly string[] = [],
): Promise<PolicyEditorPageContext> {
  const { accountId, region } = await getAccountStatus();
  return { catalogSnapshot: policyEditorCatalog(documents, services), accountId, region };
}
