/** Bool: "true" or "false", in any case, on both sides. */
import type { OperatorFamily } from "./types";

export function parseBool(text: string): boolean | undefined {
  if (text === "true") return true;
  if (text === "false") return false;
  const lower = text.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  // Neither true nor false: malformed.
  return undefined;
}

export const bool: OperatorFamily<boolean, boolean> = {
  variables: true,
  wildcards: false,
  policy: parseBool,
  request: parseBool,
  test: (request, policy) => request === policy,
};
