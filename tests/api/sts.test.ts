// STS with the AWS SDK's STS client: who am I, and temporary credentials for a role, honouring
// the trust policy, the caller's sts:AssumeRole permission, durations and expiry.
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
} from "@aws-sdk/client-secrets-manager";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredSessions } from "@/lib/ops/sts";
import {
  ADMIN_POLICY,
  rejection,
  startHarness,
  type ApiHarness,
  type Credentials,
  type TestUser,
} from "./harness";

let h: ApiHarness;
let admin: TestUser;
let secretArn: string;

const ACCOUNT = "111122223333";
const trustAccount = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: "sts:AssumeRole",
    },
  ],
});

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user("sts-admin", ADMIN_POLICY);
  const sm = h.secretsManager(admin);
  secretArn = (
    await sm.send(
      new CreateSecretCommand({ Name: "sts/role/secret", SecretString: "for-the-role" }),
    )
  ).ARN!;
  const iam = h.iam(admin);
  await iam.send(
    new CreateRoleCommand({
      RoleName: "Reader",
      AssumeRolePolicyDocument: trustAccount,
      MaxSessionDuration: 7200,
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: "Reader",
      PolicyName: "ReadOne",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretArn },
        ],
      }),
    }),
  );
});
afterAll(async () => h?.close());

const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

const assumeOnly = (resource: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: resource }],
});

async function assume(
  client: STSClient,
  role: string,
  session = "s1",
  duration?: number,
): Promise<Credentials> {
  const out = await client.send(
    new AssumeRoleCommand({
      RoleArn: roleArn(role),
      RoleSessionName: session,
      DurationSeconds: duration,
    }),
  );
  return {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken!,
  };
}

