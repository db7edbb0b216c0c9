import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { getCaller, passwordResetRequired } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

/** An IAM user changes their own console password (and must, when an administrator says so). */
export async function ChangePasswordPage() {
  const caller = await getCaller({ allowPasswordReset: true });
  const required = await passwordResetRequired();
  const { principal } = caller;
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
          {required ? (
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
