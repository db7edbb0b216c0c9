// The services the AWS API answers for, and their operations. An operation is any export of the
// service's lib/ops module that carries an `action` in the service's prefix
// (defineOperation sets it): `secretsmanager:RotateSecret` is served as soon as
// lib/ops/secretsmanager exports it, with no table to edit here.
import { AwsError } from "../errors";
import * as iamOps from "../ops/iam";
import type { Caller } from "../ops/caller";
import * as secretsmanagerOps from "../ops/secretsmanager";
import * as stsOps from "../ops/sts";
import { usesSessionToken } from "../ops/sts";
import { loadModel, type ServiceModel } from "./model";

export type ApiOperation = ((caller: Caller, input: never) => Promise<unknown>) & {
  action: string;
};

export interface ServiceDefinition {
  /** The IAM action prefix and SigV4 signing name. */
  name: string;
  protocol: "json" | "query";
  /** JSON: the X-Amz-Target prefix. */
  targetPrefix?: string;
  /** Query: the Version parameter and the XML namespace of answers. */
  version?: string;
  xmlns?: string;
  model: ServiceModel;
  /** AWS operation name (GetSecretValue) -> operation. */
  operations: Map<string, ApiOperation>;
}

/** AWS operation name -> operation, for every export whose `action` is `<prefix>:<Name>`. */
export function operationsOf(
  module: Record<string, unknown>,
  prefix: string,
): Map<string, ApiOperation> {
  const operations = new Map<string, ApiOperation>();
  for (const value of Object.values(module)) {
    if (typeof value !== "function") continue;
    const action = (value as { action?: unknown }).action;
    if (typeof action !== "string" || !action.startsWith(`${prefix}:`)) continue;
    operations.set(action.slice(prefix.length + 1), value as ApiOperation);
  }
  return operations;
}

export interface ServiceRegistry {
  byTarget: Map<string, ServiceDefinition>;
  byVersion: Map<string, ServiceDefinition>;
  byName: Map<string, ServiceDefinition>;
}

function service(
  definition: Omit<ServiceDefinition, "model" | "operations">,
  module: Record<string, unknown>,
  refuse?: (caller: Caller) => AwsError | undefined,
): ServiceDefinition {
  const operations = operationsOf(module, definition.name);
  if (refuse) {
    for (const [name, operation] of operations) {
      const guarded = (caller: Caller, input: never) => {
        const refusal = refuse(caller);
        return refusal ? Promise.reject(refusal) : operation(caller, input);
      };
      operations.set(name, Object.assign(guarded, { action: operation.action }));
    }
  }
  return { ...definition, model: loadModel(definition.name), operations };
}

/**
 * AWS: credentials from GetSessionToken "cannot call any IAM API operations unless MFA
 * authentication information is included in the request", and IAM answers such a request as it
 * answers an unknown key (IAM's own words, without a full stop). Strongbox has no MFA devices, so
 * IAM's API refuses every such session.
 */
export function refuseSessionTokenForIam(caller: Caller): AwsError | undefined {
  if (!usesSessionToken(caller.principal)) return undefined;
  return new AwsError(
    "InvalidClientTokenId",
    "The security token included in the request is invalid",
    { status: 403 },
  );
}

let registry: ServiceRegistry | undefined;

export function services(): ServiceRegistry {
  if (registry) return registry;
  const all = [
    service(
      { name: "secretsmanager", protocol: "json", targetPrefix: "secretsmanager" },
      secretsmanagerOps,
    ),
    service(
      {
        name: "iam",
        protocol: "query",
        version: "2010-05-08",
        xmlns: "https://iam.amazonaws.com/doc/2010-05-08/",
      },
      iamOps,
      refuseSessionTokenForIam,
    ),
    service(
      {
        name: "sts",
        protocol: "query",
        version: "2011-06-15",
        xmlns: "https://sts.amazonaws.com/doc/2011-06-15/",
      },
      stsOps,
    ),
  ];
  registry = {
    byTarget: new Map(all.filter((s) => s.targetPrefix).map((s) => [s.targetPrefix!, s])),
    byVersion: new Map(all.filter((s) => s.version).map((s) => [s.version!, s])),
    byName: new Map(all.map((s) => [s.name, s])),
  };
  return registry;
}