describe("GetCallerIdentity", () => {
  it("names an IAM user", async () => {
    const out = await h.sts(admin).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(ACCOUNT);
    expect(out.Arn).toBe(admin.arn);
    expect(out.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });

  it("needs no permission: a user without any policy may ask", async () => {
    const nobody = await h.user("sts-nobody");
    expect((await h.sts(nobody).send(new GetCallerIdentityCommand({}))).Arn).toBe(nobody.arn);
  });
});

describe("AssumeRole", () => {
  it("issues temporary credentials that act as the role's session", async () => {
    const user = await h.user("sts-assumer", assumeOnly(roleArn("Reader")));
    const out = await h.sts(user).send(
      new AssumeRoleCommand({
        RoleArn: roleArn("Reader"),
        RoleSessionName: "app-session",
        DurationSeconds: 900,
      }),
    );
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials!.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials!.SessionToken!.length).toBeGreaterThan(100);
    const expiresIn = out.Credentials!.Expiration!.getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(880_000);
    expect(expiresIn).toBeLessThanOrEqual(900_000);
    expect(out.AssumedRoleUser!.Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/app-session`,
    );
    expect(out.AssumedRoleUser!.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:app-session$/);

    const session: Credentials = {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!,
    };
    const identity = await h.sts(session).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Account: ACCOUNT,
      Arn: out.AssumedRoleUser!.Arn,
      UserId: out.AssumedRoleUser!.AssumedRoleId,
    });

    // The session has the role's permissions, not the user's.
    const sm = h.secretsManager(session);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString).toBe(
      "for-the-role",
    );
    const denied = await rejection(sm.send(new ListSecretsCommand({})));
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toBe(
      `User: ${out.AssumedRoleUser!.Arn} is not authorized to perform: secretsmanager:ListSecrets on resource: * because no identity-based policy allows the secretsmanager:ListSecrets action`,
    );
  });

  it("needs the session token: without it, or with another, the key is not recognised", async () => {
    const user = await h.user("sts-token", assumeOnly("*"));
    const session = await assume(h.sts(user), "Reader");
    const bare = h.secretsManager({
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
    });
    expect(
      (await rejection(bare.send(new GetSecretValueCommand({ SecretId: secretArn })))).name,
    ).toBe("UnrecognizedClientException");
    const other = await assume(h.sts(user), "Reader", "s2");
    const forged = h.secretsManager({ ...session, sessionToken: other.sessionToken });
    expect(
      (await rejection(forged.send(new GetSecretValueCommand({ SecretId: secretArn })))).name,
    ).toBe("UnrecognizedClientException");
  });

  it("answers ExpiredTokenException once the session has expired", async () => {
    const user = await h.user("sts-expiry", assumeOnly("*"));
    const session = await assume(h.sts(user), "Reader");
    await h.rt.db.stsSession.update({
      where: { id: session.accessKeyId },
      data: { expiration: new Date(Date.now() - 1000) },
    });
    const error = await rejection(
      h.secretsManager(session).send(new GetSecretValueCommand({ SecretId: secretArn })),
    );
    expect(error.name).toBe("ExpiredTokenException");
    expect(error.message).toBe("The security token included in the request is expired");
    const query = await rejection(h.sts(session).send(new GetCallerIdentityCommand({})));
    expect(query.name).toBe("ExpiredToken");
    expect((query.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
  });

  it("keeps expired sessions a day (so callers hear 'expired'), then purges them", async () => {
    const user = await h.user("sts-purge", assumeOnly("*"));
    const recent = await assume(h.sts(user), "Reader", "recent");
    const old = await assume(h.sts(user), "Reader", "old");
    await h.rt.db.stsSession.update({
      where: { id: recent.accessKeyId },
      data: { expiration: new Date(Date.now() - 60 * 60 * 1000) },
    });
    await h.rt.db.stsSession.update({
      where: { id: old.accessKeyId },
      data: { expiration: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    expect(await purgeExpiredSessions(h.rt)).toBe(1);
    const ids = (await h.rt.db.stsSession.findMany({ select: { id: true } })).map((s) => s.id);
    expect(ids).toContain(recent.accessKeyId);
    expect(ids).not.toContain(old.accessKeyId);
  });

  it("refuses a caller whose identity policies do not allow sts:AssumeRole", async () => {
    const user = await h.user("sts-no-permission");
    const error = await rejection(
      h
        .sts(user)
        .send(new AssumeRoleCommand({ RoleArn: roleArn("Reader"), RoleSessionName: "x1" })),
    );
    expect(error.name).toBe("AccessDenied");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("Reader")} because no identity-based policy allows the sts:AssumeRole action`,
    );
  });

  it("refuses a caller the trust policy does not name, whatever its own policies say", async () => {
    const iam = h.iam(admin);
    await iam.send(
      new CreateRoleCommand({
        RoleName: "OnlyForAlice",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
              Action: "sts:AssumeRole",
            },
          ],
        }),
      }),
    );
    const bob = await h.user("sts-bob", assumeOnly("*"));
    const error = await rejection(
      h.sts(bob).send(
        new AssumeRoleCommand({
          RoleArn: roleArn("OnlyForAlice"),
          RoleSessionName: "bob-session",
        }),
      ),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(
      `User: ${bob.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("OnlyForAlice")}`,
    );

    // A trust policy that names the caller itself suffices within the account, as in AWS.
    const alice = await h.user("alice");
    const session = await assume(h.sts(alice), "OnlyForAlice", "alice-session");
    expect(session.accessKeyId).toMatch(/^ASIA/);
  });

  it("refuses a role that does not exist in the same words, without saying so", async () => {
    const user = await h.user("sts-ghost", assumeOnly("*"));
    const error = await rejection(
      h.sts(user).send(new AssumeRoleCommand({ RoleArn: roleArn("Ghost"), RoleSessionName: "g1" })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toBe(
      `User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("Ghost")}`,
    );
  });

  it("words validation errors as STS does: null for a missing member, the bound it broke", async () => {
    const user = await h.user("sts-validation", assumeOnly("*"));
    const sts = h.sts(user);
    const cases: [Partial<{ RoleArn: string; RoleSessionName: string }>, string][] = [
      [
        { RoleArn: roleArn("Any") },
        "Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
      ],
      [
        { RoleSessionName: "s1" },
        "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
      ],
      [
        { RoleArn: roleArn("Any"), RoleSessionName: "s" },
        "Value 's' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
      ],
      [
        { RoleArn: roleArn("Any"), RoleSessionName: "x".repeat(65) },
        `Value '${"x".repeat(65)}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
      ],
      [
        { RoleArn: roleArn("Any"), RoleSessionName: "has space" },
        "Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      ],
    ];
    for (const [input, message] of cases) {
      const error = await rejection(
        sts.send(new AssumeRoleCommand(input as { RoleArn: string; RoleSessionName: string })),
      );
      expect(error.name).toBe("ValidationError");
      expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
      expect(error.message).toBe(`1 validation error detected: ${message}`);
    }
  });

  it("holds durations to the role's maximum and role chaining to one hour", async () => {
    const user = await h.user("sts-duration", assumeOnly("*"));
    const sts = h.sts(user);
    const tooLong = await rejection(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn("Reader"),
          RoleSessionName: "dur",
          DurationSeconds: 7201,
        }),
      ),
    );
    expect(tooLong.name).toBe("ValidationError");
    expect(tooLong.message).toBe(
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
    const tooShort = await rejection(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn("Reader"),
          RoleSessionName: "dur",
          DurationSeconds: 899,
        }),
      ),
    );
    expect(tooShort.name).toBe("ValidationError");
    await assume(sts, "Reader", "two-hours", 7200);

    // A session of a role that may assume roles: chained sessions last an hour at most.
    const iam = h.iam(admin);
    await iam.send(
      new CreateRoleCommand({ RoleName: "Chainer", AssumeRolePolicyDocument: trustAccount }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "Chainer",
        PolicyName: "Assume",
        PolicyDocument: JSON.stringify(assumeOnly("*")),
      }),
    );
    const chainer = h.sts(await assume(sts, "Chainer", "c1"));
    const chained = await rejection(
      chainer.send(
        new AssumeRoleCommand({
          RoleArn: roleArn("Reader"),
          RoleSessionName: "c2",
          DurationSeconds: 3601,
        }),
      ),
    );
    expect(chained.message).toBe(
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
    const second = await assume(chainer, "Reader", "c2", 3600);
    expect((await h.sts(second).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/c2`,
    );
  });

  it("limits a session to its session policies, and refuses tags rather than ignore them", async () => {
    const user = await h.user("sts-policy", assumeOnly("*"));
    const sts = h.sts(user);
    const listOnly = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn("Reader"),
        RoleSessionName: "pol",
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" }],
        }),
      }),
    );
    expect(listOnly.PackedPolicySize).toBeGreaterThanOrEqual(1);
    expect(listOnly.PackedPolicySize).toBeLessThanOrEqual(100);
    const narrowed: Credentials = {
      accessKeyId: listOnly.Credentials!.AccessKeyId!,
      secretAccessKey: listOnly.Credentials!.SecretAccessKey!,
      sessionToken: listOnly.Credentials!.SessionToken!,
    };
    // The role may read the secret; the session policy does not allow it.
    const read = await rejection(
      h.secretsManager(narrowed).send(new GetSecretValueCommand({ SecretId: secretArn })),
    );
    expect(read.name).toBe("AccessDeniedException");
    expect(read.message).toContain("because no session policy allows");
    // The session policy allows listing; the role does not.
    const listed = await rejection(h.secretsManager(narrowed).send(new ListSecretsCommand({})));
    expect(listed.name).toBe("AccessDeniedException");
    expect((await h.sts(narrowed).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/pol`,
    );

    const tags = await rejection(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn("Reader"),
          RoleSessionName: "tags",
          Tags: [{ Key: "team", Value: "a" }],
        }),
      ),
    );
    expect(tags.name).toBe("ValidationError");
    expect(tags.message).toBe("Strongbox does not support Tags in AssumeRole yet.");
  });
});
