import { InvalidParameter, ResourceNotFound } from "../../errors";
import { defineOperation } from "../operation";
import {
  findSecret,
  markedForDeletion,
  notFound,
  resourceForMissing,
  secretAuthorization,
} from "./secrets";
import { attachStages } from "./stages";
import { SECRET_ID, VERSION_ID, VERSION_STAGE, optionalString, requiredString } from "./validate";

export interface UpdateSecretVersionStageInput {
  SecretId: string;
  VersionStage: string;
  RemoveFromVersionId?: string;
  MoveToVersionId?: string;
}

export const updateSecretVersionStage = defineOperation<
  UpdateSecretVersionStageInput,
  { ARN: string; Name: string }
>("secretsmanager:UpdateSecretVersionStage", async (ctx, input) => {
  const raw = input as unknown as Record<string, unknown>;
  const secretId = requiredString(raw, "SecretId", SECRET_ID);
  const stage = requiredString(raw, "VersionStage", VERSION_STAGE);
  const removeFrom = optionalString(raw, "RemoveFromVersionId", VERSION_ID);
  const moveTo = optionalString(raw, "MoveToVersionId", VERSION_ID);
  const { rt } = ctx;
  const secret = await findSecret(rt, secretId);
  if (!secret) {
    await ctx.authorize({ resource: resourceForMissing(rt, secretId) });
    throw notFound();
  }
  const auth = secretAuthorization(secret);
  await ctx.authorize({
    ...auth,
    context: { ...auth.context, "secretsmanager:VersionStage": [stage] },
  });
  if (secret.deletedDate) throw markedForDeletion();

  const holder = secret.stages.find((s) => s.stage === stage)?.version.versionId;
  if (holder && holder !== moveTo && removeFrom !== holder) {
    throw InvalidParameter(
      `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder}, so you must explicitly reference that version in RemoveFromVersionId.`,
      "RemoveFromVersionId",
    );
  }
  if (removeFrom && removeFrom !== holder) {
    throw InvalidParameter(
      `The staging label ${stage} is not attached to version ${removeFrom}.`,
      "RemoveFromVersionId",
    );
  }
  if (!moveTo && !removeFrom) {
    throw InvalidParameter(
      `The staging label ${stage} is not attached to any version: specify MoveToVersionId to attach it.`,
      "MoveToVersionId",
    );
  }
  if (!moveTo && stage === "AWSCURRENT") {
    throw InvalidParameter(
      "You can't remove the staging label AWSCURRENT from a version without moving it to another version: specify MoveToVersionId.",
      "MoveToVersionId",
    );
  }

  await rt.db.$transaction(async (tx) => {
    if (moveTo) {
      const target = await tx.secretVersion.findUnique({
        where: { secretId_versionId: { secretId: secret.id, versionId: moveTo } },
        select: { id: true },
      });
      if (!target) {
        throw ResourceNotFound(
          `Secrets Manager can't find the specified secret version: ${moveTo}`,
        );
      }
      await attachStages(tx, secret.id, target.id, [stage]);
    } else {
      await tx.secretVersionStage.delete({
        where: { secretId_stage: { secretId: secret.id, stage } },
      });
    }
    await tx.secret.update({ where: { id: secret.id }, data: { lastChangedDate: rt.now() } });
    await ctx.auditIn(tx);
  });
  return { ARN: secret.arn, Name: secret.name };
});
