// Server-side access to the signed-in principal. Pages, layouts and server actions call
// getCaller() first: it returns the Caller every operation takes, or sends the browser to sign in.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Caller, Principal } from "@/lib/ops/caller";
import { authOptions } from "./options";
import { clientAddress } from "./client-address";
import { CURRENT_PATH_HEADER } from "./proxy-headers";
import { CHANGE_PASSWORD_PATH, SIGN_IN_PATH, safeCallbackPath } from "./session-policy";

/** The signed-in session, read once per request (layout and page share it). */
const getSession = cache(() => getServerSession(authOptions()));

/** The signed-in principal, or undefined. */
export async function getPrincipal(): Promise<Principal | undefined> {
  return (await getSession())?.principal;
}

/** Whether an administrator requires the signed-in IAM user to choose a new password first. */
export async function passwordResetRequired(): Promise<boolean> {
  return (await getSession())?.passwordResetRequired === true;
}

/**
 * The console Caller for this request; redirects to the sign-in page when there is none, and to
 * the change-password page while an administrator requires a new password. Only that page, its
 * action and the console layout around it pass `allowPasswordReset`.
 */
export async function getCaller(options: { allowPasswordReset?: boolean } = {}): Promise<Caller> {
  const principal = await getPrincipal();
  const h = await headers();
  if (!principal) {
    const back = safeCallbackPath(h.get(CURRENT_PATH_HEADER), "");
    redirect(back ? `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(back)}` : SIGN_IN_PATH);
  }
  // Until the required new password is chosen, the console is the change-password page only.
  if (!options.allowPasswordReset && (await passwordResetRequired())) {
    redirect(CHANGE_PASSWORD_PATH);
  }
  return {
    principal,
    via: "console",
    sourceIp: clientAddress(h),
    userAgent: h.get("user-agent") ?? undefined,
  };
}

/** The Caller for a route handler: undefined when nobody is signed in (the handler answers 401). */
export async function getRouteCaller(): Promise<Caller | undefined> {
  const principal = await getPrincipal();
  if (!principal || (await passwordResetRequired())) return undefined;
  const h = await headers();
  return {
    principal,
    via: "console",
    sourceIp: clientAddress(h),
    userAgent: h.get("user-agent") ?? undefined,
  };
}
