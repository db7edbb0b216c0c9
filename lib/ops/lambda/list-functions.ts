import { defineOperation } from "../operation";
import { InvalidParameterValue, configurationShape, type FunctionConfiguration } from "./functions";

export interface ListFunctionsInput {
  Marker?: string;
  MaxItems?: number;
}

export interface ListFunctionsOutput {
  Functions: FunctionConfiguration[];
  NextMarker?: string;
}

/** lambda:ListFunctions: by name, MaxItems 1-10,000 (default 50), NextMarker to go on. */
export const listFunctions = defineOperation<ListFunctionsInput, ListFunctionsOutput>(
  "lambda:ListFunctions",
  async (ctx, input) => {
    await ctx.authorize({ resource: "*" });
    const max = input?.MaxItems ?? 50;
    if (!Number.isInteger(max) || max < 1 || max > 10_000) {
      throw InvalidParameterValue("MaxItems must be between 1 and 10000.", "MaxItems");
    }
    const after = input?.Marker
      ? Buffer.from(input.Marker, "base64url").toString("utf8")
      : undefined;
    const rows = await ctx.rt.db.lambdaFunction.findMany({
      where: after ? { name: { gt: after } } : undefined,
      orderBy: { name: "asc" },
      take: max + 1,
    });
    const page = rows.slice(0, max);
    return {
      Functions: page.map(configurationShape),
      NextMarker:
        rows.length > max
          ? Buffer.from(page[page.length - 1].name, "utf8").toString("base64url")
          : undefined,
    };
  },
);
