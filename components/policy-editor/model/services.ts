/**
 * The service prefixes a policy's text names in actions and condition keys ("secretsmanager"
 * in "secretsmanager:GetSecretValue"), read from its strings so it works on unfinished JSON.
 */
const SERVICE_REF = /"([A-Za-z0-9-]{2,64}):[A-Za-z*?]/g;

/** Prefixes that are not services: ARN parts, identity providers' keys. */
const NOT_SERVICES = new Set(["arn", "aws"]);

export function servicesNamed(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.matchAll(SERVICE_REF)) {
    const prefix = match[1].toLowerCase();
    if (!NOT_SERVICES.has(prefix)) out.add(prefix);
  }
  return [...out];
}
