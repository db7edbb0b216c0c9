// The four-step runner. For a secret whose lease this instance holds, it finds or registers the
// AWSPENDING version (VersionId = ClientRequestToken), then runs createSecret, setSecret,
// testSecret and finishSecret as the function's execution role, renewing the lease before each
// step, and records the attempt. After a success AWSPENDING is removed from the (now AWSCURRENT)
// version and the next window is scheduled; after a failure AWSCURRENT is untouched, AWSPENDING
// stays, and the same rotation is retried with backoff. A rotation that stopped anywhere (failure
// or crash) resumes with the same token: every step is idempotent, as in AWS's templates.
import { randomUUID } from "node:crypto";
import { isAwsError } from "../errors";
import type { Runtime } from "../ops/runtime";
import { openSigningSecret, type FunctionRow } from "../ops/lambda/functions";
import { registerPendingVersion } from "../ops/secretsmanager/pending-version";
import { releaseLease, renewLease } from "./lease";
import { executionRoleCaller, secretsManagerAs } from "./role";
import { scheduleOf, type RotationWindow } from "./schedule";
import { isTemplateId } from "./templates/catalog";
import {
  RotationStepError,
  STEPS,
  templateSteps,
  type RotationFunctionConfig,
  type StepContext,
  type StepName,
} from "./templates/steps";

export type RotationOutcome =
  | "Succeeded"
  | "Failed"
  | "Cancelled"
  /** Nothing to do: the secret is gone or no longer rotates. */
  | "Skipped"
  /** Not due after all: the window passed, or the value was changed by hand meanwhile. */
  | "Deferred"
  /** Another instance took the lease over; it finishes the rotation. */
  | "Lost";

