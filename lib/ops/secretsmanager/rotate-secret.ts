// secretsmanager:RotateSecret: configures rotation (function, rules) and, unless
// RotateImmediately is false, starts a rotation. The AWSPENDING version (VersionId =
// ClientRequestToken) is registered here, without a value, before the function runs, within the
// quota of 100 versions per secret like PutSecretValue's versions; the rotation itself runs
// asynchronously (lib/rotation), as in AWS. What the function's template needs in the secret
// (engine, host, username, password; masterarn naming a master secret that exists) is checked
// now, when the administrator is there to fix it, not at 3 a.m.
import { randomUUID } from "node:crypto";
import { InvalidParameter, InvalidRequest, ResourceExists, ResourceNotFound } from "../../errors";
import { track } from "../../rotation/in-flight";
import { parseRotationRules, scheduleOf, type RotationRules } from "../../rotation/schedule";
import { TEMPLATES, databaseSecret, isTemplateId } from "../../rotation/templates/catalog";
import { defineOperation, type OpContext } from "../operation";
import type { Runtime } from "../runtime";
import {
  findSecret,
  markedForDeletion,
  notFound,
  resourceForMissing,
  secretAuthorization,
  type SecretRow,
} from "./secrets";
import { open } from "./secret-value";
import { registerPendingVersion } from "./pending-version";
import {
  CLIENT_REQUEST_TOKEN,
  SECRET_ID,
  optionalBoolean,
  optionalString,
  requiredString,
} from "./validate";

export interface RotateSecretInput {
  SecretId: string;
  ClientRequestToken?: string;
  RotationLambdaARN?: string;
  RotationRules?: RotationRules;
  RotateImmediately?: boolean;
}

export interface RotateSecretOutput {
  ARN: string;
  Name: string;
  VersionId?: string;
}

export const PREVIOUS_ROTATION_INCOMPLETE =
  "A previous rotation isn't complete. That rotation will be reattempted.";

const LAMBDA_ARN = /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[a-zA-Z0-9-_]{1,64}$/;

/** The version a rotation in progress works on: AWSPENDING where it is not also AWSCURRENT. */
export function pendingVersionId(secret: Pick<SecretRow, "stages">): string | undefined {
  const pending = secret.stages.find((s) => s.stage === "AWSPENDING")?.version.versionId;
  const current = secret.stages.find((s) => s.stage === "AWSCURRENT")?.version.versionId;
  return pending && pending !== current ? pending : undefined;
}

async function currentText(
  rt: Runtime,
  secret: Pick<SecretRow, "id" | "arn">,
): Promise<string | undefined> {
  const version = await rt.sql.version(secret.id, { stage: "AWSCURRENT" });
  const value = version ? open(rt.kek, secret.arn, version) : undefined;
  return value?.type === "string" ? value.value : undefined;
}

/** The template's requirements on the secret's value (and its master secret), read in-service. */
async function checkSecretForTemplate(
  ctx: OpContext,
  secret: SecretRow,
  template: string,
): Promise<void> {
  const { rt } = ctx;
  if (!isTemplateId(template)) return;
  const info = TEMPLATES[template];
  const text = await currentText(rt, secret);
  if (
    text === undefined &&
    (await rt.sql.version(secret.id, { stage: "AWSCURRENT" })) === undefined
  ) {
    throw InvalidRequest(
      "You can't rotate a secret that has no value: put a value with PutSecretValue first.",
    );
  }
  if (text === undefined) {
    throw InvalidRequest(
      `The ${info.id} rotation function rotates string secrets, and this secret's value is binary.`,
    );
  }
  if (!info.engine) return;
  const value = databaseSecret(info, text);
  if (info.strategy !== "alternating-users") return;
  const master = await findSecret(rt, value.masterarn!);
  if (!master || master.deletedDate) {
    throw InvalidParameter(
      `The master secret ${value.masterarn} named by masterarn doesn't exist. Create it, or correct masterarn, before turning on rotation.`,
      "SecretId",
    );
  }
  const masterValue = databaseSecret(info, await currentText(rt, master), "The master secret");
  if (masterValue.host !== value.host) {
    throw InvalidParameter(
      `The master secret's host (${masterValue.host}) is not the secret's host (${value.host}): the master secret must sign in to the same database server.`,
      "SecretId",
    );
  }
}

