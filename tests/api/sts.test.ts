// STS with the AWS SDK's STS client: who am I, temporary credentials for a role (honouring the
// trust policy, the caller's sts:AssumeRole permission, durations and expiry) and for an IAM user
// (GetSessionToken, with what AWS refuses such credentials), and whose an access key is.
import {
  CreateRoleCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
} from "@aws-sdk/client-secrets-manager";
import {
  AssumeRoleCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionToken, purgeExpiredSessions } from "@/lib/ops/sts";
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

async function sessionToken(client: STSClient, duration?: number): Promise<Credentials> {
  const out = await client.send(new GetSessionTokenCommand({ DurationSeconds: duration }));
  return {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken!,
  };
}

const status = (error: Record<string, unknown>) =>
  (error.$metadata as { httpStatusCode: number }).httpStatusCode;

const readSecret = (resource: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: resource }],
});

describe("GetSessionToken", () => {
  it("issues temporary credentials that act as the IAM user itself", async () => {
    const user = await h.user("gst-reader", readSecret(secretArn));
    const out = await h.sts(user).send(new GetSessionTokenCommand({}));
    const credentials = out.Credentials!;
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(credentials.SessionToken!.length).toBeGreaterThan(100);
    // Twelve hours by default, to the second.
    expect(credentials.Expiration!.getUTCMilliseconds()).toBe(0);
    const expiresIn = credentials.Expiration!.getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(43_200_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(43_200_000);
    const row = await h.rt.db.stsSession.findUniqueOrThrow({
      where: { id: credentials.AccessKeyId! },
    });
    expect(row).toMatchObject({ principalType: "User", roleId: null, sessionName: null });
    expect(row.expiration.getTime()).toBe(credentials.Expiration!.getTime());
    // Audited in the user's name, like every operation that changes something.
    const audited = await h.rt.db.auditEvent.findMany({
      where: { action: "sts:GetSessionToken", principalArn: user.arn },
    });
    expect(audited.map((a) => a.decision)).toEqual(["allowed"]);

    const session: Credentials = {
      accessKeyId: credentials.AccessKeyId!,
      secretAccessKey: credentials.SecretAccessKey!,
      sessionToken: credentials.SessionToken!,
    };
    // The same identity as the long-term key's: the user's ARN and unique id.
    const withKey = await h.sts(user).send(new GetCallerIdentityCommand({}));
    const withSession = await h.sts(session).send(new GetCallerIdentityCommand({}));
    expect(withSession).toMatchObject({
      Account: ACCOUNT,
      Arn: user.arn,
      UserId: withKey.UserId,
    });
    expect(withSession.UserId).toMatch(/^AIDA/);

    // The user's permissions, refused in the user's name.
    const sm = h.secretsManager(session);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString).toBe(
      "for-the-role",
    );
    const denied = await rejection(sm.send(new ListSecretsCommand({})));
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toBe(
      `User: ${user.arn} is not authorized to perform: secretsmanager:ListSecrets on resource: * because no identity-based policy allows the secretsmanager:ListSecrets action`,
    );

    // A change to the user's policies is in force for the session too.
    await h.iam(admin).send(
      new DeleteUserPolicyCommand({
        UserName: user.userName,
        PolicyName: `${user.userName}-policy`,
      }),
    );
    const revoked = await rejection(sm.send(new GetSecretValueCommand({ SecretId: secretArn })));
    expect(revoked.name).toBe("AccessDeniedException");
  });

  it("needs no permission, and no policy can stop it (AWS: policies do not control authentication)", async () => {
    const nobody = await h.user("gst-nobody");
    expect((await sessionToken(h.sts(nobody))).accessKeyId).toMatch(/^ASIA/);
    const denied = await h.user("gst-denied", {
      Version: "2012-10-17",
      Statement: [{ Effect: "Deny", Action: "sts:*", Resource: "*" }],
    });
    const session = await sessionToken(h.sts(denied));
    expect((await h.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(denied.arn);
  });

  it("cannot call IAM's API, nor any STS operation but AssumeRole and GetCallerIdentity", async () => {
    const session = await sessionToken(h.sts(admin));
    // IAM answers as AWS's does without MFA: the token is not recognised.
    const iam = await rejection(h.iam(session).send(new ListUsersCommand({})));
    expect(iam.name).toBe("InvalidClientTokenId");
    expect(status(iam)).toBe(403);
    expect(iam.message).toBe("The security token included in the request is invalid");
    // With the long-term key the same call works.
    expect((await h.iam(admin).send(new ListUsersCommand({}))).Users!.length).toBeGreaterThan(0);

    const again = await rejection(h.sts(session).send(new GetSessionTokenCommand({})));
    expect(again.name).toBe("AccessDenied");
    expect(status(again)).toBe(403);
    expect(again.message).toBe("Cannot call GetSessionToken with session credentials");
    const info = await rejection(
      h.sts(session).send(new GetAccessKeyInfoCommand({ AccessKeyId: admin.accessKeyId })),
    );
    expect(info.name).toBe("AccessDenied");
    expect(info.message).toBe("Cannot call GetAccessKeyInfo with session credentials");

    // AssumeRole works, as the user (not as a chained role session: two hours are allowed).
    const role = await assume(h.sts(session), "Reader", "from-session-token", 7200);
    expect((await h.sts(role).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/from-session-token`,
    );
    // A role session may not ask for a session token either.
    const fromRole = await rejection(h.sts(role).send(new GetSessionTokenCommand({})));
    expect(fromRole.name).toBe("AccessDenied");
    expect(fromRole.message).toBe("Cannot call GetSessionToken with session credentials");
  });

  it("holds DurationSeconds to 900..129600 in STS's words", async () => {
    const sts = h.sts(await h.user("gst-duration"));
    const cases: [number, string][] = [
      [899, "Member must have value greater than or equal to 900"],
      [129_601, "Member must have value less than or equal to 129600"],
    ];
    for (const [duration, rule] of cases) {
      const error = await rejection(
        sts.send(new GetSessionTokenCommand({ DurationSeconds: duration })),
      );
      expect(error.name).toBe("ValidationError");
      expect(status(error)).toBe(400);
      expect(error.message).toBe(
        `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: ${rule}`,
      );
    }
    for (const duration of [900, 129_600]) {
      const out = await sts.send(new GetSessionTokenCommand({ DurationSeconds: duration }));
      const row = await h.rt.db.stsSession.findUniqueOrThrow({
        where: { id: out.Credentials!.AccessKeyId! },
      });
      expect(row.expiration.getTime()).toBe(out.Credentials!.Expiration!.getTime());
      const expiresIn = out.Credentials!.Expiration!.getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan((duration - 60) * 1000);
      expect(expiresIn).toBeLessThanOrEqual(duration * 1000);
    }
  });

  it("refuses MFA information in AWS's words: Strongbox users have no MFA device", async () => {
    const user = await h.user("gst-mfa");
    const sts = h.sts(user);
    const error = await rejection(
      sts.send(
        new GetSessionTokenCommand({
          SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/gst-mfa`,
          TokenCode: "123456",
        }),
      ),
    );
    expect(error.name).toBe("AccessDenied");
    expect(status(error)).toBe(403);
    expect(error.message).toBe(
      "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.",
    );
    const badCode = await rejection(
      sts.send(
        new GetSessionTokenCommand({
          SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/gst-mfa`,
          TokenCode: "12345",
        }),
      ),
    );
    expect(badCode.name).toBe("ValidationError");
    expect(badCode.message).toBe(
      "1 validation error detected: Value '12345' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
  });

  it("expires, and goes with its user", async () => {
    const user = await h.user("gst-expiry");
    const session = await sessionToken(h.sts(user));
    await h.rt.db.stsSession.update({
      where: { id: session.accessKeyId },
      data: { expiration: new Date(Date.now() - 1000) },
    });
    const expired = await rejection(h.sts(session).send(new GetCallerIdentityCommand({})));
    expect(expired.name).toBe("ExpiredToken");

    const doomed = await h.user("gst-doomed");
    const doomedSession = await sessionToken(h.sts(doomed));
    const iam = h.iam(admin);
    await iam.send(
      new DeleteAccessKeyCommand({ UserName: doomed.userName, AccessKeyId: doomed.accessKeyId }),
    );
    // Deleting the key that asked does not end the session (as in AWS); deleting the user does.
    expect((await h.sts(doomedSession).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      doomed.arn,
    );
    await iam.send(new DeleteUserCommand({ UserName: doomed.userName }));
    const gone = await rejection(h.sts(doomedSession).send(new GetCallerIdentityCommand({})));
    expect(gone.name).toBe("InvalidClientTokenId");
    expect(await h.rt.db.stsSession.count({ where: { id: doomedSession.accessKeyId } })).toBe(0);
  });

  it("gives the root user at most an hour, acting as the root user", async () => {
    const out = await getSessionToken(h.rt.root, { DurationSeconds: 7200 });
    const row = await h.rt.db.stsSession.findUniqueOrThrow({
      where: { id: out.Credentials.AccessKeyId },
    });
    expect(row).toMatchObject({ principalType: "Root", userId: null, roleId: null });
    const expiresIn = out.Credentials.Expiration.getTime() - Date.now();
    expect(expiresIn).toBeLessThanOrEqual(3_600_000);
    expect(expiresIn).toBeGreaterThan(3_540_000);
    const session: Credentials = {
      accessKeyId: out.Credentials.AccessKeyId,
      secretAccessKey: out.Credentials.SecretAccessKey,
      sessionToken: out.Credentials.SessionToken,
    };
    const identity = await h.sts(session).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
    expect(
      (await h.secretsManager(session).send(new ListSecretsCommand({}))).SecretList,
    ).toBeDefined();
    const iam = await rejection(h.iam(session).send(new ListUsersCommand({})));
    expect(iam.name).toBe("InvalidClientTokenId");
  });
});

describe("GetAccessKeyInfo", () => {
  const allowInfo = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:GetAccessKeyInfo", Resource: "*" }],
  };

  it("names the account of any key Strongbox issued: a user's, a session's", async () => {
    const user = await h.user("gaki-user", allowInfo);
    const sts = h.sts(user);
    const other = await h.user("gaki-other");
    expect(
      (await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: other.accessKeyId }))).Account,
    ).toBe(ACCOUNT);
    const session = await sessionToken(h.sts(other));
    expect(
      (await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: session.accessKeyId }))).Account,
    ).toBe(ACCOUNT);
    // A role session is held to its policies like anyone (only GetSessionToken's credentials are
    // refused outright): the Reader role may not ask.
    const role = h.sts(await assume(h.sts(admin), "Reader", "gaki"));
    const denied = await rejection(
      role.send(new GetAccessKeyInfoCommand({ AccessKeyId: other.accessKeyId })),
    );
    expect(denied.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/Reader/gaki is not authorized to perform: sts:GetAccessKeyInfo on resource: * because no identity-based policy allows the sts:GetAccessKeyInfo action`,
    );
  });

  it("refuses keys it never issued, malformed ids, and callers without sts:GetAccessKeyInfo", async () => {
    const user = await h.user("gaki-checks", allowInfo);
    const sts = h.sts(user);
    const unknown = await rejection(
      sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: "AKIAIOSFODNN7EXAMPLE" })),
    );
    expect(unknown.name).toBe("InvalidParameterValue");
    expect(unknown.message).toBe("The access key AKIAIOSFODNN7EXAMPLE does not exist.");
    const short = await rejection(sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: "AKIA1" })));
    expect(short.name).toBe("ValidationError");
    expect(short.message).toBe(
      "1 validation error detected: Value 'AKIA1' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16",
    );
    const nobody = await h.user("gaki-nobody");
    const denied = await rejection(
      h.sts(nobody).send(new GetAccessKeyInfoCommand({ AccessKeyId: user.accessKeyId })),
    );
    expect(denied.name).toBe("AccessDenied");
    expect(denied.message).toBe(
      `User: ${nobody.arn} is not authorized to perform: sts:GetAccessKeyInfo on resource: * because no identity-based policy allows the sts:GetAccessKeyInfo action`,
    );
  });
});
