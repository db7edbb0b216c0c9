/**
 * Resource and NotResource patterns. Each is compiled once and shared: identical patterns in any
 * compiled policy are one object, and so are identical ARN heads (the first five components), so
 * a principal whose policies repeat `arn:aws:secretsmanager:*:111122223333:secret:${aws:username}/*`
 * matches it once per evaluation (./memo.ts), its variables resolved once.
 */
import type { PolicyVersion } from "./ast";
import { arnHeadMatch, arnMatch, compileArnPattern, type ArnPattern, type ArnValue } from "./arn";
import type { EvaluationContext } from "./context";
import { globMatch, regionEquals, type Glob } from "./glob";
import { InternTable } from "./memo";
import {
  compileSpanPattern,
  countColons,
  hasExpandingStar,
  spanMatch,
  type SpanPattern,
} from "./span";
import {
  parseTemplate,
  resolveGlob,
  resolveTemplate,
  withPrefix,
  type MissingKeys,
  type Template,
} from "./variables";

/** How one pattern fares against the request's resource. */
export const NO_MATCH = 0;
export const MATCH = 1;
/** Not an ARN (or not one after substitution): fails closed. */
export const MALFORMED = 2;
/** A variable without a value and without a default: the element does not match (AWS). */
export const UNRESOLVED = 3;
export type ResourceOutcome = typeof NO_MATCH | typeof MATCH | typeof MALFORMED | typeof UNRESOLVED;

/** The first five components of ARN patterns that start alike, matched once per evaluation. */
export interface ArnHead {
  parts: readonly Glob[];
  /** The evaluation that last matched it, and the answer. */
  epoch: number;
  matches: boolean;
}

export interface ResourceMatcher {
  /** The pattern as written. */
  text: string;
  any: boolean;
  arn?: ArnPattern;
  template?: Template;
  /**
   * For a template whose variables all sit in the resource part (as AWS requires): the first
   * five components compiled, and the resource part's template.
   */
  head?: Glob[];
  tail?: Template;
  /** For `arn` with a wildcard, and for `head`: the shared head. */
  sharedHead?: ArnHead;
  /** Not `*` and not an ARN with six components: fails closed. */
  malformed: boolean;
  /**
   * A segment before the resource part ends with `*`, which AWS lets expand beyond colons
   * (./span.ts): tried when the component match fails and the resource has more colons.
   */
  expands: boolean;
  /** The pattern's own colons (outside variables). */
  colons: number;
  /** For a pattern without variables that `expands`: compiled on first need. */
  span?: SpanPattern;
  /** The evaluation that last matched it, and the outcome. */
  epoch: number;
  outcome: ResourceOutcome;
}

const matchers = new InternTable<ResourceMatcher>();
const heads = new InternTable<ArnHead>();

/** Compiles a Resource pattern, or returns the identical one compiled before. */
export function compileResource(text: string, version: PolicyVersion): ResourceMatcher {
  // Only 2012-10-17 policies read variables; other text compiles the same under either version.
  const key = version === "2012-10-17" && text.includes("${") ? `${version}\u0000${text}` : text;
  return matchers.intern(key, () => buildResource(text, version));
}

function buildResource(text: string, version: PolicyVersion): ResourceMatcher {
  // Every field set here, so that all matchers share one shape.
  const matcher: ResourceMatcher = {
    text,
    any: false,
    arn: undefined,
    template: undefined,
    head: undefined,
    tail: undefined,
    sharedHead: undefined,
    malformed: false,
    expands: false,
    colons: 0,
    span: undefined,
    epoch: 0,
    outcome: NO_MATCH,
  };
  if (text === "*") {
    matcher.any = true;
    return matcher;
  }
  const template = version === "2012-10-17" ? parseTemplate(text) : undefined;
  const raw = template ? rawText(template) : text;
  matcher.expands = hasExpandingStar(raw);
  matcher.colons = countColons(raw);
  if (template) {
    matcher.template = template;
    const split = splitTemplate(template);
    if (split) {
      matcher.head = split.head;
      matcher.tail = split.tail;
      matcher.sharedHead = sharedHead(split.headText, split.head);
    }
    return matcher;
  }
  const arn = compileArnPattern([{ text, literal: false }]);
  if (!arn) {
    matcher.malformed = true;
    return matcher;
  }
  matcher.arn = arn;
  if (arn.exact === undefined) {
    matcher.sharedHead = sharedHead(text.slice(0, headLength(text)), arn.parts.slice(0, 5));
  }
  return matcher;
}

/** A template's own text, variables left out (they are literal: their colons split nothing). */
function rawText(template: Template): string {
  let text = "";
  for (const part of template.parts) text += typeof part === "string" ? part : "\u0000";
  return text;
}

function sharedHead(text: string, parts: readonly Glob[]): ArnHead {
  return heads.intern(text, () => ({ parts, epoch: 0, matches: false }));
}

