"use server";
// The policy editor's catalogue on demand: the browser starts with every service's name and asks
// for a service's actions, resource types and condition keys when the user picks it.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import type { CatalogSnapshot, RawServiceData } from "@/lib/iam/catalog";
import { loadCatalog } from "@/lib/iam/catalog/load";
import { policyEditorCatalog } from "./catalog-snapshot";

const prefixes = z
  .array(z.string().regex(/^[a-z0-9-]{1,64}$/, "Invalid service prefix."))
  .max(25, "Ask for at most 25 services at a time.");

/** The full catalogue data of these services (unknown prefixes are left out). */
export async function loadCatalogServicesAction(
  services: string[],
): Promise<ActionResult<Record<string, RawServiceData>>> {
  await getCaller();
  return runAction("loadCatalogServices", async () => {
    const list = parseInput(prefixes, services);
    const catalog = loadCatalog();
    const out: Record<string, RawServiceData> = {};
    for (const prefix of list) {
      if (!catalog.hasService(prefix)) continue;
      const data = catalog.source.serviceData(prefix);
      if (data) out[prefix] = data;
    }
    return out;
  });
}

/** A starting catalogue for an editor whose page did not build one (names, globals, these services). */
export async function loadPolicyEditorCatalogAction(
  services: string[] = [],
): Promise<ActionResult<CatalogSnapshot>> {
  await getCaller();
  return runAction("loadPolicyEditorCatalog", async () =>
    policyEditorCatalog([], parseInput(prefixes, services)),
  );
}
