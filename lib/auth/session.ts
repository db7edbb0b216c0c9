// Server-side access to the signed-in principal. Pages, layouts and server actions call
// getCaller() first: it returns the Caller every operation takes, or sends the browser to sign in.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Caller, Principal } from "@/lib/ops/caller";
import { authOptions } from "./options";
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
    sourceIp: sourceIp(h),
    userAgent: h.get("user-agent") ?? undefined,
  };
}

/** The client address: the first X-Forwarded-For entry (set by the load balancer), else X-Real-IP. */
function sourceIp(h: Headers): string | undefined {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || h.get("x-real-ip")?.trim();
  return ip ? ip.replace(/^::ffff:/, "") : undefined;
}
