/** String condition operators: StringEquals, StringEqualsIgnoreCase, StringLike and their negations. */
import { compileChunks, globMatch, type Glob } from "../glob";
import type { OperatorFamily } from "./types";

export const stringEquals: OperatorFamily<string, string> = {
  variables: true,
  wildcards: false,
  policy: (text) => text,
  request: (value) => value,
  requestIsText: true,
  test: (request, policy) => request === policy,
};

export const stringEqualsIgnoreCase: OperatorFamily<string, string> = {
  variables: true,
  wildcards: false,
  policy: (text) => text.toLowerCase(),
  request: (value) => value.toLowerCase(),
  test: (request, policy) => request === policy,
};

/** `*` and `?` are wildcards in policy text; text from a variable (or `${*}`) is literal. */
export const stringLike: OperatorFamily<Glob, string> = {
  variables: true,
  wildcards: true,
  policy: (text, chunks) => compileChunks(chunks ?? [{ text, literal: false }]),
  request: (value) => value,
  requestIsText: true,
  test: (request, policy) => globMatch(policy, request),
};
