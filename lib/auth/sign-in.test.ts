import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/ops/caller";
import { passwordExpiry } from "@/lib/ops/iam/password-history";
import { HARD_EXPIRED_MESSAGE } from "@/lib/ops/iam/password-rules";
import { SignInError, lockedOutMessage, parseCredentials, signInOutcome } from "./sign-in";

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

describe("password expiry at sign-in", () => {
  const DAY = 86_400_000;
  const set = new Date("2026-01-01T00:00:00Z");
  const at = (days: number) => new Date(set.getTime() + days * DAY);
  const policy = (extra: { MaxPasswordAge?: number; HardExpiry?: boolean }) => ({
    MinimumPasswordLength: 8,
    RequireSymbols: false,
    RequireNumbers: false,
    RequireUppercaseCharacters: false,
    RequireLowercaseCharacters: false,
    AllowUsersToChangePassword: false,
    ExpirePasswords: extra.MaxPasswordAge !== undefined,
    HardExpiry: false,
    ...extra,
  });
  const alice = {
    principal: { type: "User", arn: "arn:aws:iam::111122223333:user/alice" } as Principal,
    passwordResetRequired: false,
  };

  it("counts MaxPasswordAge days from when the password was last set", () => {
    const p = policy({ MaxPasswordAge: 90 });
    expect(passwordExpiry(set, p, at(89))).toEqual({ expired: false, expiresAt: at(90) });
    expect(passwordExpiry(set, p, at(90))).toEqual({
      expired: true,
      expiresAt: at(90),
      hardExpiry: false,
    });
    expect(passwordExpiry(set, policy({}), at(5000))).toEqual({ expired: false });
    expect(passwordExpiry(set, undefined, at(5000))).toEqual({ expired: false });
    expect(passwordExpiry(null, p, at(5000))).toEqual({ expired: false });
  });

  it("signs an expired password in to replace it, and refuses it under HardExpiry", () => {
    // The account sign-in operation decides expiry (tests/ops/account-console-login.test.ts);
    // the form turns its answer into a session or a message.
    expect(signInOutcome({ ok: true, ...alice })).toEqual(alice);
    expect(signInOutcome({ ok: true, ...alice, passwordResetRequired: true })).toEqual({
      ...alice,
      passwordResetRequired: true,
    });
    const expired = { ok: false as const, reason: "expired" as const };
    expect(() => signInOutcome(expired)).toThrow(SignInError);
    expect(() => signInOutcome(expired)).toThrow(HARD_EXPIRED_MESSAGE);
    expect(signInOutcome({ ok: false, reason: "invalid" })).toBeUndefined();
    expect(() => signInOutcome({ ok: false, reason: "locked", retryAfterSeconds: 120 })).toThrow(
      lockedOutMessage(120),
    );
  });
});
