/**
 * ARNs as IAM matches them: `arn:partition:service:region:account:resource`, the first five
 * colon-separated components compared one by one (a wildcard there cannot cross a colon), the
 * resource part (everything after the fifth colon) as one string in which `*` and `?` may span
 * `:` and `/`.
 */
import { compileChunks, globMatch, type Glob, type PatternChunk } from "./glob";

/**
 * An ARN split for matching: its first five components as strings (compared whole when the
 * pattern's component has no wildcard) and where its resource part starts.
 */
export interface ArnValue {
  value: string;
  /** arn, partition, service, region, account. */
  head: [string, string, string, string, string];
  resourceStart: number;
}

/** Splits an ARN; undefined when `value` does not have six colon-separated components. */
export function splitArn(value: string): ArnValue | undefined {
  if (!value.startsWith("arn:")) return undefined;
  const c2 = value.indexOf(":", 4);
  if (c2 < 0) return undefined;
  const c3 = value.indexOf(":", c2 + 1);
  if (c3 < 0) return undefined;
  const c4 = value.indexOf(":", c3 + 1);
  if (c4 < 0) return undefined;
  const c5 = value.indexOf(":", c4 + 1);
  if (c5 < 0) return undefined;
  return {
    value,
    head: [
      "arn",
      value.slice(4, c2),
      value.slice(c2 + 1, c3),
      value.slice(c3 + 1, c4),
      value.slice(c4 + 1, c5),
    ],
    resourceStart: c5 + 1,
  };
}

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(value: string): ArnParts | undefined {
  const arn = splitArn(value);
  if (!arn) return undefined;
  const [, partition, service, region, account] = arn.head;
  return { partition, service, region, account, resource: value.slice(arn.resourceStart) };
}

/** A compiled ARN pattern: six globs, one per component ("arn" included). */
export interface ArnPattern {
  parts: [Glob, Glob, Glob, Glob, Glob, Glob];
  /** The whole ARN when no component has a wildcard (then matching is string equality). */
  exact?: string;
}

/**
 * Compiles an ARN pattern given as chunks (so substituted variable text stays literal).
 * Returns undefined when the pattern does not have six components.
 */
export function compileArnPattern(chunks: readonly PatternChunk[]): ArnPattern | undefined {
  const parts: PatternChunk[][] = [[]];
  for (const chunk of chunks) {
    if (chunk.literal || parts.length === 6) {
      parts[parts.length - 1].push(chunk);
      continue;
    }
    let from = 0;
    for (;;) {
      const colon = parts.length < 6 ? chunk.text.indexOf(":", from) : -1;
      if (colon < 0) {
        parts[parts.length - 1].push({ text: chunk.text.slice(from), literal: false });
        break;
      }
      parts[parts.length - 1].push({ text: chunk.text.slice(from, colon), literal: false });
      parts.push([]);
      from = colon + 1;
    }
  }
  if (parts.length !== 6) return undefined;
  const globs = parts.map((p) => compileChunks(p)) as ArnPattern["parts"];
  const exact = globs.every((g) => g.kind === "exact")
    ? globs.map((g) => g.text).join(":")
    : undefined;
  return { parts: globs, exact };
}

/** Matches an ARN against a compiled pattern, component by component. */
export function arnMatch(pattern: ArnPattern, arn: ArnValue): boolean {
  if (pattern.exact !== undefined) return arn.value === pattern.exact;
  return (
    arnHeadMatch(pattern.parts, arn) &&
    globMatch(pattern.parts[5], arn.value, arn.resourceStart, arn.value.length)
  );
}

/** Matches the first five components only (the resource part is matched by the caller). */
export function arnHeadMatch(head: readonly Glob[], arn: ArnValue): boolean {
  const parts = arn.head;
  for (let i = 0; i < 5; i++) {
    const glob = head[i];
    if (glob.kind === "any") continue;
    if (glob.kind === "exact") {
      if (parts[i] !== glob.text) return false;
    } else if (!globMatch(glob, parts[i])) {
      return false;
    }
  }
  return true;
}

/** One-off ARN match (`ArnLike` semantics) without keeping the compiled pattern. */
export function arnLike(pattern: string, value: string): boolean {
  const compiled = compileArnPattern([{ text: pattern, literal: false }]);
  const arn = splitArn(value);
  return !!compiled && !!arn && arnMatch(compiled, arn);
}