export const rotateSecret = defineOperation<RotateSecretInput, RotateSecretOutput>(
  "secretsmanager:RotateSecret",
  async (ctx, input) => {
    const raw = input as unknown as Record<string, unknown>;
    const secretId = requiredString(raw, "SecretId", SECRET_ID);
    const token = optionalString(raw, "ClientRequestToken", CLIENT_REQUEST_TOKEN);
    const lambdaArn = optionalString(raw, "RotationLambdaARN", { max: 2048 });
    if (lambdaArn !== undefined && !LAMBDA_ARN.test(lambdaArn)) {
      throw InvalidParameter(
        `The RotationLambdaARN ${lambdaArn} is not a Lambda function ARN.`,
        "RotationLambdaARN",
      );
    }
    const parsedRules =
      input.RotationRules === undefined || input.RotationRules === null
        ? undefined
        : parseRotationRules(input.RotationRules);
    const immediately = optionalBoolean(raw, "RotateImmediately") ?? true;
    const { rt } = ctx;

    const secret = await findSecret(rt, secretId);
    if (!secret) {
      await ctx.authorize({ resource: resourceForMissing(rt, secretId) });
      throw notFound();
    }
    const functionArn = lambdaArn ?? secret.rotationLambdaArn ?? undefined;
    const auth = secretAuthorization(secret);
    await ctx.authorize({
      ...auth,
      context: {
        ...auth.context,
        ...(functionArn ? { "secretsmanager:RotationLambdaARN": functionArn } : {}),
      },
    });
    if (secret.deletedDate) throw markedForDeletion();
    if (!functionArn) {
      throw InvalidRequest(
        "No rotation function is configured for this secret: specify RotationLambdaARN.",
      );
    }
    // Secrets Manager invokes the function for the caller, who must be allowed to.
    await ctx.authorize({ action: "lambda:InvokeFunction", resource: functionArn });
    const fn = await rt.db.lambdaFunction.findUnique({
      where: { arn: functionArn },
      select: { template: true },
    });
    if (!fn) {
      throw ResourceNotFound(
        `Secrets Manager can't find the rotation function ${functionArn}.`,
        "RotationLambdaARN",
      );
    }

    const pending = pendingVersionId(secret);
    if (pending && token !== pending) throw InvalidRequest(PREVIOUS_ROTATION_INCOMPLETE);
    await checkSecretForTemplate(ctx, secret, fn.template);

    const rulesJson = parsedRules ? JSON.stringify(parsedRules.rules) : secret.rotationRules;
    const schedule = parsedRules?.schedule ?? scheduleOf(rulesJson);
    const now = rt.now();
    const versionId = immediately ? (token ?? randomUUID()) : undefined;
    let rotate = immediately;
    if (versionId && versionId !== pending) {
      const isCurrent = secret.stages.some(
        (s) => s.version.versionId === versionId && s.stage === "AWSCURRENT",
      );
      const known = await rt.db.secretVersion.findUnique({
        where: { secretId_versionId: { secretId: secret.id, versionId } },
        select: { id: true },
      });
      // The retry of a RotateSecret that already finished: nothing more to do.
      if (isCurrent) rotate = false;
      else if (known)
        throw ResourceExists("A version with this ClientRequestToken already exists.");
    }
    const next = schedule?.nextWindow(immediately ? now : secret.lastRotatedDate, now);

    await rt.db.$transaction(async (tx) => {
      await tx.secret.update({
        where: { id: secret.id },
        data: {
          rotationEnabled: true,
          rotationLambdaArn: functionArn,
          rotationRules: rulesJson,
          nextRotationDate: next?.start ?? null,
          lastChangedDate: now,
        },
      });
      if (rotate && versionId) {
        if (versionId !== pending) {
          // A refusal (LimitExceededException) undoes the whole call, configuration included.
          await registerPendingVersion(tx, secret.id, versionId, now);
        }
        await tx.rotationLease.upsert({
          where: { secretId: secret.id },
          create: { secretId: secret.id, dueAt: now, failures: 0 },
          update: { dueAt: now, windowEnd: null },
        });
      } else if (next) {
        await tx.rotationLease.upsert({
          where: { secretId: secret.id },
          create: { secretId: secret.id, dueAt: next.start, windowEnd: next.end },
          update: { dueAt: next.start, windowEnd: next.end, failures: 0 },
        });
      } else {
        await tx.rotationLease.deleteMany({ where: { secretId: secret.id, holder: null } });
      }
      await ctx.auditIn(tx);
    });

    if (rotate) {
      // This instance starts the rotation now; any instance's scheduler would otherwise.
      void track(import("../../rotation/scheduler").then((m) => m.kickRotation(rt, secret.id)));
    }
    return { ARN: secret.arn, Name: secret.name, VersionId: versionId };
  },
);
