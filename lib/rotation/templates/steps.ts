// The four steps of each template, written as AWS's rotation functions are: every step reads
// what it needs from Secrets Manager (as the execution role) and is idempotent, so a rotation
// that stopped anywhere is finished by running the steps again with the same ClientRequestToken.
//   createSecret  put a new value as AWSPENDING (skipped when the pending version has one)
//   setSecret     make the external system accept it (skipped when it already does)
//   testSecret    sign in with it
//   finishSecret  move AWSCURRENT to it (skipped when it is already there)
import { isAwsError } from "../../errors";
import { signRequest } from "../../crypto/sigv4";
import type { RoleSecretsManager } from "../role";
import { TEMPLATES, databaseSecret, type DatabaseSecret, type TemplateId } from "./catalog";
import { driverFor, type DatabaseConnection } from "./databases";

export const STEPS = ["createSecret", "setSecret", "testSecret", "finishSecret"] as const;
export type StepName = (typeof STEPS)[number];

/** A step that failed for a reason of its own (as a Lambda function's raised error). */
export class RotationStepError extends Error {
  constructor(
    message: string,
    readonly code = "RotationStepError",
  ) {
    super(message);
  }
}

export interface RotationFunctionConfig {
  name: string;
  arn: string;
  template: TemplateId;
  timeoutMs: number;
  environment: Record<string, string>;
  endpoint?: string;
  signingSecret?: string;
  region: string;
}

export interface StepContext {
  /** The secret's ARN (AWS hands the function SecretId as the ARN). */
  secretId: string;
  token: string;
  sm: RoleSecretsManager;
  fn: RotationFunctionConfig;
  signal: AbortSignal;
}

type Step = (ctx: StepContext) => Promise<void>;

// ---------------------------------------------------------------------------------------------
// Shared pieces

async function value(ctx: StepContext, stage: string, versionId?: string, secretId = ctx.secretId) {
  const out = await ctx.sm.getSecretValue({
    SecretId: secretId,
    VersionStage: stage,
    VersionId: versionId,
  });
  if (out.SecretString === undefined) {
    throw new RotationStepError(
      `The ${stage} version of ${secretId} is binary: this function rotates string secrets.`,
    );
  }
  return out.SecretString;
}

/** The pending value, or undefined while the AWSPENDING version has none yet. */
async function pendingValue(ctx: StepContext): Promise<string | undefined> {
  try {
    return await value(ctx, "AWSPENDING", ctx.token);
  } catch (error) {
    if (isAwsError(error) && error.code === "ResourceNotFoundException") return undefined;
    throw error;
  }
}

async function newPassword(ctx: StepContext): Promise<string> {
  const env = ctx.fn.environment;
  const length = env.PASSWORD_LENGTH ? Number(env.PASSWORD_LENGTH) : 32;
  const { RandomPassword } = await ctx.sm.getRandomPassword({
    PasswordLength: length,
    // AWS's database templates leave out the characters connection strings trip over.
    ExcludeCharacters: env.EXCLUDE_CHARACTERS ?? "/@\"'\\",
  });
  return RandomPassword;
}

async function putPending(ctx: StepContext, secretString: string): Promise<void> {
  await ctx.sm.putSecretValue({
    SecretId: ctx.secretId,
    ClientRequestToken: ctx.token,
    SecretString: secretString,
    VersionStages: ["AWSPENDING"],
  });
}

/** finishSecret: AWSCURRENT moves to the pending version (AWSPREVIOUS follows the old one). */
const finishSecret: Step = async (ctx) => {
  const metadata = await ctx.sm.describeSecret(ctx.secretId);
  let current: string | undefined;
  for (const [versionId, stages] of Object.entries(metadata.VersionIdsToStages ?? {})) {
    if (stages.includes("AWSCURRENT")) {
      if (versionId === ctx.token) return;
      current = versionId;
    }
  }
  await ctx.sm.updateSecretVersionStage({
    SecretId: ctx.secretId,
    VersionStage: "AWSCURRENT",
    MoveToVersionId: ctx.token,
    RemoveFromVersionId: current,
  });
};

