/** Numeric condition operators: integers and decimals compared as numbers. */
import type { OperatorFamily } from "./types";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  // Anything but a plain decimal number (hex, Infinity, blanks) is malformed.
  if (!NUMBER.test(text)) return undefined;
  return Number(text);
}

function numeric(
  test: (request: number, policy: number) => boolean,
): OperatorFamily<number, number> {
  return {
    variables: false,
    wildcards: false,
    policy: parseNumber,
    request: parseNumber,
    test,
  };
}

export const numericEquals = numeric((r, p) => r === p);
export const numericLessThan = numeric((r, p) => r < p);
export const numericLessThanEquals = numeric((r, p) => r <= p);
export const numericGreaterThan = numeric((r, p) => r > p);
export const numericGreaterThanEquals = numeric((r, p) => r >= p);
