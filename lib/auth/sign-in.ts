// How a console user proves who they are. Each sign-in method turns credentials into a Principal;
// the credentials provider in options.ts calls authenticate() and nothing else.
//
// Extension point: IAM users (account ID or alias, user name, password) arrive with the IAM
// issue. Implement `iamUser` by calling the IAM operation that verifies a console password
// (e.g. verifyIamUserPassword from "@/lib/ops/iam") and returning its Principal; the sign-in page
// already collects these fields and the JWT already carries any principal type.
import { verifyRootUser } from "@/lib/ops/account";
import type { Principal } from "@/lib/ops/caller";

export type SignInCredentials =
  | { kind: "root"; email: string; password: string }
  | { kind: "iam"; account: string; userName: string; password: string };

/** Thrown for failures the sign-in form shows as they are (next-auth passes the message on). */
export class SignInError extends Error {}

export const IAM_SIGN_IN_UNAVAILABLE =
  "IAM user sign-in is available when IAM is enabled. Sign in as the root user.";

type Authenticator<K extends SignInCredentials["kind"]> = (
  credentials: Extract<SignInCredentials, { kind: K }>,
) => Promise<Principal | undefined>;

const methods: { [K in SignInCredentials["kind"]]: Authenticator<K> } = {
  root: ({ email, password }) => verifyRootUser({ email, password }),
  iam: async () => {
    throw new SignInError(IAM_SIGN_IN_UNAVAILABLE);
  },
};

/** Parses the raw form fields next-auth hands over. */
export function parseCredentials(
  raw: Record<string, string | undefined> | undefined,
): SignInCredentials | undefined {
  if (!raw) return undefined;
  const password = raw.password ?? "";
  if (!password) return undefined;
  if (raw.kind === "root" && raw.email) return { kind: "root", email: raw.email, password };
  if (raw.kind === "iam" && raw.account && raw.userName) {
    return { kind: "iam", account: raw.account, userName: raw.userName, password };
  }
  return undefined;
}

export async function authenticate(credentials: SignInCredentials): Promise<Principal | undefined> {
  switch (credentials.kind) {
    case "root":
      return methods.root(credentials);
    case "iam":
      return methods.iam(credentials);
  }
}
