// Multi-Region replication (ReplicateSecretToRegions, RemoveRegionsFromReplication,
// StopReplicationToReplica). A Strongbox installation is one region, so no secret has replicas:
// each operation checks its input and the caller's permission as AWS does, then answers with an
// InvalidRequestException that says so, rather than an unknown-operation error.
import { InvalidParameter, InvalidRequest, ValidationError } from "../../errors";
import { defineOperation } from "../operation";
import { authorizedSecret, markedForDeletion } from "./secrets";
import { SECRET_ID, optionalBoolean, optionalStringList, requiredString } from "./validate";

const REGION = { min: 1, max: 128, pattern: /^([a-z]+-)+\d+$/ };

export const REPLICATION_UNSUPPORTED =
  "Replication to other regions is not supported by this installation: Strongbox serves one region.";

/** The regions a request names: a list of strings, or of `{ Region }` structures (`member`). */
function regionsOf(raw: Record<string, unknown>, field: string, member?: "Region"): string[] {
  const value = raw[field];
  if (value === undefined || value === null) {
    const member = field.charAt(0).toLowerCase() + field.slice(1);
    throw ValidationError(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      field,
    );
  }
  if (!Array.isArray(value)) {
    throw InvalidParameter(`Invalid type for parameter ${field}, value: ${String(value)}`, field);
  }
  const regions: unknown[] = member
    ? value.map((item: unknown) => (item as Record<string, unknown> | null)?.[member])
    : value;
  return optionalStringList({ [field]: regions }, field, REGION, { min: 1 }) ?? [];
}

export const replicateSecretToRegions = defineOperation<
  {
    SecretId: string;
    AddReplicaRegions: { Region: string; KmsKeyId?: string }[];
    ForceOverwriteReplicaSecret?: boolean;
  },
  never
>("secretsmanager:ReplicateSecretToRegions", async (ctx, input) => {
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  const secretId = requiredString(raw, "SecretId", SECRET_ID);
  const regions = regionsOf(raw, "AddReplicaRegions", "Region");
  optionalBoolean(raw, "ForceOverwriteReplicaSecret");
  const secret = await authorizedSecret(ctx, secretId, {
    "secretsmanager:AddReplicaRegions": regions,
  });
  if (secret.deletedDate) throw markedForDeletion();
  throw InvalidRequest(REPLICATION_UNSUPPORTED);
});

export const removeRegionsFromReplication = defineOperation<
  { SecretId: string; RemoveReplicaRegions: string[] },
  never
>("secretsmanager:RemoveRegionsFromReplication", async (ctx, input) => {
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  const secretId = requiredString(raw, "SecretId", SECRET_ID);
  const regions = regionsOf(raw, "RemoveReplicaRegions");
  const secret = await authorizedSecret(ctx, secretId);
  if (secret.deletedDate) throw markedForDeletion();
  throw InvalidRequest(
    `The secret ${secret.name} isn't replicated to ${regions.join(", ")}. ${REPLICATION_UNSUPPORTED}`,
  );
});

export const stopReplicationToReplica = defineOperation<{ SecretId: string }, never>(
  "secretsmanager:StopReplicationToReplica",
  async (ctx, input) => {
    const raw = (input ?? {}) as unknown as Record<string, unknown>;
    const secretId = requiredString(raw, "SecretId", SECRET_ID);
    const secret = await authorizedSecret(ctx, secretId);
    if (secret.deletedDate) throw markedForDeletion();
    throw InvalidRequest(
      `The secret ${secret.name} is not a replica secret. ${REPLICATION_UNSUPPORTED}`,
    );
  },
);
