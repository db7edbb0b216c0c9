/** BinaryEquals: the request value compared byte for byte with the policy's base64 value. */
import type { OperatorFamily } from "./types";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes as a binary string, or undefined when the text is not base64. */
export function decodeBase64(text: string): string | undefined {
  // Not canonical base64: malformed.
  if (!BASE64.test(text)) return undefined;
  return atob(text);
}

export const binaryEquals: OperatorFamily<string, string> = {
  variables: false,
  wildcards: false,
  policy: decodeBase64,
  request: decodeBase64,
  test: (request, policy) => request === policy,
};
