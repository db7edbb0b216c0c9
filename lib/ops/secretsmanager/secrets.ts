// Finding a secret by SecretId (name, full ARN or partial ARN) and shaping it as AWS answers.
import { randomInt } from "node:crypto";
import type { ReadScope, SecretRecord } from "../../db/sql-store";
import { InvalidRequest, ResourceNotFound } from "../../errors";
import type { ContextValue } from "../authorize";
import type { OpContext } from "../operation";
import type { Runtime } from "../runtime";
import { tagMap } from "./tags";

const SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function secretArn(rt: Pick<Runtime, "region" | "accountId">, name: string): string {
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return `arn:aws:secretsmanager:${rt.region}:${rt.accountId}:secret:${name}-${suffix}`;
}

export type SecretRow = SecretRecord;

/**
 * Resolves a SecretId as AWS does: a full ARN, a name, or a partial ARN (the ARN without its
 * six random characters). Returns undefined when nothing matches; callers decide the error.
 */
export async function findSecret(
  rt: Pick<Runtime, "sql">,
  secretId: string,
  scope?: ReadScope,
): Promise<SecretRow | undefined> {
  if (secretId.startsWith("arn:")) {
    const byArn = await rt.sql.secret({ arn: secretId }, scope);
    if (byArn) return byArn;
    const marker = ":secret:";
    const at = secretId.indexOf(marker);
    if (at < 0) return undefined;
    const byName = await rt.sql.secret({ name: secretId.slice(at + marker.length) }, scope);
    return byName && byName.arn.startsWith(`${secretId}-`) ? byName : undefined;
  }
  return rt.sql.secret({ name: secretId }, scope);
}

/** The columns ListSecrets reads through Prisma (the same shape as SecretRecord). */
export const secretSelect = {
  id: true,
  arn: true,
  name: true,
  description: true,
  kmsKeyId: true,
  createdDate: true,
  lastChangedDate: true,
  lastAccessedDate: true,
  deletedDate: true,
  deletionDate: true,
  rotationEnabled: true,
  rotationLambdaArn: true,
  rotationRules: true,
  lastRotatedDate: true,
  nextRotationDate: true,
  resourcePolicy: true,
  primaryRegion: true,
  owningService: true,
  tags: { select: { key: true, value: true }, orderBy: { key: "asc" } },
  stages: { select: { stage: true, version: { select: { versionId: true } } } },
} as const;

export const notFound = () => ResourceNotFound("Secrets Manager can't find the specified secret.");

export const markedForDeletion = () =>
  InvalidRequest(
    "You can't perform this operation on the secret because it was marked for deletion.",
  );

/** The ARN to authorize against when a SecretId names nothing (AWS shows the id as given). */
export function resourceForMissing(rt: Pick<Runtime, "region" | "accountId">, secretId: string) {
  return secretId.startsWith("arn:")
    ? secretId
    : `arn:aws:secretsmanager:${rt.region}:${rt.accountId}:secret:${secretId}`;
}

export function versionIdsToStages(secret: Pick<SecretRow, "stages">): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { stage, version } of secret.stages) (out[version.versionId] ??= []).push(stage);
  for (const stages of Object.values(out)) stages.sort(stageOrder);
  return out;
}

const STAGE_RANK: Record<string, number> = { AWSCURRENT: 0, AWSPENDING: 1, AWSPREVIOUS: 2 };
function stageOrder(a: string, b: string): number {
  return (STAGE_RANK[a] ?? 3) - (STAGE_RANK[b] ?? 3) || a.localeCompare(b);
}

type AuthorizedFields = Pick<
  SecretRow,
  | "arn"
  | "name"
  | "description"
  | "kmsKeyId"
  | "tags"
  | "resourcePolicy"
  | "primaryRegion"
  | "rotationLambdaArn"
>;
type SecretAuthorization = ReturnType<typeof buildSecretAuthorization>;

