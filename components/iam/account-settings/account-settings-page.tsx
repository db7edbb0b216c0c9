import { load } from "@/components/actions/load";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import { getAccountPasswordPolicy } from "@/lib/ops/iam";
import type { PasswordPolicy } from "@/lib/ops/iam/password-policy";
import { ErrorAlert } from "../error-alert";
import { PasswordPolicyPanel } from "./password-policy-panel";

export async function AccountSettingsPage() {
  const caller = await getCaller();
  // No policy set is not an error here: the account then uses IAM's default policy.
  const loaded = await load(async (): Promise<PasswordPolicy | null> => {
    try {
      return (await getAccountPasswordPolicy(caller, {})).PasswordPolicy;
    } catch (error) {
      if (isAwsError(error) && error.code === "NoSuchEntity") return null;
      throw error;
    }
  });
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "IAM", href: "/iam/users" }, { label: "Account settings" }]} />
      <PageHeader
        title="Account settings"
        description="Settings that apply to every IAM user of this account."
      />
      {loaded.ok ? <PasswordPolicyPanel policy={loaded.data} /> : <ErrorAlert error={loaded} />}
    </div>
  );
}
