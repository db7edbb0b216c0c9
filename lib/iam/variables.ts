/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}`, `${?}`,
 * `${$}`) in Resource and in condition values of 2012-10-17 policies. In 2008-10-17 policies
 * (and policies without Version) the text is literal.
 */
import { literalPrefix, patternCodes, type PatternBuffer, type PatternChunk } from "./glob";

export interface VariableRef {
  /** The key as written, for reporting. */
  key: string;
  /** Lower-cased key, for lookup (key names are case-insensitive). */
  lookup: string;
  defaultValue?: string;
}

/** Raw policy text (wildcards active) or a variable. */
export type TemplatePart = string | VariableRef;

export interface Template {
  parts: TemplatePart[];
  /**
   * Set by `compileTemplateCodes`: the raw text before the first variable or wildcard, and each
   * raw part's pattern codes (the first part's without that prefix).
   */
  prefix?: string;
  codes?: (Int32Array | undefined)[];
  /** The variables it uses (for the list of missing context keys). */
  variables: VariableRef[];
}

const SPECIAL: Record<string, string> = { "*": "*", "?": "?", $: "$" };
const DEFAULT_VALUE = /^(.*?)\s*,\s*'([^']*)'$/s;

/** Lowercase-key lookup of a single context value. */
export interface VariableResolver {
  variable(lookup: string): string | undefined;
}

/** Hears each context key that a condition or variable needed and the request lacked. */
export interface MissingKeys {
  add(key: string): void;
}

/**
 * Splits text into raw chunks and variables. Returns undefined when the text has no variable
 * (callers then keep the cheaper plain form). `${*}`, `${?}`, `${$}` become literal chunks.
 */
export function parseTemplate(text: string): Template | undefined {
  if (text.indexOf("${") < 0) return undefined;
  const parts: TemplatePart[] = [];
  const variables: VariableRef[] = [];
  let raw = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("${", i);
    const close = open < 0 ? -1 : text.indexOf("}", open + 2);
    if (open < 0 || close < 0) {
      raw += text.slice(i);
      break;
    }
    raw += text.slice(i, open);
    const body = text.slice(open + 2, close);
    i = close + 1;
    const special = SPECIAL[body];
    if (special !== undefined) {
      if (raw) parts.push(raw);
      raw = "";
      parts.push({ key: body, lookup: "", defaultValue: special });
      continue;
    }
    const withDefault = DEFAULT_VALUE.exec(body);
    const key = (withDefault ? withDefault[1] : body).trim();
    const ref: VariableRef = { key, lookup: key.toLowerCase() };
    if (withDefault) ref.defaultValue = withDefault[2];
    if (raw) parts.push(raw);
    raw = "";
    parts.push(ref);
    if (key) variables.push(ref);
  }
  if (raw) parts.push(raw);
  if (parts.every((p) => typeof p === "string")) return undefined;
  return { parts, variables };
}

/**
 * Substitutes variables. Returns undefined when a variable has no value and no default: the
 * element holding it then does not match, as AWS documents. `missing` hears each such key.
 */
export function resolveTemplate(
  template: Template,
  resolver: VariableResolver,
  missing?: MissingKeys,
): PatternChunk[] | undefined {
  const chunks: PatternChunk[] = [];
  let ok = true;
  for (const part of template.parts) {
    if (typeof part === "string") {
      chunks.push({ text: part, literal: false });
      continue;
    }
    const value = part.lookup ? resolver.variable(part.lookup) : undefined;
    if (value !== undefined) {
      chunks.push({ text: value, literal: true });
    } else if (part.defaultValue !== undefined) {
      if (part.lookup) missing?.add(part.key);
      chunks.push({ text: part.defaultValue, literal: true });
    } else {
      // No value and no default (or an empty `${}`): the element does not match.
      if (part.key) missing?.add(part.key);
      ok = false;
    }
  }
  return ok ? chunks : undefined;
}

/**
 * Precompiles a template for resolveInto: its literal prefix (which the caller compares first)
 * and its raw parts' codes.
 */
export function compileTemplateCodes(template: Template): Template {
  const first = template.parts[0];
  const prefix = typeof first === "string" ? literalPrefix(first) : "";
  return {
    ...template,
    prefix,
    codes: template.parts.map((p, i) =>
      typeof p === "string" ? patternCodes(i === 0 ? p.slice(prefix.length) : p) : undefined,
    ),
  };
}

/**
 * Like resolveTemplate, but writes the pattern into a shared buffer (no allocation). For a
 * template from `compileTemplateCodes`, the pattern written is what follows its `prefix`.
 */
export function resolveInto(
  template: Template,
  resolver: VariableResolver,
  missing: MissingKeys | undefined,
  buffer: PatternBuffer,
): boolean {
  buffer.reset();
  let ok = true;
  const parts = template.parts;
  const codes = template.codes;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === "string") {
      const compiled = codes?.[i];
      if (compiled) buffer.appendCodes(compiled);
      else
        buffer.append(
          i === 0 && template.prefix ? part.slice(template.prefix.length) : part,
          false,
        );
      continue;
    }
    const value = part.lookup ? resolver.variable(part.lookup) : undefined;
    if (value !== undefined) {
      buffer.append(value, true);
    } else if (part.defaultValue !== undefined) {
      if (part.lookup) missing?.add(part.key);
      buffer.append(part.defaultValue, true);
    } else {
      // No value and no default (or an empty `${}`): the element does not match.
      if (part.key) missing?.add(part.key);
      ok = false;
    }
  }
  return ok;
}

/** Like resolveTemplate, for operators without wildcards: the substituted text. */
export function resolveText(
  template: Template,
  resolver: VariableResolver,
  missing?: MissingKeys,
): string | undefined {
  let text = "";
  let ok = true;
  for (const part of template.parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    const value = part.lookup ? resolver.variable(part.lookup) : undefined;
    if (value !== undefined) {
      text += value;
    } else if (part.defaultValue !== undefined) {
      if (part.lookup) missing?.add(part.key);
      text += part.defaultValue;
    } else {
      // No value and no default (or an empty `${}`): the element does not match.
      if (part.key) missing?.add(part.key);
      ok = false;
    }
  }
  return ok ? text : undefined;
}

export function chunksToText(chunks: readonly PatternChunk[]): string {
  return chunks.length === 1 ? chunks[0].text : chunks.map((c) => c.text).join("");
}
