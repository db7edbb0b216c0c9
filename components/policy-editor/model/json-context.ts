/**
 * Where the cursor is in a policy being typed: the path of keys and indexes that leads to it
 * and whether it is writing a key or a value. Tolerant of unfinished JSON (it reads only up to
 * the cursor), so completions work while the document is still invalid.
 */

export type PathStep = string | number;

export interface JsonCursor {
  /** Keys and array indexes from the document's root to the innermost container. */
  path: PathStep[];
  /** A key of the innermost object, or a value (of an object member or array item). */
  role: "key" | "value";
  /** The cursor is inside a string: `from` is just after its opening quote. */
  inString: boolean;
  /** Where the text being completed starts. */
  from: number;
  /** The text typed so far (inside the string, without the quote). */
  prefix: string;
}

interface Frame {
  type: "object" | "array";
  key?: string;
  expectKey: boolean;
  index: number;
}

export function cursorContext(text: string, offset: number): JsonCursor | undefined {
  const stack: Frame[] = [];
  let lastString: string | undefined;
  let i = 0;
  while (i < offset) {
    const c = text[i];
    if (c === '"') {
      const start = i + 1;
      let j = start;
      let closed = false;
      while (j < text.length) {
        if (text[j] === "\\") {
          j += 2;
          continue;
        }
        if (text[j] === '"') {
          closed = true;
          break;
        }
        if (text[j] === "\n") break;
        j++;
      }
      if (!closed || j >= offset) {
        // The cursor is inside this string.
        const top = stack[stack.length - 1];
        const role = top && top.type === "object" && top.expectKey ? "key" : "value";
        return {
          path: pathOf(stack, role),
          role,
          inString: true,
          from: start,
          prefix: text.slice(start, offset),
        };
      }
      lastString = decode(text.slice(start, j));
      const top = stack[stack.length - 1];
      if (top && top.type === "object" && top.expectKey) top.key = lastString;
      i = j + 1;
      continue;
    }
    switch (c) {
      case "{":
        stack.push({ type: "object", expectKey: true, index: 0 });
        break;
      case "[":
        stack.push({ type: "array", expectKey: false, index: 0 });
        break;
      case "}":
      case "]":
        stack.pop();
        break;
      case ":": {
        const top = stack[stack.length - 1];
        if (top?.type === "object") top.expectKey = false;
        break;
      }
      case ",": {
        const top = stack[stack.length - 1];
        if (top?.type === "object") {
          top.expectKey = true;
          top.key = undefined;
        } else if (top) {
          top.index++;
        }
        break;
      }
      default:
        break;
    }
    i++;
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  const role = top.type === "object" && top.expectKey ? "key" : "value";
  // Between tokens: complete a whole quoted string from the start of the word being typed.
  let from = offset;
  while (from > 0 && /[A-Za-z0-9:*?_/.-]/.test(text[from - 1])) from--;
  return {
    path: pathOf(stack, role),
    role,
    inString: false,
    from,
    prefix: text.slice(from, offset),
  };
}

function pathOf(stack: Frame[], role: "key" | "value"): PathStep[] {
  const path: PathStep[] = [];
  stack.forEach((frame, n) => {
    const last = n === stack.length - 1;
    if (frame.type === "array") path.push(frame.index);
    else if (!(last && role === "key") && frame.key !== undefined) path.push(frame.key);
  });
  return path;
}

function decode(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** What the cursor is writing, in policy terms. */
export type PolicySlot =
  | { slot: "top-key" }
  | { slot: "statement-key"; statement: number }
  | { slot: "effect"; statement: number }
  | { slot: "action"; statement: number }
  | { slot: "resource"; statement: number }
  | { slot: "principal-type"; statement: number }
  | { slot: "principal"; statement: number; type: string }
  | { slot: "condition-operator"; statement: number }
  | { slot: "condition-key"; statement: number; operator: string }
  | { slot: "condition-value"; statement: number; operator: string; key: string }
  | { slot: "version" }
  | { slot: "other" };

export function policySlot(cursor: JsonCursor): PolicySlot {
  const p = cursor.path;
  if (p.length === 0) return cursor.role === "key" ? { slot: "top-key" } : { slot: "other" };
  if (p.length === 1 && p[0] === "Version" && cursor.role === "value") return { slot: "version" };
  if (p[0] !== "Statement") return { slot: "other" };
  // "Statement": {...} or "Statement": [{...}]
  let rest = p.slice(1);
  let statement = 0;
  if (typeof rest[0] === "number") {
    statement = rest[0];
    rest = rest.slice(1);
  }
  if (rest.length === 0) {
    return cursor.role === "key" ? { slot: "statement-key", statement } : { slot: "other" };
  }
  const [element, ...tail] = rest;
  const listValue = cursor.role === "value" && (tail.length === 0 || typeof tail[0] === "number");
  switch (element) {
    case "Effect":
      return cursor.role === "value" && tail.length === 0
        ? { slot: "effect", statement }
        : { slot: "other" };
    case "Action":
    case "NotAction":
      return listValue ? { slot: "action", statement } : { slot: "other" };
    case "Resource":
    case "NotResource":
      return listValue ? { slot: "resource", statement } : { slot: "other" };
    case "Principal":
    case "NotPrincipal":
      if (tail.length === 0) {
        return cursor.role === "key" ? { slot: "principal-type", statement } : { slot: "other" };
      }
      if (typeof tail[0] === "string" && cursor.role === "value") {
        return { slot: "principal", statement, type: tail[0] };
      }
      return { slot: "other" };
    case "Condition":
      if (tail.length === 0) {
        return cursor.role === "key"
          ? { slot: "condition-operator", statement }
          : { slot: "other" };
      }
      if (tail.length === 1 && typeof tail[0] === "string" && cursor.role === "key") {
        return { slot: "condition-key", statement, operator: tail[0] };
      }
      if (typeof tail[0] === "string" && typeof tail[1] === "string" && cursor.role === "value") {
        return { slot: "condition-value", statement, operator: tail[0], key: tail[1] };
      }
      return { slot: "other" };
    default:
      return { slot: "other" };
  }
}
