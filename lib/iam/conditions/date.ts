/**
 * Date condition operators. Values are W3C ISO 8601 dates (`2020-01-01`, `2020-01-01T00:00:00Z`,
 * with or without fractions and offsets) or epoch seconds; both compare as instants.
 */
import type { OperatorFamily } from "./types";

const EPOCH = /^-?\d+(\.\d+)?$/;
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Milliseconds since the epoch, or undefined when the text is no date IAM reads. */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) return Number(text) * 1000;
  const m = ISO.exec(text);
  // Not a W3C date/time: malformed.
  if (!m) return undefined;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const month = Number(mo);
  const day = Number(d);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    Number(h) > 24 ||
    Number(mi) > 59 ||
    Number(s) > 60
  ) {
    return undefined;
  }
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  if (frac) ms += Math.round(Number(frac) * 1000);
  if (zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return ms;
}

function date(test: (request: number, policy: number) => boolean): OperatorFamily<number, number> {
  return {
    variables: false,
    wildcards: false,
    policy: parseDate,
    request: parseDate,
    test,
  };
}

export const dateEquals = date((r, p) => r === p);
export const dateLessThan = date((r, p) => r < p);
export const dateLessThanEquals = date((r, p) => r <= p);
export const dateGreaterThan = date((r, p) => r > p);
export const dateGreaterThanEquals = date((r, p) => r >= p);
