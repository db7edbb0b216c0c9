// Staging labels: each label is on at most one version of a secret (the table's key says so),
// AWSCURRENT is always on exactly one version once the secret has a value, and moving AWSCURRENT
// moves AWSPREVIOUS to the version it came from. Callers run these inside their transaction.
import type { Tx } from "../../db/client";
import { LimitExceeded } from "../../errors";

export const MAX_VERSIONS = 100;
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
 * Keeps a secret within AWS's version quota: versions without labels (deprecated) are removed
 * oldest first; if every version still carries a label, the change is refused.
 */
export async function pruneVersions(tx: Tx, secretId: string): Promise<void> {
  const total = await tx.secretVersion.count({ where: { secretId } });
  if (total <= MAX_VERSIONS) return;
  const deprecated = await tx.secretVersion.findMany({
    where: { secretId, stages: { none: {} } },
    orderBy: { createdDate: "asc" },
    select: { id: true },
    take: total - MAX_VERSIONS,
  });
  if (deprecated.length < total - MAX_VERSIONS) {
    throw LimitExceeded(
      `You have exceeded the maximum number of versions (${MAX_VERSIONS}) for this secret. Remove staging labels from old versions so Secrets Manager can delete them.`,
    );
  }
  await tx.secretVersion.deleteMany({ where: { id: { in: deprecated.map((v) => v.id) } } });
}
