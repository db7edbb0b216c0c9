"use server";
// Server actions the user, group and role pages share: attach and detach managed policies, and
// read, write and delete inline policies, and set or remove the permissions boundary of a user or
// a role. Each calls the operation as the signed-in principal.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import {
  deleteRolePermissionsBoundary,
  deleteUserPermissionsBoundary,
  putRolePermissionsBoundary,
  putUserPermissionsBoundary,
} from "@/lib/ops/iam";
import { attachPolicy, deleteInline, detachPolicy, getInline, putInline } from "./entity-ops";
import { entityKind, entityName, policyArn, policyDocument } from "./schemas";
import { documentText } from "./serialize";
import type { EntityKind } from "./types";

export interface BatchFailure {
  item: string;
  code: string;
  message: string;
}

/** Attaches each policy in turn; what IAM refused is reported per policy, the rest stays done. */
export async function attachPoliciesAction(
  kind: EntityKind,
  name: string,
  arns: string[],
): Promise<ActionResult<{ attached: string[]; failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("attachPolicies", async () => {
    const k = parseInput(entityKind, kind);
    const n = parseInput(entityName, name);
    const list = parseInput(z.array(policyArn).min(1).max(20), arns);
    const attached: string[] = [];
    const failed: BatchFailure[] = [];
    for (const arn of list) {
      try {
        await attachPolicy(caller, k, n, arn);
        attached.push(arn);
      } catch (error) {
        if (!isAwsError(error)) throw error;
        failed.push({ item: arn, code: error.code, message: error.message });
      }
    }
    return { attached, failed };
  });
}

export async function detachPolicyAction(
  kind: EntityKind,
  name: string,
  arn: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("detachPolicy", async () => {
    await detachPolicy(
      caller,
      parseInput(entityKind, kind),
      parseInput(entityName, name),
      parseInput(policyArn, arn),
    );
    return null;
  });
}

export async function getInlinePolicyAction(
  kind: EntityKind,
  name: string,
  policyName: string,
): Promise<ActionResult<string>> {
  const caller = await getCaller();
  return runAction("getInlinePolicy", async () =>
    documentText(
      await getInline(
        caller,
        parseInput(entityKind, kind),
        parseInput(entityName, name),
        parseInput(entityName, policyName),
      ),
    ),
  );
}

export async function putInlinePolicyAction(
  kind: EntityKind,
  name: string,
  policyName: string,
  document: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("putInlinePolicy", async () => {
    await putInline(
      caller,
      parseInput(entityKind, kind),
      parseInput(entityName, name),
      parseInput(z.string().max(128), policyName),
      parseInput(policyDocument, document),
    );
    return null;
  });
}

export async function deleteInlinePolicyAction(
  kind: EntityKind,
  name: string,
  policyName: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteInlinePolicy", async () => {
    await deleteInline(
      caller,
      parseInput(entityKind, kind),
      parseInput(entityName, name),
      parseInput(entityName, policyName),
    );
    return null;
  });
}

/** Sets (or changes) the permissions boundary of a user or a role. */
export async function putPermissionsBoundaryAction(
  kind: "user" | "role",
  name: string,
  arn: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("putPermissionsBoundary", async () => {
    const k = parseInput(z.enum(["user", "role"]), kind);
    const n = parseInput(entityName, name);
    const boundary = parseInput(policyArn, arn);
    if (k === "user")
      await putUserPermissionsBoundary(caller, { UserName: n, PermissionsBoundary: boundary });
    else await putRolePermissionsBoundary(caller, { RoleName: n, PermissionsBoundary: boundary });
    return null;
  });
}

/** Removes the permissions boundary of a user or a role. */
export async function deletePermissionsBoundaryAction(
  kind: "user" | "role",
  name: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deletePermissionsBoundary", async () => {
    const k = parseInput(z.enum(["user", "role"]), kind);
    const n = parseInput(entityName, name);
    if (k === "user") await deleteUserPermissionsBoundary(caller, { UserName: n });
    else await deleteRolePermissionsBoundary(caller, { RoleName: n });
    return null;
  });
}
