import { randomUUID } from "node:crypto";
import { InvalidRequest, ResourceExists } from "../../errors";
import { defineOperation } from "../operation";
import {
  findSecret,
  markedForDeletion,
  notFound,
  resourceForMissing,
  secretAuthorization,
} from "./secrets";
import { open, sameValue, seal, valueFromInput } from "./secret-value";
import { attachStages, pruneVersions } from "./stages";
import { secretWords } from "./words";
import {
  CLIENT_REQUEST_TOKEN,
  DESCRIPTION,
  KMS_KEY_ID,
  SECRET_ID,
  optionalString,
  requiredString,
} from "./validate";

export interface UpdateSecretInput {
  SecretId: string;
  ClientRequestToken?: string;
  Description?: string;
  KmsKeyId?: string;
  SecretString?: string;
  SecretBinary?: Uint8Array | string;
}

export interface UpdateSecretOutput {
  ARN: string;
  Name: string;
  VersionId?: string;
}

export const updateSecret = defineOperation<UpdateSecretInput, UpdateSecretOutput>(
  "secretsmanager:UpdateSecret",
  async (ctx, input) => {
    const raw = input as unknown as Record<string, unknown>;
    const secretId = requiredString(raw, "SecretId", SECRET_ID);
    const token = optionalString(raw, "ClientRequestToken", CLIENT_REQUEST_TOKEN) ?? randomUUID();
    const description = optionalString(raw, "Description", DESCRIPTION);
    const kmsKeyId = optionalString(raw, "KmsKeyId", KMS_KEY_ID);
    const value = valueFromInput(input);
    const { rt } = ctx;
    const secret = await findSecret(rt, secretId);
    if (!secret) {
      await ctx.authorize({ resource: resourceForMissing(rt, secretId) });
      throw notFound();
    }
    const auth = secretAuthorization(secret);
    const context = { ...auth.context };
    if (description !== undefined) context["secretsmanager:Description"] = description;
    if (kmsKeyId !== undefined) context["secretsmanager:KmsKeyId"] = kmsKeyId;
    await ctx.authorize({ ...auth, context });
    if (secret.deletedDate) throw markedForDeletion();
    if (!value && description === undefined && kmsKeyId === undefined) {
      throw InvalidRequest(
        "You must specify at least one of Description, KmsKeyId, SecretString or SecretBinary.",
      );
    }
    // A version with this token already: the same value is the retry of a call that succeeded
    // (no new version); another value would modify a version, which AWS refuses.
    let retried = false;
    if (value) {
      const taken = await rt.db.secretVersion.findUnique({
        where: { secretId_versionId: { secretId: secret.id, versionId: token } },
        select: { versionId: true, valueType: true, ciphertext: true, wrappedKey: true },
      });
      if (taken) {
        if (!sameValue(open(rt.kek, secret.arn, taken), value)) {
          throw ResourceExists(
            "You can't modify an existing version, you can only create a new version.",
          );
        }
        retried = true;
      }
    }
    const now = rt.now();
    await rt.db.$transaction(async (tx) => {
      if (description !== undefined || kmsKeyId !== undefined) {
        await tx.secret.update({
          where: { id: secret.id },
          data: { description, kmsKeyId, lastChangedDate: now },
        });
      }
      if (description !== undefined) {
        await tx.secretWord.deleteMany({ where: { secretId: secret.id } });
        await tx.secretWord.createMany({
          data: secretWords({ name: secret.name, description, tags: secret.tags }).map((w) => ({
            secretId: secret.id,
            ...w,
          })),
        });
      }
      if (value && !retried) {
        const version = await tx.secretVersion.create({
          data: {
            secretId: secret.id,
            versionId: token,
            createdDate: now,
            ...seal(rt.kek, secret.arn, token, value),
          },
          select: { id: true },
        });
        await attachStages(tx, secret.id, version.id, ["AWSCURRENT"]);
        await pruneVersions(tx, secret.id, now);
        await tx.secret.update({ where: { id: secret.id }, data: { lastChangedDate: now } });
      }
      await ctx.auditIn(tx);
    });
    return { ARN: secret.arn, Name: secret.name, VersionId: value ? token : undefined };
  },
);
