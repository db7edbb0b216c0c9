import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getPrincipal } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/session-policy";
import { getAccountStatus } from "@/lib/ops/account";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  SessionRequired: "Sign in to continue.",
  CredentialsSignin: "Your authentication information is incorrect. Please try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const raw = params.callbackUrl;
  const callbackUrl = safeCallbackPath(typeof raw === "string" ? raw : undefined);
  const status = await getAccountStatus();
  if (!status.rootConfigured) redirect("/setup");
  if (await getPrincipal()) redirect(callbackUrl);
  const error =
    typeof params.error === "string" ? (ERRORS[params.error] ?? params.error) : undefined;
  return (
    <AuthFrame
      title="Sign in"
      description="Sign in to the Strongbox console."
      footer={`Account ${status.accountId} · ${status.region}`}
    >
      <SignInForm
        callbackUrl={callbackUrl}
        accountId={status.accountId}
        initialError={error}
        iamAccount={
          typeof params.account === "string" && /^[\w-]{1,63}$/.test(params.account)
            ? params.account
            : undefined
        }
      />
    </AuthFrame>
  );
}
