"use server";
// The users console's server actions. Each calls IAM's operations as the signed-in principal;
// multi-step ones (create, delete) report what IAM refused, step by step.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import {
  addUserToGroup,
  createAccessKey,
  createLoginProfile,
  createUser,
  deleteAccessKey,
  deleteLoginProfile,
  deleteUser,
  deleteUserPolicy,
  detachUserPolicy,
  getLoginProfile,
  listAccessKeys,
  listAttachedUserPolicies,
  listGroupsForUser,
  listUserPolicies,
  removeUserFromGroup,
  tagUser,
  untagUser,
  updateAccessKey,
  updateLoginProfile,
  attachUserPolicy,
} from "@/lib/ops/iam";
import type { BatchFailure } from "../actions";
import { entityName, policyArn, tagList } from "../schemas";
import { iso } from "../serialize";

const CHANGE_PASSWORD_POLICY = "arn:aws:iam::aws:policy/IAMUserChangePassword";

const createInput = z.object({
  UserName: z.string(),
  Password: z.string().max(128).optional(),
  PasswordResetRequired: z.boolean().optional(),
  Groups: z.array(entityName).max(10),
  PolicyArns: z.array(policyArn).max(20),
  PermissionsBoundary: policyArn.optional(),
  Tags: tagList,
});

async function attempt(failed: BatchFailure[], item: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (error) {
    if (!isAwsError(error)) throw error;
    failed.push({ item, code: error.code, message: error.message });
  }
}

/** Creates the user, then its console password, group memberships and policies, in that order. */
export async function createUserAction(
  raw: z.infer<typeof createInput>,
): Promise<ActionResult<{ UserName: string; failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("createUser", async () => {
    const input = parseInput(createInput, raw);
    const { User } = await createUser(caller, {
      UserName: input.UserName,
      PermissionsBoundary: input.PermissionsBoundary,
      Tags: input.Tags.length > 0 ? input.Tags : undefined,
    });
    const failed: BatchFailure[] = [];
    const UserName = User.UserName;
    if (input.Password) {
      await attempt(failed, "Console password", () =>
        createLoginProfile(caller, {
          UserName,
          Password: input.Password!,
          PasswordResetRequired: input.PasswordResetRequired,
        }),
      );
      // As AWS's console does: a user who must choose a new password may change their own.
      if (input.PasswordResetRequired && !input.PolicyArns.includes(CHANGE_PASSWORD_POLICY)) {
        await attempt(failed, CHANGE_PASSWORD_POLICY, () =>
          attachUserPolicy(caller, { UserName, PolicyArn: CHANGE_PASSWORD_POLICY }),
        );
      }
    }
    for (const group of input.Groups) {
      await attempt(failed, `Group ${group}`, () =>
        addUserToGroup(caller, { GroupName: group, UserName }),
      );
    }
    for (const arn of input.PolicyArns) {
      await attempt(failed, arn, () => attachUserPolicy(caller, { UserName, PolicyArn: arn }));
    }
    return { UserName, failed };
  });
}

export async function addUserToGroupsAction(
  userName: string,
  groups: string[],
): Promise<ActionResult<{ failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("addUserToGroups", async () => {
    const UserName = parseInput(entityName, userName);
    const failed: BatchFailure[] = [];
    for (const group of parseInput(z.array(entityName).min(1).max(10), groups)) {
      await attempt(failed, `Group ${group}`, () =>
        addUserToGroup(caller, { GroupName: group, UserName }),
      );
    }
    return { failed };
  });
}

export async function removeUserFromGroupAction(
  userName: string,
  group: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("removeUserFromGroup", async () => {
    await removeUserFromGroup(caller, {
      UserName: parseInput(entityName, userName),
      GroupName: parseInput(entityName, group),
    });
    return null;
  });
}

const password = z.string().min(1).max(128);

