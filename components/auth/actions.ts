"use server";
// First run: the setup page creates the root user (once), then the browser signs in with it.
import { runAction } from "@/components/actions/run-action";
import type { ActionResult } from "@/components/actions/result";
import { initRootUser } from "@/lib/ops/account";

export async function setupRootUserAction(input: {
  email: string;
  password: string;
}): Promise<ActionResult<{ accountId: string }>> {
  return runAction("initRootUser", async () => {
    const principal = await initRootUser({
      email: String(input?.email ?? ""),
      password: String(input?.password ?? ""),
    });
    return { accountId: principal.accountId };
  });
}
