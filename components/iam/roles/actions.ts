"use server";
// The roles console's server actions, as the signed-in principal.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import {
  attachRolePolicy,
  createRole,
  deleteRole,
  deleteRolePolicy,
  detachRolePolicy,
  listAttachedRolePolicies,
  listRolePolicies,
  tagRole,
  untagRole,
  updateAssumeRolePolicy,
  updateRole,
} from "@/lib/ops/iam";
import type { BatchFailure } from "../actions";
import { entityName, policyArn, policyDocument, tagList } from "../schemas";

const createInput = z.object({
  RoleName: z.string(),
  Description: z.string().optional(),
  AssumeRolePolicyDocument: policyDocument,
  PolicyArns: z.array(policyArn).max(20),
  PermissionsBoundary: policyArn.optional(),
  Tags: tagList,
});

export async function createRoleAction(
  raw: z.infer<typeof createInput>,
): Promise<ActionResult<{ RoleName: string; failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("createRole", async () => {
    const input = parseInput(createInput, raw);
    const { Role } = await createRole(caller, {
      RoleName: input.RoleName,
      Description: input.Description || undefined,
      AssumeRolePolicyDocument: input.AssumeRolePolicyDocument,
      PermissionsBoundary: input.PermissionsBoundary,
      Tags: input.Tags.length > 0 ? input.Tags : undefined,
    });
    const failed: BatchFailure[] = [];
    for (const arn of input.PolicyArns) {
      try {
        await attachRolePolicy(caller, { RoleName: Role.RoleName, PolicyArn: arn });
      } catch (error) {
        if (!isAwsError(error)) throw error;
        failed.push({ item: arn, code: error.code, message: error.message });
      }
    }
    return { RoleName: Role.RoleName, failed };
  });
}

export async function updateTrustPolicyAction(
  role: string,
  document: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updateAssumeRolePolicy", async () => {
    await updateAssumeRolePolicy(caller, {
      RoleName: parseInput(entityName, role),
      PolicyDocument: parseInput(policyDocument, document),
    });
    return null;
  });
}

export async function updateRoleAction(
  role: string,
  description: string,
  maxSessionDuration: number,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updateRole", async () => {
    await updateRole(caller, {
      RoleName: parseInput(entityName, role),
      Description: parseInput(z.string().max(1000), description),
      MaxSessionDuration: parseInput(z.number().int(), maxSessionDuration),
    });
    return null;
  });
}

export async function updateRoleTagsAction(
  role: string,
  next: { Key: string; Value: string }[],
  removedKeys: string[],
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updateRoleTags", async () => {
    const RoleName = parseInput(entityName, role);
    const Tags = parseInput(tagList, next);
    const TagKeys = parseInput(z.array(z.string()).max(50), removedKeys);
    if (TagKeys.length > 0) await untagRole(caller, { RoleName, TagKeys });
    if (Tags.length > 0) await tagRole(caller, { RoleName, Tags });
    return null;
  });
}

/** Deletes a role as AWS's console does: its policies first (IAM refuses otherwise), then it. */
export async function deleteRoleAction(role: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteRole", async () => {
    const RoleName = parseInput(entityName, role);
    const attached = await listAttachedRolePolicies(caller, { RoleName, MaxItems: 1000 });
    for (const p of attached.AttachedPolicies) {
      await detachRolePolicy(caller, { RoleName, PolicyArn: p.PolicyArn });
    }
    const inline = await listRolePolicies(caller, { RoleName, MaxItems: 1000 });
    for (const name of inline.PolicyNames)
      await deleteRolePolicy(caller, { RoleName, PolicyName: name });
    await deleteRole(caller, { RoleName });
    return null;
  });
}
