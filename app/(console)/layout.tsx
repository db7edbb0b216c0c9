import { ConsoleShell } from "@/components/shell/console-shell";
import { getCaller } from "@/lib/auth/session";
import { getAccountStatus } from "@/lib/ops/account";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // The shell frames the change-password page too; every page (and action) asks getCaller()
  // itself, which sends a user who must choose a new password there first.
  const [caller, status] = await Promise.all([
    getCaller({ allowPasswordReset: true }),
    getAccountStatus(),
  ]);
  return (
    <ConsoleShell principal={caller.principal} region={status.region}>
      {children}
    </ConsoleShell>
  );
}
