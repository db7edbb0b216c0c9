/**
 * IAM wildcard matching: `*` matches any run of characters (including none), `?` exactly one.
 * A pattern is compiled once to character codes in which STAR and QMARK stand for the
 * wildcards, so text substituted from a policy variable (or `${*}`) can hold a literal `*`.
 * Matching is a greedy scan that backtracks only to the last `*`: no regular expressions.
 */

const STAR = -1;
const QMARK = -2;

/** A piece of pattern text: `literal` pieces (variable values) carry no wildcards. */
export interface PatternChunk {
  text: string;
  literal: boolean;
}

export type GlobKind = "any" | "exact" | "prefix" | "glob";

export interface Glob {
  kind: GlobKind;
  /** For "exact": the whole text; for "prefix": the text before the trailing `*`. */
  text: string;
  /** For "glob": the pattern's codes. */
  codes: readonly number[];
}

const ANY: Glob = { kind: "any", text: "", codes: [STAR] };
const NO_CODES: readonly number[] = [];

/** Compiles pattern text in which every `*` and `?` is a wildcard. */
export function compileGlob(pattern: string): Glob {
  if (pattern === "*") return ANY;
  return compileChunks([{ text: pattern, literal: false }]);
}

export function compileChunks(chunks: readonly PatternChunk[]): Glob {
  let wildcards = 0;
  let lastIsStar = false;
  let text = "";
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c];
    text += chunk.text;
    if (chunk.literal || chunk.text.length === 0) {
      if (chunk.text.length > 0) lastIsStar = false;
      continue;
    }
    const t = chunk.text;
    for (let i = 0; i < t.length; i++) {
      const code = t.charCodeAt(i);
      if (code === 0x2a || code === 0x3f) wildcards++;
    }
    lastIsStar = t.charCodeAt(t.length - 1) === 0x2a;
  }
  if (wildcards === 0) return { kind: "exact", text, codes: NO_CODES };
  if (wildcards === 1 && lastIsStar) {
    return text.length === 1 ? ANY : { kind: "prefix", text: text.slice(0, -1), codes: NO_CODES };
  }
  const codes: number[] = [];
  for (let c = 0; c < chunks.length; c++) {
    const { text: t, literal } = chunks[c];
    for (let i = 0; i < t.length; i++) {
      const code = t.charCodeAt(i);
      codes.push(literal ? code : code === 0x2a ? STAR : code === 0x3f ? QMARK : code);
    }
  }
  return { kind: "glob", text: "", codes };
}

/** Whether `value` (or its slice `start`..`end`) matches the compiled pattern. */
export function globMatch(glob: Glob, value: string, start = 0, end = value.length): boolean {
  switch (glob.kind) {
    case "any":
      return true;
    case "exact":
      return end - start === glob.text.length && regionEquals(value, start, glob.text);
    case "prefix":
      return end - start >= glob.text.length && regionEquals(value, start, glob.text);
    default:
      return matchCodes(glob.codes, glob.codes.length, value, start, end);
  }
}

/**
 * `value.startsWith(text, start)`, which V8 runs far slower than this loop. Compares from the
 * end: patterns and ARNs tend to share their beginning (`arn:aws:secretsmanager:…:secret:team`)
 * and differ near the end, so a mismatch shows sooner.
 */
export function regionEquals(value: string, start: number, text: string): boolean {
  if (text.length > 0 && start + text.length > value.length) return false;
  for (let i = text.length - 1; i >= 0; i--) {
    if (value.charCodeAt(start + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

function matchCodes(
  p: ArrayLike<number>,
  pn: number,
  value: string,
  start: number,
  end: number,
): boolean {
  let pi = 0;
  let vi = start;
  let starP = -1;
  let starV = 0;
  while (vi < end) {
    if (pi < pn) {
      const c = p[pi];
      if (c === STAR) {
        starP = pi++;
        starV = vi;
        continue;
      }
      if (c === QMARK || c === value.charCodeAt(vi)) {
        pi++;
        vi++;
        continue;
      }
    }
    if (starP < 0) return false;
    pi = starP + 1;
    vi = ++starV;
  }
  while (pi < pn && p[pi] === STAR) pi++;
  return pi === pn;
}

/** The text before the first wildcard. */
export function literalPrefix(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) !== 0x2a && text.charCodeAt(i) !== 0x3f) i++;
  return text.slice(0, i);
}

/** One-off match without keeping the compiled pattern. */
export function wildcardMatch(pattern: string, value: string): boolean {
  return globMatch(compileGlob(pattern), value);
}
