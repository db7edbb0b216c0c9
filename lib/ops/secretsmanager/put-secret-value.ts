import { randomUUID } from "node:crypto";
import { ResourceExists } from "../../errors";
import { defineOperation } from "../operation";
import {
  findSecret,
  markedForDeletion,
  notFound,
  resourceForMissing,
  secretAuthorization,
} from "./secrets";
import { open, requireValue, sameValue, seal, valueFromInput } from "./secret-value";
import { attachStages, pruneVersions } from "./stages";
import {
  CLIENT_REQUEST_TOKEN,
  SECRET_ID,
  VERSION_STAGE,
  optionalString,
  optionalStringList,
  requiredString,
} from "./validate";

export interface PutSecretValueInput {
  SecretId: string;
  ClientRequestToken?: string;
  SecretString?: string;
  SecretBinary?: Uint8Array | string;
  VersionStages?: string[];
  RotationToken?: string;
}

export interface PutSecretValueOutput {
  ARN: string;
  Name: string;
  VersionId: string;
  VersionStages: string[];
}

export const putSecretValue = defineOperation<PutSecretValueInput, PutSecretValueOutput>(
  "secretsmanager:PutSecretValue",
  async (ctx, input) => {
    const raw = input as unknown as Record<string, unknown>;
    const secretId = requiredString(raw, "SecretId", SECRET_ID);
    const token = optionalString(raw, "ClientRequestToken", CLIENT_REQUEST_TOKEN) ?? randomUUID();
    const stages = optionalStringList(raw, "VersionStages", VERSION_STAGE, { min: 1, max: 20 }) ?? [
      "AWSCURRENT",
    ];
    const value = requireValue(valueFromInput(input));
    const { rt } = ctx;

    const secret = await findSecret(rt, secretId);
    if (!secret) {
      await ctx.authorize({ resource: resourceForMissing(rt, secretId) });
      throw notFound();
    }
    const auth = secretAuthorization(secret);
    await ctx.authorize({
      ...auth,
      context: { ...auth.context, "secretsmanager:VersionStage": stages },
    });
    if (secret.deletedDate) throw markedForDeletion();

    const existing = await rt.db.secretVersion.findUnique({
      where: { secretId_versionId: { secretId: secret.id, versionId: token } },
      select: {
        versionId: true,
        valueType: true,
        ciphertext: true,
        wrappedKey: true,
        stages: { select: { stage: true } },
      },
    });
    if (existing?.valueType) {
      // Same token and same value: the retry of a call that already succeeded.
      if (sameValue(open(rt.kek, secret.arn, existing), value)) {
        return {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: token,
          VersionStages: existing.stages.map((s) => s.stage),
        };
      }
      throw ResourceExists(
        "You can't modify an existing version, you can only create a new version.",
      );
    }

    // AWS: "If this operation creates the first version for the secret, then Secrets Manager
    // automatically attaches the staging label AWSCURRENT to it", whatever VersionStages says.
    const newStages = secret.stages.some((s) => s.stage === "AWSCURRENT")
      ? stages
      : [...new Set(["AWSCURRENT", ...stages])];
    const now = rt.now();
    const finalStages = await rt.db.$transaction(async (tx) => {
      const sealed = seal(rt.kek, secret.arn, token, value);
      // A version registered without a value (AWSPENDING from RotateSecret) receives it here.
      const version = existing
        ? await tx.secretVersion.update({
            where: { secretId_versionId: { secretId: secret.id, versionId: token } },
            data: sealed,
            select: { id: true },
          })
        : await tx.secretVersion.create({
            data: { secretId: secret.id, versionId: token, createdDate: now, ...sealed },
            select: { id: true },
          });
      await attachStages(tx, secret.id, version.id, newStages);
      await pruneVersions(tx, secret.id, now);
      await tx.secret.update({ where: { id: secret.id }, data: { lastChangedDate: now } });
      await ctx.auditIn(tx);
      const labels = await tx.secretVersionStage.findMany({
        where: { versionPk: version.id },
        select: { stage: true },
      });
      return labels.map((l) => l.stage);
    });
    return { ARN: secret.arn, Name: secret.name, VersionId: token, VersionStages: finalStages };
  },
);
