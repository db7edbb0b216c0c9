"use server";
// The rotation console's server actions: rotation functions (Lambda), a secret's rotation
// configuration (RotateSecret / CancelRotateSecret), "Rotate secret immediately", the rotation
// history, and the master-secret step. Each calls the operations as the signed-in principal, so
// the engine decides every part of it; no Prisma here.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { createFunction, deleteFunction, listFunctions } from "@/lib/ops/lambda";
import { listRotationAttempts } from "@/lib/ops/secretsmanager";
import { configureRotation, rotateSecretNow } from "@/lib/rotation/configure-rotation";
import { grantMasterSecretAccess } from "@/lib/rotation/master-secret";
import { masterSecretCandidates } from "@/lib/rotation/master-secret-candidates";
import { TEMPLATE_IDS } from "@/lib/rotation/templates/catalog";
import { toAttemptView, toFunctionView, toGrantView } from "./serialize";
import type {
  MasterSecretGrantView,
  RotationAttemptView,
  RotationFunctionView,
  SaveRotationResult,
  SecretRef,
} from "./types";

const secretId = z.string().min(1).max(2048);
const newFunction = z.object({
  FunctionName: z.string(),
  Template: z.enum(TEMPLATE_IDS),
  Endpoint: z.string().optional(),
});
const saveInput = z.object({
  SecretId: secretId,
  AutomaticRotation: z.boolean(),
  RotationRules: z
    .object({
      AutomaticallyAfterDays: z.number().optional(),
      ScheduleExpression: z.string().optional(),
      Duration: z.string().optional(),
    })
    .optional(),
  RotateImmediately: z.boolean(),
  RotationLambdaARN: z.string().max(2048).optional(),
  NewFunction: newFunction.optional(),
  MasterSecretArn: z.string().max(2048).optional(),
});

export async function listFunctionsAction(): Promise<ActionResult<RotationFunctionView[]>> {
  const caller = await getCaller();
  return runAction("listFunctions", async () => {
    const out: RotationFunctionView[] = [];
    let marker: string | undefined;
    do {
      const page = await listFunctions(caller, { Marker: marker, MaxItems: 1000 });
      out.push(...page.Functions.map(toFunctionView));
      marker = page.NextMarker;
    } while (marker && out.length < 10_000);
    return out;
  });
}

export async function masterSecretCandidatesAction(
  excludeArn?: string,
): Promise<ActionResult<SecretRef[]>> {
  const caller = await getCaller();
  return runAction("masterSecretCandidates", async () =>
    masterSecretCandidates(caller, {
      excludeArn: excludeArn ? parseInput(secretId, excludeArn) : undefined,
    }),
  );
}

export async function createFunctionAction(
  raw: z.infer<typeof newFunction>,
): Promise<ActionResult<{ Function: RotationFunctionView; SigningSecret?: string }>> {
  const caller = await getCaller();
  return runAction("createFunction", async () => {
    const input = parseInput(newFunction, raw);
    const created = await createFunction(caller, {
      FunctionName: input.FunctionName,
      Template: input.Template,
      Endpoint: input.Template === "http" ? (input.Endpoint ?? "") : undefined,
    });
    return { Function: toFunctionView(created), SigningSecret: created.SigningSecret };
  });
}

export async function deleteFunctionAction(name: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deleteFunction", async () => {
    await deleteFunction(caller, { FunctionName: parseInput(z.string().min(1).max(200), name) });
    return null;
  });
}

/** "Edit rotation" / the wizard's rotation step: see configureRotation. */
export async function saveRotationAction(
  raw: z.infer<typeof saveInput>,
): Promise<ActionResult<SaveRotationResult>> {
  const caller = await getCaller();
  return runAction("saveRotation", async () => {
    const out = await configureRotation(caller, parseInput(saveInput, raw));
    return { ...out, Grant: out.Grant ? toGrantView(out.Grant) : undefined };
  });
}

/** "Rotate secret immediately": RotateSecret, resuming an unfinished rotation with its token. */
export async function rotateNowAction(id: string): Promise<ActionResult<{ VersionId?: string }>> {
  const caller = await getCaller();
  return runAction("rotateSecret", async () => {
    const out = await rotateSecretNow(caller, parseInput(secretId, id));
    return { VersionId: out.VersionId };
  });
}

export async function listRotationAttemptsAction(
  id: string,
): Promise<ActionResult<RotationAttemptView[]>> {
  const caller = await getCaller();
  return runAction("listRotationAttempts", async () => {
    const out = await listRotationAttempts(caller, {
      SecretId: parseInput(secretId, id),
      MaxResults: 20,
    });
    return out.RotationAttempts.map(toAttemptView);
  });
}

/** "Grant access": adds the master-secret statement to SecretsManager<Template>1. */
export async function grantMasterSecretAccessAction(
  id: string,
): Promise<ActionResult<MasterSecretGrantView | null>> {
  const caller = await getCaller();
  return runAction("grantMasterSecretAccess", async () => {
    const grant = await grantMasterSecretAccess(caller, parseInput(secretId, id));
    return grant ? toGrantView(grant) : null;
  });
}
