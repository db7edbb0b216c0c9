import { defineOperation } from "../operation";
import { authorizedSecret } from "./secrets";
import { SECRET_ID, requiredString } from "./validate";

export const restoreSecret = defineOperation<{ SecretId: string }, { ARN: string; Name: string }>(
  "secretsmanager:RestoreSecret",
  async (ctx, input) => {
    const secretId = requiredString(
      input as unknown as Record<string, unknown>,
      "SecretId",
      SECRET_ID,
    );
    const { rt } = ctx;
    const secret = await authorizedSecret(ctx, secretId);
    await rt.db.$transaction(async (tx) => {
      if (secret.deletedDate) {
        await tx.secret.update({
          where: { id: secret.id },
          data: { deletedDate: null, deletionDate: null, lastChangedDate: rt.now() },
        });
      }
      await ctx.auditIn(tx);
    });
    return { ARN: secret.arn, Name: secret.name };
  },
);
