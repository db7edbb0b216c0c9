// The console's "Edit rotation" save, as AWS's console does it, in operations only: turning
// automatic rotation off is CancelRotateSecret; turning it on creates the rotation function when
// asked (lambda:CreateFunction), writes the chosen master secret's ARN into the secret's JSON as
// masterarn (PutSecretValue), then RotateSecret. Everything that can be checked is checked before
// the first change, so a refusal leaves nothing half-made. Each step is its own operation, decided
// and audited as the caller, exactly as if the calls came through the API.
import { InvalidParameter } from "../errors";
import type { Caller } from "../ops/caller";
import { createFunction } from "../ops/lambda/create-function";
import { cancelRotateSecret } from "../ops/secretsmanager/cancel-rotate-secret";
import { describeSecret } from "../ops/secretsmanager/describe-secret";
import { getSecretValue } from "../ops/secretsmanager/get-secret-value";
import { putSecretValue } from "../ops/secretsmanager/put-secret-value";
import { rotateSecret } from "../ops/secretsmanager/rotate-secret";
import { isAwsError } from "../errors";
import { masterSecretGrant, type MasterSecretGrant } from "./master-secret";
import { withMasterArn } from "./master-secret-candidates";
import { parseRotationRules, type RotationRules } from "./schedule";
import type { TemplateId } from "./templates/catalog";

export interface ConfigureRotationInput {
  SecretId: string;
  AutomaticRotation: boolean;
  RotationRules?: RotationRules;
  RotateImmediately?: boolean;
  /** An existing function, or NewFunction to create one from a template first. */
  RotationLambdaARN?: string;
  NewFunction?: { FunctionName: string; Template: TemplateId; Endpoint?: string };
  /** The master secret to name in the secret's value (masterarn). */
  MasterSecretArn?: string;
}

export interface ConfigureRotationOutput {
  ARN: string;
  Name: string;
  RotationLambdaARN?: string;
  /** The version a rotation started now works on (RotateSecret's VersionId). */
  VersionId?: string;
  /** The http template's signing secret, when the function was created here (shown once). */
  SigningSecret?: string;
  /** The master-secret step still to do (the seed's message), when there is one. */
  Grant?: MasterSecretGrant;
  /** CancelRotateSecret's note about a version left with AWSPENDING. */
  Message?: string;
}

/** The version a rotation left unfinished (AWSPENDING, not AWSCURRENT), if any. */
export async function pendingRotationVersion(
  caller: Caller,
  secretId: string,
): Promise<string | undefined> {
  const { VersionIdsToStages } = await describeSecret(caller, { SecretId: secretId });
  for (const [version, stages] of Object.entries(VersionIdsToStages ?? {})) {
    if (stages.includes("AWSPENDING") && !stages.includes("AWSCURRENT")) return version;
  }
  return undefined;
}

/**
 * "Rotate secret immediately": RotateSecret; an unfinished rotation is resumed with its own
 * ClientRequestToken (AWS would refuse a new one: "A previous rotation isn't complete.").
 */
export async function rotateSecretNow(caller: Caller, secretId: string) {
  return rotateSecret(caller, {
    SecretId: secretId,
    RotateImmediately: true,
    ClientRequestToken: await pendingRotationVersion(caller, secretId),
  });
}

/** The master-secret step still to do; a caller who may not look (no iam:GetRolePolicy) gets none. */
export async function missingMasterSecretGrant(
  caller: Caller,
  secretId: string,
): Promise<MasterSecretGrant | undefined> {
  try {
    const grant = await masterSecretGrant(caller, secretId);
    return grant && !grant.Granted ? grant : undefined;
  } catch (error) {
    if (isAwsError(error)) return undefined;
    throw error;
  }
}

export async function configureRotation(
  caller: Caller,
  input: ConfigureRotationInput,
): Promise<ConfigureRotationOutput> {
  if (!input.AutomaticRotation) {
    const out = await cancelRotateSecret(caller, { SecretId: input.SecretId });
    return { ARN: out.ARN, Name: out.Name, Message: out.Message };
  }
  if (!input.RotationRules) throw InvalidParameter("Set a rotation schedule.", "RotationRules");
  parseRotationRules(input.RotationRules);
  if (!input.NewFunction && !input.RotationLambdaARN) {
    throw InvalidParameter("Choose a rotation function, or create one.", "RotationLambdaARN");
  }
  let secretString: string | undefined;
  if (input.MasterSecretArn) {
    // The picker offered only readable secrets; the operation decides again.
    await getSecretValue(caller, { SecretId: input.MasterSecretArn });
    const current = await getSecretValue(caller, { SecretId: input.SecretId });
    const next = withMasterArn(current.SecretString, input.MasterSecretArn);
    if (next !== current.SecretString) secretString = next;
  }
  const pending = await pendingRotationVersion(caller, input.SecretId);

  let functionArn = input.RotationLambdaARN;
  let signingSecret: string | undefined;
  if (input.NewFunction) {
    const created = await createFunction(caller, {
      FunctionName: input.NewFunction.FunctionName,
      Template: input.NewFunction.Template,
      Endpoint:
        input.NewFunction.Template === "http" ? (input.NewFunction.Endpoint ?? "") : undefined,
    });
    functionArn = created.FunctionArn;
    signingSecret = created.SigningSecret;
  }
  if (secretString !== undefined) {
    await putSecretValue(caller, { SecretId: input.SecretId, SecretString: secretString });
  }
  const out = await rotateSecret(caller, {
    SecretId: input.SecretId,
    RotationLambdaARN: functionArn,
    RotationRules: input.RotationRules,
    RotateImmediately: input.RotateImmediately ?? true,
    ClientRequestToken: pending,
  });
  return {
    ARN: out.ARN,
    Name: out.Name,
    RotationLambdaARN: functionArn,
    VersionId: out.VersionId,
    SigningSecret: signingSecret,
    Grant: await missingMasterSecretGrant(caller, out.ARN),
  };
}
