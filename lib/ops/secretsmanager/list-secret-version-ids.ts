import { InvalidNextToken } from "../../errors";
import { defineOperation } from "../operation";
import { findSecret, notFound, resourceForMissing, secretAuthorization } from "./secrets";
import {
  SECRET_ID,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
} from "./validate";
import { decodeToken, encodeToken } from "./paging";

export interface ListSecretVersionIdsInput {
  SecretId: string;
  MaxResults?: number;
  NextToken?: string;
  IncludeDeprecated?: boolean;
}

export interface SecretVersionsListEntry {
  VersionId: string;
  VersionStages?: string[];
  LastAccessedDate?: Date;
  CreatedDate: Date;
  KmsKeyIds?: string[];
}

export interface ListSecretVersionIdsOutput {
  Versions: SecretVersionsListEntry[];
  NextToken?: string;
  ARN: string;
  Name: string;
}

export const listSecretVersionIds = defineOperation<
  ListSecretVersionIdsInput,
  ListSecretVersionIdsOutput
>("secretsmanager:ListSecretVersionIds", async (ctx, input) => {
  const raw = input as unknown as Record<string, unknown>;
  const secretId = requiredString(raw, "SecretId", SECRET_ID);
  const max = optionalInteger(raw, "MaxResults", { min: 1, max: 100 }) ?? 100;
  const token = optionalString(raw, "NextToken", { min: 1, max: 4096 });
  const includeDeprecated = optionalBoolean(raw, "IncludeDeprecated") ?? false;
  const { rt } = ctx;
  const secret = await findSecret(rt, secretId);
  if (!secret) {
    await ctx.authorize({ resource: resourceForMissing(rt, secretId) });
    throw notFound();
  }
  await ctx.authorize(secretAuthorization(secret));
  const after = token ? decodeToken<{ c: string; i: string }>(token) : undefined;
  if (token && (!after || typeof after.c !== "string" || typeof after.i !== "string")) {
    throw InvalidNextToken("The NextToken value is invalid.");
  }
  const rows = await rt.db.secretVersion.findMany({
    where: {
      secretId: secret.id,
      ...(includeDeprecated ? {} : { stages: { some: {} } }),
      ...(after
        ? {
            OR: [
              { createdDate: { lt: new Date(after.c) } },
              { createdDate: new Date(after.c), id: { lt: after.i } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdDate: "desc" }, { id: "desc" }],
    take: max + 1,
    select: {
      id: true,
      versionId: true,
      createdDate: true,
      lastAccessedDate: true,
      stages: { select: { stage: true } },
    },
  });
  const page = rows.slice(0, max);
  const last = page[page.length - 1];
  return {
    Versions: page.map((v) => ({
      VersionId: v.versionId,
      VersionStages: v.stages.length > 0 ? v.stages.map((s) => s.stage) : undefined,
      LastAccessedDate: v.lastAccessedDate ?? undefined,
      CreatedDate: v.createdDate,
      KmsKeyIds: [secret.kmsKeyId ?? "DefaultEncryptionKey"],
    })),
    NextToken:
      rows.length > max && last
        ? encodeToken({ c: last.createdDate.toISOString(), i: last.id })
        : undefined,
    ARN: secret.arn,
    Name: secret.name,
  };
});
