import { describe, expect, it } from "vitest";
import { rootPrincipal, type Principal } from "../caller";
import { packedPolicySize, trustAsResourcePolicy } from "./assume-role";
import { constraint, usesSessionCredentials, usesSessionToken } from "./common";
import {
  assumedRoleArn,
  assumedRolePrincipal,
  newSecretAccessKey,
  newSessionToken,
  sessionTokenHash,
  sessionTokenMatches,
  type ResolvedSession,
} from "./sessions";

const ROLE = "arn:aws:iam::111122223333:role/app/Reader";

describe("trustAsResourcePolicy", () => {
  it("makes every statement about the role itself, whether Statement is a list or one object", () => {
    const one = JSON.parse(
      trustAsResourcePolicy(
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}}',
        ROLE,
      ),
    );
    expect(one.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: "111122223333" },
        Action: "sts:AssumeRole",
        Resource: ROLE,
      },
    ]);
    const many = JSON.parse(
      trustAsResourcePolicy(
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "A", Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
            {
              Sid: "B",
              Effect: "Deny",
              Principal: "*",
              Action: "sts:AssumeRole",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        }),
        ROLE,
      ),
    );
    expect(many.Version).toBe("2012-10-17");
    expect(
      many.Statement.map((s: { Sid: string; Resource: string }) => [s.Sid, s.Resource]),
    ).toEqual([
      ["A", ROLE],
      ["B", ROLE],
    ]);
    expect(many.Statement[1].Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
  });
});

describe("session credentials", () => {
  it("look like AWS's", () => {
    expect(newSecretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(newSessionToken().length).toBeGreaterThanOrEqual(128);
    expect(newSessionToken()).not.toBe(newSessionToken());
  });

  it("match only the token whose hash is stored", () => {
    const token = newSessionToken();
    const session = { tokenHash: sessionTokenHash(token) } as ResolvedSession;
    expect(sessionTokenMatches(session, token)).toBe(true);
    expect(sessionTokenMatches(session, `${token}x`)).toBe(false);
    expect(sessionTokenMatches(session, undefined)).toBe(false);
    expect(sessionTokenMatches(session, "")).toBe(false);
  });

  it("act as the role's session principal", () => {
    expect(assumedRoleArn("111122223333", "Reader", "s1")).toBe(
      "arn:aws:sts::111122223333:assumed-role/Reader/s1",
    );
    expect(
      assumedRolePrincipal("111122223333", { id: "AROAEXAMPLE", name: "Reader" }, "s1", {
        team: "a",
      }),
    ).toEqual({
      type: "AssumedRole",
      arn: "arn:aws:sts::111122223333:assumed-role/Reader/s1",
      accountId: "111122223333",
      name: "Reader",
      id: "AROAEXAMPLE:s1",
      tags: { team: "a" },
    });
  });
});

describe("packedPolicySize", () => {
  const policy = (resources: string[]) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: resources },
      ],
    });

  it("counts the minified policy and the ARNs, deflated, in percent of the packed budget", () => {
    const small = packedPolicySize(policy(["arn:aws:secretsmanager:*:*:secret:a-*"]), []);
    expect(small).toBeGreaterThanOrEqual(1);
    expect(small).toBeLessThan(10);
    // Whitespace is not packed.
    expect(packedPolicySize(JSON.stringify(JSON.parse(policy(["x"])), null, 8), [])).toBe(
      packedPolicySize(policy(["x"]), []),
    );
    const arns = Array.from({ length: 10 }, (_, i) => `arn:aws:iam::111122223333:policy/P${i}`);
    expect(packedPolicySize(undefined, arns)).toBeGreaterThanOrEqual(1);
    expect(packedPolicySize(policy(["x"]), arns)).toBeGreaterThan(
      packedPolicySize(policy(["x"]), []),
    );
  });

  it("keeps a quota-sized policy of ordinary text under the limit", () => {
    const resources = Array.from(
      { length: 29 },
      (_, i) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:app/${i}-*`,
    );
    const text = policy(resources);
    expect(text.length).toBeLessThanOrEqual(2048);
    expect(text.length).toBeGreaterThan(1800);
    expect(packedPolicySize(text, [])).toBeLessThanOrEqual(100);
  });
});

describe("which callers hold temporary credentials", () => {
  const user: Principal = {
    type: "User",
    arn: "arn:aws:iam::111122223333:user/alice",
    accountId: "111122223333",
    name: "alice",
    id: "AIDAEXAMPLE",
  };
  const role = assumedRolePrincipal("111122223333", { id: "AROAEXAMPLE", name: "Reader" }, "s1");

  it("tells a long-term key's caller from GetSessionToken's and from a role session", () => {
    const sessionUser = { ...user, session: { id: "ASIAEXAMPLE" } };
    const sessionRoot = { ...rootPrincipal("111122223333"), session: { id: "ASIAEXAMPLE" } };
    expect(
      [user, sessionUser, sessionRoot, role, rootPrincipal("111122223333")].map((p) => [
        usesSessionCredentials(p),
        usesSessionToken(p),
      ]),
    ).toEqual([
      [false, false],
      [true, true],
      [true, true],
      [true, false],
      [false, false],
    ]);
    // A role session with session policies is still a role session, not GetSessionToken's.
    expect(usesSessionToken({ ...role, session: { id: "ASIAEXAMPLE", policy: "{}" } })).toBe(false);
  });
});

describe("constraint", () => {
  it("words a validation error as STS does, null for a member not sent", () => {
    expect(constraint(undefined, "accessKeyId", "Member must not be null").message).toBe(
      "1 validation error detected: Value null at 'accessKeyId' failed to satisfy constraint: Member must not be null",
    );
    const error = constraint(
      899,
      "durationSeconds",
      "Member must have value greater than or equal to 900",
    );
    expect([error.code, error.status]).toEqual(["ValidationError", 400]);
    expect(error.message).toContain("Value '899' at 'durationSeconds'");
  });
});
