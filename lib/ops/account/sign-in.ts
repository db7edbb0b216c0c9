// Console sign-in of IAM users (account id or alias, user name, password), with failed attempts
// slowed and then refused for a while, per user and per address.
import { verify } from "@node-rs/argon2";
import type { Principal } from "../caller";
import { getRuntime, type Runtime } from "../runtime";

export const THROTTLE = { windowMs: 15 * 60_000, slowAfter: 3, lockAfter: 10, lockMs: 15 * 60_000 };

export type SignInResult =
  | { ok: true; principal: Principal; passwordResetRequired: boolean }
  | { ok: false; reason: "invalid" | "locked"; retryAfterSeconds?: number };

async function throttleState(rt: Runtime, keys: string[]) {
  const rows = await rt.db.signInThrottle.findMany({ where: { key: { in: keys } } });
  const now = rt.now().getTime();
  let failures = 0;
  let lockedUntil = 0;
  for (const row of rows) {
    if (row.windowStart.getTime() + THROTTLE.windowMs > now)
      failures = Math.max(failures, row.failures);
    if (row.lockedUntil && row.lockedUntil.getTime() > now)
      lockedUntil = Math.max(lockedUntil, row.lockedUntil.getTime());
  }
  return { failures, lockedUntil };
}

async function recordFailure(rt: Runtime, keys: string[]) {
  const now = rt.now();
  for (const key of keys) {
    const row = await rt.db.signInThrottle.findUnique({ where: { key } });
    const fresh = !row || row.windowStart.getTime() + THROTTLE.windowMs <= now.getTime();
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil =
      failures >= THROTTLE.lockAfter ? new Date(now.getTime() + THROTTLE.lockMs) : row?.lockedUntil;
    await rt.db.signInThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil },
      update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
    });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks an IAM user's console password. The account may be given by id or alias. */
export async function signInIamUser(input: {
  account: string;
  userName: string;
  password: string;
  sourceIp?: string;
}): Promise<SignInResult> {
  const rt = await getRuntime();
  const account = await rt.db.account.findFirst({ select: { id: true, alias: true } });
  const keys = [
    `user:${input.userName.toLowerCase()}`,
    ...(input.sourceIp ? [`ip:${input.sourceIp}`] : []),
  ];
  const state = await throttleState(rt, keys);
  if (state.lockedUntil > 0) {
    return {
      ok: false,
      reason: "locked",
      retryAfterSeconds: Math.ceil((state.lockedUntil - rt.now().getTime()) / 1000),
    };
  }
  // Past a few failures, every further attempt waits longer before it is answered.
  if (state.failures >= THROTTLE.slowAfter)
    await sleep(Math.min(5000, 250 * 2 ** (state.failures - THROTTLE.slowAfter)));
  const accountMatches =
    !!account &&
    (input.account === account.id || (!!account.alias && input.account === account.alias));
  const user = accountMatches
    ? await rt.db.iamUser.findUnique({ where: { name: input.userName } })
    : null;
  const ok = user?.passwordHash
    ? await verify(user.passwordHash, input.password).catch(() => false)
    : false;
  if (!ok || !user) {
    await recordFailure(rt, keys);
    return { ok: false, reason: "invalid" };
  }
  await rt.db.signInThrottle.deleteMany({ where: { key: keys[0] } });
  await rt.db.iamUser.update({ where: { id: user.id }, data: { passwordLastUsed: rt.now() } });
  const tags = await rt.db.iamTag.findMany({ where: { resourceArn: user.arn } });
  return {
    ok: true,
    passwordResetRequired: user.passwordResetRequired,
    principal: {
      type: "User",
      arn: user.arn,
      accountId: rt.accountId,
      name: user.name,
      id: user.id,
      tags: Object.fromEntries(tags.map((t) => [t.key, t.value])),
    },
  };
}