/** Where the resource part starts: just after the fifth colon (the text is a six-part ARN). */
function headLength(text: string): number {
  let at = -1;
  for (let i = 0; i < 5; i++) at = text.indexOf(":", at + 1);
  return at + 1;
}

/** Splits a resource template at its fifth colon when no variable comes before it. */
function splitTemplate(
  template: Template,
): { head: Glob[]; headText: string; tail: Template } | undefined {
  let head = "";
  let colons = 0;
  for (let i = 0; i < template.parts.length; i++) {
    const part = template.parts[i];
    // A variable before the resource part: matched the slow way, after substitution.
    if (typeof part !== "string") return undefined;
    for (let j = 0; j < part.length; j++) {
      if (part.charCodeAt(j) === 0x3a && ++colons === 5) {
        const headText = `${head}${part.slice(0, j)}:`;
        const pattern = compileArnPattern([{ text: headText, literal: false }]);
        if (!pattern) return undefined;
        const rest = part.slice(j + 1);
        const parts = [...(rest ? [rest] : []), ...template.parts.slice(i + 1)];
        const tail = withPrefix({ parts, variables: template.variables });
        return { head: pattern.parts.slice(0, 5), headText, tail };
      }
    }
    head += part;
  }
  return undefined;
}

/**
 * How the pattern fares against the request's resource, computed once per evaluation `epoch`.
 * `missing` hears the variables that had no value (the first time only: it is a set).
 */
export function matchResource(
  matcher: ResourceMatcher,
  context: EvaluationContext,
  missing: MissingKeys | undefined,
  epoch: number,
): ResourceOutcome {
  if (matcher.epoch !== epoch) {
    let outcome = outcomeOf(matcher, context, missing, epoch);
    if (outcome === NO_MATCH && matcher.expands && context.resourceColons > matcher.colons) {
      outcome = spanningOutcome(matcher, context);
    }
    matcher.outcome = outcome;
    matcher.epoch = epoch;
  }
  return matcher.outcome;
}

/**
 * AWS: a `*` that ends a segment before the resource part may expand beyond colons. Only asked
 * when the component match failed and a wildcard must stand for a colon (./span.ts).
 */
function spanningOutcome(matcher: ResourceMatcher, context: EvaluationContext): ResourceOutcome {
  let pattern = matcher.span;
  if (!pattern) {
    if (matcher.template) {
      // Variables already resolved by the component match (it would have said UNRESOLVED).
      const chunks = resolveTemplate(matcher.template, context, undefined);
      if (!chunks) return NO_MATCH;
      pattern = compileSpanPattern(chunks);
    } else {
      pattern = matcher.span = compileSpanPattern([{ text: matcher.text, literal: false }]);
    }
  }
  return spanMatch(pattern, context.resource) ? MATCH : NO_MATCH;
}

function outcomeOf(
  matcher: ResourceMatcher,
  context: EvaluationContext,
  missing: MissingKeys | undefined,
  epoch: number,
): ResourceOutcome {
  if (matcher.any) return MATCH;
  const value = context.resource;
  const head = matcher.sharedHead;
  const tail = matcher.tail;
  if (tail && head) {
    const arn = context.resourceArn;
    if (!arn || !headMatches(head, arn, epoch)) return NO_MATCH;
    const prefix = tail.prefix ?? "";
    const start = arn.resourceStart + prefix.length;
    if (start > value.length || !regionEquals(value, arn.resourceStart, prefix)) return NO_MATCH;
    const glob = resolveGlob(tail, context, missing);
    if (!glob) return UNRESOLVED;
    return globMatch(glob, value, start, value.length) ? MATCH : NO_MATCH;
  }
  if (matcher.template) {
    const chunks = resolveTemplate(matcher.template, context, missing);
    if (!chunks) return UNRESOLVED;
    const pattern = compileArnPattern(chunks);
    // Not six ARN components after substitution: fails closed.
    if (!pattern) return MALFORMED;
    const arn = context.resourceArn;
    return arn !== undefined && arnMatch(pattern, arn) ? MATCH : NO_MATCH;
  }
  const pattern = matcher.arn;
  // A pattern that is neither `*` nor an ARN: fails closed.
  if (!pattern) return MALFORMED;
  if (pattern.exact !== undefined) return value === pattern.exact ? MATCH : NO_MATCH;
  const arn = context.resourceArn;
  if (!arn || !head || !headMatches(head, arn, epoch)) return NO_MATCH;
  return globMatch(pattern.parts[5], value, arn.resourceStart, value.length) ? MATCH : NO_MATCH;
}

function headMatches(head: ArnHead, arn: ArnValue, epoch: number): boolean {
  if (head.epoch !== epoch) {
    head.matches = arnHeadMatch(head.parts, arn);
    head.epoch = epoch;
  }
  return head.matches;
}
