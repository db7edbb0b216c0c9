"use server";
// The secrets console's server actions: parse the browser's input, call the operation as the
// signed-in principal, return AWS's answer. No Prisma here: the operations are the one door.
import { z } from "zod";
import { runAction } from "@/components/actions/run-action";
import type { ActionResult } from "@/components/actions/result";
import { getCaller } from "@/lib/auth/session";
import { InvalidParameter, MalformedPolicyDocument } from "@/lib/errors";
import {
  createSecret,
  deleteResourcePolicy,
  deleteSecret,
  getRandomPassword,
  getSecretValue,
  listSecrets,
  putResourcePolicy,
  putSecretValue,
  restoreSecret,
  tagResource,
  untagResource,
  updateSecret,
  validateResourcePolicy,
} from "@/lib/ops/secretsmanager";
import {
  type ListQuery,
  parseListQuery,
  listQueryToSearch,
  toListSecretsInput,
} from "./list-query";
import { toListPage, toValue } from "./serialize";
import type { SecretListPage, SecretValueView, TagView } from "./types";

const secretId = z.string().min(1).max(2048);
const tags = z.array(z.object({ Key: z.string(), Value: z.string() })).max(50);

/** Zod failures on browser input are reported as AWS does, not as a crash. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw InvalidParameter(
      issue?.message ?? "Invalid request.",
      issue?.path.join(".") || undefined,
    );
  }
  return result.data;
}

export async function listSecretsAction(query: ListQuery): Promise<ActionResult<SecretListPage>> {
  const caller = await getCaller();
  // Re-read the query through the URL parser: only known keys and well-formed tokens get through.
  const safe = parseListQuery(new URLSearchParams(listQueryToSearch(query)));
  return runAction("listSecrets", async () =>
    toListPage(await listSecrets(caller, toListSecretsInput(safe))),
  );
}

export async function getSecretValueAction(
  id: string,
  versionId?: string,
): Promise<ActionResult<SecretValueView>> {
  const caller = await getCaller();
  return runAction("getSecretValue", async () => {
    const input = parse(z.object({ SecretId: secretId, VersionId: z.string().optional() }), {
      SecretId: id,
      VersionId: versionId,
    });
    return toValue(await getSecretValue(caller, input));
  });
}

const createInput = z.object({
  Name: z.string(),
  Description: z.string().optional(),
  KmsKeyId: z.string().optional(),
  SecretString: z.string(),
  Tags: tags,
  ResourcePolicy: z.string().optional(),
});

export type CreateSecretActionInput = z.infer<typeof createInput>;

export async function createSecretAction(
  raw: CreateSecretActionInput,
): Promise<ActionResult<{ Name: string; ARN: string; policyError?: string }>> {
  const caller = await getCaller();
  return runAction("createSecret", async () => {
    const input = parse(createInput, raw);
    const policy = input.ResourcePolicy?.trim();
    // Check the resource policy first, so a bad policy does not leave a half-configured secret.
    if (policy) await assertValidPolicy(caller, policy);
    const created = await createSecret(caller, {
      Name: input.Name,
      Description: input.Description || undefined,
      KmsKeyId: input.KmsKeyId || undefined,
      SecretString: input.SecretString,
      Tags: input.Tags.length > 0 ? input.Tags : undefined,
    });
    let policyError: string | undefined;
    if (policy) {
      try {
        await putResourcePolicy(caller, {
          SecretId: created.ARN,
          ResourcePolicy: policy,
          BlockPublicPolicy: true,
        });
      } catch (error) {
        // The secret exists now; say that its permissions were not applied rather than fail.
        policyError = error instanceof Error ? error.message : "unknown error";
      }
    }
    return { Name: created.Name, ARN: created.ARN, policyError };
  });
}

async function assertValidPolicy(
  caller: Awaited<ReturnType<typeof getCaller>>,
  policy: string,
  id?: string,
) {
  try {
    JSON.parse(policy);
  } catch {
    throw MalformedPolicyDocument("The resource policy is not valid JSON.", "ResourcePolicy");
  }
  const result = await validateResourcePolicy(caller, { SecretId: id, ResourcePolicy: policy });
  if (!result.PolicyValidationPassed) {
    const messages = result.ValidationErrors.map((e) => e.ErrorMessage).join(" ");
    throw MalformedPolicyDocument(
      messages || "The resource policy is not valid.",
      "ResourcePolicy",
    );
  }
}

export async function putSecretValueAction(
  id: string,
  secretString: string,
): Promise<ActionResult<{ VersionId: string }>> {
  const caller = await getCaller();
  return runAction("putSecretValue", async () => {
    const input = parse(z.object({ SecretId: secretId, SecretString: z.string() }), {
      SecretId: id,
      SecretString: secretString,
    });
    const out = await putSecretValue(caller, input);
    return { VersionId: out.VersionId };
  });
}

export async function updateDescriptionAction(
  id: string,
  description: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updateSecret", async () => {
    const input = parse(z.object({ SecretId: secretId, Description: z.string() }), {
      SecretId: id,
      Description: description,
    });
    await updateSecret(caller, input);
    return null;
  });
}

export async function deleteSecretAction(
  id: string,
  recoveryWindowInDays: number,
): Promise<ActionResult<{ DeletionDate: string }>> {
  const caller = await getCaller();
  return runAction("deleteSecret", async () => {
    const input = parse(z.object({ SecretId: secretId, RecoveryWindowInDays: z.number().int() }), {
      SecretId: id,
      RecoveryWindowInDays: recoveryWindowInDays,
    });
    const out = await deleteSecret(caller, input);
    return { DeletionDate: new Date(out.DeletionDate).toISOString() };
  });
}

export async function restoreSecretAction(id: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("restoreSecret", async () => {
    await restoreSecret(caller, { SecretId: parse(secretId, id) });
    return null;
  });
}

/** Applies an edited tag list: removed keys through UntagResource, the rest through TagResource. */
export async function updateTagsAction(
  id: string,
  next: TagView[],
  removedKeys: string[],
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updateTags", async () => {
    const SecretId = parse(secretId, id);
    const Tags = parse(tags, next);
    const TagKeys = parse(z.array(z.string()).max(50), removedKeys);
    if (TagKeys.length > 0) await untagResource(caller, { SecretId, TagKeys });
    if (Tags.length > 0) await tagResource(caller, { SecretId, Tags });
    return null;
  });
}

export async function putResourcePolicyAction(
  id: string,
  policy: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("putResourcePolicy", async () => {
    const SecretId = parse(secretId, id);
    const ResourcePolicy = parse(z.string(), policy).trim();
    if (!ResourcePolicy) {
      await deleteResourcePolicy(caller, { SecretId });
      return null;
    }
    await assertValidPolicy(caller, ResourcePolicy, SecretId);
    await putResourcePolicy(caller, { SecretId, ResourcePolicy, BlockPublicPolicy: true });
    return null;
  });
}

export async function deleteResourcePolicyAction(id: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteResourcePolicy", async () => {
    await deleteResourcePolicy(caller, { SecretId: parse(secretId, id) });
    return null;
  });
}

/** A database password: AWS's console excludes characters that break connection strings. */
export async function generatePasswordAction(): Promise<ActionResult<string>> {
  const caller = await getCaller();
  return runAction("getRandomPassword", async () => {
    const out = await getRandomPassword(caller, {
      PasswordLength: 32,
      ExcludeCharacters: "/@\"'\\ ",
    });
    return out.RandomPassword;
  });
}
