// Every console page needs a signed-in session; the sign-in and first-run pages, next-auth's
// routes and static assets do not. This only checks the session token (no database): pages still
// call getCaller(), and /signin itself decides whether to send a fresh install to /setup.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { CURRENT_PATH_HEADER } from "@/lib/auth/proxy-headers";
import { authSecret } from "@/lib/auth/secret";
import { SIGN_IN_PATH, principalFromClaims } from "@/lib/auth/session-policy";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Requests signed with SigV4 are AWS API calls; their handler authenticates them itself.
  if (isSigV4(request)) return NextResponse.next();

  const token = await getToken({ req: request, secret: authSecret() });
  if (!principalFromClaims(token)) {
    const url = request.nextUrl.clone();
    url.pathname = SIGN_IN_PATH;
    url.search = "";
    if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }

  const headers = new Headers(request.headers);
  headers.set(CURRENT_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  // Console pages and their server actions may carry secret values: never store them.
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
    // Everything except sign-in, first-run setup, API routes (next-auth's and the AWS API, which
    // authenticate themselves), Next's assets and top-level public files. Deeper paths with dots
    // stay covered: secret names may contain them (/secrets/app.config).
    "/((?!signin|setup|api/|_next/static|_next/image|[^/]+\\.(?:ico|png|svg|jpg|txt|xml|webmanifest)$).*)",
  ],
};