// ---------------------------------------------------------------------------------------------
// generic: a new random password, no external system

/** A JSON object gets a new `password`; any other string is replaced by a new password. */
async function generatedValue(ctx: StepContext, current: string): Promise<string> {
  const password = await newPassword(ctx);
  try {
    const parsed = JSON.parse(current) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return JSON.stringify({ ...parsed, password });
    }
  } catch {
    // Not JSON: the whole value is the password.
  }
  return password;
}

const generic: Record<StepName, Step> = {
  async createSecret(ctx) {
    const current = await value(ctx, "AWSCURRENT");
    if ((await pendingValue(ctx)) !== undefined) return;
    await putPending(ctx, await generatedValue(ctx, current));
  },
  async setSecret() {
    // Nothing outside Strongbox holds a generic secret.
  },
  async testSecret(ctx) {
    const pending = await pendingValue(ctx);
    if (!pending) {
      throw new RotationStepError(`The AWSPENDING version of ${ctx.secretId} has no value.`);
    }
  },
  finishSecret,
};

// ---------------------------------------------------------------------------------------------
// Databases: single user and alternating users

const CLONE_SUFFIX = "_clone";

function databaseSteps(id: TemplateId): Record<StepName, Step> {
  const template = TEMPLATES[id];
  const driver = driverFor(template.engine!);
  const dict = async (ctx: StepContext, stage: string, versionId?: string, secretId?: string) =>
    databaseSecret(template, await value(ctx, stage, versionId, secretId), `The ${stage} secret`);
  const connect = (ctx: StepContext, secret: DatabaseSecret) =>
    driver.connect(secret, ctx.fn.timeoutMs);
  const withConnection = async (connection: DatabaseConnection, work: () => Promise<void>) => {
    try {
      await work();
    } finally {
      await connection.close();
    }
  };

  return {
    async createSecret(ctx) {
      const current = await dict(ctx, "AWSCURRENT");
      if ((await pendingValue(ctx)) !== undefined) return;
      const next: DatabaseSecret = { ...current, password: await newPassword(ctx) };
      if (template.strategy === "alternating-users") {
        next.username = current.username.endsWith(CLONE_SUFFIX)
          ? current.username.slice(0, -CLONE_SUFFIX.length)
          : current.username + CLONE_SUFFIX;
      }
      await putPending(ctx, JSON.stringify(next));
    },

    async setSecret(ctx) {
      const current = await dict(ctx, "AWSCURRENT");
      const pending = await dict(ctx, "AWSPENDING", ctx.token);
      const already = await connect(ctx, pending);
      if (already) {
        await already.close();
        return;
      }
      if (template.strategy === "single-user") {
        if (pending.username !== current.username) {
          throw new RotationStepError(
            `Attempting to modify user ${pending.username} other than current user ${current.username}`,
          );
        }
        let connection = await connect(ctx, current);
        if (!connection) {
          const previous = await dict(ctx, "AWSPREVIOUS").catch(() => undefined);
          connection = previous ? await connect(ctx, previous) : undefined;
        }
        if (!connection) {
          throw new RotationStepError(
            `setSecret: Unable to log into database with previous, current, or pending secret of secret arn ${ctx.secretId}`,
          );
        }
        await withConnection(connection, () =>
          connection.setOwnPassword(pending.username, pending.password),
        );
        return;
      }
      // Alternating users: the pending user is the current one or its clone, and the master
      // secret (named by masterarn) changes it. Reading the master secret is where a role
      // without the master-secret grant is refused.
      const original = current.username.endsWith(CLONE_SUFFIX)
        ? current.username.slice(0, -CLONE_SUFFIX.length)
        : current.username;
      if (pending.username !== original && pending.username !== original + CLONE_SUFFIX) {
        throw new RotationStepError(
          `Attempting to modify user ${pending.username} other than current user or clone ${current.username}`,
        );
      }
      if (typeof current.masterarn !== "string") {
        throw new RotationStepError(`The secret ${ctx.secretId} has no masterarn.`);
      }
      const master = await dict(ctx, "AWSCURRENT", undefined, current.masterarn);
      if (master.host !== current.host) {
        throw new RotationStepError(
          `Attempting to modify user for host ${current.host} other than master host ${master.host}`,
        );
      }
      const connection = await connect(ctx, master);
      if (!connection) {
        throw new RotationStepError(
          `setSecret: Unable to log into database using credentials in master secret ${current.masterarn}`,
        );
      }
      const other = pending.username === original ? original + CLONE_SUFFIX : original;
      await withConnection(connection, () =>
        connection.upsertClone(other, pending.username, pending.password),
      );
    },

    async testSecret(ctx) {
      const pending = await dict(ctx, "AWSPENDING", ctx.token);
      const connection = await connect(ctx, pending);
      if (!connection) {
        throw new RotationStepError(
          `testSecret: Unable to log into database with pending secret of secret ARN ${ctx.secretId}`,
        );
      }
      await withConnection(connection, () => connection.ping());
    },

    finishSecret,
  };
}

