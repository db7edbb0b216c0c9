import { describe, expect, it } from "vitest";
import { globCovers, globsIntersect, tokenizeGlob } from "./glob";

const t = (p: string) => tokenizeGlob(p);
const tpl = (p: string) => tokenizeGlob(p, { template: true });

describe("globsIntersect", () => {
  it.each([
    ["secret:Prod*", "secret:${SecretId}", true],
    ["secret:db-??????", "secret:${SecretId}", true],
    ["vault:x", "secret:${SecretId}", false],
    ["role/*", "role/${RoleNameWithPath}", true],
    ["user/${aws:username}", "user/${UserNameWithPath}", true],
    ["a*c", "*b*", true],
    ["abc", "abd", false],
    ["a?c", "abc", true],
  ])("%s and %s: %s", (a, b, expected) => {
    const right = b.includes("${") && !b.includes("aws:") ? tpl(b) : t(b);
    expect(globsIntersect(t(a), right)).toBe(expected);
  });
});

describe("globCovers", () => {
  it.each([
    ["secretsmanager:*", "secretsmanager:GetSecretValue", true],
    ["secretsmanager:Get*", "secretsmanager:GetSecret*", true],
    ["secretsmanager:GetSecret*", "secretsmanager:Get*", false],
    ["*", "anything", true],
    ["db-??????", "db-a1b2c3", true],
    ["db-??????", "db-*", false],
    ["db-*", "db-??????", true],
    ["home/${aws:username}/*", "home/${aws:username}/x", true],
    ["home/x/*", "home/${aws:username}/*", false],
  ])("%s covers %s: %s", (outer, inner, expected) => {
    expect(globCovers(t(outer), t(inner))).toBe(expected);
  });

  it("compares case-insensitively when asked", () => {
    const a = tokenizeGlob("SecretsManager:Get*", { ignoreCase: true });
    const b = tokenizeGlob("secretsmanager:GetSecretValue", { ignoreCase: true });
    expect(globCovers(a, b)).toBe(true);
  });
});
