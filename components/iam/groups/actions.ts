"use server";
// The user groups console's server actions, as the signed-in principal.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import {
  addUserToGroup,
  attachGroupPolicy,
  createGroup,
  deleteGroup,
  deleteGroupPolicy,
  detachGroupPolicy,
  getGroup,
  listAttachedGroupPolicies,
  listGroupPolicies,
  removeUserFromGroup,
} from "@/lib/ops/iam";
import type { BatchFailure } from "../actions";
import { entityName, policyArn } from "../schemas";

async function each<T>(
  items: T[],
  label: (item: T) => string,
  step: (item: T) => Promise<unknown>,
) {
  const failed: BatchFailure[] = [];
  for (const item of items) {
    try {
      await step(item);
    } catch (error) {
      if (!isAwsError(error)) throw error;
      failed.push({ item: label(item), code: error.code, message: error.message });
    }
  }
  return failed;
}

const createInput = z.object({
  GroupName: z.string(),
  UserNames: z.array(entityName).max(1000),
  PolicyArns: z.array(policyArn).max(20),
});

export async function createGroupAction(
  raw: z.infer<typeof createInput>,
): Promise<ActionResult<{ GroupName: string; failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("createGroup", async () => {
    const input = parseInput(createInput, raw);
    const { Group } = await createGroup(caller, { GroupName: input.GroupName });
    const GroupName = Group.GroupName;
    const failed = [
      ...(await each(
        input.UserNames,
        (u) => `User ${u}`,
        (UserName) => addUserToGroup(caller, { GroupName, UserName }),
      )),
      ...(await each(
        input.PolicyArns,
        (arn) => arn,
        (PolicyArn) => attachGroupPolicy(caller, { GroupName, PolicyArn }),
      )),
    ];
    return { GroupName, failed };
  });
}

export async function addUsersToGroupAction(
  group: string,
  users: string[],
): Promise<ActionResult<{ failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("addUsersToGroup", async () => {
    const GroupName = parseInput(entityName, group);
    const list = parseInput(z.array(entityName).min(1).max(1000), users);
    return {
      failed: await each(
        list,
        (u) => `User ${u}`,
        (UserName) => addUserToGroup(caller, { GroupName, UserName }),
      ),
    };
  });
}

export async function removeUsersFromGroupAction(
  group: string,
  users: string[],
): Promise<ActionResult<{ failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("removeUsersFromGroup", async () => {
    const GroupName = parseInput(entityName, group);
    const list = parseInput(z.array(entityName).min(1).max(1000), users);
    return {
      failed: await each(
        list,
        (u) => `User ${u}`,
        (UserName) => removeUserFromGroup(caller, { GroupName, UserName }),
      ),
    };
  });
}

/** Deletes a group as AWS's console does: members and policies first (IAM refuses otherwise). */
export async function deleteGroupAction(group: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteGroup", async () => {
    const GroupName = parseInput(entityName, group);
    const { Users } = await getGroup(caller, { GroupName, MaxItems: 1000 });
    for (const u of Users) await removeUserFromGroup(caller, { GroupName, UserName: u.UserName });
    const attached = await listAttachedGroupPolicies(caller, { GroupName, MaxItems: 1000 });
    for (const p of attached.AttachedPolicies) {
      await detachGroupPolicy(caller, { GroupName, PolicyArn: p.PolicyArn });
    }
    const inline = await listGroupPolicies(caller, { GroupName, MaxItems: 1000 });
    for (const name of inline.PolicyNames) {
      await deleteGroupPolicy(caller, { GroupName, PolicyName: name });
    }
    await deleteGroup(caller, { GroupName });
    return null;
  });
}
