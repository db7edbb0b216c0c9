/**
 * Comparing IAM patterns with each other (not with request values: that is the engine's
 * matcher). Policy patterns use `*` (any run of characters), `?` (one character) and policy
 * variables `${aws:username}`; `${*}`, `${?}` and `${$}` stand for the literal characters.
 * Catalogue templates (`arn:${Partition}:secretsmanager:${Region}:...`) use `${Name}` for a part
 * that can be anything.
 *
 * Two questions come up: can two patterns match a common string (does this policy ARN name a
 * resource of that type?) and does one pattern match everything another does (is this action
 * or resource redundant?).
 */

/** 0 = literal character, 1 = any one character, 2 = any run of characters, 3 = policy variable. */
type TokenKind = 0 | 1 | 2 | 3;

export interface GlobToken {
  kind: TokenKind;
  /** The character (kind 0) or the variable's text (kind 3, lower-cased). */
  text: string;
}

export interface TokenizeOptions {
  /** Treat `${...}` as a template placeholder (matches anything) instead of a policy variable. */
  template?: boolean;
  /** Compare literal characters case-insensitively (actions, condition keys). */
  ignoreCase?: boolean;
}

const ESCAPES: Record<string, string> = { "${*}": "*", "${?}": "?", "${$}": "$" };

export function tokenizeGlob(pattern: string, options: TokenizeOptions = {}): GlobToken[] {
  const tokens: GlobToken[] = [];
  const text = options.ignoreCase ? pattern.toLowerCase() : pattern;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "$" && text[i + 1] === "{") {
      const close = text.indexOf("}", i + 2);
      if (close > 0) {
        const whole = text.slice(i, close + 1);
        const escaped = options.template ? undefined : ESCAPES[whole];
        if (escaped !== undefined) {
          tokens.push({ kind: 0, text: escaped });
        } else if (options.template) {
          tokens.push({ kind: 2, text: "" });
        } else {
          tokens.push({ kind: 3, text: whole.toLowerCase() });
        }
        i = close + 1;
        continue;
      }
    }
    if (!options.template && c === "*") {
      // Runs of `*` mean the same as one.
      if (tokens.length === 0 || tokens[tokens.length - 1].kind !== 2)
        tokens.push({ kind: 2, text: "" });
    } else if (!options.template && c === "?") {
      tokens.push({ kind: 1, text: "" });
    } else {
      tokens.push({ kind: 0, text: c });
    }
    i++;
  }
  return tokens;
}

/** True when the pattern has no wildcard and no variable: it names exactly one string. */
export function isLiteralPattern(pattern: string): boolean {
  return !/[*?]|\$\{/.test(pattern);
}

/**
 * Can some string be matched by both `a` and `b`? A policy variable counts as "anything" (its
 * value is only known at request time), so the answer errs towards yes.
 */
export function globsIntersect(a: GlobToken[], b: GlobToken[]): boolean {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const reach = new Uint8Array((n + 1) * width);
  reach[0] = 1;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!reach[i * width + j]) continue;
      if (i === n && j === m) return true;
      const ta = i < n ? a[i] : undefined;
      const tb = j < m ? b[j] : undefined;
      const aAny = ta !== undefined && (ta.kind === 2 || ta.kind === 3);
      const bAny = tb !== undefined && (tb.kind === 2 || tb.kind === 3);
      // A run matches the empty string...
      if (aAny) reach[(i + 1) * width + j] = 1;
      if (bAny) reach[i * width + j + 1] = 1;
      // ...or swallows the other side's next token.
      if (aAny && tb !== undefined) reach[i * width + j + 1] = 1;
      if (bAny && ta !== undefined) reach[(i + 1) * width + j] = 1;
      if (ta !== undefined && tb !== undefined && !aAny && !bAny) {
        if (ta.kind === 1 || tb.kind === 1 || ta.text === tb.text)
          reach[(i + 1) * width + j + 1] = 1;
      }
    }
  }
  return reach[n * width + m] === 1;
}

/**
 * Does `outer` match every string `inner` matches? Sound but not complete: a `*` in `inner` must
 * meet a `*` in `outer`, and a variable in `inner` must meet the same variable or a `*`.
 */
export function globCovers(outer: GlobToken[], inner: GlobToken[]): boolean {
  const n = outer.length;
  const m = inner.length;
  const width = m + 1;
  const reach = new Uint8Array((n + 1) * width);
  reach[0] = 1;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!reach[i * width + j]) continue;
      const to = i < n ? outer[i] : undefined;
      const ti = j < m ? inner[j] : undefined;
      if (to === undefined) continue;
      if (to.kind === 2) {
        reach[(i + 1) * width + j] = 1;
        if (ti !== undefined) reach[i * width + j + 1] = 1;
        continue;
      }
      if (ti === undefined) continue;
      if (to.kind === 1) {
        if (ti.kind === 0 || ti.kind === 1) reach[(i + 1) * width + j + 1] = 1;
      } else if (to.kind === 3) {
        if (ti.kind === 3 && ti.text === to.text) reach[(i + 1) * width + j + 1] = 1;
      } else if (ti.kind === 0 && ti.text === to.text) {
        reach[(i + 1) * width + j + 1] = 1;
      }
    }
  }
  return reach[n * width + m] === 1;
}

/** A RegExp for a simple `*`/`?` pattern against literal names (actions, services). */
export function globToRegExp(pattern: string, ignoreCase = true): RegExp {
  let source = "^";
  for (const c of pattern) {
    if (c === "*") source += ".*";
    else if (c === "?") source += ".";
    else source += c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(source + "$", ignoreCase ? "i" : "");
}
