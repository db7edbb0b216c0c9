import { defineOperation } from "../operation";
import { findFunction, functionArn, functionNameOf, notFound } from "./functions";

/**
 * lambda:DeleteFunction. As in AWS, the execution role stays (delete it with IAM), and secrets
 * that name the function fail their next rotation until they are given another one.
 */
export const deleteFunction = defineOperation<{ FunctionName: string }, Record<string, never>>(
  "lambda:DeleteFunction",
  async (ctx, input) => {
    const name = functionNameOf(input?.FunctionName);
    const arn = functionArn(ctx.rt, name);
    await ctx.authorize({ resource: arn });
    const row = await findFunction(ctx.rt, name);
    if (!row) throw notFound(arn);
    await ctx.rt.db.$transaction(async (tx) => {
      await tx.lambdaFunction.delete({ where: { id: row.id } });
      await ctx.auditIn(tx);
    });
    return {};
  },
);
