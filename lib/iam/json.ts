/**
 * A small strict JSON (RFC 8259) parser that keeps where every value and key was written.
 * Duplicate keys are kept in `members` (the policy parser reports them).
 */
import type { Position, Span } from "./ast";

interface JsonBase {
  span: Span;
}

export interface JsonMember {
  key: string;
  keySpan: Span;
  value: JsonNode;
}

export interface JsonObject extends JsonBase {
  kind: "object";
  members: JsonMember[];
}

export interface JsonArray extends JsonBase {
  kind: "array";
  items: JsonNode[];
}

export interface JsonString extends JsonBase {
  kind: "string";
  value: string;
}

export interface JsonNumber extends JsonBase {
  kind: "number";
  value: number;
  /** The number as written (`"3600"` and `3600` compare alike; `1e3` keeps its text). */
  raw: string;
}

export interface JsonBoolean extends JsonBase {
  kind: "boolean";
  value: boolean;
}

export interface JsonNull extends JsonBase {
  kind: "null";
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export class JsonSyntaxError extends Error {
  readonly span: Span;

  constructor(message: string, span: Span) {
    super(message);
    this.name = "JsonSyntaxError";
    this.span = span;
  }
}

const MAX_DEPTH = 64;

/** Parses `text` as one JSON value (a leading byte-order mark is skipped). Throws JsonSyntaxError. */
export function parseJson(text: string): JsonNode {
  return new JsonReader(text).readDocument();
}

class JsonReader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  readDocument(): JsonNode {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    const value = this.readValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("Unexpected content after the JSON value");
    return value;
  }

  private position(): Position {
    return { line: this.line, column: this.pos - this.lineStart, offset: this.pos };
  }

  private fail(message: string, start?: Position): never {
    const end = this.position();
    const at = start ?? end;
    const next =
      this.pos < this.text.length
        ? { ...end, column: end.column + 1, offset: end.offset + 1 }
        : end;
    throw new JsonSyntaxError(message, { start: at, end: start ? end : next });
  }

  private skipWhitespace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.pos++;
      } else if (c === 0x0a) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else {
        return;
      }
    }
  }

  private readValue(): JsonNode {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b:
        return this.readObject();
      case 0x5b:
        return this.readArray();
      case 0x22: {
        const start = this.position();
        const value = this.readString();
        return { kind: "string", value, span: { start, end: this.position() } };
      }
      case 0x74:
        return { kind: "boolean", value: true, span: this.readLiteral("true") };
      case 0x66:
        return { kind: "boolean", value: false, span: this.readLiteral("false") };
      case 0x6e:
        return { kind: "null", span: this.readLiteral("null") };
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.readNumber();
        if (Number.isNaN(c)) this.fail("Unexpected end of input");
        return this.fail(`Unexpected character ${JSON.stringify(this.text[this.pos])}`);
    }
  }

  private readLiteral(word: string): Span {
    const start = this.position();
    if (!this.text.startsWith(word, this.pos)) this.fail("Unexpected token");
    this.pos += word.length;
    return { start, end: this.position() };
  }

  private readNumber(): JsonNumber {
    const start = this.position();
    const text = this.text;
    let i = this.pos;
    if (text.charCodeAt(i) === 0x2d) i++;
    const digit = (k: number) => {
      const d = text.charCodeAt(k);
      return d >= 0x30 && d <= 0x39;
    };
    if (text.charCodeAt(i) === 0x30) {
      i++;
    } else if (digit(i)) {
      while (digit(i)) i++;
    } else {
      this.pos = i;
      this.fail("Invalid number", start);
    }
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!digit(i)) {
        this.pos = i;
        this.fail("Invalid number", start);
      }
      while (digit(i)) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!digit(i)) {
        this.pos = i;
        this.fail("Invalid number", start);
      }
      while (digit(i)) i++;
    }
    const raw = text.slice(this.pos, i);
    this.pos = i;
    return { kind: "number", value: Number(raw), raw, span: { start, end: this.position() } };
  }

  /** Reads a string starting at the opening quote; returns its decoded value. */
  private readString(): string {
    const text = this.text;
    const start = this.position();
    let i = this.pos + 1;
    let chunkStart = i;
    let out = "";
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (Number.isNaN(c)) {
        this.pos = i;
        this.fail("Unterminated string", start);
      }
      if (c < 0x20) {
        this.pos = i;
        this.fail("Control character in string");
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(chunkStart, i);
      const esc = text.charCodeAt(i + 1);
      switch (esc) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += "\\";
          break;
        case 0x2f:
          out += "/";
          break;
        case 0x62:
          out += "\b";
          break;
        case 0x66:
          out += "\f";
          break;
        case 0x6e:
          out += "\n";
          break;
        case 0x72:
          out += "\r";
          break;
        case 0x74:
          out += "\t";
          break;
        case 0x75: {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.pos = i;
            this.fail("Invalid unicode escape");
          }
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          this.pos = i;
          this.fail("Invalid escape");
      }
      i += 2;
      chunkStart = i;
    }
    out += text.slice(chunkStart, i);
    this.pos = i + 1;
    return out;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail("Nesting too deep");
  }

  private readObject(): JsonObject {
    const start = this.position();
    this.enter();
    this.pos++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
    } else {
      for (;;) {
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) !== 0x22) this.fail("Expected a string key");
        const keyStart = this.position();
        const key = this.readString();
        const keySpan = { start: keyStart, end: this.position() };
        this.skipWhitespace();
        if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail("Expected ':'");
        this.pos++;
        this.skipWhitespace();
        const value = this.readValue();
        members.push({ key, keySpan, value });
        this.skipWhitespace();
        const c = this.text.charCodeAt(this.pos);
        this.pos++;
        if (c === 0x7d) break;
        if (c !== 0x2c) {
          this.pos--;
          this.fail("Expected ',' or '}'");
        }
      }
    }
    this.depth--;
    return { kind: "object", members, span: { start, end: this.position() } };
  }

  private readArray(): JsonArray {
    const start = this.position();
    this.enter();
    this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
    } else {
      for (;;) {
        this.skipWhitespace();
        items.push(this.readValue());
        this.skipWhitespace();
        const c = this.text.charCodeAt(this.pos);
        this.pos++;
        if (c === 0x5d) break;
        if (c !== 0x2c) {
          this.pos--;
          this.fail("Expected ',' or ']'");
        }
      }
    }
    this.depth--;
    return { kind: "array", items, span: { start, end: this.position() } };
  }
}
