// Secret resource policies: parsed by the engine (so a policy that saves is one it can decide),
// with BlockPublicPolicy refusing statements that open the secret to everyone.
import { parsePolicy, type PolicyDocument } from "../../iam";
import { PublicPolicy } from "../../errors";

export const MAX_RESOURCE_POLICY = 20_480;

export function parseResourcePolicy(text: string): PolicyDocument {
  return parsePolicy(text, { kind: "resource" });
}

/**
 * True when an Allow statement names every principal ("*" or {"AWS": "*"}) with no condition
 * that narrows who may use it: AWS's test for a policy that grants public access.
 */
export function grantsPublicAccess(document: PolicyDocument): boolean {
  return document.statements.some((statement) => {
    if (statement.effect.value !== "Allow") return false;
    if (statement.notPrincipal) return true;
    const principal = statement.principal;
    if (!principal) return false;
    const everyone =
      principal.wildcard ||
      principal.entries.some((e) => e.type === "AWS" && e.values.some((v) => v.value === "*"));
    return everyone && (statement.condition?.operators.length ?? 0) === 0;
  });
}

export function assertNotPublic(document: PolicyDocument): void {
  if (grantsPublicAccess(document)) {
    throw PublicPolicy(
      "BlockPublicPolicy is set to true, and the resource policy contains a statement that grants public access to the secret. To store it, set BlockPublicPolicy to false.",
    );
  }
}
