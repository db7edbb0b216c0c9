import { describe, expect, it } from "vitest";
import { globMatch } from "./glob";
import { parseTemplate, resolveGlob, resolveTemplate, resolveText, withPrefix } from "./variables";

const resolver = (values: Record<string, string>) => ({
  variable: (lookup: string) => values[lookup],
});

describe("policy variables", () => {
  it("leaves text without variables alone", () => {
    expect(parseTemplate("arn:aws:s3:::bucket/*")).toBeUndefined();
    expect(parseTemplate("${unterminated")).toBeUndefined();
  });

  it("splits text and variables, with defaults", () => {
    const t = parseTemplate("home/${aws:username}/${aws:PrincipalTag/team, 'company-wide'}/*")!;
    expect(t.parts).toEqual([
      "home/",
      { key: "aws:username", lookup: "aws:username" },
      "/",
      {
        key: "aws:PrincipalTag/team",
        lookup: "aws:principaltag/team",
        defaultValue: "company-wide",
      },
      "/*",
    ]);
    expect(t.variables.map((v) => v.key)).toEqual(["aws:username", "aws:PrincipalTag/team"]);
  });

  it("accepts a default without the space after the comma, and an empty default", () => {
    expect(parseTemplate("${aws:username,'x'}")!.parts[0]).toMatchObject({
      key: "aws:username",
      defaultValue: "x",
    });
    expect(parseTemplate("${aws:username, ''}")!.parts[0]).toMatchObject({ defaultValue: "" });
  });

  it("resolves values as literal text and raw text as pattern", () => {
    const t = parseTemplate("a*${k:v}")!;
    expect(resolveTemplate(t, resolver({ "k:v": "*?" }))).toEqual([
      { text: "a*", literal: false },
      { text: "*?", literal: true },
    ]);
    expect(resolveText(t, resolver({ "k:v": "x" }))).toBe("a*x");
  });

  it("special variables stand for literal characters", () => {
    const t = parseTemplate("${*}${?}${$}")!;
    expect(resolveText(t, resolver({}))).toBe("*?$");
    expect(resolveTemplate(t, resolver({}))!.every((c) => c.literal)).toBe(true);
  });

  it("a missing key without a default leaves the element unresolved and is reported", () => {
    const t = parseTemplate("home/${aws:username}")!;
    const missing: string[] = [];
    expect(resolveTemplate(t, resolver({}), { add: (k) => missing.push(k) })).toBeUndefined();
    expect(resolveText(t, resolver({}))).toBeUndefined();
    expect(missing).toEqual(["aws:username"]);
  });

  it("a missing key with a default uses the default (and is still reported)", () => {
    const t = parseTemplate("${aws:PrincipalTag/team, 'shared'}")!;
    const missing: string[] = [];
    expect(resolveText(t, resolver({}), { add: (k) => missing.push(k) })).toBe("shared");
    expect(missing).toEqual(["aws:PrincipalTag/team"]);
  });

  it("an empty ${} never resolves", () => {
    expect(resolveText(parseTemplate("a${}b")!, resolver({}))).toBeUndefined();
  });

  it("resolveGlob compiles the pattern after the prefix, once per set of values", () => {
    const t = withPrefix(parseTemplate("home/${aws:username}/*")!);
    expect(t.prefix).toBe("home/");
    const alice = resolveGlob(t, resolver({ "aws:username": "al*ce" }), undefined)!;
    expect(globMatch(alice, "al*ce/x")).toBe(true);
    expect(globMatch(alice, "alice/x")).toBe(false);
    expect(resolveGlob(t, resolver({ "aws:username": "al*ce" }), undefined)).toBe(alice);
    const bob = resolveGlob(t, resolver({ "aws:username": "bob" }), undefined)!;
    expect(globMatch(bob, "bob/x")).toBe(true);
    const missing: string[] = [];
    expect(resolveGlob(t, resolver({}), { add: (k) => missing.push(k) })).toBeUndefined();
    expect(missing).toEqual(["aws:username"]);
  });

  it("resolveGlob uses defaults and special variables", () => {
    const t = withPrefix(parseTemplate("x-${aws:PrincipalTag/team, 'shared'}-${?}")!);
    const glob = resolveGlob(t, resolver({}), undefined)!;
    expect(globMatch(glob, "shared-?")).toBe(true);
    expect(globMatch(glob, "shared-x")).toBe(false);
  });
});
