import { InvalidParameter, InvalidRequest } from "../../errors";
import { defineOperation } from "../operation";
import type { Runtime } from "../runtime";
import { findSecret, notFound, resourceForMissing, secretAuthorization } from "./secrets";
import { SECRET_ID, optionalBoolean, optionalInteger, requiredString } from "./validate";

export interface DeleteSecretInput {
  SecretId: string;
  RecoveryWindowInDays?: number;
  ForceDeleteWithoutRecovery?: boolean;
}

export interface DeleteSecretOutput {
  ARN: string;
  Name: string;
  DeletionDate: Date;
}

const DAY = 24 * 60 * 60 * 1000;

export const deleteSecret = defineOperation<DeleteSecretInput, DeleteSecretOutput>(
  "secretsmanager:DeleteSecret",
  async (ctx, input) => {
    const raw = input as unknown as Record<string, unknown>;
    const secretId = requiredString(raw, "SecretId", SECRET_ID);
    const window = optionalInteger(raw, "RecoveryWindowInDays");
    const force = optionalBoolean(raw, "ForceDeleteWithoutRecovery") ?? false;
    if (force && window !== undefined) {
      throw InvalidParameter(
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
        "RecoveryWindowInDays",
      );
    }
    if (window !== undefined && (window < 7 || window > 30)) {
      throw InvalidParameter(
        "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
        "RecoveryWindowInDays",
      );
    }
    const { rt } = ctx;
    const secret = await findSecret(rt, secretId);
    const context = {
      "secretsmanager:ForceDeleteWithoutRecovery": force,
      "secretsmanager:RecoveryWindowInDays": window ?? 30,
    };
    if (!secret) {
      await ctx.authorize({ resource: resourceForMissing(rt, secretId), context });
      throw notFound();
    }
    const auth = secretAuthorization(secret);
    await ctx.authorize({ ...auth, context: { ...auth.context, ...context } });
    if (secret.deletedDate && !force) {
      throw InvalidRequest(
        "You can't perform this operation on the secret because it was already scheduled for deletion.",
      );
    }
    const now = rt.now();
    if (force) {
      await rt.db.$transaction(async (tx) => {
        await tx.secret.delete({ where: { id: secret.id } });
        await ctx.auditIn(tx);
      });
      return { ARN: secret.arn, Name: secret.name, DeletionDate: now };
    }
    const deletionDate = new Date(now.getTime() + (window ?? 30) * DAY);
    await rt.db.$transaction(async (tx) => {
      await tx.secret.update({
        where: { id: secret.id },
        data: { deletedDate: now, deletionDate, lastChangedDate: now },
      });
      await ctx.auditIn(tx);
    });
    return { ARN: secret.arn, Name: secret.name, DeletionDate: deletionDate };
  },
);

/** The background sweep: purges secrets whose recovery window has ended. Returns how many. */
export async function purgeDeletedSecrets(rt: Pick<Runtime, "db" | "now">): Promise<number> {
  const { count } = await rt.db.secret.deleteMany({
    where: { deletionDate: { lte: rt.now() } },
  });
  return count;
}
