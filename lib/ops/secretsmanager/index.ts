// Secrets Manager's operations: one per AWS action, each `(caller, input) => output` in AWS's
// request/response shapes. The console, the CLI and the AWS API all call these.
export { createSecret } from "./create-secret";
export { describeSecret } from "./describe-secret";
export { listSecrets } from "./list-secrets";
export { getSecretValue } from "./get-secret-value";
export { batchGetSecretValue } from "./batch-get-secret-value";
export { putSecretValue } from "./put-secret-value";
export { updateSecret } from "./update-secret";
export { updateSecretVersionStage } from "./update-secret-version-stage";
export { listSecretVersionIds } from "./list-secret-version-ids";
export { deleteSecret, purgeDeletedSecrets } from "./delete-secret";
export { restoreSecret } from "./restore-secret";
export { tagResource, untagResource } from "./tag-resource";
export { getRandomPassword } from "./get-random-password";
export {
  putResourcePolicy,
  getResourcePolicy,
  deleteResourcePolicy,
  validateResourcePolicy,
} from "./resource-policy-ops";
export { rotateSecret } from "./rotate-secret";
export { cancelRotateSecret } from "./cancel-rotate-secret";
export { listRotationAttempts } from "./list-rotation-attempts";
export {
  replicateSecretToRegions,
  removeRegionsFromReplication,
  stopReplicationToReplica,
} from "./replication";
export { nameWarning } from "./validate";

export type { CreateSecretInput, CreateSecretOutput } from "./create-secret";
export type { DescribeSecretOutput } from "./describe-secret";
export type {
  ListSecretsInput,
  ListSecretsOutput,
  SecretListEntry,
  FilterKey,
} from "./list-secrets";
export type { GetSecretValueInput, GetSecretValueOutput } from "./get-secret-value";
export type { PutSecretValueInput, PutSecretValueOutput } from "./put-secret-value";
export type { DeleteSecretInput, DeleteSecretOutput } from "./delete-secret";
export type { RotateSecretInput, RotateSecretOutput } from "./rotate-secret";
export type { CancelRotateSecretOutput } from "./cancel-rotate-secret";
export type { ListRotationAttemptsOutput, RotationAttemptEntry } from "./list-rotation-attempts";
