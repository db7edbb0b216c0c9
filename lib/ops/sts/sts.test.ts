import { describe, expect, it } from "vitest";
import { trustAsResourcePolicy } from "./assume-role";
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
