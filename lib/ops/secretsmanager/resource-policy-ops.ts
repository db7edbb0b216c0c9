import { loadCatalog } from "../../iam/catalog/load";
import { validatePolicy } from "../../iam/validate";
import { InvalidParameter } from "../../errors";
import { defineOperation } from "../operation";
import { authorizedSecret, markedForDeletion } from "./secrets";
import {
  MAX_RESOURCE_POLICY,
  assertNotPublic,
  grantsPublicAccess,
  parseResourcePolicy,
} from "./resource-policy";
import { SECRET_ID, optionalBoolean, optionalString, requiredString } from "./validate";

export const putResourcePolicy = defineOperation<
  { SecretId: string; ResourcePolicy: string; BlockPublicPolicy?: boolean },
  { ARN: string; Name: string }
>("secretsmanager:PutResourcePolicy", async (ctx, input) => {
  const raw = input as unknown as Record<string, unknown>;
  const secretId = requiredString(raw, "SecretId", SECRET_ID);
  const policy = requiredString(raw, "ResourcePolicy", { min: 1, max: MAX_RESOURCE_POLICY });
  // AWS: "By default, public policies aren't blocked." (the console asks for the block itself).
  const block = optionalBoolean(raw, "BlockPublicPolicy") ?? false;
  const secret = await authorizedSecret(ctx, secretId, {
    "secretsmanager:BlockPublicPolicy": block,
  });
  if (secret.deletedDate) throw markedForDeletion();
  const document = parseResourcePolicy(policy);
  if (block) assertNotPublic(document);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.secret.update({
      where: { id: secret.id },
      data: { resourcePolicy: policy, lastChangedDate: ctx.rt.now() },
    });
    await ctx.auditIn(tx);
  });
  return { ARN: secret.arn, Name: secret.name };
});

export const getResourcePolicy = defineOperation<
  { SecretId: string },
  { ARN: string; Name: string; ResourcePolicy?: string }
>("secretsmanager:GetResourcePolicy", async (ctx, input) => {
  const secretId = requiredString(
    input as unknown as Record<string, unknown>,
    "SecretId",
    SECRET_ID,
  );
  const secret = await authorizedSecret(ctx, secretId);
  return { ARN: secret.arn, Name: secret.name, ResourcePolicy: secret.resourcePolicy ?? undefined };
});

export const deleteResourcePolicy = defineOperation<
  { SecretId: string },
  { ARN: string; Name: string }
>("secretsmanager:DeleteResourcePolicy", async (ctx, input) => {
  const secretId = requiredString(
    input as unknown as Record<string, unknown>,
    "SecretId",
    SECRET_ID,
  );
  const secret = await authorizedSecret(ctx, secretId);
  if (secret.deletedDate) throw markedForDeletion();
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.secret.update({
      where: { id: secret.id },
      data: { resourcePolicy: null, lastChangedDate: ctx.rt.now() },
    });
    await ctx.auditIn(tx);
  });
  return { ARN: secret.arn, Name: secret.name };
});

export interface ValidationErrorsEntry {
  CheckName: string;
  ErrorMessage: string;
}

export const validateResourcePolicy = defineOperation<
  { SecretId?: string; ResourcePolicy: string },
  { PolicyValidationPassed: boolean; ValidationErrors: ValidationErrorsEntry[] }
>("secretsmanager:ValidateResourcePolicy", async (ctx, input) => {
  const raw = input as unknown as Record<string, unknown>;
  const secretId = optionalString(raw, "SecretId", SECRET_ID);
  const policy = requiredString(raw, "ResourcePolicy", { min: 1, max: MAX_RESOURCE_POLICY });
  if (policy.trim() === "") throw InvalidParameter("ResourcePolicy must not be empty.");
  if (secretId) await authorizedSecret(ctx, secretId);
  else await ctx.authorize({ resource: "*" });
  const errors: ValidationErrorsEntry[] = [];
  const result = validatePolicy(policy, {
    catalog: loadCatalog(),
    policyType: "RESOURCE_POLICY",
    validatePolicyResourceType: "AWS::SecretsManager::Secret",
  });
  for (const finding of result.findings) {
    if (finding.findingType === "ERROR" || finding.findingType === "SECURITY_WARNING") {
      errors.push({ CheckName: finding.issueCode, ErrorMessage: finding.findingDetails });
    }
  }
  if (errors.length === 0) {
    try {
      if (grantsPublicAccess(parseResourcePolicy(policy))) {
        errors.push({
          CheckName: "PUBLIC_ACCESS",
          ErrorMessage: "This resource policy contains a statement that grants public access.",
        });
      }
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      errors.push({ CheckName: "SYNTAX", ErrorMessage: error.message });
    }
  }
  return { PolicyValidationPassed: errors.length === 0, ValidationErrors: errors };
});
