"use server";
// Server actions of IAM's "Account settings" page: set or delete the account password policy, as
// the signed-in principal.
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import {
  deleteAccountPasswordPolicy,
  getAccountPasswordPolicy,
  updateAccountPasswordPolicy,
} from "@/lib/ops/iam";
import type {
  PasswordPolicy,
  UpdateAccountPasswordPolicyInput,
} from "@/lib/ops/iam/password-policy";

/** The operation validates every member in AWS's words; the form only shapes the request. */
export async function updatePasswordPolicyAction(
  input: UpdateAccountPasswordPolicyInput,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updatePasswordPolicy", async () => {
    await updateAccountPasswordPolicy(caller, input);
    return null;
  });
}

export async function deletePasswordPolicyAction(): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deletePasswordPolicy", async () => {
    await deleteAccountPasswordPolicy(caller, {});
    return null;
  });
}

/**
 * The policy the password fields check against: the custom policy, null for the default, or
 * "unknown" when the caller may not read it (the operation then has the last word).
 */
export async function getPasswordPolicyAction(): Promise<
  ActionResult<PasswordPolicy | null | "unknown">
> {
  const caller = await getCaller();
  return runAction("getPasswordPolicy", async () => {
    try {
      return (await getAccountPasswordPolicy(caller, {})).PasswordPolicy;
    } catch (error) {
      if (isAwsError(error) && error.code === "NoSuchEntity") return null;
      if (isAwsError(error)) return "unknown";
      throw error;
    }
  });
}
