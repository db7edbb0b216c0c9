import { InvalidParameter, ValidationError, isAwsError } from "../../errors";
import { defineOperation } from "../operation";
import { readSecretValue, type GetSecretValueOutput } from "./get-secret-value";
import { listSecretsPage, type ListSecretsInput } from "./list-secrets";
import { optionalInteger, optionalString } from "./validate";

export interface BatchGetSecretValueInput {
  SecretIdList?: string[];
  Filters?: ListSecretsInput["Filters"];
  MaxResults?: number;
  NextToken?: string;
}

export interface APIErrorType {
  SecretId: string;
  ErrorCode: string;
  Message: string;
}

export interface BatchGetSecretValueOutput {
  SecretValues: GetSecretValueOutput[];
  NextToken?: string;
  Errors: APIErrorType[];
}

export const batchGetSecretValue = defineOperation<
  BatchGetSecretValueInput,
  BatchGetSecretValueOutput
>("secretsmanager:BatchGetSecretValue", async (ctx, input) => {
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  const ids = input?.SecretIdList;
  const filters = input?.Filters;
  if (ids && filters) {
    throw InvalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
  }
  if (!ids && !filters) {
    throw InvalidParameter("Either 'SecretIdList' or 'Filters' must be provided.");
  }
  if (ids && !Array.isArray(ids)) {
    throw InvalidParameter(`Invalid type for parameter SecretIdList, value: ${String(ids)}`);
  }
  if (ids && (ids.length < 1 || ids.length > 20)) {
    throw ValidationError(
      `1 validation error detected: Value at 'secretIdList' failed to satisfy constraint: Member must have length ${ids.length < 1 ? "greater than or equal to 1" : "less than or equal to 20"}`,
      "SecretIdList",
    );
  }
  const max = optionalInteger(raw, "MaxResults", { min: 1, max: 20 });
  if (ids && max !== undefined) {
    throw InvalidParameter("'MaxResults' may only be used with 'Filters'.", "MaxResults");
  }
  const token = optionalString(raw, "NextToken", { min: 1, max: 4096 });
  await ctx.authorize({ resource: "*" });

  let secretIds: string[];
  let next: string | undefined;
  if (ids) {
    secretIds = ids;
  } else {
    const page = await listSecretsPage(ctx.rt, {
      Filters: filters,
      MaxResults: max ?? 20,
      NextToken: token,
    });
    secretIds = page.rows.map((s) => s.arn);
    next = page.nextToken;
  }

  const values: GetSecretValueOutput[] = [];
  const errors: APIErrorType[] = [];
  for (const secretId of secretIds) {
    try {
      values.push(await readSecretValue(ctx, { SecretId: secretId }));
    } catch (error) {
      if (!isAwsError(error)) throw error;
      errors.push({ SecretId: secretId, ErrorCode: error.code, Message: error.message });
    }
  }
  return { SecretValues: values, NextToken: next, Errors: errors };
});