export async function setConsolePasswordAction(
  userName: string,
  newPassword: string,
  exists: boolean,
  resetRequired = false,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("setConsolePassword", async () => {
    const UserName = parseInput(entityName, userName);
    const Password = parseInput(password, newPassword);
    const PasswordResetRequired = parseInput(z.boolean(), resetRequired);
    // First the policy that lets the user choose the new password: if IAM refuses it, the
    // password stays as it was rather than leaving the user unable to sign in.
    if (PasswordResetRequired) {
      await attachUserPolicy(caller, { UserName, PolicyArn: CHANGE_PASSWORD_POLICY });
    }
    if (exists) await updateLoginProfile(caller, { UserName, Password, PasswordResetRequired });
    else await createLoginProfile(caller, { UserName, Password, PasswordResetRequired });
    return null;
  });
}

export async function disableConsoleAccessAction(userName: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteLoginProfile", async () => {
    await deleteLoginProfile(caller, { UserName: parseInput(entityName, userName) });
    return null;
  });
}

/** The secret access key is in this answer only: the console shows it once and forgets it. */
export async function createAccessKeyAction(
  userName: string,
): Promise<ActionResult<{ AccessKeyId: string; SecretAccessKey: string; CreateDate: string }>> {
  const caller = await getCaller();
  return runAction("createAccessKey", async () => {
    const { AccessKey } = await createAccessKey(caller, {
      UserName: parseInput(entityName, userName),
    });
    return {
      AccessKeyId: AccessKey.AccessKeyId,
      SecretAccessKey: AccessKey.SecretAccessKey,
      CreateDate: iso(AccessKey.CreateDate)!,
    };
  });
}

const accessKeyId = z.string().regex(/^[A-Z0-9]{16,128}$/);

export async function updateAccessKeyAction(
  userName: string,
  id: string,
  status: "Active" | "Inactive",
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updateAccessKey", async () => {
    await updateAccessKey(caller, {
      UserName: parseInput(entityName, userName),
      AccessKeyId: parseInput(accessKeyId, id),
      Status: parseInput(z.enum(["Active", "Inactive"]), status),
    });
    return null;
  });
}

export async function deleteAccessKeyAction(
  userName: string,
  id: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteAccessKey", async () => {
    await deleteAccessKey(caller, {
      UserName: parseInput(entityName, userName),
      AccessKeyId: parseInput(accessKeyId, id),
    });
    return null;
  });
}

export async function updateUserTagsAction(
  userName: string,
  next: { Key: string; Value: string }[],
  removedKeys: string[],
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updateUserTags", async () => {
    const UserName = parseInput(entityName, userName);
    const Tags = parseInput(tagList, next);
    const TagKeys = parseInput(z.array(z.string()).max(50), removedKeys);
    if (TagKeys.length > 0) await untagUser(caller, { UserName, TagKeys });
    if (Tags.length > 0) await tagUser(caller, { UserName, Tags });
    return null;
  });
}

/**
 * Deletes a user the way AWS's console does: IAM refuses while anything is attached
 * (DeleteConflict), so the console first removes the console password, access keys, group
 * memberships and policies, then the user. The first refusal stops it and is shown.
 */
export async function deleteUserAction(userName: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteUser", async () => {
    const UserName = parseInput(entityName, userName);
    const profile = await getLoginProfile(caller, { UserName }).catch((error: unknown) => {
      if (isAwsError(error) && error.code === "NoSuchEntity") return undefined;
      throw error;
    });
    if (profile) await deleteLoginProfile(caller, { UserName });
    const keys = await listAccessKeys(caller, { UserName, MaxItems: 1000 });
    for (const key of keys.AccessKeyMetadata) {
      await deleteAccessKey(caller, { UserName, AccessKeyId: key.AccessKeyId });
    }
    const groups = await listGroupsForUser(caller, { UserName, MaxItems: 1000 });
    for (const group of groups.Groups) {
      await removeUserFromGroup(caller, { UserName, GroupName: group.GroupName });
    }
    const attached = await listAttachedUserPolicies(caller, { UserName, MaxItems: 1000 });
    for (const policy of attached.AttachedPolicies) {
      await detachUserPolicy(caller, { UserName, PolicyArn: policy.PolicyArn });
    }
    const inline = await listUserPolicies(caller, { UserName, MaxItems: 1000 });
    for (const name of inline.PolicyNames) {
      await deleteUserPolicy(caller, { UserName, PolicyName: name });
    }
    await deleteUser(caller, { UserName });
    return null;
  });
}
