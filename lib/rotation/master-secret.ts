// The master-secret step of the seed ("Granting a Rotation Function Permission to Access a
// Separate Master Secret"), for the console: after rotation is configured with an alternating-users
// function, say which role must be allowed to read which master secret, in the seed's words, and
// grant it in one step by adding the statement to SecretsManager<Template>1. Everything goes
// through the operations as the caller, so each read and the grant are authorized as usual.
import type { Caller } from "../ops/caller";
import { getRolePolicy, putRolePolicy } from "../ops/iam/inline-policies";
import { getFunction } from "../ops/lambda/get-function";
import { describeSecret } from "../ops/secretsmanager/describe-secret";
import { getSecretValue } from "../ops/secretsmanager/get-secret-value";
import { roleNameOf } from "../ops/iam/policy-set";
import { addMasterSecretGrant } from "../iam/managed/rotation-role-policies";
import { TEMPLATES, isTemplateId } from "./templates/catalog";

export interface MasterSecretGrant {
  SecretName: string;
  RoleName: string;
  RoleArn: string;
  /** The inline policy the grant goes in: SecretsManager<Template>1. */
  PolicyName: string;
  MasterSecretArn: string;
  /** Whether the role's policy already allows reading the master secret. */
  Granted: boolean;
  /** The seed's message, for the console to show right after rotation is configured. */
  Message: string;
}

/**
 * What the secret's rotation function needs granted, or undefined when its template uses no
 * master secret. Needs DescribeSecret and GetSecretValue on the secret, lambda:GetFunction and
 * iam:GetRolePolicy, as the console's user would.
 */
export async function masterSecretGrant(
  caller: Caller,
  secretId: string,
): Promise<MasterSecretGrant | undefined> {
  const secret = await describeSecret(caller, { SecretId: secretId });
  if (!secret.RotationLambdaARN) return undefined;
  const { Configuration } = await getFunction(caller, { FunctionName: secret.RotationLambdaARN });
  if (!isTemplateId(Configuration.Handler)) return undefined;
  const template = TEMPLATES[Configuration.Handler];
  if (template.strategy !== "alternating-users") return undefined;
  const value = await getSecretValue(caller, { SecretId: secret.ARN });
  const masterArn = (JSON.parse(value.SecretString ?? "{}") as { masterarn?: unknown }).masterarn;
  if (typeof masterArn !== "string") return undefined;
  const roleName = roleNameOf(Configuration.Role);
  const policyName = `SecretsManager${template.policyName}1`;
  const policy = await getRolePolicy(caller, { RoleName: roleName, PolicyName: policyName });
  return {
    SecretName: secret.Name,
    RoleName: roleName,
    RoleArn: Configuration.Role,
    PolicyName: policyName,
    MasterSecretArn: masterArn,
    Granted: addMasterSecretGrant(policy.PolicyDocument, masterArn) === policy.PolicyDocument,
    Message: `Your secret ${secret.Name} has been successfully stored and secret rotation is enabled. To finish configuring rotation, you need to grant the role ${roleName} permission to retrieve the secret ${masterArn}.`,
  };
}

/** The console's one-step grant: adds the master-secret statement (iam:PutRolePolicy). */
export async function grantMasterSecretAccess(
  caller: Caller,
  secretId: string,
): Promise<MasterSecretGrant | undefined> {
  const grant = await masterSecretGrant(caller, secretId);
  if (!grant || grant.Granted) return grant;
  const policy = await getRolePolicy(caller, {
    RoleName: grant.RoleName,
    PolicyName: grant.PolicyName,
  });
  await putRolePolicy(caller, {
    RoleName: grant.RoleName,
    PolicyName: grant.PolicyName,
    PolicyDocument: addMasterSecretGrant(policy.PolicyDocument, grant.MasterSecretArn),
  });
  return { ...grant, Granted: true };
}
