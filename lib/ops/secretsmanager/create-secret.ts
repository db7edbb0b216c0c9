import { randomUUID } from "node:crypto";
import { InvalidRequest, ResourceExists } from "../../errors";
import { defineOperation } from "../operation";
import { findSecret, secretArn } from "./secrets";
import { isUniqueViolation } from "../../db/errors";
import { open, sameValue, seal, valueFromInput } from "./secret-value";
import { parseTags, requestTagContext } from "./tags";
import { secretWords } from "./words";
import { REPLICATION_UNSUPPORTED } from "./replication";
import {
  CLIENT_REQUEST_TOKEN,
  DESCRIPTION,
  KMS_KEY_ID,
  SECRET_NAME,
  optionalBoolean,
  optionalString,
  requiredString,
} from "./validate";

export interface CreateSecretInput {
  Name: string;
  ClientRequestToken?: string;
  Description?: string;
  KmsKeyId?: string;
  SecretString?: string;
  SecretBinary?: Uint8Array | string;
  Tags?: { Key: string; Value: string }[];
  ForceOverwriteReplicaSecret?: boolean;
  AddReplicaRegions?: unknown[];
}

export interface CreateSecretOutput {
  ARN: string;
  Name: string;
  VersionId?: string;
}

export const createSecret = defineOperation<CreateSecretInput, CreateSecretOutput>(
  "secretsmanager:CreateSecret",
  async (ctx, input) => {
    const raw = input as unknown as Record<string, unknown>;
    const name = requiredString(raw, "Name", SECRET_NAME);
    const token = optionalString(raw, "ClientRequestToken", CLIENT_REQUEST_TOKEN) ?? randomUUID();
    const description = optionalString(raw, "Description", DESCRIPTION);
    const kmsKeyId = optionalString(raw, "KmsKeyId", KMS_KEY_ID);
    optionalBoolean(raw, "ForceOverwriteReplicaSecret");
    const tags = parseTags(input.Tags);
    const value = valueFromInput(input);
    if (input.AddReplicaRegions && input.AddReplicaRegions.length > 0) {
      throw InvalidRequest(REPLICATION_UNSUPPORTED);
    }
    const { rt } = ctx;
    const arn = secretArn(rt, name);

    const context: Record<string, string | string[]> = {
      "secretsmanager:Name": name,
      ...requestTagContext(tags),
    };
    if (description) context["secretsmanager:Description"] = description;
    if (kmsKeyId) context["secretsmanager:KmsKeyId"] = kmsKeyId;
    await ctx.authorize({ resource: arn, context });
    if (tags.length > 0) {
      await ctx.authorize({ action: "secretsmanager:TagResource", resource: arn, context });
    }

    const existing = await findSecret(rt, name);
    if (existing) {
      if (existing.deletedDate) {
        throw InvalidRequest(
          "You can't create this secret because a secret with this name is already scheduled for deletion.",
        );
      }
      // A retried CreateSecret (same token, same value) answers as the first one did.
      const version = value
        ? await rt.db.secretVersion.findUnique({
            where: { secretId_versionId: { secretId: existing.id, versionId: token } },
          })
        : null;
      if (version && value && sameValue(open(rt.kek, existing.arn, version), value)) {
        return { ARN: existing.arn, Name: existing.name, VersionId: token };
      }
      throw ResourceExists(
        `The operation failed because the secret ${name} already exists.`,
        "Name",
      );
    }

    const now = rt.now();
    const created = rt.db.$transaction(async (tx) => {
      const secret = await tx.secret.create({
        data: {
          arn,
          name,
          description,
          kmsKeyId,
          createdDate: now,
          lastChangedDate: now,
          tags: {
            create: tags.map((t) => ({ key: t.Key, value: t.Value })),
          },
          words: {
            create: secretWords({
              name,
              description,
              tags: tags.map((t) => ({ key: t.Key, value: t.Value })),
            }),
          },
        },
        select: { id: true },
      });
      if (value) {
        const version = await tx.secretVersion.create({
          data: {
            secretId: secret.id,
            versionId: token,
            createdDate: now,
            ...seal(rt.kek, arn, token, value),
          },
          select: { id: true },
        });
        await tx.secretVersionStage.create({
          data: { secretId: secret.id, stage: "AWSCURRENT", versionPk: version.id },
        });
      }
      await ctx.auditIn(tx);
    });
    await created.catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw ResourceExists(
          `The operation failed because the secret ${name} already exists.`,
          "Name",
        );
      }
      throw error;
    });
    return { ARN: arn, Name: name, VersionId: value ? token : undefined };
  },
);
