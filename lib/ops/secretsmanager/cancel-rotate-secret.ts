// secretsmanager:CancelRotateSecret: turns automatic rotation off and stops a rotation under way
// (its next step sees rotation is off). The function and rules stay on the secret, so RotateSecret
// can turn rotation on again. A version left with AWSPENDING (where it is not AWSCURRENT) blocks
// every later RotateSecret until the label is removed: the answer says so and names the version.
import { defineOperation } from "../operation";
import { pendingVersionId, PREVIOUS_ROTATION_INCOMPLETE } from "./rotate-secret";
import {
  findSecret,
  markedForDeletion,
  notFound,
  resourceForMissing,
  secretAuthorization,
} from "./secrets";
import { SECRET_ID, requiredString } from "./validate";

export interface CancelRotateSecretOutput {
  ARN: string;
  Name: string;
  /** The version a cancelled rotation left with AWSPENDING, if any. */
  VersionId?: string;
  /** Strongbox's addition: what to do about that version. */
  Message?: string;
}

export const cancelRotateSecret = defineOperation<{ SecretId: string }, CancelRotateSecretOutput>(
  "secretsmanager:CancelRotateSecret",
  async (ctx, input) => {
    const secretId = requiredString(
      input as unknown as Record<string, unknown>,
      "SecretId",
      SECRET_ID,
    );
    const { rt } = ctx;
    const secret = await findSecret(rt, secretId);
    if (!secret) {
      await ctx.authorize({ resource: resourceForMissing(rt, secretId) });
      throw notFound();
    }
    await ctx.authorize(secretAuthorization(secret));
    if (secret.deletedDate) throw markedForDeletion();
    await rt.db.$transaction(async (tx) => {
      await tx.secret.update({
        where: { id: secret.id },
        data: { rotationEnabled: false, nextRotationDate: null, lastChangedDate: rt.now() },
      });
      await tx.rotationLease.deleteMany({ where: { secretId: secret.id } });
      await ctx.auditIn(tx);
    });
    const pending = pendingVersionId(secret);
    return {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: pending,
      Message: pending
        ? `Rotation is off. Version ${pending} still has the staging label AWSPENDING: until you remove it (UpdateSecretVersionStage with VersionStage AWSPENDING and RemoveFromVersionId ${pending}), RotateSecret fails with "${PREVIOUS_ROTATION_INCOMPLETE}" Check whether the version should become AWSCURRENT first (ListSecretVersionIds).`
        : undefined,
    };
  },
);
