// Temporary credentials from sts:AssumeRole and sts:GetSessionToken: an ASIA... access key id, a
// secret access key kept sealed under the key-encryption key (SigV4 verification needs it back),
// and a session token of which only a SHA-256 hash is stored. The AWS API resolves a session key
// here. The caller of a role session is the role's session principal,
// arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION; the caller of a GetSessionToken session is the
// IAM user (or root user) itself, marked with the session so that what AWS refuses to such
// credentials (IAM's API, most of STS) can be refused.
import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import { openValue, sealValue } from "../../crypto/envelope";
import { rootPrincipal, type Principal } from "../caller";
import { tagsOf } from "../iam/common";
import { getRuntime, type Runtime } from "../runtime";

/** Expired sessions are kept this long so their callers hear "expired", not "invalid". */
export const EXPIRED_SESSION_RETENTION_MS = 24 * 60 * 60 * 1000;

const aad = (id: string) => `sts-session\n${id}`;

export function sessionTokenHash(token: string): string {
  return hash("sha256", token, "hex");
}

/** 40 characters of [A-Za-z0-9/+], like AWS's secret access keys. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString("base64");
}

/** An opaque bearer token; only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(96).toString("base64");
}

export function sealSessionSecret(kek: Buffer, id: string, secret: string) {
  const sealed = sealValue(kek, Buffer.from(secret, "utf8"), aad(id));
  return {
    secretSealed: new Uint8Array(sealed.ciphertext),
    secretWrapped: new Uint8Array(sealed.wrappedKey),
  };
}

export function assumedRoleArn(accountId: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
}

export function assumedRolePrincipal(
  accountId: string,
  role: { id: string; name: string },
  sessionName: string,
  tags?: Record<string, string>,
): Principal {
  return {
    type: "AssumedRole",
    arn: assumedRoleArn(accountId, role.name, sessionName),
    accountId,
    name: role.name,
    id: `${role.id}:${sessionName}`,
    tags,
  };
}

export interface ResolvedSession {
  accessKeyId: string;
  secretAccessKey: string;
  principal: Principal;
  expiration: Date;
  /** SHA-256 of the session token, hex. */
  tokenHash: string;
}

/** The kinds of session StsSession.principalType names. */
export type SessionPrincipalType = "AssumedRole" | "User" | "Root";

/** What of a StsSession row says whose session it is. */
interface SessionRow {
  id: string;
  principalType: string;
  roleId: string | null;
  userId: string | null;
  sessionName: string | null;
  sessionPolicy: string | null;
  sessionPolicyArns: string | null;
}

async function rolePrincipal(rt: Runtime, session: SessionRow): Promise<Principal | undefined> {
  if (session.roleId === null || session.sessionName === null) return undefined;
  const role = await rt.db.iamRole.findUnique({
    where: { id: session.roleId },
    select: { id: true, name: true, arn: true },
  });
  // A deleted role takes its sessions with it.
  if (!role) return undefined;
  const tags = await tagsOf(rt.db, role.arn);
  const principal = assumedRolePrincipal(
    rt.accountId,
    role,
    session.sessionName,
    Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
  );
  if (session.sessionPolicy !== null || session.sessionPolicyArns !== null) {
    principal.session = {
      id: session.id,
      ...(session.sessionPolicy !== null ? { policy: session.sessionPolicy } : {}),
      ...(session.sessionPolicyArns !== null
        ? { policyArns: JSON.parse(session.sessionPolicyArns) as string[] }
        : {}),
    };
  }
  return principal;
}

/** GetSessionToken's caller: the IAM user itself, with the user's ARN, id and tags. */
async function userPrincipal(rt: Runtime, session: SessionRow): Promise<Principal | undefined> {
  if (session.userId === null) return undefined;
  const user = await rt.db.iamUser.findUnique({
    where: { id: session.userId },
    select: { id: true, name: true, arn: true },
  });
  // A deleted user takes its sessions with it.
  if (!user) return undefined;
  const tags = await tagsOf(rt.db, user.arn);
  return {
    type: "User",
    arn: user.arn,
    accountId: rt.accountId,
    name: user.name,
    id: user.id,
    tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
    session: { id: session.id },
  };
}

function sessionPrincipal(rt: Runtime, session: SessionRow): Promise<Principal | undefined> {
  switch (session.principalType as SessionPrincipalType) {
    case "AssumedRole":
      return rolePrincipal(rt, session);
    case "User":
      return userPrincipal(rt, session);
    case "Root":
      return Promise.resolve({ ...rootPrincipal(rt.accountId), session: { id: session.id } });
    default:
      // A kind this code does not know acts as nobody (fails closed).
      return Promise.resolve(undefined);
  }
}

/** The session behind an ASIA... key, or undefined when there is none (or its principal is gone). */
export async function resolveSessionKey(
  accessKeyId: string,
  rt?: Runtime,
): Promise<ResolvedSession | undefined> {
  if (!/^ASIA[A-Z0-9]{16}$/.test(accessKeyId)) return undefined;
  const runtime = rt ?? (await getRuntime());
  const session = await runtime.db.stsSession.findUnique({ where: { id: accessKeyId } });
  if (!session) return undefined;
  const principal = await sessionPrincipal(runtime, session);
  if (!principal) return undefined;
  const secret = openValue(
    runtime.kek,
    {
      ciphertext: Buffer.from(session.secretSealed),
      wrappedKey: Buffer.from(session.secretWrapped),
    },
    aad(session.id),
  );
  return {
    accessKeyId,
    secretAccessKey: secret.toString("utf8"),
    principal,
    expiration: session.expiration,
    tokenHash: session.sessionTokenHash,
  };
}

/** Whether the token presented is the session's (constant time). */
export function sessionTokenMatches(session: ResolvedSession, token: string | undefined): boolean {
  if (!token) return false;
  const presented = Buffer.from(sessionTokenHash(token), "hex");
  const stored = Buffer.from(session.tokenHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Deletes sessions that expired more than a day ago; returns how many. */
export async function purgeExpiredSessions(rt: Runtime): Promise<number> {
  const before = new Date(rt.now().getTime() - EXPIRED_SESSION_RETENTION_MS);
  const { count } = await rt.db.stsSession.deleteMany({ where: { expiration: { lt: before } } });
  return count;
}
