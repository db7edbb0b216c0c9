// `strongbox lambda <command>`: rotation functions under the AWS CLI's names and flags.
//   lambda create-function --function-name NAME --template postgres-single-user|... [--endpoint URL]
import * as lambda from "../ops/lambda";
import type { ParamSpec, ParamType } from "./args";
import { memberName } from "./args";
import type { CliCommand } from "./secretsmanager";

type AnyOp = CliCommand["op"];

function params(spec: Record<string, ParamType>): Record<string, ParamSpec> {
  return Object.fromEntries(
    Object.entries(spec).map(([flag, type]) => [flag, { name: memberName(flag), type }]),
  );
}

const functionName = { "function-name": "string" } as const;
const configuration = {
  role: "string",
  description: "string",
  timeout: "integer",
  environment: "structure",
  endpoint: "string",
} as const;

export const lambdaCommands: Record<string, CliCommand> = {
  "create-function": {
    op: lambda.createFunction as AnyOp,
    params: params({
      ...functionName,
      ...configuration,
      template: "string",
      handler: "string",
      runtime: "string",
    }),
  },
  "get-function": { op: lambda.getFunction as AnyOp, params: params(functionName) },
  "get-function-configuration": {
    op: lambda.getFunctionConfiguration as AnyOp,
    params: params(functionName),
  },
  "list-functions": {
    op: lambda.listFunctions as AnyOp,
    params: params({ marker: "string", "max-items": "integer" }),
  },
  "update-function-configuration": {
    op: lambda.updateFunctionConfiguration as AnyOp,
    params: params({ ...functionName, ...configuration, "revision-id": "string" }),
  },
  "delete-function": { op: lambda.deleteFunction as AnyOp, params: params(functionName) },
};
