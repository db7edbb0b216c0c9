/**
 * Reads the members of one large top-level JSON object as they stream in, parsing one member's
 * value at a time: the 74 MB managed-policy file never has to be parsed (or held) whole.
 */

export interface ObjectMember {
  key: string;
  value: unknown;
}

export interface StreamMembersOptions {
  /** Parse only members whose key passes (others are skipped without JSON.parse). */
  filter?: (key: string) => boolean;
}

/**
 * Yields `{ key, value }` for each member of the top-level object in `chunks`. Member values
 * must be objects or arrays (as in the managed-policy file); anything else is a format error.
 */
export async function* streamObjectMembers(
  chunks: AsyncIterable<string>,
  options: StreamMembersOptions = {},
): AsyncGenerator<ObjectMember> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  // The text of the member value being read (across chunks), and of the key before it.
  let valueParts: string[] | undefined;
  let keyParts: string[] | undefined;
  let key = "";
  let wanted = false;

  for await (const chunk of chunks) {
    let valueStart = valueParts ? 0 : -1;
    let keyStart = keyParts ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      if (inString) {
        // Jump to the closing quote: a quote preceded by an even run of backslashes.
        if (escaped) {
          escaped = false;
          continue;
        }
        const quote = chunk.indexOf('"', i);
        if (quote < 0) {
          escaped = trailingBackslashes(chunk, i, chunk.length) % 2 === 1;
          break;
        }
        if (trailingBackslashes(chunk, i, quote) % 2 === 1) {
          i = quote;
          continue;
        }
        i = quote;
        inString = false;
        if (keyParts && depth === 1) {
          keyParts.push(chunk.slice(keyStart, i + 1));
          key = JSON.parse(keyParts.join("")) as string;
          keyParts = undefined;
          keyStart = -1;
          wanted = options.filter ? options.filter(key) : true;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x22) {
        inString = true;
        if (depth === 1 && !valueParts) {
          keyParts = [];
          keyStart = i;
        }
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
        if (depth === 2) {
          valueParts = [];
          valueStart = i;
        }
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 1 && valueParts) {
          if (wanted) {
            valueParts.push(chunk.slice(valueStart, i + 1));
            yield { key, value: JSON.parse(valueParts.join("")) };
          }
          valueParts = undefined;
          valueStart = -1;
        } else if (depth < 0) {
          throw new Error("Unbalanced JSON: more closing brackets than opening ones");
        }
      } else if (depth === 1 && !valueParts && !keyParts && isScalarStart(c)) {
        throw new Error("Member values of the top-level object must be objects or arrays");
      }
    }
    // Carry the unfinished value or key over to the next chunk (only when it will be parsed).
    if (valueParts && wanted) valueParts.push(chunk.slice(valueStart));
    if (keyParts) keyParts.push(chunk.slice(keyStart));
  }
  if (depth !== 0 || inString) throw new Error("Unexpected end of JSON input");
}

/** How many backslashes end `text[from..to)`. */
function trailingBackslashes(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = to - 1; k >= from && text.charCodeAt(k) === 0x5c; k--) n++;
  return n;
}

function isScalarStart(c: number): boolean {
  // digits, minus, t(rue), f(alse), n(ull)
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x74 || c === 0x66 || c === 0x6e;
}
