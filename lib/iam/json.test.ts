import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJson, type JsonObject } from "./json";

describe("JSON with positions", () => {
  it("keeps line, column and offset of keys and values", () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
    const root = parseJson(text) as JsonObject;
    const [version, statement] = root.members;
    expect(version.keySpan.start).toEqual({ line: 2, column: 2, offset: 4 });
    expect(version.value.span).toEqual({
      start: { line: 2, column: 13, offset: 15 },
      end: { line: 2, column: 25, offset: 27 },
    });
    expect(statement.value.span.start).toEqual({ line: 3, column: 15, offset: 44 });
    expect(root.span.end.offset).toBe(text.length);
  });

  it("decodes escapes and keeps numbers as written", () => {
    const root = parseJson(
      '{"a":"x\\u0041\\n\\"","n":1e3,"t":true,"f":false,"z":null}',
    ) as JsonObject;
    const values = root.members.map((m) => m.value);
    expect(values[0]).toMatchObject({ kind: "string", value: 'xA\n"' });
    expect(values[1]).toMatchObject({ kind: "number", value: 1000, raw: "1e3" });
    expect(values.slice(2).map((v) => v.kind)).toEqual(["boolean", "boolean", "null"]);
  });

  it("keeps duplicate keys for the policy parser to report", () => {
    const root = parseJson('{"a":1,"a":2}') as JsonObject;
    expect(root.members.map((m) => m.key)).toEqual(["a", "a"]);
  });

  it("skips a byte-order mark", () => {
    expect(parseJson("\ufeff{}").kind).toBe("object");
  });

  it.each([
    ['{"a":1,}', 1, 7],
    ['{"a" 1}', 1, 5],
    ["[1 2]", 1, 3],
    ['{"a":"b}', 1, 5],
    ["{}\n{}", 2, 0],
    ["{'a':1}", 1, 1],
    ['{"a":01}', 1, 6],
    ['{"a":"\t"}', 1, 6],
    ["", 1, 0],
  ])("rejects %j at line %i column %i", (text, line, column) => {
    try {
      parseJson(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).span.start).toMatchObject({ line, column });
    }
  });

  it("refuses absurd nesting", () => {
    expect(() => parseJson("[".repeat(100) + "]".repeat(100))).toThrow(JsonSyntaxError);
  });
});