export interface RunOptions {
  holder: string;
  leaseMs: number;
  windowEnd: Date | null;
  failures: number;
  /** When the claim lapses: the lease is renewed before a step only when less is left than it may take. */
  heldUntil?: Date;
  /** First retry delay after a failure (doubles each time, up to retryMaxMs). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  log?: (message: string) => void;
}

export interface StepRecord {
  Step: StepName;
  StartedAt: string;
  EndedAt?: string;
  Outcome: "Succeeded" | "Failed" | "Skipped";
  ErrorCode?: string;
  ErrorMessage?: string;
}

const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3_600_000;

type Rt = Pick<Runtime, "db" | "now" | "kek" | "region" | "accountId">;

async function loadSecret(rt: Rt, secretId: string) {
  return rt.db.secret.findUnique({
    where: { id: secretId },
    select: {
      id: true,
      arn: true,
      deletedDate: true,
      rotationEnabled: true,
      rotationLambdaArn: true,
      rotationRules: true,
      lastRotatedDate: true,
      stages: {
        select: {
          stage: true,
          versionPk: true,
          version: { select: { versionId: true, createdDate: true } },
        },
      },
    },
  });
}

type SecretState = NonNullable<Awaited<ReturnType<typeof loadSecret>>>;

/** The version a rotation in progress works on: AWSPENDING where it is not also AWSCURRENT. */
export function pendingVersionOf(secret: Pick<SecretState, "stages">) {
  const pending = secret.stages.find((s) => s.stage === "AWSPENDING");
  const current = secret.stages.find((s) => s.stage === "AWSCURRENT");
  return pending && pending.versionPk !== current?.versionPk ? pending : undefined;
}

function nextWindow(
  rt: Rt,
  rotationRules: string | null,
  lastRotated: Date | null,
): RotationWindow | undefined {
  return scheduleOf(rotationRules)?.nextWindow(lastRotated, rt.now());
}

function functionConfig(rt: Rt, row: FunctionRow): RotationFunctionConfig {
  return {
    name: row.name,
    arn: row.arn,
    template: row.template as RotationFunctionConfig["template"],
    timeoutMs: row.timeout * 1000,
    environment: row.environment ? (JSON.parse(row.environment) as Record<string, string>) : {},
    endpoint: row.endpoint ?? undefined,
    signingSecret: openSigningSecret(rt.kek, row),
    region: rt.region,
  };
}

/** What AWS's lambda_handler checks before each step. Returns false when already finished. */
async function guard(ctx: StepContext): Promise<boolean> {
  const metadata = await ctx.sm.describeSecret(ctx.secretId);
  if (!metadata.RotationEnabled) {
    throw new RotationStepError(`Secret ${ctx.secretId} is not enabled for rotation`);
  }
  const stages = metadata.VersionIdsToStages?.[ctx.token];
  if (!stages) {
    throw new RotationStepError(
      `Secret version ${ctx.token} has no stage for rotation of secret ${ctx.secretId}.`,
    );
  }
  if (stages.includes("AWSCURRENT")) return false;
  if (!stages.includes("AWSPENDING")) {
    throw new RotationStepError(
      `Secret version ${ctx.token} not set as AWSPENDING for rotation of secret ${ctx.secretId}.`,
    );
  }
  return true;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RotationStepError(`Task timed out after ${(ms / 1000).toFixed(2)} seconds`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const errorFields = (error: unknown) => ({
  ErrorCode: isAwsError(error) || error instanceof RotationStepError ? error.code : "InternalError",
  ErrorMessage: error instanceof Error ? error.message : String(error),
});

/** Runs (or resumes) the rotation of a secret whose lease `options.holder` holds. */
export async function runRotation(
  rt: Rt,
  secretId: string,
  options: RunOptions,
): Promise<RotationOutcome> {
  const log = options.log ?? (() => undefined);
  const secret = await loadSecret(rt, secretId);
  if (!secret || secret.deletedDate || !secret.rotationEnabled || !secret.rotationLambdaArn) {
    await releaseLease(rt, secretId, options.holder, undefined);
    return "Skipped";
  }
  const now = rt.now();
  const current = secret.stages.find((s) => s.stage === "AWSCURRENT");
  const pending = pendingVersionOf(secret);

  if (!pending) {
    // A scheduled start: only inside its window, and (every-N-days rules) a value changed by
    // hand since the last rotation counts as a rotation, as Secrets Manager counts it.
    if (options.windowEnd && now > options.windowEnd) {
      // From the last rotation: a secret already overdue rotates in the first window still open.
      const next = nextWindow(rt, secret.rotationRules, secret.lastRotatedDate);
      await rt.db.secret.update({
        where: { id: secretId },
        data: { nextRotationDate: next?.start ?? null },
      });
      await releaseLease(
        rt,
        secretId,
        options.holder,
        next && { dueAt: next.start, windowEnd: next.end, failures: 0 },
      );
      log(
        `rotation of ${secret.arn}: its window ended before it could start; next window ${next?.start.toISOString()}`,
      );
      return "Deferred";
    }
    const rules = secret.rotationRules
      ? (JSON.parse(secret.rotationRules) as { AutomaticallyAfterDays?: number })
      : {};
    const changedByHand = current?.version.createdDate;
    if (
      options.windowEnd &&
      rules.AutomaticallyAfterDays &&
      changedByHand &&
      secret.lastRotatedDate &&
      changedByHand > secret.lastRotatedDate
    ) {
      const next = nextWindow(rt, secret.rotationRules, changedByHand);
      if (next && next.start > now) {
        await rt.db.secret.update({
          where: { id: secretId },
          data: { nextRotationDate: next.start },
        });
        await releaseLease(rt, secretId, options.holder, {
          dueAt: next.start,
          windowEnd: next.end,
          failures: 0,
        });
        return "Deferred";
      }
    }
  }

  // An attempt still "in progress" belonged to a holder whose lease expired: it stopped.
  const abandoned = await rt.db.rotationAttempt.updateMany({
    where: { secretId, status: "InProgress" },
    data: {
      status: "Abandoned",
      endedAt: now,
      errorCode: "LeaseExpired",
      errorMessage:
        "The instance running this attempt stopped before it finished; another instance resumed the rotation.",
    },
  });

  if (!pending && !current) {
    await releaseLease(rt, secretId, options.holder, undefined);
    log(`rotation of ${secret.arn}: the secret has no AWSCURRENT version to rotate`);
    return "Skipped";
  }
  const token = pending ? pending.version.versionId : randomUUID();

  const trigger =
    abandoned.count > 0
      ? "Resume"
      : options.failures > 0
        ? "Retry"
        : options.windowEnd
          ? "Schedule"
          : "RotateSecret";
  const attempt = await rt.db.rotationAttempt.create({
    data: {
      secretId,
      versionId: token,
      previousVersionId: current?.version.versionId ?? null,
      functionArn: secret.rotationLambdaArn,
      trigger,
      holder: options.holder,
      status: "InProgress",
      startedAt: now,
    },
    select: { id: true },
  });
  const steps: StepRecord[] = [];
  const record = (data: Record<string, unknown>) =>
    rt.db.rotationAttempt.update({
      where: { id: attempt.id },
      data: { steps: JSON.stringify(steps), ...data },
    });

  let failure: unknown;
  try {
    if (!pending) {
      // Registered before the function runs: the version exists, without a value, as
      // AWSPENDING. The version quota may refuse it (LimitExceededException): a failed attempt,
      // retried with backoff like any other, by when older versions may have made room.
      await rt.db.$transaction((tx) => registerPendingVersion(tx, secretId, token, now));
    }
    const row = await rt.db.lambdaFunction.findUnique({ where: { arn: secret.rotationLambdaArn } });
    if (!row || !isTemplateId(row.template)) {
      throw new RotationStepError(
        `Function not found: ${secret.rotationLambdaArn}`,
        "ResourceNotFoundException",
      );
    }
    const fn = functionConfig(rt, row);
    const caller = await executionRoleCaller(rt, row.roleArn, row.name);
    const implementation = templateSteps(fn.template);
    // The lease outlasts the longest step (its timeout) with room for the bookkeeping around it.
    const leaseMs = Math.max(options.leaseMs, fn.timeoutMs + 5_000);
    let heldUntil = options.heldUntil?.getTime() ?? 0;
    for (const step of STEPS) {
      // Renewing is also the fence: it fails when the lease was taken over (or cancelled).
      let renewed = true;
      if (heldUntil - rt.now().getTime() <= fn.timeoutMs + 5_000) {
        heldUntil = rt.now().getTime() + leaseMs;
        renewed = await renewLease(rt, secretId, options.holder, leaseMs);
      }
      if (!renewed) {
        const now = await rt.db.secret.findUnique({
          where: { id: secretId },
          select: { rotationEnabled: true },
        });
        if (!now?.rotationEnabled) {
          await record({
            status: "Cancelled",
            endedAt: rt.now(),
            errorCode: "RotationCancelled",
            errorMessage: "CancelRotateSecret turned rotation off before this step.",
          });
          return "Cancelled";
        }
        await record({
          status: "Abandoned",
          endedAt: rt.now(),
          errorCode: "LeaseLost",
          errorMessage: "Another instance took this rotation over.",
        });
        return "Lost";
      }
      const entry: StepRecord = {
        Step: step,
        StartedAt: rt.now().toISOString(),
        Outcome: "Succeeded",
      };
      steps.push(entry);
      await record({});
      const ctx: StepContext = {
        secretId: secret.arn,
        token,
        sm: secretsManagerAs(caller),
        fn,
        signal: AbortSignal.timeout(fn.timeoutMs),
      };
      try {
        // One invocation: the handler's checks and the step share the function's timeout.
        const ran = await withTimeout(
          (async () => (await guard(ctx)) && (await implementation[step](ctx), true))(),
          fn.timeoutMs,
        );
        if (!ran) entry.Outcome = "Skipped";
        entry.EndedAt = rt.now().toISOString();
      } catch (error) {
        Object.assign(entry, {
          Outcome: "Failed",
          EndedAt: rt.now().toISOString(),
          ...errorFields(error),
        });
        throw error;
      }
    }
  } catch (error) {
    failure = error;
  }

  const ended = rt.now();
  if (failure === undefined) {
    const next = nextWindow(rt, secret.rotationRules, ended);
    await rt.db.$transaction(async (tx) => {
      // AWSPENDING, now on the AWSCURRENT version, is taken off that version only.
      const version = await tx.secretVersion.findUnique({
        where: { secretId_versionId: { secretId, versionId: token } },
        select: { id: true },
      });
      if (version) {
        await tx.secretVersionStage.deleteMany({
          where: { secretId, stage: "AWSPENDING", versionPk: version.id },
        });
      }
      await tx.secret.update({
        where: { id: secretId },
        data: { lastRotatedDate: ended, nextRotationDate: next?.start ?? null },
      });
      await tx.rotationAttempt.update({
        where: { id: attempt.id },
        data: { status: "Succeeded", endedAt: ended, steps: JSON.stringify(steps) },
      });
    });
    await releaseLease(
      rt,
      secretId,
      options.holder,
      next && { dueAt: next.start, windowEnd: next.end, failures: 0 },
    );
    return "Succeeded";
  }

  const { ErrorCode, ErrorMessage } = errorFields(failure);
  const still = await rt.db.secret.findUnique({
    where: { id: secretId },
    select: { rotationEnabled: true, deletedDate: true },
  });
  if (!still || still.deletedDate || !still.rotationEnabled) {
    await record({
      status: "Cancelled",
      endedAt: ended,
      errorCode: ErrorCode,
      errorMessage: ErrorMessage,
    });
    await releaseLease(rt, secretId, options.holder, undefined);
    return "Cancelled";
  }
  await record({
    status: "Failed",
    endedAt: ended,
    errorCode: ErrorCode,
    errorMessage: ErrorMessage,
  });
  const failures = options.failures + 1;
  const delay = Math.min(
    (options.retryBaseMs ?? RETRY_BASE_MS) * 2 ** (failures - 1),
    options.retryMaxMs ?? RETRY_MAX_MS,
  );
  await releaseLease(rt, secretId, options.holder, {
    dueAt: new Date(ended.getTime() + delay),
    windowEnd: null,
    failures,
  });
  log(
    `rotation of ${secret.arn} failed (${ErrorCode}: ${ErrorMessage}); retrying in ${Math.round(delay / 1000)} s`,
  );
  return "Failed";
}
