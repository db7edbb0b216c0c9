// `strongbox secretsmanager <command>`: the AWS CLI's names, flags and JSON output.
import * as sm from "../ops/secretsmanager";
import type { ParamSpec, ParamType } from "./args";
import { memberName } from "./args";

type AnyOp = (caller: never, input: never) => Promise<unknown>;

const OVERRIDES: Record<string, string> = { "rotation-lambda-arn": "RotationLambdaARN" };

function params(spec: Record<string, ParamType>): Record<string, ParamSpec> {
  return Object.fromEntries(
    Object.entries(spec).map(([flag, type]) => [flag, { name: memberName(flag, OVERRIDES), type }]),
  );
}

/** Shorthand gives `AutomaticallyAfterDays=30` as text; the API takes a number. */
function rotationRulesFromShorthand(input: Record<string, unknown>): Record<string, unknown> {
  const rules = input.RotationRules as Record<string, unknown> | undefined;
  if (
    rules &&
    typeof rules.AutomaticallyAfterDays === "string" &&
    /^\d+$/.test(rules.AutomaticallyAfterDays)
  ) {
    return {
      ...input,
      RotationRules: { ...rules, AutomaticallyAfterDays: Number(rules.AutomaticallyAfterDays) },
    };
  }
  return input;
}

export interface CliCommand {
  op: AnyOp;
  params: Record<string, ParamSpec>;
}

const secretId = { "secret-id": "string" } as const;

export const secretsmanagerCommands: Record<string, CliCommand> = {
  "create-secret": {
    op: sm.createSecret as AnyOp,
    params: params({
      name: "string",
      "client-request-token": "string",
      description: "string",
      "kms-key-id": "string",
      "secret-string": "string",
      "secret-binary": "blob",
      tags: "structures",
      "add-replica-regions": "structures",
      "force-overwrite-replica-secret": "boolean",
    }),
  },
  "describe-secret": { op: sm.describeSecret as AnyOp, params: params(secretId) },
  "list-secrets": {
    op: sm.listSecrets as AnyOp,
    params: params({
      "include-planned-deletion": "boolean",
      "max-results": "integer",
      "next-token": "string",
      filters: "structures",
      "sort-order": "string",
      "sort-by": "string",
    }),
  },
  "get-secret-value": {
    op: sm.getSecretValue as AnyOp,
    params: params({ ...secretId, "version-id": "string", "version-stage": "string" }),
  },
  "batch-get-secret-value": {
    op: sm.batchGetSecretValue as AnyOp,
    params: params({
      "secret-id-list": "strings",
      filters: "structures",
      "max-results": "integer",
      "next-token": "string",
    }),
  },
  "put-secret-value": {
    op: sm.putSecretValue as AnyOp,
    params: params({
      ...secretId,
      "client-request-token": "string",
      "secret-string": "string",
      "secret-binary": "blob",
      "version-stages": "strings",
      "rotation-token": "string",
    }),
  },
  "update-secret": {
    op: sm.updateSecret as AnyOp,
    params: params({
      ...secretId,
      "client-request-token": "string",
      description: "string",
      "kms-key-id": "string",
      "secret-string": "string",
      "secret-binary": "blob",
    }),
  },
  "update-secret-version-stage": {
    op: sm.updateSecretVersionStage as AnyOp,
    params: params({
      ...secretId,
      "version-stage": "string",
      "remove-from-version-id": "string",
      "move-to-version-id": "string",
    }),
  },
  "list-secret-version-ids": {
    op: sm.listSecretVersionIds as AnyOp,
    params: params({
      ...secretId,
      "max-results": "integer",
      "next-token": "string",
      "include-deprecated": "boolean",
    }),
  },
  "delete-secret": {
    op: sm.deleteSecret as AnyOp,
    params: params({
      ...secretId,
      "recovery-window-in-days": "integer",
      "force-delete-without-recovery": "boolean",
    }),
  },
  "restore-secret": { op: sm.restoreSecret as AnyOp, params: params(secretId) },
  "tag-resource": {
    op: sm.tagResource as AnyOp,
    params: params({ ...secretId, tags: "structures" }),
  },
  "untag-resource": {
    op: sm.untagResource as AnyOp,
    params: params({ ...secretId, "tag-keys": "strings" }),
  },
  "get-random-password": {
    op: sm.getRandomPassword as AnyOp,
    params: params({
      "password-length": "integer",
      "exclude-characters": "string",
      "exclude-numbers": "boolean",
      "exclude-punctuation": "boolean",
      "exclude-uppercase": "boolean",
      "exclude-lowercase": "boolean",
      "include-space": "boolean",
      "require-each-included-type": "boolean",
    }),
  },
  "put-resource-policy": {
    op: sm.putResourcePolicy as AnyOp,
    params: params({ ...secretId, "resource-policy": "string", "block-public-policy": "boolean" }),
  },
  "get-resource-policy": { op: sm.getResourcePolicy as AnyOp, params: params(secretId) },
  "delete-resource-policy": { op: sm.deleteResourcePolicy as AnyOp, params: params(secretId) },
  "rotate-secret": {
    op: (async (caller: never, input: Record<string, unknown>) => {
      const out = await sm.rotateSecret(caller, rotationRulesFromShorthand(input) as never);
      // The rotation runs in this process: wait for it before the command ends.
      const { settleRotations } = await import("../rotation/in-flight");
      await settleRotations();
      return out;
    }) as AnyOp,
    params: params({
      ...secretId,
      "client-request-token": "string",
      "rotation-lambda-arn": "string",
      "rotation-rules": "structure",
      "rotate-immediately": "boolean",
    }),
  },
  "cancel-rotate-secret": { op: sm.cancelRotateSecret as AnyOp, params: params(secretId) },
  "list-rotation-attempts": {
    op: sm.listRotationAttempts as AnyOp,
    params: params({ ...secretId, "max-results": "integer", "next-token": "string" }),
  },
  "validate-resource-policy": {
    op: sm.validateResourcePolicy as AnyOp,
    params: params({ ...secretId, "resource-policy": "string" }),
  },
  "replicate-secret-to-regions": {
    op: sm.replicateSecretToRegions as AnyOp,
    params: params({
      ...secretId,
      "add-replica-regions": "structures",
      "force-overwrite-replica-secret": "boolean",
    }),
  },
  "remove-regions-from-replication": {
    op: sm.removeRegionsFromReplication as AnyOp,
    params: params({ ...secretId, "remove-replica-regions": "strings" }),
  },
  "stop-replication-to-replica": {
    op: sm.stopReplicationToReplica as AnyOp,
    params: params(secretId),
  },
};
