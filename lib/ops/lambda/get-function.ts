import { defineOperation } from "../operation";
import {
  configurationShape,
  findFunction,
  functionArn,
  functionNameOf,
  notFound,
  type FunctionConfiguration,
} from "./functions";

export interface GetFunctionOutput {
  Configuration: FunctionConfiguration;
  Code: { RepositoryType: string; Location: string };
}

export const getFunction = defineOperation<{ FunctionName: string }, GetFunctionOutput>(
  "lambda:GetFunction",
  async (ctx, input) => {
    const name = functionNameOf(input?.FunctionName);
    const arn = functionArn(ctx.rt, name);
    await ctx.authorize({ resource: arn });
    const row = await findFunction(ctx.rt, name);
    if (!row) throw notFound(arn);
    return {
      Configuration: configurationShape(row),
      Code: { RepositoryType: "Strongbox", Location: `strongbox-template:${row.template}` },
    };
  },
);

/** lambda:GetFunctionConfiguration: the configuration alone. */
export const getFunctionConfiguration = defineOperation<
  { FunctionName: string },
  FunctionConfiguration
>("lambda:GetFunctionConfiguration", async (ctx, input) => {
  const name = functionNameOf(input?.FunctionName);
  const arn = functionArn(ctx.rt, name);
  await ctx.authorize({ resource: arn });
  const row = await findFunction(ctx.rt, name);
  if (!row) throw notFound(arn);
  return configurationShape(row);
});
