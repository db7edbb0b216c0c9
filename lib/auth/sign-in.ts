// How a console user proves who they are. Each sign-in method turns credentials into a Principal;
// the credentials provider in options.ts calls authenticate() and nothing else.
import { signInIamUser, signInRootUser, type SignInResult } from "@/lib/ops/account";
import type { Principal } from "@/lib/ops/caller";
import { HARD_EXPIRED_MESSAGE } from "@/lib/ops/iam/password-rules";

export type SignInCredentials =
  | { kind: "root"; email: string; password: string }
  | { kind: "iam"; account: string; userName: string; password: string };

/**
 * Where the attempt came from: sign-in slows and locks out per user and per address, and the
 * ConsoleLogin event records both.
 */
export interface SignInContext {
  sourceIp?: string;
  userAgent?: string;
}

/**
 * Who signed in, and whether a new password is required before anything else: an administrator
 * asked for one, or the password is older than the account policy's MaxPasswordAge.
 */
export interface SignedIn {
  principal: Principal;
  passwordResetRequired: boolean;
}

/** Thrown for failures the sign-in form shows as they are (next-auth passes the message on). */
export class SignInError extends Error {}

/** AWS's words when an IAM user is locked out, rounded up to whole minutes. */
export function lockedOutMessage(retryAfterSeconds: number | undefined): string {
  const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

type Authenticator<K extends SignInCredentials["kind"]> = (
  credentials: Extract<SignInCredentials, { kind: K }>,
  context: SignInContext,
) => Promise<SignInResult>;

const methods: { [K in SignInCredentials["kind"]]: Authenticator<K> } = {
  root: ({ email, password }, context) => signInRootUser({ email, password, ...context }),
  iam: ({ account, userName, password }, context) =>
    signInIamUser({ account, userName, password, ...context }),
};

/**
 * What the sign-in form makes of a result. A wrong account, user name, email or password all read
 * the same; a lockout says when to try again, and a password proved right but expired under the
 * account policy's HardExpiry says that only an administrator can reset it (an expired password
 * without HardExpiry signs in with passwordResetRequired, the administrator's "reset required").
 */
export function signInOutcome(result: SignInResult): SignedIn | undefined {
  if (result.ok) {
    return { principal: result.principal, passwordResetRequired: result.passwordResetRequired };
  }
  if (result.reason === "locked") throw new SignInError(lockedOutMessage(result.retryAfterSeconds));
  if (result.reason === "expired") throw new SignInError(HARD_EXPIRED_MESSAGE);
  return undefined;
}

/** Parses the raw form fields next-auth hands over. */
export function parseCredentials(
  raw: Record<string, string | undefined> | undefined,
): SignInCredentials | undefined {
  if (!raw) return undefined;
  const password = raw.password ?? "";
  if (!password) return undefined;
  if (raw.kind === "root" && raw.email) return { kind: "root", email: raw.email, password };
  if (raw.kind === "iam" && raw.account?.trim() && raw.userName?.trim()) {
    return {
      kind: "iam",
      // Account ids are often pasted as the console shows them (1234-5678-9012).
      account: /^\d{4}-\d{4}-\d{4}$/.test(raw.account.trim())
        ? raw.account.trim().replace(/-/g, "")
        : raw.account.trim(),
      userName: raw.userName.trim(),
      password,
    };
  }
  return undefined;
}

export async function authenticate(
  credentials: SignInCredentials,
  context: SignInContext = {},
): Promise<SignedIn | undefined> {
  switch (credentials.kind) {
    case "root":
      return signInOutcome(await methods.root(credentials, context));
    case "iam":
      return signInOutcome(await methods.iam(credentials, context));
  }
}
