import { ConsoleShell } from "@/components/shell/console-shell";
import { getCaller } from "@/lib/auth/session";
import { getAccountStatus } from "@/lib/ops/account";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const [caller, status] = await Promise.all([getCaller(), getAccountStatus()]);
  return (
    <ConsoleShell principal={caller.principal} region={status.region}>
      {children}
    </ConsoleShell>
  );
}
