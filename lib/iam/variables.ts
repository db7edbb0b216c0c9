/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}`, `${?}`,
 * `${$}`) in Resource and in condition values of 2012-10-17 policies. In 2008-10-17 policies
 * (and policies without Version) the text is literal.
 */
import { compileChunks, literalPrefix, type Glob, type PatternChunk } from "./glob";
import { lookupOf } from "./memo";

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
  /** Set by `withPrefix`: the raw text before the first variable or wildcard. */
  prefix?: string;
  /** Patterns compiled by `resolveGlob`, by the values substituted. */
  globs?: Map<string, Glob>;
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
    const ref: VariableRef = {
      key,
      lookup: lookupOf(key),
      defaultValue: withDefault ? withDefault[2] : undefined,
    };
    if (raw) parts.push(raw);
    raw = "";
    parts.push(ref);
    if (key) variables.push(ref);
  }
  if (raw) parts.push(raw);
  if (parts.every((p) => typeof p === "string")) return undefined;
  return { parts, prefix: undefined, globs: undefined, variables };
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

/** Marks a template as a resource part whose literal prefix the caller compares first. */
export function withPrefix(template: Template): Template {
  const first = template.parts[0];
  return {
    parts: template.parts,
    prefix: typeof first === "string" ? literalPrefix(first) : "",
    globs: undefined,
    variables: template.variables,
  };
}

const GLOB_MEMO_LIMIT = 256;

/**
 * The template's pattern (after its `prefix`) compiled for the values its variables take in
 * this request, or undefined when one has no value and no default. Compiled patterns are kept
 * per template, by the values substituted, so a principal's patterns are compiled once.
 */
export function resolveGlob(
  template: Template,
  resolver: VariableResolver,
  missing: MissingKeys | undefined,
): Glob | undefined {
  let key = "";
  let first = true;
  let ok = true;
  const parts = template.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === "string") continue;
    let value = part.lookup ? resolver.variable(part.lookup) : undefined;
    if (value === undefined) {
      if (part.lookup) missing?.add(part.key);
      value = part.defaultValue;
    }
    // No value and no default (or an empty `${}`): the element does not match.
    if (value === undefined) {
      ok = false;
      continue;
    }
    key = first ? value : `${key}\u0000${value}`;
    first = false;
  }
  if (!ok) return undefined;
  const memo = (template.globs ??= new Map());
  let glob = memo.get(key);
  if (glob === undefined) {
    glob = compileChunks(resolvedChunks(template, resolver));
    if (memo.size >= GLOB_MEMO_LIMIT) memo.clear();
    memo.set(key, glob);
  }
  return glob;
}

function resolvedChunks(template: Template, resolver: VariableResolver): PatternChunk[] {
  const prefix = template.prefix ?? "";
  return template.parts.map((part, i) => {
    if (typeof part === "string") {
      return { text: i === 0 ? part.slice(prefix.length) : part, literal: false };
    }
    const value = part.lookup ? resolver.variable(part.lookup) : undefined;
    return { text: value ?? part.defaultValue ?? "", literal: true };
  });
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
