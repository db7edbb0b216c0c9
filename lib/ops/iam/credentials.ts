// What the AWS API needs to authenticate a request: the secret and principal of an access key.
import type { Principal } from "../caller";
import { getRuntime } from "../runtime";
import { openAccessKeySecret } from "./access-keys";

export interface ResolvedKey {
  accessKeyId: string;
  secretAccessKey: string;
  status: "Active" | "Inactive";
  principal: Principal;
}

export async function resolveAccessKey(accessKeyId: string): Promise<ResolvedKey | undefined> {
  if (!/^AKIA[A-Z0-9]{16}$/.test(accessKeyId)) return undefined;
  const rt = await getRuntime();
  // From the user to the key: Prisma reads a relation in a second query, and a key whose user was
  // deleted in between (a demo reset under load) must read as an unknown key, not a crash.
  const user = await rt.db.iamUser.findFirst({
    where: { accessKeys: { some: { id: accessKeyId } } },
    select: { id: true, name: true, arn: true, accessKeys: { where: { id: accessKeyId } } },
  });
  const key = user?.accessKeys[0];
  if (!user || !key) return undefined;
  const tags = await rt.db.iamTag.findMany({ where: { resourceArn: user.arn } });
  return {
    accessKeyId,
    secretAccessKey: openAccessKeySecret(rt.kek, key),
    status: key.status === "Active" ? "Active" : "Inactive",
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

const lastRecorded = new Map<string, number>();

/**
 * Records GetAccessKeyLastUsed's answer; at most once a minute per key and service. Returns the
 * write when there is one (nothing, on the hot path of a busy key).
 */
export function recordAccessKeyUse(
  accessKeyId: string,
  service: string,
  region: string,
): Promise<void> | undefined {
  const now = Date.now();
  const mark = `${accessKeyId}:${service}:${region}`;
  if ((lastRecorded.get(mark) ?? 0) > now - 60_000) return undefined;
  lastRecorded.set(mark, now);
  if (lastRecorded.size > 10_000) lastRecorded.clear();
  return (async () => {
    const rt = await getRuntime();
    await rt.db.iamAccessKey.updateMany({
      where: { id: accessKeyId },
      data: { lastUsedDate: new Date(now), lastUsedService: service, lastUsedRegion: region },
    });
  })();
}
