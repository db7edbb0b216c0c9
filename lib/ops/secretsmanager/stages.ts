// Staging labels: each label is on at most one version of a secret (the table's key says so),
// AWSCURRENT is always on exactly one version once the secret has a value, and moving AWSCURRENT
// moves AWSPREVIOUS to the version it came from. Callers run these inside their transaction.
import type { Tx } from "../../db/client";
import { LimitExceeded } from "../../errors";

/** AWS's quota of versions per secret. */
export const MAX_VERSIONS = 100;
/** Versions younger than this are never removed to make room for new ones. */
export const MIN_VERSION_AGE_MS = 24 * 60 * 60 * 1000;
export const MAX_STAGES_PER_VERSION = 20;

/** Attaches each label to the version, taking it from wherever it was. */
export async function attachStages(
  tx: Tx,
  secretId: string,
  versionPk: string,
  stages: string[],
): Promise<void> {
  for (const stage of new Set(stages)) {
    if (stage === "AWSCURRENT") {
      const current = await tx.secretVersionStage.findUnique({
        where: { secretId_stage: { secretId, stage: "AWSCURRENT" } },
        select: { versionPk: true },
      });
      if (current && current.versionPk !== versionPk) {
        await setStage(tx, secretId, "AWSPREVIOUS", current.versionPk);
      }
    }
    await setStage(tx, secretId, stage, versionPk);
  }
  const count = await tx.secretVersionStage.count({ where: { versionPk } });
  if (count > MAX_STAGES_PER_VERSION) {
    throw LimitExceeded(`A version can have at most ${MAX_STAGES_PER_VERSION} staging labels.`);
  }
}

async function setStage(tx: Tx, secretId: string, stage: string, versionPk: string) {
  await tx.secretVersionStage.upsert({
    where: { secretId_stage: { secretId, stage } },
    create: { secretId, stage, versionPk },
    update: { versionPk },
  });
}

/**
 * Keeps a secret within AWS's version quota. As AWS documents for PutSecretValue: "Secrets Manager
 * removes outdated versions when there are more than 100, but it does not remove versions created
 * less than 24 hours ago." Versions without labels (deprecated) older than a day go first, oldest
 * first; when that is not enough, the new version is refused with LimitExceededException (call it
 * inside the transaction that created the version, so the refusal undoes it).
 */
export async function pruneVersions(tx: Tx, secretId: string, now: Date): Promise<void> {
  const total = await tx.secretVersion.count({ where: { secretId } });
  const excess = total - MAX_VERSIONS;
  if (excess <= 0) return;
  const removable = await tx.secretVersion.findMany({
    where: {
      secretId,
      stages: { none: {} },
      createdDate: { lt: new Date(now.getTime() - MIN_VERSION_AGE_MS) },
    },
    orderBy: [{ createdDate: "asc" }, { id: "asc" }],
    select: { id: true },
    take: excess,
  });
  if (removable.length < excess) throw versionQuotaExceeded();
  await tx.secretVersion.deleteMany({ where: { id: { in: removable.map((v) => v.id) } } });
}

/** The refusal when a secret already has MAX_VERSIONS versions that may not be removed yet. */
function versionQuotaExceeded() {
  return LimitExceeded(
    `You have exceeded the maximum number of versions (${MAX_VERSIONS}) for this secret. Secrets Manager removes versions without staging labels only when they are more than 24 hours old: try again later, or remove staging labels from old versions.`,
  );
}
