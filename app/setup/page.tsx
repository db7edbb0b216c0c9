import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SetupForm } from "@/components/auth/setup-form";
import { getAccountStatus } from "@/lib/ops/account";

export const metadata: Metadata = { title: "Set up Strongbox" };

export default async function SetupPage() {
  const status = await getAccountStatus();
  if (status.rootConfigured) redirect("/signin");
  return (
    <AuthFrame
      title="Set up Strongbox"
      description="Create the root user of this account. The root user can do anything in the account: use it to set up administrators, then keep it for tasks only the root user can do."
      footer={`Region ${status.region}`}
    >
      <SetupForm accountId={status.accountId} />
    </AuthFrame>
  );
}
