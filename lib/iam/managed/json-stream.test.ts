import { describe, expect, it } from "vitest";
import { streamObjectMembers } from "./json-stream";

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect(text: string, size: number, filter?: (key: string) => boolean) {
  const out: [string, unknown][] = [];
  for await (const { key, value } of streamObjectMembers(chunksOf(text, size), { filter }))
    out.push([key, value]);
  return out;
}

const doc = {
  'A"quoted} key': { arn: "x", list: [1, "]}", { deep: "\\\\" }] },
  Second: { versions: { v1: { document: { Statement: [{ Resource: "arn:aws:s3:::b/{x}" }] } } } },
  Third: [1, 2, 3],
};

describe("streamObjectMembers", () => {
  it.each([1, 2, 3, 7, 64, 4096])(
    "reads every member whatever the chunk size (%i)",
    async (size) => {
      expect(await collect(JSON.stringify(doc, null, 4), size)).toEqual(Object.entries(doc));
    },
  );

  it("parses only the members asked for", async () => {
    expect(await collect(JSON.stringify(doc), 5, (k) => k === "Third")).toEqual([
      ["Third", [1, 2, 3]],
    ]);
  });

  it("rejects what it cannot read", async () => {
    await expect(collect('{"a": 1}', 4)).rejects.toThrow(/objects or arrays/);
    await expect(collect('{"a": {"b": 1}', 4)).rejects.toThrow(/Unexpected end/);
  });
});
