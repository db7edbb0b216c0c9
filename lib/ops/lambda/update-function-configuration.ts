import { randomUUID } from "node:crypto";
import { AwsError } from "../../errors";
import { defineOperation } from "../operation";
import {
  InvalidParameterValue,
  checkDescription,
  checkEndpoint,
  checkEnvironment,
  checkTimeout,
  configurationShape,
  findFunction,
  functionArn,
  functionNameOf,
  notFound,
  type FunctionConfiguration,
} from "./functions";

export interface UpdateFunctionConfigurationInput {
  FunctionName: string;
  Role?: string;
  Description?: string;
  Timeout?: number;
  Environment?: { Variables?: Record<string, string> };
  /** The http template's endpoint. */
  Endpoint?: string;
  /** Lambda's optimistic lock: the update applies only to this revision. */
  RevisionId?: string;
}

export const updateFunctionConfiguration = defineOperation<
  UpdateFunctionConfigurationInput,
  FunctionConfiguration
>("lambda:UpdateFunctionConfiguration", async (ctx, input) => {
  const { rt } = ctx;
  const name = functionNameOf(input?.FunctionName);
  const arn = functionArn(rt, name);
  const description = checkDescription(input.Description);
  const timeout = checkTimeout(input.Timeout);
  const environment = checkEnvironment(input.Environment);
  await ctx.authorize({ resource: arn });
  const row = await findFunction(rt, name);
  if (!row) throw notFound(arn);
  if (input.RevisionId !== undefined && input.RevisionId !== row.revisionId) {
    throw new AwsError(
      "PreconditionFailedException",
      "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
      { status: 412 },
    );
  }
  let endpoint: string | undefined;
  if (input.Endpoint !== undefined) {
    if (row.template !== "http") {
      throw InvalidParameterValue("Endpoint is for the http template only.", "Endpoint");
    }
    endpoint = checkEndpoint(input.Endpoint);
  }
  if (input.Role !== undefined && input.Role !== row.roleArn) {
    await ctx.authorize({
      action: "iam:PassRole",
      resource: input.Role,
      context: { "iam:PassedToService": "lambda.amazonaws.com" },
    });
    const role = await rt.db.iamRole.findUnique({
      where: { arn: input.Role },
      select: { id: true },
    });
    if (!role) {
      throw InvalidParameterValue(
        "The role defined for the function cannot be assumed by Lambda.",
        "Role",
      );
    }
    await ctx.authorize({ resource: arn });
  }
  const updated = await rt.db.$transaction(async (tx) => {
    const result = await tx.lambdaFunction.update({
      where: { id: row.id },
      data: {
        roleArn: input.Role,
        description,
        timeout,
        environment: environment ? JSON.stringify(environment) : undefined,
        endpoint,
        revisionId: randomUUID(),
        lastModified: rt.now(),
      },
    });
    await ctx.auditIn(tx);
    return result;
  });
  return configurationShape(updated);
});
