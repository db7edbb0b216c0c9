import type { ReadScope } from "../../db/sql-store";
import { ResourceNotFound } from "../../errors";
import type { OpContext } from "../operation";
import { defineOperation } from "../operation";
import {
  dayOf,
  findSecret,
  markedForDeletion,
  notFound,
  resourceForMissing,
  secretAuthorization,
} from "./secrets";
import { openShared, valueFields } from "./secret-value";
import { SECRET_ID, VERSION_ID, VERSION_STAGE, optionalString, requiredString } from "./validate";

export interface GetSecretValueInput {
  SecretId: string;
  VersionId?: string;
  VersionStage?: string;
}

export interface GetSecretValueOutput {
  ARN: string;
  Name: string;
  VersionId: string;
  SecretString?: string;
  SecretBinary?: Buffer;
  VersionStages: string[];
  CreatedDate: Date;
}

/** Shared by GetSecretValue and BatchGetSecretValue. */
export async function readSecretValue(
  ctx: OpContext,
  input: GetSecretValueInput,
  action = "secretsmanager:GetSecretValue",
): Promise<GetSecretValueOutput> {
  const raw = input as unknown as Record<string, unknown>;
  const secretId = requiredString(raw, "SecretId", SECRET_ID);
  const versionId = optionalString(raw, "VersionId", VERSION_ID);
  const versionStage =
    optionalString(raw, "VersionStage", VERSION_STAGE) ?? (versionId ? undefined : "AWSCURRENT");
  const { rt } = ctx;

  // This call's reads (secret, version, the caller's policies' generation) check once whether
  // the database changed, then trust that check: the cost of a read cached in memory.
  const scope: ReadScope = {};
  const secret = await findSecret(rt, secretId, scope);
  if (!secret) {
    await ctx.authorize({ action, resource: resourceForMissing(rt, secretId), readScope: scope });
    throw notFound();
  }
  const version = await rt.sql.version(secret.id, { versionId, stage: versionStage }, scope);
  const auth = secretAuthorization(secret);
  const stages = version?.stages.map((s) => s.stage) ?? [];
  await ctx.authorize({
    ...auth,
    readScope: scope,
    action,
    context: {
      ...auth.context,
      ...(version ? { "secretsmanager:VersionId": version.versionId } : {}),
      "secretsmanager:VersionStage": stages,
    },
  });
  if (secret.deletedDate) throw markedForDeletion();

  const value = version ? openShared(rt.kek, secret.arn, version) : undefined;
  if (!version || !value) {
    const what = [
      versionId ? `VersionId: ${versionId}` : undefined,
      versionStage ? `staging label: ${versionStage}` : undefined,
    ].filter(Boolean);
    throw ResourceNotFound(
      `Secrets Manager can't find the specified secret value for ${what.join(" and ")}`,
    );
  }

  // LastAccessedDate is kept to the day: one write per secret (and version) per day at most.
  const today = dayOf(rt.now());
  if (!secret.lastAccessedDate || secret.lastAccessedDate < today) {
    await rt.db.secret.update({ where: { id: secret.id }, data: { lastAccessedDate: today } });
  }
  if (!version.lastAccessedDate || version.lastAccessedDate < today) {
    await rt.db.secretVersion.update({
      where: { id: version.id },
      data: { lastAccessedDate: today },
    });
  }
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.versionId,
    ...valueFields(value),
    VersionStages: stages,
    CreatedDate: version.createdDate,
  };
}

export const getSecretValue = defineOperation<GetSecretValueInput, GetSecretValueOutput>(
  "secretsmanager:GetSecretValue",
  readSecretValue,
);
