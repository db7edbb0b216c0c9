// AWS CLI-style arguments: `--secret-id X`, `--tags Key=a,Value=b Key=c,Value=d`, JSON values,
// `file://` and `fileb://` values, `--flag` / `--no-flag` booleans, `--cli-input-json`.
import { readFileSync } from "node:fs";

export type ParamType =
  "string" | "integer" | "boolean" | "strings" | "structures" | "structure" | "blob";

export interface ParamSpec {
  /** The request member name (PascalCase). */
  name: string;
  type: ParamType;
}

export class UsageError extends Error {}

/** `secret-id` -> `SecretId`, with AWS's own spellings where they differ. */
export function memberName(flag: string, overrides: Record<string, string> = {}): string {
  return (
    overrides[flag] ??
    flag
      .split("-")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join("")
  );
}

function readValue(raw: string, binary = false): string | Buffer {
  if (raw.startsWith("fileb://")) return readFileSync(raw.slice("fileb://".length));
  if (raw.startsWith("file://")) {
    const text = readFileSync(raw.slice("file://".length), "utf8");
    return binary ? Buffer.from(text, "utf8") : text;
  }
  return raw;
}

/** `Key=name,Values=a,b` -> { Key: "name", Values: ["a", "b"] } (a bare item continues a list). */
export function parseShorthand(text: string, listMembers: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let last: string | undefined;
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0 && /^[A-Za-z][A-Za-z0-9]*$/.test(part.slice(0, eq))) {
      last = part.slice(0, eq);
      const value = part.slice(eq + 1);
      out[last] = listMembers.has(last) ? [value] : value;
    } else if (last !== undefined) {
      const current = out[last];
      out[last] = Array.isArray(current) ? [...current, part] : `${String(current)},${part}`;
    } else {
      throw new UsageError(`Error parsing parameter: expected key=value, received: ${text}`);
    }
  }
  return out;
}

const LIST_MEMBERS = new Set(["Values", "TagKeys", "VersionStages"]);

function convert(flag: string, spec: ParamSpec, values: string[]): unknown {
  const one = () => {
    if (values.length !== 1) throw new UsageError(`argument --${flag}: expected one argument`);
    return values[0];
  };
  switch (spec.type) {
    case "string": {
      const value = readValue(one());
      return typeof value === "string" ? value : value.toString("utf8");
    }
    case "blob":
      return readValue(one(), true);
    case "integer": {
      const value = Number(one());
      if (!Number.isInteger(value)) throw new UsageError(`argument --${flag}: expected an integer`);
      return value;
    }
    case "boolean":
      return true;
    case "strings": {
      if (values.length === 1 && values[0].trim().startsWith("[")) return JSON.parse(values[0]);
      return values.flatMap((v) => (v.includes(",") && !v.startsWith("arn:") ? v.split(",") : [v]));
    }
    case "structure": {
      const text = readValue(one()) as string;
      return text.trim().startsWith("{") ? JSON.parse(text) : parseShorthand(text, LIST_MEMBERS);
    }
    case "structures": {
      if (values.length === 1) {
        const text = readValue(values[0]) as string;
        if (text.trim().startsWith("[")) return JSON.parse(text);
      }
      return values.map((v) =>
        v.trim().startsWith("{") ? JSON.parse(v) : parseShorthand(v, LIST_MEMBERS),
      );
    }
  }
}

/** Parses argv for one operation into its request object. */
export function parseOperationArgs(
  argv: string[],
  params: Record<string, ParamSpec>,
): { input: Record<string, unknown>; options: Record<string, string> } {
  const input: Record<string, unknown> = {};
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new UsageError(`Unknown options: ${arg}`);
    const flag = arg.slice(2);
    const values: string[] = [];
    while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) values.push(argv[++i]);
    if (flag === "cli-input-json") {
      Object.assign(input, JSON.parse(readValue(values[0] ?? "") as string));
      continue;
    }
    if (flag === "output" || flag === "region" || flag === "query" || flag === "endpoint-url") {
      options[flag] = values[0] ?? "";
      continue;
    }
    const spec = params[flag];
    if (spec) {
      input[spec.name] = convert(flag, spec, values);
      continue;
    }
    const negated = flag.startsWith("no-") ? params[flag.slice(3)] : undefined;
    if (negated?.type === "boolean") {
      input[negated.name] = false;
      continue;
    }
    throw new UsageError(`Unknown options: --${flag}`);
  }
  return { input, options };
}

/** AWS CLI JSON: 4-space indent, timestamps in ISO 8601 with offset, binary as base64. */
export function formatOutput(value: unknown): string {
  return JSON.stringify(
    value,
    function (key, inner) {
      const raw = (this as Record<string, unknown>)[key];
      if (raw instanceof Date) return raw.toISOString().replace("Z", "000+00:00");
      if (Buffer.isBuffer(raw) || raw instanceof Uint8Array)
        return Buffer.from(raw).toString("base64");
      if (
        inner &&
        typeof inner === "object" &&
        inner.type === "Buffer" &&
        Array.isArray(inner.data)
      ) {
        return Buffer.from(inner.data).toString("base64");
      }
      return inner;
    },
    4,
  );
}
