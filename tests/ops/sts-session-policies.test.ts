// Session policies (AssumeRole's Policy and PolicyArns) through the real AWS SDK clients, on each
// database: a session can do what both its role and its session policies allow, no more; an
// explicit deny in a session policy wins; managed session policies are read at their default
// version when a request is decided; GetCallerIdentity is never denied.
import { randomBytes } from "node:crypto";
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { CreateSecretCommand, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  type AssumeRoleCommandInput,
} from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_POLICY,
  rejection,
  startHarness,
  type ApiHarness,
  type Credentials,
  type TestUser,
} from "../api/harness";
import { providers } from "../helpers/runtime";

const ACCOUNT = "111122223333";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/TwoReader`;

const allow = (action: string | string[], resource: string | string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: action, Resource: resource }],
});

const list = await providers();

describe.each(list)("AssumeRole session policies on %s", (provider) => {
  let h: ApiHarness;
  let admin: TestUser;
  let assumer: TestUser;
  let secretA: string;
  let secretB: string;

  beforeAll(async () => {
    h = await startHarness(provider);
    admin = await h.user("sp-admin", ADMIN_POLICY);
    const sm = h.secretsManager(admin);
    secretA = (await sm.send(new CreateSecretCommand({ Name: "sp/a", SecretString: "value-a" })))
      .ARN!;
    secretB = (await sm.send(new CreateSecretCommand({ Name: "sp/b", SecretString: "value-b" })))
      .ARN!;
    const iam = h.iam(admin);
    await iam.send(
      new CreateRoleCommand({
        RoleName: "TwoReader",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
              Action: "sts:AssumeRole",
            },
          ],
        }),
      }),
    );
    // The role may read both secrets, and nothing else.
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "TwoReader",
        PolicyName: "ReadBoth",
        PolicyDocument: JSON.stringify(allow("secretsmanager:GetSecretValue", [secretA, secretB])),
      }),
    );
    assumer = await h.user("sp-assumer", allow("sts:AssumeRole", ROLE_ARN));
  }, 60_000);
  afterAll(async () => h?.close());

  async function assume(
    input: Partial<AssumeRoleCommandInput>,
    session = "sp",
  ): Promise<Credentials & { packed?: number }> {
    const out = await h
      .sts(assumer)
      .send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: session, ...input }));
    return {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!,
      packed: out.PackedPolicySize,
    };
  }

  const read = (credentials: Credentials, secretId: string) =>
    h.secretsManager(credentials).send(new GetSecretValueCommand({ SecretId: secretId }));

  it("limits a session to what its inline policy allows of the role's permissions", async () => {
    const plain = await assume({});
    expect(plain.packed).toBeUndefined();
    expect((await read(plain, secretB)).SecretString).toBe("value-b");

    const session = await assume(
      { Policy: JSON.stringify(allow("secretsmanager:GetSecretValue", secretA)) },
      "only-a",
    );
    expect(session.packed).toBeGreaterThanOrEqual(1);
    expect(session.packed).toBeLessThanOrEqual(100);
    expect((await read(session, secretA)).SecretString).toBe("value-a");
    const denied = await rejection(read(session, secretB));
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/TwoReader/only-a is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretB} because no session policy allows the secretsmanager:GetSecretValue action`,
    );
    // The session of the same name without session policies is not limited by them.
    const again = await assume({}, "only-a");
    expect((await read(again, secretB)).SecretString).toBe("value-b");
    expect((await read(session, secretA)).SecretString).toBe("value-a");
    expect((await rejection(read(session, secretB))).name).toBe("AccessDeniedException");
  });

  it("grants nothing the role does not grant, and lets a Deny in it win", async () => {
    const broad = await assume({ Policy: JSON.stringify(ADMIN_POLICY) }, "broad");
    expect((await read(broad, secretA)).SecretString).toBe("value-a");
    const create = await rejection(
      h.secretsManager(broad).send(new CreateSecretCommand({ Name: "sp/c", SecretString: "c" })),
    );
    expect(create.name).toBe("AccessDeniedException");

    const denying = await assume(
      {
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: "*", Resource: "*" },
            { Effect: "Deny", Action: "secretsmanager:GetSecretValue", Resource: secretB },
          ],
        }),
      },
      "deny-b",
    );
    expect((await read(denying, secretA)).SecretString).toBe("value-a");
    const denied = await rejection(read(denying, secretB));
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.message).toContain("with an explicit deny in a session policy");
  });

  it("takes managed session policies, read at their default version when a request is decided", async () => {
    const iam = h.iam(admin);
    const policy = await iam.send(
      new CreatePolicyCommand({
        PolicyName: "SessionReadA",
        PolicyDocument: JSON.stringify(allow("secretsmanager:GetSecretValue", secretA)),
      }),
    );
    const arn = policy.Policy!.Arn!;
    const session = await assume({ PolicyArns: [{ arn }] }, "managed");
    expect(session.packed).toBeGreaterThanOrEqual(1);
    expect((await read(session, secretA)).SecretString).toBe("value-a");
    expect((await rejection(read(session, secretB))).name).toBe("AccessDeniedException");

    // A new default version is in force for the session at its next request.
    await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: arn,
        PolicyDocument: JSON.stringify(allow("secretsmanager:GetSecretValue", secretB)),
        SetAsDefault: true,
      }),
    );
    expect((await read(session, secretB)).SecretString).toBe("value-b");
    expect((await rejection(read(session, secretA))).name).toBe("AccessDeniedException");

    // With an inline policy too, any one of them allowing is enough.
    const both = await assume(
      {
        PolicyArns: [{ arn }],
        Policy: JSON.stringify(allow("secretsmanager:GetSecretValue", secretA)),
      },
      "managed-and-inline",
    );
    expect((await read(both, secretA)).SecretString).toBe("value-a");
    expect((await read(both, secretB)).SecretString).toBe("value-b");
  });

  it("refuses malformed, oversized and unknown session policies in AWS's words", async () => {
    const sts = h.sts(assumer);
    const send = (input: Partial<AssumeRoleCommandInput>) =>
      rejection(
        sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: "bad", ...input })),
      );

    const notJson = await send({ Policy: "{not json" });
    expect(notJson.name).toBe("MalformedPolicyDocumentException");
    // The SDK names the class; the wire's code is AWS's.
    expect(notJson.Code).toBe("MalformedPolicyDocument");
    expect(notJson.message).toBe("Syntax errors in policy.");

    const withPrincipal = await send({
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
      }),
    });
    expect(withPrincipal.name).toBe("MalformedPolicyDocumentException");
    expect(withPrincipal.message).toBe("Policy document should not specify a principal.");

    const tooLong = await send({
      Policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "*", Resource: `arn:aws:s3:::${"x".repeat(2048)}` }],
      }),
    });
    expect(tooLong.name).toBe("ValidationError");
    expect(tooLong.message).toMatch(
      /^1 validation error detected: Value '.*' at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048$/,
    );

    const unknown = `arn:aws:iam::${ACCOUNT}:policy/NoSuchPolicy`;
    const missing = await send({ PolicyArns: [{ arn: unknown }] });
    expect(missing.name).toBe("MalformedPolicyDocumentException");
    expect(missing.message).toBe(`Policy ${unknown} does not exist or is not attachable.`);

    const eleven = await send({
      PolicyArns: Array.from({ length: 11 }, (_, i) => ({
        arn: `arn:aws:iam::${ACCOUNT}:policy/P${i}`,
      })),
    });
    expect(eleven.name).toBe("ValidationError");
    expect(eleven.message).toContain(
      "at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10",
    );

    const tags = await send({ Tags: [{ Key: "team", Value: "a" }] });
    expect(tags.name).toBe("ValidationError");
    expect(tags.message).toBe("Strongbox does not support Tags in AssumeRole yet.");
  });

  it("refuses session policies too large for the packed budget with PackedPolicyTooLarge", async () => {
    const iam = h.iam(admin);
    // Ten managed policies whose ARNs carry long paths of incompressible text.
    const arns: { arn: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const path = `/${randomBytes(375).toString("base64url")}/`;
      const created = await iam.send(
        new CreatePolicyCommand({
          PolicyName: `Packed${i}`,
          Path: path,
          PolicyDocument: JSON.stringify(allow("secretsmanager:GetSecretValue", secretA)),
        }),
      );
      arns.push({ arn: created.Policy!.Arn! });
    }
    const error = await rejection(
      h
        .sts(assumer)
        .send(
          new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: "packed", PolicyArns: arns }),
        ),
    );
    expect(error.name).toBe("PackedPolicyTooLargeException");
    expect(error.Code).toBe("PackedPolicyTooLarge");
    expect(error.message).toMatch(
      /^Packed policy consumes (\d+)% of allotted space, please use smaller policy\.$/,
    );
    expect(Number(/(\d+)%/.exec(error.message)![1])).toBeGreaterThan(100);
    // Three of them fit.
    const fits = await assume({ PolicyArns: arns.slice(0, 3) }, "packed-fits");
    expect(fits.packed).toBeGreaterThan(1);
    expect(fits.packed).toBeLessThanOrEqual(100);
  });

  it("never denies GetCallerIdentity, whatever the session policy says", async () => {
    const session = await assume(
      {
        Policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }],
        }),
      },
      "deny-all",
    );
    const identity = await h.sts(session).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/TwoReader/deny-all`);
    expect((await rejection(read(session, secretA))).name).toBe("AccessDeniedException");
  });
});
