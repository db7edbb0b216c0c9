// The AWSPENDING version a rotation works on, registered without a value before the rotation
// function runs (by RotateSecret, or by the runner for a scheduled rotation). It is a new version
// like any other, so it counts against the quota of 100 versions per secret exactly as
// PutSecretValue's do: unlabelled versions older than a day make room, and with nothing to remove
// the rotation is refused with LimitExceededException.
import type { Tx } from "../../db/client";
import { attachStages, pruneVersions } from "./stages";

/**
 * Creates version `versionId` of the secret with AWSPENDING (taking the label from wherever it
 * was) and keeps the secret within the version quota. Call inside the transaction that should be
 * undone when the quota refuses it.
 */
export async function registerPendingVersion(
  tx: Tx,
  secretId: string,
  versionId: string,
  now: Date,
): Promise<void> {
  const version = await tx.secretVersion.create({
    data: { secretId, versionId, createdDate: now },
    select: { id: true },
  });
  // Moves AWSPENDING off the AWSCURRENT version where a finished rotation left it.
  await attachStages(tx, secretId, version.id, ["AWSPENDING"]);
  await pruneVersions(tx, secretId, now);
}
