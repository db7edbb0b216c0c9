import { describe, expect, it } from "vitest";
import { lockedOutMessage, parseCredentials } from "./sign-in";

describe("parseCredentials", () => {
  it("reads IAM user sign-in, with the account id as the console shows it", () => {
    expect(
      parseCredentials({
        kind: "iam",
        account: " 1234-5678-9012 ",
        userName: " alice ",
        password: "pw",
      }),
    ).toEqual({ kind: "iam", account: "123456789012", userName: "alice", password: "pw" });
  });

  it("keeps an account alias as typed", () => {
    expect(
      parseCredentials({ kind: "iam", account: "acme-prod", userName: "alice", password: "pw" }),
    ).toMatchObject({ account: "acme-prod" });
  });

  it("refuses incomplete credentials", () => {
    expect(parseCredentials({ kind: "iam", account: "", userName: "a", password: "p" })).toBe(
      undefined,
    );
    expect(parseCredentials({ kind: "iam", account: "1", userName: "a", password: "" })).toBe(
      undefined,
    );
    expect(parseCredentials({ kind: "root", password: "p" })).toBe(undefined);
    expect(parseCredentials({ kind: "other", email: "a@b.c", password: "p" })).toBe(undefined);
  });
});

describe("lockedOutMessage", () => {
  it("says how many minutes are left, rounded up", () => {
    expect(lockedOutMessage(899)).toBe(
      "Too many failed sign-in attempts. Try again in 15 minutes.",
    );
    expect(lockedOutMessage(30)).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(lockedOutMessage(undefined)).toBe(
      "Too many failed sign-in attempts. Try again in 1 minute.",
    );
  });
});
