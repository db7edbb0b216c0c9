/**
 * validatePolicy with a small cache by text: the JSON editor's linter, the findings list and the
 * review step ask about the same text, and the validator runs once for it.
 */
import type { Catalog } from "@/lib/iam/catalog";
import {
  validatePolicy,
  type ValidatePolicyFinding,
  type ValidatePolicyType,
} from "@/lib/iam/validate";

export interface ValidationOptions {
  policyType: ValidatePolicyType;
  maxSize?: number;
  validatePolicyResourceType?: string;
}

interface Entry {
  text: string;
  catalog: Catalog;
  key: string;
  findings: ValidatePolicyFinding[];
}

const SIZE = 6;
const cache: Entry[] = [];

export function validateCached(
  text: string,
  options: ValidationOptions,
  catalog: Catalog,
): ValidatePolicyFinding[] {
  const key = `${options.policyType}|${options.maxSize ?? ""}|${options.validatePolicyResourceType ?? ""}`;
  const hit = cache.find((e) => e.text === text && e.catalog === catalog && e.key === key);
  if (hit) return hit.findings;
  const { findings } = validatePolicy(text, { ...options, catalog });
  cache.unshift({ text, catalog, key, findings });
  if (cache.length > SIZE) cache.length = SIZE;
  return findings;
}
