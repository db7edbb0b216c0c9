// `strongbox iam <command>`: every IAM operation under its AWS CLI name (create-user, ...), with
// the AWS CLI's flags: `--user-name`, `--policy-document file://p.json`, `--tags Key=k,Value=v`.
import * as iam from "../ops/iam";
import type { ParamSpec, ParamType } from "./args";
import { memberName } from "./args";
import type { CliCommand } from "./secretsmanager";

type AnyOp = CliCommand["op"];

const TYPES: Record<string, ParamType> = {
  tags: "structures",
  "tag-keys": "strings",
  "max-items": "integer",
  "max-session-duration": "integer",
  "only-attached": "boolean",
  "set-as-default": "boolean",
  "password-reset-required": "boolean",
  "action-names": "strings",
  "resource-arns": "strings",
  "policy-input-list": "strings",
  "permissions-boundary-policy-input-list": "strings",
  "context-entries": "structures",
  // GetAccountAuthorizationDetails: --filter User Role ...
  filter: "strings",
  // UpdateAccountPasswordPolicy.
  "minimum-password-length": "integer",
  "max-password-age": "integer",
  "password-reuse-prevention": "integer",
  "require-symbols": "boolean",
  "require-numbers": "boolean",
  "require-uppercase-characters": "boolean",
  "require-lowercase-characters": "boolean",
  "allow-users-to-change-password": "boolean",
  "hard-expiry": "boolean",
};

/**
 * Accepts any `--flag` of the operation: typed where IAM's shapes say so, strings otherwise.
 * `--no-<flag>` of a boolean is left to the parser, which reads it as false.
 */
function params(): Record<string, ParamSpec> {
  return new Proxy({} as Record<string, ParamSpec>, {
    get: (_, flag: string) =>
      flag.startsWith("no-") && TYPES[flag.slice(3)] === "boolean"
        ? undefined
        : { name: memberName(flag), type: TYPES[flag] ?? "string" },
  });
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const iamCommands: Record<string, CliCommand> = Object.fromEntries(
  Object.entries(iam)
    .filter(([, value]) => typeof value === "function" && "action" in value)
    .map(([name, op]) => [kebab(name), { op: op as AnyOp, params: params() }]),
);