/** Cached secret records are frozen and shared: their authorization inputs are built once. */
const authorizationOf = new WeakMap<AuthorizedFields, SecretAuthorization>();

/** Context keys and tags every secret-targeted authorization carries. */
export function secretAuthorization(secret: AuthorizedFields): SecretAuthorization {
  if (!Object.isFrozen(secret)) return buildSecretAuthorization(secret);
  let auth = authorizationOf.get(secret);
  if (!auth) {
    auth = buildSecretAuthorization(secret);
    Object.freeze(auth.resourceTags);
    Object.freeze(auth.context);
    authorizationOf.set(secret, Object.freeze(auth));
  }
  return auth;
}

function buildSecretAuthorization(secret: AuthorizedFields) {
  const tags = tagMap(secret.tags);
  const context: Record<string, string> = {
    "secretsmanager:SecretId": secret.arn,
    "secretsmanager:Name": secret.name,
  };
  if (secret.description) context["secretsmanager:Description"] = secret.description;
  if (secret.kmsKeyId) context["secretsmanager:KmsKeyId"] = secret.kmsKeyId;
  if (secret.primaryRegion) context["secretsmanager:SecretPrimaryRegion"] = secret.primaryRegion;
  if (secret.rotationLambdaArn) {
    context["secretsmanager:resource/AllowRotationLambdaArn"] = secret.rotationLambdaArn;
  }
  for (const [key, value] of Object.entries(tags)) {
    context[`secretsmanager:ResourceTag/${key}`] = value;
  }
  return {
    resource: secret.arn,
    resourceTags: tags,
    resourcePolicy: secret.resourcePolicy,
    context,
  };
}

export function rotationRulesOf(secret: Pick<SecretRow, "rotationRules">) {
  return secret.rotationRules
    ? (JSON.parse(secret.rotationRules) as Record<string, unknown>)
    : undefined;
}

/** DescribeSecret's shape (ListSecrets reuses it with SecretVersionsToStages). */
export function describeShape(secret: SecretRow) {
  const tags = secret.tags.map((t) => ({ Key: t.key, Value: t.value }));
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description ?? undefined,
    KmsKeyId: secret.kmsKeyId ?? undefined,
    // AWS leaves it out only for a secret never configured for rotation; false once cancelled.
    RotationEnabled: secret.rotationEnabled ? true : secret.rotationLambdaArn ? false : undefined,
    RotationLambdaARN: secret.rotationLambdaArn ?? undefined,
    RotationRules: rotationRulesOf(secret),
    LastRotatedDate: secret.lastRotatedDate ?? undefined,
    LastChangedDate: secret.lastChangedDate,
    LastAccessedDate: secret.lastAccessedDate ?? undefined,
    DeletedDate: secret.deletedDate ?? undefined,
    /** Strongbox's addition: when the recovery window ends and the secret is purged. */
    DeletionDate: secret.deletionDate ?? undefined,
    NextRotationDate: secret.nextRotationDate ?? undefined,
    Tags: tags.length > 0 ? tags : undefined,
    OwningService: secret.owningService ?? undefined,
    CreatedDate: secret.createdDate,
    PrimaryRegion: secret.primaryRegion ?? undefined,
  };
}

/** The start of the day (UTC): AWS keeps LastAccessedDate to the day. */
export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Resolves a SecretId and authorizes the operation on it: on the secret's ARN with its tags,
 * resource policy and context keys, or — when nothing matches — on the id as given, so a caller
 * without permission learns nothing about whether the secret exists.
 */
export async function authorizedSecret(
  ctx: OpContext,
  secretId: string,
  context: Record<string, ContextValue> = {},
): Promise<SecretRow> {
  const secret = await findSecret(ctx.rt, secretId);
  if (!secret) {
    await ctx.authorize({ resource: resourceForMissing(ctx.rt, secretId), context });
    throw notFound();
  }
  const auth = secretAuthorization(secret);
  await ctx.authorize({ ...auth, context: { ...auth.context, ...context } });
  return secret;
}
