/**
 * ARNs for the "Add ARN(s)" dialog: a resource type's ARN pattern taken apart into the fields
 * the user fills (region, account, resource name ...), each of which may be "Any" (`*`), and
 * the rules for secrets (six random characters, matched with `-??????`).
 */
import type { Catalog, CatalogResourceType } from "@/lib/iam/catalog";

export interface ArnField {
  /** The placeholder's name in the pattern: "Region", "Account", "SecretId". */
  name: string;
  /** How the dialog labels it. */
  label: string;
  /** Where it is: the region and account fields, or the resource part. */
  place: "region" | "account" | "resource";
}

export interface ArnTemplate {
  pattern: string;
  service: string;
  /** The resource part with its placeholders ("secret:${SecretId}"). */
  resource: string;
  /** Whether the pattern has a region and an account field (IAM's ARNs have no region). */
  hasRegion: boolean;
  hasAccount: boolean;
  fields: ArnField[];
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;

export function parseArnTemplate(pattern: string): ArnTemplate | undefined {
  const parts = pattern.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, , service, region, account] = parts;
  const resource = parts.slice(5).join(":");
  const fields: ArnField[] = [];
  const hasRegion = region.includes("${");
  const hasAccount = account.includes("${");
  if (hasRegion) fields.push({ name: "Region", label: "Region", place: "region" });
  if (hasAccount) fields.push({ name: "Account", label: "Account", place: "account" });
  for (const match of resource.matchAll(PLACEHOLDER)) {
    fields.push({ name: match[1], label: fieldLabel(service, match[1]), place: "resource" });
  }
  return { pattern, service, resource, hasRegion, hasAccount, fields };
}

function fieldLabel(service: string, name: string): string {
  if (service === "secretsmanager" && name === "SecretId") return "Secret name";
  // "RoleNameWithPath" → "Role name with path", "KeyId" → "Key ID".
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(" ");
  return words
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (lower === "id" || lower === "arn") return lower.toUpperCase();
      return i === 0 ? word.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(" ");
}

/** The value of one field: text, or Any (`*`). */
export interface ArnFieldValue {
  text: string;
  any: boolean;
}

export function buildArn(
  template: ArnTemplate,
  values: Record<string, ArnFieldValue | undefined>,
  partition = "aws",
): string {
  const value = (name: string) => {
    const v = values[name];
    if (!v || v.any) return "*";
    return v.text.trim();
  };
  const parts = template.pattern.split(":");
  const region = template.hasRegion ? value("Region") : parts[3];
  const account = template.hasAccount ? value("Account") : parts[4];
  const resource = template.resource.replace(PLACEHOLDER, (_m, name: string) => value(name));
  return `arn:${partition}:${template.service}:${region}:${account}:${resource}`;
}

/** Fields left empty and not Any: the ARN cannot be built yet. */
export function missingFields(
  template: ArnTemplate,
  values: Record<string, ArnFieldValue | undefined>,
): ArnField[] {
  return template.fields.filter((f) => {
    const v = values[f.name];
    return !v || (!v.any && v.text.trim() === "");
  });
}

export function isSecretType(type: Pick<CatalogResourceType, "service" | "arn">): boolean {
  return type.service === "secretsmanager" && /:secret:\$\{SecretId\}$/.test(type.arn);
}

/** Secrets Manager appends a hyphen and six random characters to a secret's name in its ARN. */
export const SECRET_SUFFIX = "-??????";

/** Whether a secret name, as typed, already ends with the six characters (or a pattern for them). */
export function hasSecretSuffix(name: string): boolean {
  return /-[A-Za-z0-9?]{6}$/.test(name) || name.endsWith("*");
}

/**
 * A secret ARN without the six random characters names only a secret whose full name is that
 * text: returns the ARN with `-??????` added, or undefined when it needs none.
 */
export function secretArnSuggestion(arn: string): string | undefined {
  const m = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+)$/.exec(arn);
  if (!m) return undefined;
  if (hasSecretSuffix(m[1])) return undefined;
  return arn + SECRET_SUFFIX;
}

/** Splits pasted text into ARNs: one per line, or separated by commas or spaces. */
export function splitArns(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim().replace(/^"|"$/g, ""))
        .filter(Boolean),
    ),
  ];
}

/** IAM's rule: a resource is "*" or an ARN (arn: and at least five colons). */
export function arnProblem(value: string): string | undefined {
  if (value === "*") return undefined;
  const colons = value.split(":").length - 1;
  if (!value.startsWith("arn:") || colons < 5) {
    return `${value} is not an ARN: an ARN looks like arn:aws:service:region:account:resource.`;
  }
  return undefined;
}

/**
 * Sorts a block's resource values by the resource types shown: each ARN goes to the first type
 * it can name; the rest are "other".
 */
export function groupResources(
  values: string[],
  types: CatalogResourceType[],
  catalog: Catalog,
): { byType: Map<string, string[]>; other: string[] } {
  const byType = new Map<string, string[]>(types.map((t) => [t.name, []]));
  const other: string[] = [];
  for (const value of values) {
    if (value === "*") continue;
    const names = new Set(catalog.resourceTypesForArn(value).map((t) => t.name.toLowerCase()));
    const type = types.find((t) => names.has(t.name.toLowerCase()));
    if (type) byType.get(type.name)?.push(value);
    else other.push(value);
  }
  return { byType, other };
}

/** The ARN pattern that names every resource of a type ("Any"): placeholders become `*`. */
export function anyArn(type: CatalogResourceType, partition = "aws"): string {
  const template = parseArnTemplate(type.arn);
  if (!template) return "*";
  return buildArn(template, {}, partition);
}
