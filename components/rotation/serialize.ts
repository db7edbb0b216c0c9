// Operation outputs to the views the rotation pages send to the browser.
import type { FunctionConfiguration } from "@/lib/ops/lambda";
import type { RotationAttemptEntry } from "@/lib/ops/secretsmanager";
import type { MasterSecretGrant } from "@/lib/rotation/master-secret";
import type { MasterSecretGrantView, RotationAttemptView, RotationFunctionView } from "./types";

export function toFunctionView(c: FunctionConfiguration): RotationFunctionView {
  return {
    FunctionName: c.FunctionName,
    FunctionArn: c.FunctionArn,
    Template: c.Handler,
    Runtime: c.Runtime,
    Role: c.Role,
    RoleName: c.Role.split("/").pop() ?? c.Role,
    Description: c.Description,
    Timeout: c.Timeout,
    LastModified: new Date(c.LastModified.replace("+0000", "Z")).toISOString(),
    Endpoint: c.Endpoint,
  };
}

export function toGrantView(g: MasterSecretGrant): MasterSecretGrantView {
  return {
    SecretName: g.SecretName,
    RoleName: g.RoleName,
    PolicyName: g.PolicyName,
    MasterSecretArn: g.MasterSecretArn,
    Granted: g.Granted,
    Message: g.Message,
  };
}

export function toAttemptView(a: RotationAttemptEntry): RotationAttemptView {
  return {
    ...a,
    StartedAt: new Date(a.StartedAt).toISOString(),
    EndedAt: a.EndedAt ? new Date(a.EndedAt).toISOString() : undefined,
  };
}
