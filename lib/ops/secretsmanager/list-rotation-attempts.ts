// Strongbox's addition: a secret's rotation history, newest first — each attempt with its steps,
// outcome, error and versions (never a value). Authorized as secretsmanager:DescribeSecret.
import { InvalidParameter } from "../../errors";
import { defineOperation } from "../operation";
import { findSecret, notFound, resourceForMissing, secretAuthorization } from "./secrets";
import { SECRET_ID, optionalInteger, optionalString, requiredString } from "./validate";

export interface RotationAttemptEntry {
  AttemptId: string;
  VersionId: string;
  PreviousVersionId?: string;
  RotationLambdaARN: string;
  Trigger: string;
  Status: string;
  Steps: {
    Step: string;
    StartedAt: string;
    EndedAt?: string;
    Outcome: string;
    ErrorCode?: string;
    ErrorMessage?: string;
  }[];
  ErrorCode?: string;
  ErrorMessage?: string;
  StartedAt: Date;
  EndedAt?: Date;
}

export interface ListRotationAttemptsOutput {
  ARN: string;
  Name: string;
  RotationAttempts: RotationAttemptEntry[];
  NextToken?: string;
}

export const listRotationAttempts = defineOperation<
  { SecretId: string; MaxResults?: number; NextToken?: string },
  ListRotationAttemptsOutput
>("strongbox:ListRotationAttempts", async (ctx, input) => {
  const raw = input as unknown as Record<string, unknown>;
  const secretId = requiredString(raw, "SecretId", SECRET_ID);
  const max = optionalInteger(raw, "MaxResults", { min: 1, max: 100 }) ?? 20;
  const nextToken = optionalString(raw, "NextToken", { max: 4096 });
  const action = "secretsmanager:DescribeSecret";
  const { rt } = ctx;
  const secret = await findSecret(rt, secretId);
  if (!secret) {
    await ctx.authorize({ action, resource: resourceForMissing(rt, secretId) });
    throw notFound();
  }
  await ctx.authorize({ ...secretAuthorization(secret), action });
  let before: { startedAt: Date; id: string } | undefined;
  if (nextToken) {
    try {
      const [time, id] = Buffer.from(nextToken, "base64url").toString("utf8").split("|");
      before = { startedAt: new Date(time), id };
      if (Number.isNaN(before.startedAt.getTime()) || !id) throw new Error("bad token");
    } catch {
      throw InvalidParameter("The NextToken is invalid.", "NextToken");
    }
  }
  const rows = await rt.db.rotationAttempt.findMany({
    where: {
      secretId: secret.id,
      ...(before
        ? {
            OR: [
              { startedAt: { lt: before.startedAt } },
              { startedAt: before.startedAt, id: { lt: before.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: max + 1,
  });
  const page = rows.slice(0, max);
  const last = page[page.length - 1];
  return {
    ARN: secret.arn,
    Name: secret.name,
    RotationAttempts: page.map((r) => ({
      AttemptId: r.id,
      VersionId: r.versionId,
      PreviousVersionId: r.previousVersionId ?? undefined,
      RotationLambdaARN: r.functionArn,
      Trigger: r.trigger,
      Status: r.status,
      Steps: JSON.parse(r.steps) as RotationAttemptEntry["Steps"],
      ErrorCode: r.errorCode ?? undefined,
      ErrorMessage: r.errorMessage ?? undefined,
      StartedAt: r.startedAt,
      EndedAt: r.endedAt ?? undefined,
    })),
    NextToken:
      rows.length > max
        ? Buffer.from(`${last.startedAt.toISOString()}|${last.id}`, "utf8").toString("base64url")
        : undefined,
  };
});
