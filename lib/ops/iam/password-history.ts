// What the account password policy remembers about each IAM user's console password: the hashes
// of the last passwords (PasswordReusePrevention) and when the password was last set
// (MaxPasswordAge, HardExpiry). Only argon2id hashes are kept, never a password.
import { verify } from "@node-rs/argon2";
import type { Db, Tx } from "../../db/client";
import { getRuntime } from "../runtime";
import { PasswordPolicyViolation } from "./common";
import { readPasswordPolicy } from "./password-policy";
import {
  MAX_PASSWORD_REUSE_PREVENTION,
  PASSWORD_REUSE_MESSAGE,
  passwordExpiresAt,
  type PasswordPolicy,
} from "./password-rules";

/**
 * PasswordPolicyViolation when `password` is one of the user's last PasswordReusePrevention
 * passwords (the current one included). Without that setting every password may be reused.
 */
export async function checkPasswordReuse(
  db: Db | Tx,
  user: { id: string; passwordHash: string | null },
  password: string,
  policy?: PasswordPolicy,
): Promise<void> {
  const remember = (policy ?? (await readPasswordPolicy(db)))?.PasswordReusePrevention;
  if (!remember) return;
  const rows = await db.iamPasswordHistory.findMany({
    where: { userId: user.id },
    orderBy: [{ setDate: "desc" }, { id: "desc" }],
    take: remember,
    select: { passwordHash: true },
  });
  const hashes = rows.map((r) => r.passwordHash);
  // A password set before the history was kept is still the user's latest one.
  if (user.passwordHash && !hashes.includes(user.passwordHash)) {
    hashes.unshift(user.passwordHash);
    hashes.length = Math.min(hashes.length, remember);
  }
  for (const hash of hashes) {
    if (await verify(hash, password).catch(() => false)) {
      throw PasswordPolicyViolation(PASSWORD_REUSE_MESSAGE);
    }
  }
}

/**
 * Records a newly set password: its hash joins the user's history (pruned to the 24 a policy can
 * ask for) and its age starts now. Call in the transaction that stores the password.
 */
export async function recordPasswordSet(
  tx: Tx,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await tx.iamUser.update({ where: { id: userId }, data: { passwordLastChanged: now } });
  await tx.iamPasswordHistory.create({ data: { userId, passwordHash, setDate: now } });
  const stale = await tx.iamPasswordHistory.findMany({
    where: { userId },
    orderBy: [{ setDate: "desc" }, { id: "desc" }],
    skip: MAX_PASSWORD_REUSE_PREVENTION,
    select: { id: true },
  });
  if (stale.length > 0) {
    await tx.iamPasswordHistory.deleteMany({ where: { id: { in: stale.map((r) => r.id) } } });
  }
}

/** Where an IAM user's console password stands under the account's MaxPasswordAge. */
export type PasswordExpiry =
  { expired: false; expiresAt?: Date } | { expired: true; expiresAt: Date; hardExpiry: boolean };

/** Whether the password set at `lastChanged` has expired at `now` under `policy`. */
export function passwordExpiry(
  lastChanged: Date | null | undefined,
  policy: PasswordPolicy | undefined,
  now: Date,
): PasswordExpiry {
  const expiresAt = lastChanged ? passwordExpiresAt(lastChanged, policy) : undefined;
  if (!expiresAt) return { expired: false };
  if (now.getTime() < expiresAt.getTime()) return { expired: false, expiresAt };
  return { expired: true, expiresAt, hardExpiry: policy?.HardExpiry === true };
}

/**
 * The expiry of an IAM user's console password, for console sign-in and the change-password page.
 * Passwords set before their date was kept count from the login profile's creation.
 */
export async function consolePasswordExpiry(userId: string): Promise<PasswordExpiry> {
  const rt = await getRuntime();
  const policy = await readPasswordPolicy(rt.db);
  if (!policy?.MaxPasswordAge) return { expired: false };
  const user = await rt.db.iamUser.findUnique({
    where: { id: userId },
    select: { passwordLastChanged: true, loginProfileCreateDate: true },
  });
  return passwordExpiry(
    user?.passwordLastChanged ?? user?.loginProfileCreateDate,
    policy,
    rt.now(),
  );
}
