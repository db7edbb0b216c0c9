// Every console sign-in attempt is an audit event in CloudTrail's manner: eventSource
// signin.amazonaws.com, eventName ConsoleLogin, responseElements Success or Failure, the
// principal who tried, where from, and "Failed authentication" when it failed. A password
// expired under the account policy's HardExpiry is a failure too ("Password expired").
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticate, SignInError } from "@/lib/auth/sign-in";
import { initRootUser, signInIamUser, THROTTLE } from "@/lib/ops/account";
import { PASSWORD_EXPIRED } from "@/lib/ops/account/sign-in";
import { lookupEvents, type AuditEvent } from "@/lib/ops/audit/lookup-events";
import {
  createLoginProfile,
  createUser,
  deleteAccountPasswordPolicy,
  updateAccountPasswordPolicy,
  updateLoginProfile,
} from "@/lib/ops/iam";
import { HARD_EXPIRED_MESSAGE } from "@/lib/ops/iam/password-rules";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";

const ACCOUNT = "111122223333";
const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;
const ALICE_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;
const UA = "Mozilla/5.0 (X11; Linux x86_64) test";
const list = await providers();

describe.each(list)("ConsoleLogin events on %s", (provider) => {
  let t: TestRuntime;

  beforeAll(async () => {
    t = await createTestRuntime(provider);
    await initRootUser({ email: "root@example.com", password: "root-password-1" });
    await createUser(t.root, { UserName: "alice" });
    await createLoginProfile(t.root, { UserName: "alice", Password: "Alice-Passw0rd" });
  });
  afterAll(async () => t.dispose());
  beforeEach(async () => {
    await t.db.signInThrottle.deleteMany({});
    await t.db.auditEvent.deleteMany({ where: { action: "signin:ConsoleLogin" } });
  });

  async function consoleLogins(): Promise<(AuditEvent & { trail: Record<string, unknown> })[]> {
    const { Events } = await lookupEvents(t.root, { Action: "signin:ConsoleLogin" });
    return Events.map((e) => ({ ...e, trail: JSON.parse(e.CloudTrailEvent) })).sort(
      (a, b) => a.EventTime.getTime() - b.EventTime.getTime(),
    );
  }

  describe("ConsoleLogin events", () => {
    it("records the root user's success and failure with address and user agent", async () => {
      const ok = await authenticate(
        { kind: "root", email: "root@example.com", password: "root-password-1" },
        { sourceIp: "203.0.113.7", userAgent: UA },
      );
      expect(ok?.principal.arn).toBe(ROOT_ARN);
      const bad = await authenticate(
        { kind: "root", email: "root@example.com", password: "wrong" },
        { sourceIp: "203.0.113.8", userAgent: UA },
      );
      expect(bad).toBeUndefined();

      const [success, failure] = await consoleLogins();
      expect(success).toMatchObject({
        EventSource: "signin.amazonaws.com",
        EventName: "ConsoleLogin",
        PrincipalArn: ROOT_ARN,
        Decision: "allowed",
        SourceIp: "203.0.113.7",
        UserAgent: UA,
      });
      expect(success.ErrorMessage).toBeUndefined();
      expect(success.trail).toMatchObject({
        eventSource: "signin.amazonaws.com",
        eventName: "ConsoleLogin",
        eventType: "AwsConsoleSignIn",
        userIdentity: { type: "Root", arn: ROOT_ARN, accountId: ACCOUNT },
        sourceIPAddress: "203.0.113.7",
        userAgent: UA,
        responseElements: { ConsoleLogin: "Success" },
        requestParameters: null,
      });
      expect(failure).toMatchObject({ Decision: "denied", ErrorMessage: "Failed authentication" });
      expect(failure.trail).toMatchObject({
        userIdentity: { type: "Root", arn: ROOT_ARN },
        sourceIPAddress: "203.0.113.8",
        responseElements: { ConsoleLogin: "Failure" },
        errorMessage: "Failed authentication",
      });
      // The password never reaches the record.
      expect(JSON.stringify([success, failure])).not.toContain("root-password-1");
    });

    it("records an IAM user's success and failure against the user's ARN", async () => {
      const ok = await authenticate(
        { kind: "iam", account: ACCOUNT, userName: "alice", password: "Alice-Passw0rd" },
        { sourceIp: "198.51.100.1", userAgent: UA },
      );
      expect(ok?.principal.arn).toBe(ALICE_ARN);
      expect(
        await authenticate(
          { kind: "iam", account: ACCOUNT, userName: "alice", password: "Wrong-Passw0rd" },
          { sourceIp: "198.51.100.1", userAgent: UA },
        ),
      ).toBeUndefined();

      const [success, failure] = await consoleLogins();
      expect(success.trail).toMatchObject({
        userIdentity: { type: "IAMUser", arn: ALICE_ARN, accountId: ACCOUNT, userName: "alice" },
        responseElements: { ConsoleLogin: "Success" },
        sourceIPAddress: "198.51.100.1",
      });
      expect(failure.trail).toMatchObject({
        userIdentity: { type: "IAMUser", arn: ALICE_ARN, userName: "alice" },
        responseElements: { ConsoleLogin: "Failure" },
        errorMessage: "Failed authentication",
      });
      expect(JSON.stringify([success, failure])).not.toContain("Passw0rd");
    });

    it("hides a user name that names nobody, as CloudTrail does", async () => {
      const result = await signInIamUser({
        account: ACCOUNT,
        userName: "Typed-My-Passw0rd-Here",
        password: "x",
        sourceIp: "198.51.100.2",
      });
      expect(result).toEqual({ ok: false, reason: "invalid" });
      const [event] = await consoleLogins();
      expect(event.trail.userIdentity).toEqual({
        type: "IAMUser",
        accountId: ACCOUNT,
        userName: "HIDDEN_DUE_TO_SECURITY_REASONS",
      });
      expect(JSON.stringify(event)).not.toContain("Typed-My-Passw0rd-Here");
    });

    it("records an attempt refused while locked out as a throttled failure", async () => {
      await t.db.signInThrottle.create({
        data: {
          key: "user:alice",
          failures: THROTTLE.lockAfter,
          windowStart: new Date(),
          lockedUntil: new Date(Date.now() + 60_000),
        },
      });
      await expect(
        authenticate(
          { kind: "iam", account: ACCOUNT, userName: "alice", password: "Alice-Passw0rd" },
          { sourceIp: "198.51.100.3", userAgent: UA },
        ),
      ).rejects.toBeInstanceOf(SignInError);
      const [event] = await consoleLogins();
      expect(event).toMatchObject({
        PrincipalArn: ALICE_ARN,
        Decision: "denied",
        ErrorCode: "Throttling",
        ErrorMessage: "Failed authentication",
      });
      expect(event.trail).toMatchObject({
        responseElements: { ConsoleLogin: "Failure" },
        additionalEventData: { Throttled: "Yes" },
      });
    });

    it("locks the root user out after repeated failures from an address", async () => {
      await t.db.signInThrottle.create({
        data: {
          key: "ip:192.0.2.9",
          failures: THROTTLE.lockAfter,
          windowStart: new Date(),
          lockedUntil: new Date(Date.now() + 60_000),
        },
      });
      await expect(
        authenticate(
          { kind: "root", email: "root@example.com", password: "root-password-1" },
          { sourceIp: "192.0.2.9" },
        ),
      ).rejects.toThrow(/Too many failed sign-in attempts/);
      // The same credentials from elsewhere still work.
      const ok = await authenticate(
        { kind: "root", email: "root@example.com", password: "root-password-1" },
        { sourceIp: "192.0.2.10" },
      );
      expect(ok?.principal.arn).toBe(ROOT_ARN);
      const events = await consoleLogins();
      expect(events.map((e) => [e.SourceIp, e.trail.responseElements])).toEqual([
        ["192.0.2.9", { ConsoleLogin: "Failure" }],
        ["192.0.2.10", { ConsoleLogin: "Success" }],
      ]);
    });

    it("tells a reset-required user apart at sign-in", async () => {
      await createUser(t.root, { UserName: "bob" });
      await createLoginProfile(t.root, {
        UserName: "bob",
        Password: "Bob-Passw0rd!",
        PasswordResetRequired: true,
      });
      const signedIn = await authenticate({
        kind: "iam",
        account: ACCOUNT,
        userName: "bob",
        password: "Bob-Passw0rd!",
      });
      expect(signedIn?.passwordResetRequired).toBe(true);
    });
  });

  describe("MaxPasswordAge at sign-in", () => {
    const DAY = 86_400_000;
    /** Runs `fn` with the runtime's clock `days` days ahead. */
    async function later<T>(days: number, fn: () => Promise<T>): Promise<T> {
      const real = t.now;
      const at = Date.now() + days * DAY;
      t.now = () => new Date(at);
      try {
        return await fn();
      } finally {
        t.now = real;
      }
    }
    const lastUsed = async (name: string) =>
      (
        await t.db.iamUser.findUniqueOrThrow({
          where: { name },
          select: { passwordLastUsed: true },
        })
      ).passwordLastUsed;
    const carol = { kind: "iam" as const, account: ACCOUNT, userName: "carol" };

    beforeAll(async () => {
      await createUser(t.root, { UserName: "carol" });
      await createLoginProfile(t.root, { UserName: "carol", Password: "Carol-Passw0rd" });
    });
    afterAll(async () => {
      await deleteAccountPasswordPolicy(t.root, {}).catch(() => undefined);
    });

    it("refuses an expired password under HardExpiry as a failed ConsoleLogin", async () => {
      await updateAccountPasswordPolicy(t.root, { MaxPasswordAge: 30, HardExpiry: true });
      const before = await lastUsed("carol");
      const result = await later(31, () =>
        signInIamUser({
          account: ACCOUNT,
          userName: "carol",
          password: "Carol-Passw0rd",
          sourceIp: "198.51.100.20",
          userAgent: UA,
        }),
      );
      expect(result).toEqual({ ok: false, reason: "expired" });
      // The console says why, in the sign-in form's words.
      const refused = await later(31, () =>
        authenticate({ ...carol, password: "Carol-Passw0rd" }, { sourceIp: "198.51.100.20" }),
      ).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SignInError);
      expect((refused as Error).message).toBe(HARD_EXPIRED_MESSAGE);
      // A wrong password is still just a wrong password.
      expect(
        await later(31, () => signInIamUser({ ...carol, password: "Wrong-Passw0rd" })),
      ).toEqual({ ok: false, reason: "invalid" });

      const [expired, again, wrong] = await consoleLogins();
      expect(expired).toMatchObject({
        PrincipalArn: `arn:aws:iam::${ACCOUNT}:user/carol`,
        Decision: "denied",
        ErrorMessage: PASSWORD_EXPIRED,
        SourceIp: "198.51.100.20",
      });
      expect(expired.trail).toMatchObject({
        userIdentity: { type: "IAMUser", userName: "carol" },
        responseElements: { ConsoleLogin: "Failure" },
        errorMessage: PASSWORD_EXPIRED,
      });
      expect(again.trail).toMatchObject({ responseElements: { ConsoleLogin: "Failure" } });
      expect(wrong.trail).toMatchObject({ errorMessage: "Failed authentication" });
      // The password was not used to sign in, and a right password is no failed guess.
      expect(await lastUsed("carol")).toEqual(before);
      const throttle = await t.db.signInThrottle.findUnique({ where: { key: "user:carol" } });
      expect(throttle?.failures ?? 0).toBe(1);

      // An administrator's reset starts a new MaxPasswordAge.
      await later(31, () =>
        updateLoginProfile(t.root, { UserName: "carol", Password: "Carol-Passw0rd-2" }),
      );
      const signedIn = await later(32, () =>
        signInIamUser({ ...carol, password: "Carol-Passw0rd-2" }),
      );
      expect(signedIn).toMatchObject({ ok: true, passwordResetRequired: false });
      expect(await lastUsed("carol")).not.toEqual(before);
    });

    it("signs an expired password in to be replaced when HardExpiry is off", async () => {
      await updateAccountPasswordPolicy(t.root, { MaxPasswordAge: 30 });
      await createUser(t.root, { UserName: "dave" });
      await createLoginProfile(t.root, { UserName: "dave", Password: "Dave-Passw0rd" });
      const dave = { account: ACCOUNT, userName: "dave", password: "Dave-Passw0rd" };
      expect(await later(29, () => signInIamUser(dave))).toMatchObject({
        ok: true,
        passwordResetRequired: false,
      });
      expect(await later(31, () => signInIamUser(dave))).toMatchObject({
        ok: true,
        passwordResetRequired: true,
      });
      const events = await consoleLogins();
      expect(events.map((e) => e.trail.responseElements)).toEqual([
        { ConsoleLogin: "Success" },
        { ConsoleLogin: "Success" },
      ]);
      expect(await lastUsed("dave")).not.toBeNull();
    });
  });
});
