/**
 * ArnEquals and ArnLike (identical), ArnNotEquals and ArnNotLike: each of the six
 * colon-separated components is matched on its own, with `*` and `?` inside it.
 */
import { arnMatch, compileArnPattern, splitArn, type ArnPattern, type ArnValue } from "../arn";
import type { OperatorFamily } from "./types";

export const arnLike: OperatorFamily<ArnPattern, ArnValue> = {
  variables: true,
  wildcards: true,
  // A pattern without six components is malformed (undefined).
  policy: (text, chunks) => compileArnPattern(chunks ?? [{ text, literal: false }]),
  // Not an ARN: malformed (undefined).
  request: splitArn,
  test: (request, policy) => arnMatch(policy, request),
};
