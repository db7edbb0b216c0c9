// Every console page needs a signed-in session; the sign-in and first-run pages, next-auth's
// routes and static assets do not. This only checks the session token (no database): pages still
// call getCaller(), and /signin itself decides whether to send a fresh install to /setup.
// Every page it sees also gets a fresh CSP nonce (lib/auth/csp.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { NONCE_HEADER, contentSecurityPolicy, newNonce } from "@/lib/auth/csp";
import { CURRENT_PATH_HEADER } from "@/lib/auth/proxy-headers";
import { authSecret } from "@/lib/auth/secret";
import { SIGN_IN_PATH, principalFromClaims } from "@/lib/auth/session-policy";

const PUBLIC = /^\/(signin|setup)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Requests signed with SigV4 are AWS API calls; their handler authenticates them itself.
  if (isSigV4(request)) return NextResponse.next();

  const isPublic = PUBLIC.test(pathname);
  if (!isPublic) {
    const token = await getToken({ req: request, secret: authSecret() });
    if (!principalFromClaims(token)) {
      const url = request.nextUrl.clone();
      url.pathname = SIGN_IN_PATH;
      url.search = "";
      if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(url);
    }
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set(CURRENT_PATH_HEADER, `${pathname}${search}`);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  // Console pages and their server actions may carry secret values and access keys: never store
  // them (nor the sign-in pages, which carry credentials).
  response.headers.set("Cache-Control", "no-store");
  return response;
}

function isSigV4(request: NextRequest): boolean {
  return (
    request.headers.get("authorization")?.startsWith("AWS4-HMAC-SHA256") === true ||
    request.nextUrl.searchParams.has("X-Amz-Algorithm")
  );
}

export const config = {
  matcher: [
    // Everything except API routes (next-auth's, the audit export and the AWS API, which
    // authenticate themselves), Next's assets and top-level public files. Deeper paths with dots
    // stay covered: secret names may contain them (/secrets/app.config).
    "/((?!api/|_next/static|_next/image|[^/]+\\.(?:ico|png|svg|jpg|txt|xml|webmanifest)$).*)",
  ],
};
