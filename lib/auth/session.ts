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
import { SIGN_IN_PATH, safeCallbackPath } from "./session-policy";

/** The signed-in principal, or undefined. Read once per request (layout and page share it). */
export const getPrincipal = cache(async (): Promise<Principal | undefined> => {
  const session = await getServerSession(authOptions());
  return session?.principal;
});

/** The console Caller for this request; redirects to the sign-in page when there is none. */
export async function getCaller(): Promise<Caller> {
  const principal = await getPrincipal();
  const h = await headers();
  if (!principal) {
    const back = safeCallbackPath(h.get(CURRENT_PATH_HEADER), "");
    redirect(back ? `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(back)}` : SIGN_IN_PATH);
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
  if (!principal) return undefined;
  const h = await headers();
  return {
    principal,
    via: "console",
    sourceIp: clientAddress(h),
    userAgent: h.get("user-agent") ?? undefined,
  };
}
