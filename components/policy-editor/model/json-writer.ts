/**
 * Writes JSON in the layout IAM's console uses (JSON.stringify with four spaces), from values
 * built by the model and from nodes kept as they were parsed (numbers keep their text).
 */
import type { JsonNode } from "@/lib/iam";

export type OutValue =
  | { t: "string"; value: string }
  | { t: "number"; raw: string }
  | { t: "boolean"; value: boolean }
  | { t: "null" }
  | { t: "array"; items: OutValue[] }
  | { t: "object"; members: [string, OutValue][] }
  | { t: "node"; node: JsonNode };

export const INDENT = "    ";

export const str = (value: string): OutValue => ({ t: "string", value });

/** One string, or an array of them, as the part was written. */
export function strings(values: readonly string[], array: boolean): OutValue {
  if (!array && values.length === 1) return str(values[0]);
  return { t: "array", items: values.map(str) };
}

export function writeJson(value: OutValue, indent = ""): string {
  switch (value.t) {
    case "string":
      return JSON.stringify(value.value);
    case "number":
      return value.raw;
    case "boolean":
      return value.value ? "true" : "false";
    case "null":
      return "null";
    case "node":
      return writeNode(value.node, indent);
    case "array": {
      if (value.items.length === 0) return "[]";
      const inner = indent + INDENT;
      return `[\n${value.items.map((item) => inner + writeJson(item, inner)).join(",\n")}\n${indent}]`;
    }
    case "object": {
      if (value.members.length === 0) return "{}";
      const inner = indent + INDENT;
      return `{\n${value.members
        .map(([key, member]) => `${inner}${JSON.stringify(key)}: ${writeJson(member, inner)}`)
        .join(",\n")}\n${indent}}`;
    }
  }
}

/** A parsed node in the same layout; duplicate keys are kept (the parser reports them). */
export function writeNode(node: JsonNode, indent = ""): string {
  switch (node.kind) {
    case "string":
      return JSON.stringify(node.value);
    case "number":
      return node.raw;
    case "boolean":
      return node.value ? "true" : "false";
    case "null":
      return "null";
    case "array":
      return writeJson(
        { t: "array", items: node.items.map((n) => ({ t: "node", node: n })) },
        indent,
      );
    case "object":
      return writeJson(
        {
          t: "object",
          members: node.members.map((m) => [m.key, { t: "node", node: m.value }]),
        },
        indent,
      );
  }
}

/** Reformats JSON text in this layout; undefined when it is not JSON. Numbers keep their text. */
export function formatJsonText(
  text: string,
  parse: (text: string) => JsonNode,
): string | undefined {
  try {
    return writeNode(parse(text));
  } catch {
    return undefined;
  }
}
