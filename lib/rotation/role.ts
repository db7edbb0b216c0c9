// A rotation function's identity: its execution role, assumed by the function as Lambda does
// (arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION). The four steps call Secrets Manager through
// the same operations as everyone else, as this caller, so the policy engine decides what a
// rotation may touch: a denied step fails with AccessDeniedException and is recorded.
import type { Caller } from "../ops/caller";
import { roleNameOf } from "../ops/iam/policy-set";
import type { Runtime } from "../ops/runtime";
import { describeSecret } from "../ops/secretsmanager/describe-secret";
import { getRandomPassword } from "../ops/secretsmanager/get-random-password";
import { getSecretValue, type GetSecretValueInput } from "../ops/secretsmanager/get-secret-value";
import { putSecretValue, type PutSecretValueInput } from "../ops/secretsmanager/put-secret-value";
import {
  updateSecretVersionStage,
  type UpdateSecretVersionStageInput,
} from "../ops/secretsmanager/update-secret-version-stage";
import type { GetRandomPasswordInput } from "../crypto/random-password";

export async function executionRoleCaller(
  rt: Pick<Runtime, "db" | "accountId">,
  roleArn: string,
  functionName: string,
): Promise<Caller> {
  const roleName = roleNameOf(roleArn);
  const role = await rt.db.iamRole.findUnique({ where: { arn: roleArn }, select: { id: true } });
  return {
    principal: {
      type: "AssumedRole",
      arn: `arn:aws:sts::${rt.accountId}:assumed-role/${roleName}/${functionName}`,
      accountId: rt.accountId,
      name: roleName,
      // A deleted role has no policies: every step is then refused, as AWS would.
      id: `${role?.id ?? "AROAUNKNOWNROLE"}:${functionName}`,
    },
    via: "rotation",
  };
}

/** Secrets Manager as the rotation function sees it: the operations, as its role. */
export function secretsManagerAs(caller: Caller) {
  return {
    describeSecret: (SecretId: string) => describeSecret(caller, { SecretId }),
    getSecretValue: (input: GetSecretValueInput) => getSecretValue(caller, input),
    putSecretValue: (input: PutSecretValueInput) => putSecretValue(caller, input),
    updateSecretVersionStage: (input: UpdateSecretVersionStageInput) =>
      updateSecretVersionStage(caller, input),
    getRandomPassword: (input: GetRandomPasswordInput) => getRandomPassword(caller, input),
  };
}

export type RoleSecretsManager = ReturnType<typeof secretsManagerAs>;