// ---------------------------------------------------------------------------------------------
// http: the user's own endpoint receives each step as a SigV4-signed POST

interface EndpointAnswer {
  SecretString?: unknown;
}

async function post(
  ctx: StepContext,
  step: StepName,
  extra: Record<string, unknown> = {},
): Promise<EndpointAnswer> {
  const url = new URL(ctx.fn.endpoint!);
  const body = JSON.stringify({
    Step: step,
    SecretId: ctx.secretId,
    ClientRequestToken: ctx.token,
    ...extra,
  });
  const signed = signRequest({
    method: "POST",
    path: url.pathname || "/",
    query: url.search.slice(1),
    headers: {
      host: url.host,
      "content-type": "application/json",
      "x-strongbox-function-arn": ctx.fn.arn,
    },
    body,
    region: ctx.fn.region,
    service: "execute-api",
    credentials: { accessKeyId: ctx.fn.name, secretAccessKey: ctx.fn.signingSecret ?? "" },
    signPayloadHeader: true,
  });
  const headers = Object.fromEntries(
    Object.entries(signed.headers)
      .filter(([name]) => name !== "host")
      .map(([name, v]) => [name, Array.isArray(v) ? v.join(",") : v]),
  );
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body, signal: ctx.signal });
  } catch (error) {
    const reason =
      (error as { name?: string }).name === "TimeoutError"
        ? "timed out"
        : String((error as Error).message);
    throw new RotationStepError(
      `${step}: the endpoint ${url.origin}${url.pathname} did not answer: ${reason}`,
    );
  }
  const text = await response.text();
  if (!response.ok) {
    throw new RotationStepError(
      `${step}: the endpoint answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`,
    );
  }
  try {
    return text ? (JSON.parse(text) as EndpointAnswer) : {};
  } catch {
    return {};
  }
}

const http: Record<StepName, Step> = {
  async createSecret(ctx) {
    const current = await value(ctx, "AWSCURRENT");
    if ((await pendingValue(ctx)) !== undefined) return;
    // The endpoint may issue the new credential itself (an API key); otherwise Strongbox makes one.
    const answer = await post(ctx, "createSecret");
    const issued = typeof answer.SecretString === "string" && answer.SecretString !== "";
    await putPending(
      ctx,
      issued ? (answer.SecretString as string) : await generatedValue(ctx, current),
    );
  },
  async setSecret(ctx) {
    const pending = await value(ctx, "AWSPENDING", ctx.token);
    await post(ctx, "setSecret", { SecretString: pending });
  },
  async testSecret(ctx) {
    const pending = await value(ctx, "AWSPENDING", ctx.token);
    await post(ctx, "testSecret", { SecretString: pending });
  },
  async finishSecret(ctx) {
    await post(ctx, "finishSecret");
    await finishSecret(ctx);
  },
};

export function templateSteps(id: TemplateId): Record<StepName, Step> {
  if (id === "generic") return generic;
  if (id === "http") return http;
  return databaseSteps(id);
}
