/**
 * AWS's rule for `Resource` ARNs: "If the `*` wildcard is the last character of a resource ARN
 * segment, it can expand to match beyond the colon boundaries." So
 * `arn:aws:secretsmanager:*:secret:db-*` (its region `*` ends a segment) matches
 * `arn:aws:secretsmanager:us-east-1:111122223333:secret:db-a1b2c3`, though component by component
 * its account would be `secret`.
 *
 * Component-by-component matching (./arn.ts) is the fast path and never gives a wrong "match":
 * every component match is also a spanning match. The spanning match is only needed when the
 * pattern has fewer colons than the resource (a wildcard must then stand for a colon) and a
 * segment before the resource part ends with `*`: ./resource.ts asks here only then.
 *
 * In the first five segments (arn, partition, service, region, account) a `*` inside a segment
 * and `?` never match a colon; a `*` that ends one of them matches anything. In the resource part
 * `*` and `?` match any character, as elsewhere.
 */
import type { PatternChunk } from "./glob";

const STAR_ANY = -1;
const STAR_SEGMENT = -2;
const QMARK_ANY = -3;
const QMARK_SEGMENT = -4;
const COLON = 0x3a;

/** Pattern codes: character codes, or one of the four wildcard kinds. */
export type SpanPattern = Int32Array;

/** Whether one of the first five segments of the (raw) pattern text ends with `*`. */
export function hasExpandingStar(text: string): boolean {
  let segments = 0;
  for (let i = 0; i < text.length && segments < 5; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) segments++;
    else if (c === 0x2a && (i + 1 === text.length || text.charCodeAt(i + 1) === COLON)) return true;
  }
  return false;
}

/** The number of colons in text (for the cheap "could a wildcard stand for a colon" test). */
export function countColons(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === COLON) n++;
  return n;
}

/** Compiles pattern chunks (variable text is `literal`) to spanning codes. */
export function compileSpanPattern(chunks: readonly PatternChunk[]): SpanPattern {
  const codes: number[] = [];
  let segments = 0;
  for (let c = 0; c < chunks.length; c++) {
    const { text, literal } = chunks[c];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (literal) {
        codes.push(code);
        continue;
      }
      if (code === COLON) {
        segments++;
        codes.push(code);
      } else if (code === 0x2a) {
        if (segments >= 5) {
          codes.push(STAR_ANY);
        } else {
          // The last character of its segment: followed by a raw colon, or the pattern's end.
          const next = nextRawCode(chunks, c, i);
          codes.push(next === undefined || next === COLON ? STAR_ANY : STAR_SEGMENT);
        }
      } else if (code === 0x3f) {
        codes.push(segments >= 5 ? QMARK_ANY : QMARK_SEGMENT);
      } else {
        codes.push(code);
      }
    }
  }
  return Int32Array.from(codes);
}

/** The code after position i of chunk c; -1 when a literal chunk follows, undefined at the end. */
function nextRawCode(chunks: readonly PatternChunk[], c: number, i: number): number | undefined {
  if (i + 1 < chunks[c].text.length) return chunks[c].text.charCodeAt(i + 1);
  for (let k = c + 1; k < chunks.length; k++) {
    if (chunks[k].text.length === 0) continue;
    return chunks[k].literal ? -1 : chunks[k].text.charCodeAt(0);
  }
  return undefined;
}

/** Whether the whole value matches (dynamic programming over pattern positions: no backtracking blow-up). */
export function spanMatch(pattern: SpanPattern, value: string): boolean {
  const m = pattern.length;
  let prev = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  prev[0] = 1;
  for (let j = 1; j <= m; j++) {
    const p = pattern[j - 1];
    prev[j] = prev[j - 1] && (p === STAR_ANY || p === STAR_SEGMENT) ? 1 : 0;
  }
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    next[0] = 0;
    let any = 0;
    for (let j = 1; j <= m; j++) {
      const p = pattern[j - 1];
      let r: number;
      if (p === STAR_ANY) r = next[j - 1] | prev[j];
      else if (p === STAR_SEGMENT) r = next[j - 1] | (ch !== COLON ? prev[j] : 0);
      else if (p === QMARK_ANY) r = prev[j - 1];
      else if (p === QMARK_SEGMENT) r = ch !== COLON ? prev[j - 1] : 0;
      else r = p === ch ? prev[j - 1] : 0;
      next[j] = r;
      any |= r;
    }
    if (!any) return false;
    const swap = prev;
    prev = next;
    next = swap;
  }
  return prev[m] === 1;
}
