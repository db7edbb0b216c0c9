// Session rules shared by next-auth, the proxy and getCaller(). No database access here: proxy.ts
// imports this file.
import type { Principal, PrincipalType } from "@/lib/ops/caller";

/** Console sessions end 8 hours after sign-in, whatever the activity (as AWS's console does). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const SIGN_IN_PATH = "/signin";

/** Where an IAM user changes their own password (and the only page while a reset is required). */
export const CHANGE_PASSWORD_PATH = "/account/change-password";

/** What the session JWT carries besides next-auth's own claims. */
export interface SessionClaims {
  principal?: Principal;
  /** Epoch seconds of the sign-in; the session is refused once SESSION_MAX_AGE has passed. */
  authTime?: number;
}

const TYPES: PrincipalType[] = ["Root", "User", "Role", "AssumedRole"];

/** The principal in a token, if it is whole and the session has not outlived its sign-in. */
export function principalFromClaims(
  claims: SessionClaims | null | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): Principal | undefined {
  const p = claims?.principal;
  if (!p || !claims?.authTime) return undefined;
  if (nowSeconds - claims.authTime > SESSION_MAX_AGE_SECONDS) return undefined;
  const whole =
    TYPES.includes(p.type) &&
    typeof p.arn === "string" &&
    /^\d{12}$/.test(p.accountId) &&
    typeof p.name === "string" &&
    typeof p.id === "string";
  if (!whole) return undefined;
  const tags = stringRecord(p.tags);
  return { type: p.type, arn: p.arn, accountId: p.accountId, name: p.name, id: p.id, ...tags };
}

/** An IAM user's tags travel in the session (aws:PrincipalTag/*); anything malformed is dropped. */
function stringRecord(value: unknown): { tags?: Record<string, string> } {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  return entries.length > 0 ? { tags: Object.fromEntries(entries) } : {};
}

/**
 * A same-origin path to return to after sign-in. Anything else (absolute URLs, protocol-relative
 * "//host", backslashes) falls back to the console home, so sign-in cannot redirect off-site.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/secrets"): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  if (raw.startsWith(SIGN_IN_PATH) || raw.startsWith("/setup")) return fallback;
  return raw;
}
