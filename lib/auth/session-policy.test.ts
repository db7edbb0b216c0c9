import { describe, expect, it } from "vitest";
import { principalFromClaims } from "./session-policy";

const user = {
  type: "User" as const,
  arn: "arn:aws:iam::123456789012:user/alice",
  accountId: "123456789012",
  name: "alice",
  id: "AIDAEXAMPLE",
};

describe("principalFromClaims", () => {
  it("keeps an IAM user's tags (aws:PrincipalTag) and drops anything that isn't a string", () => {
    const now = 1_000_000;
    const principal = principalFromClaims(
      {
        principal: { ...user, tags: { team: "payments", bad: 3 as unknown as string } },
        authTime: now,
      },
      now,
    );
    expect(principal).toEqual({ ...user, tags: { team: "payments" } });
  });

  it("refuses a session older than eight hours", () => {
    expect(principalFromClaims({ principal: user, authTime: 0 }, 8 * 3600 + 1)).toBe(undefined);
  });
});
