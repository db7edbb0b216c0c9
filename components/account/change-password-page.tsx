import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { getCaller, passwordResetRequired } from "@/lib/auth/session";
import { consolePasswordExpiry } from "@/lib/ops/iam/password-history";
import { ChangePasswordForm } from "./change-password-form";

/** An IAM user changes their own console password (and must, when an administrator says so). */
export async function ChangePasswordPage() {
  const caller = await getCaller({ allowPasswordReset: true });
  const required = await passwordResetRequired();
  const { principal } = caller;
  // A new password is required either because an administrator said so or because the password
  // is older than the account password policy allows: say which.
  const expired =
    required && principal.type === "User"
      ? (await consolePasswordExpiry(principal.id)).expired
      : false;
  return (
    <div className="max-w-2xl space-y-4">
      <Breadcrumbs items={[{ label: "My security credentials" }, { label: "Change password" }]} />
      <PageHeader
        title="Change password"
        description={
          principal.type === "User"
            ? `Choose a new console password for ${principal.name}.`
            : undefined
        }
      />
      {principal.type !== "User" ? (
        <Alert type="info" header="Only IAM users change their password here">
          The root user&apos;s password is set when the account is created or with the command line.
          IAM users change their own console password on this page.
        </Alert>
      ) : (
        <>
          {expired ? (
            <Alert type="warning" header="Your password has expired">
              Your password is older than the account&apos;s password policy allows. Choose a new
              password before you continue.
            </Alert>
          ) : required ? (
            <Alert type="warning" header="Password reset required">
              Your administrator requires you to choose a new password before you continue.
            </Alert>
          ) : null}
          <ChangePasswordForm
            accountId={principal.accountId}
            userName={principal.name}
            resetRequired={required}
          />
        </>
      )}
    </div>
  );
}
