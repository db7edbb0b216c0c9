// How a console user proves who they are. Each sign-in method turns credentials into a Principal;
// the credentials provider in options.ts calls authenticate() and nothing else.
import { signInIamUser, signInRootUser, type SignInResult } from "@/lib/ops/account";
import type { Principal } from "@/lib/ops/caller";

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

/** Who signed in, and whether an administrator requires a new password before anything else. */
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

function outcome(result: SignInResult): SignedIn | undefined {
  if (result.ok) {
    return { principal: result.principal, passwordResetRequired: result.passwordResetRequired };
  }
  // A wrong account, user name, email or password all read the same; only a lockout says more.
  if (result.reason === "locked") throw new SignInError(lockedOutMessage(result.retryAfterSeconds));
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
      return outcome(await methods.root(credentials, context));
    case "iam":
      return outcome(await methods.iam(credentials, context));
  }
}
