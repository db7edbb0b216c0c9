"use server";
// The signed-in IAM user's own account actions. Each calls IAM's operation as that user, so
// iam:ChangePassword on their own ARN decides.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { changePassword } from "@/lib/ops/iam";

const changePasswordInput = z.object({
  OldPassword: z.string().min(1, "Enter your current password.").max(512),
  NewPassword: z.string().min(1, "Enter a new password.").max(512),
});

export async function changePasswordAction(
  raw: z.infer<typeof changePasswordInput>,
): Promise<ActionResult<null>> {
  const caller = await getCaller({ allowPasswordReset: true });
  return runAction("changePassword", async () => {
    await changePassword(caller, parseInput(changePasswordInput, raw));
    return null;
  });
}
