// IAM over the query protocol with the AWS SDK's IAM client: the administrator's round (create a
// user, give it a policy, create its access key) and the new key at work right away.
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteConflictException,
  DeleteUserCommand,
  EntityAlreadyExistsException,
  GetAccessKeyLastUsedCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutUserPolicyCommand,
  TagUserCommand,
  UntagUserCommand,
  ListMFADevicesCommand,
  ListAccountAliasesCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  ListServiceSpecificCredentialsCommand,
  ListVirtualMFADevicesCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
} from "@aws-sdk/client-iam";
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
} from "@aws-sdk/client-secrets-manager";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as iamOps from "@/lib/ops/iam";
import { operationsOf, services } from "@/lib/api/services";
import { ADMIN_POLICY, rejection, startHarness, type ApiHarness, type TestUser } from "./harness";

let h: ApiHarness;
let admin: TestUser;
let iam: IAMClient;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user("iam-admin", ADMIN_POLICY);
  iam = h.iam(admin);
});
afterAll(async () => {
  iam?.destroy();
  await h?.close();
});

const readOnly = (arn: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: arn }],
  });

describe("the operation table", () => {
  it("serves every IAM operation lib/ops/iam exports, each one modelled by the SDK", () => {
    const served = services().byVersion.get("2010-05-08")!;
    const exported = [...operationsOf(iamOps, "iam").keys()].sort();
    expect(exported.length).toBeGreaterThan(0);
    expect([...served.operations.keys()].sort()).toEqual(exported);
    for (const name of exported) expect(served.model.operations[name], name).toBeDefined();
  });
});

describe("IAM through the AWS SDK", () => {
  it("creates a user, gives it a managed policy and an access key it can use at once", async () => {
    const sm = h.secretsManager(admin);
    const { ARN } = await sm.send(
      new CreateSecretCommand({ Name: "iam/app/db", SecretString: "s3cret" }),
    );

    const { User } = await iam.send(
      new CreateUserCommand({
        UserName: "app1",
        Path: "/apps/",
        Tags: [{ Key: "team", Value: "payments" }],
      }),
    );
    expect(User).toMatchObject({
      UserName: "app1",
      Path: "/apps/",
      Arn: "arn:aws:iam::111122223333:user/apps/app1",
      Tags: [{ Key: "team", Value: "payments" }],
    });
    expect(User!.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
    expect(User!.CreateDate).toBeInstanceOf(Date);

    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: "ReadAppDb",
        PolicyDocument: readOnly(ARN!),
        Description: "read one",
      }),
    );
    expect(Policy!.Arn).toBe("arn:aws:iam::111122223333:policy/ReadAppDb");
    await iam.send(new AttachUserPolicyCommand({ UserName: "app1", PolicyArn: Policy!.Arn }));
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: "app1" }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: "ReadAppDb", PolicyArn: Policy!.Arn },
    ]);

    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: "app1" }));
    expect(AccessKey).toMatchObject({ UserName: "app1", Status: "Active" });
    expect(AccessKey!.AccessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(AccessKey!.SecretAccessKey).toHaveLength(40);

    const credentials = {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    };
    const appClient = h.secretsManager(credentials);
    expect((await appClient.send(new GetSecretValueCommand({ SecretId: ARN! }))).SecretString).toBe(
      "s3cret",
    );
    expect((await rejection(appClient.send(new ListSecretsCommand({})))).name).toBe(
      "AccessDeniedException",
    );
    const identity = await h.sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      Arn: User!.Arn,
      UserId: User!.UserId,
      Account: "111122223333",
    });

    // Recorded in the background: the most recent use is sts:GetCallerIdentity, just above.
    const lastUsed = () =>
      iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: AccessKey!.AccessKeyId }));
    await expect.poll(async () => (await lastUsed()).AccessKeyLastUsed?.ServiceName).toBe("sts");
    const used = await lastUsed();
    expect(used.UserName).toBe("app1");
    expect(used.AccessKeyLastUsed!.Region).toBe("us-east-1");
    expect(used.AccessKeyLastUsed!.LastUsedDate).toBeInstanceOf(Date);

    const keys = await iam.send(new ListAccessKeysCommand({ UserName: "app1" }));
    expect(keys.AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([AccessKey!.AccessKeyId]);
    expect(keys.IsTruncated).toBe(false);
  });

  it("returns policy documents URL-encoded, as IAM does", async () => {
    await iam.send(new CreateUserCommand({ UserName: "inline-user" }));
    const document = readOnly("arn:aws:secretsmanager:us-east-1:111122223333:secret:x-AbCdEf");
    await iam.send(
      new PutUserPolicyCommand({
        UserName: "inline-user",
        PolicyName: "Inline",
        PolicyDocument: document,
      }),
    );
    const got = await iam.send(
      new GetUserPolicyCommand({ UserName: "inline-user", PolicyName: "Inline" }),
    );
    expect(got.PolicyDocument).toBe(encodeURIComponent(document));
    expect(JSON.parse(decodeURIComponent(got.PolicyDocument!))).toEqual(JSON.parse(document));

    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "sts:AssumeRole",
        },
      ],
    });
    await iam.send(
      new CreateRoleCommand({ RoleName: "EncodedRole", AssumeRolePolicyDocument: trust }),
    );
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: "EncodedRole" }));
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(
      JSON.parse(trust),
    );

    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: "Versioned", PolicyDocument: document }),
    );
    const version = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: Policy!.Arn, VersionId: "v1" }),
    );
    expect(decodeURIComponent(version.PolicyVersion!.Document!)).toBe(document);
    expect(version.PolicyVersion!.IsDefaultVersion).toBe(true);
  });

  it("tags with member lists and untags with an empty list sent as the bare name", async () => {
    await iam.send(new CreateUserCommand({ UserName: "tagged-user" }));
    await iam.send(
      new TagUserCommand({
        UserName: "tagged-user",
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "2" },
        ],
      }),
    );
    await iam.send(new UntagUserCommand({ UserName: "tagged-user", TagKeys: ["a"] }));
    await iam.send(new UntagUserCommand({ UserName: "tagged-user", TagKeys: [] }));
    const tags = await iam.send(new ListUserTagsCommand({ UserName: "tagged-user" }));
    expect(tags.Tags).toEqual([{ Key: "b", Value: "2" }]);
  });

  it("pages with Marker and MaxItems", async () => {
    for (const name of ["page-a", "page-b", "page-c"])
      await iam.send(new CreateUserCommand({ UserName: name, Path: "/paged/" }));
    const first = await iam.send(new ListUsersCommand({ PathPrefix: "/paged/", MaxItems: 2 }));
    expect(first.Users!.map((u) => u.UserName)).toEqual(["page-a", "page-b"]);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(
      new ListUsersCommand({ PathPrefix: "/paged/", MaxItems: 2, Marker: first.Marker }),
    );
    expect(second.Users!.map((u) => u.UserName)).toEqual(["page-c"]);
    expect(second.IsTruncated).toBe(false);
  });

  it("raises IAM's errors as the SDK's typed exceptions", async () => {
    const missing = await rejection(iam.send(new GetUserCommand({ UserName: "nobody" })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe("The user with name nobody cannot be found.");

    await iam.send(new CreateUserCommand({ UserName: "dup" }));
    expect(await rejection(iam.send(new CreateUserCommand({ UserName: "dup" })))).toBeInstanceOf(
      EntityAlreadyExistsException,
    );

    await iam.send(new CreateAccessKeyCommand({ UserName: "dup" }));
    const conflict = await rejection(iam.send(new DeleteUserCommand({ UserName: "dup" })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);

    const malformed = await rejection(
      iam.send(
        new CreatePolicyCommand({ PolicyName: "Bad", PolicyDocument: '{"Version":"2012-10-17"}' }),
      ),
    );
    expect(malformed).toBeInstanceOf(MalformedPolicyDocumentException);
  });

  it("words validation errors as AWS does: null for a missing member, the bound it broke", async () => {
    const missing = await rejection(
      iam.send(new CreateUserCommand({ UserName: undefined as unknown as string })),
    );
    expect(missing.name).toBe("ValidationError");
    expect((missing.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
    expect(missing.message).toBe(
      "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null",
    );
    const empty = await rejection(iam.send(new CreateUserCommand({ UserName: "" })));
    expect(empty.message).toBe(
      "1 validation error detected: Value '' at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    const tooFew = await rejection(iam.send(new ListUsersCommand({ MaxItems: 0 })));
    expect(tooFew.name).toBe("ValidationError");
    expect(tooFew.message).toBe(
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const tooMany = await rejection(iam.send(new ListUsersCommand({ MaxItems: 1001 })));
    expect(tooMany.message).toBe(
      "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });

  it("answers the lists of entities Strongbox has none of (MFA devices, aliases...) as empty", async () => {
    await iam.send(new CreateUserCommand({ UserName: "no-extras" }));
    expect(await iam.send(new ListMFADevicesCommand({ UserName: "no-extras" }))).toMatchObject({
      MFADevices: [],
      IsTruncated: false,
    });
    // Without UserName: the caller's own.
    expect((await iam.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
    expect(
      (await iam.send(new ListSigningCertificatesCommand({ UserName: "no-extras" }))).Certificates,
    ).toEqual([]);
    expect(
      (await iam.send(new ListSSHPublicKeysCommand({ UserName: "no-extras" }))).SSHPublicKeys,
    ).toEqual([]);
    expect(
      (await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: "no-extras" })))
        .ServiceSpecificCredentials,
    ).toEqual([]);
    expect((await iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices).toEqual([]);
    expect((await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles).toEqual([]);
    await iam.send(
      new CreateRoleCommand({
        RoleName: "no-profiles",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { AWS: admin.arn }, Action: "sts:AssumeRole" }],
        }),
      }),
    );
    expect(
      (await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "no-profiles" })))
        .InstanceProfiles,
    ).toEqual([]);

    // The same checks as any IAM call: the entity must exist, the caller must be allowed.
    const missing = await rejection(iam.send(new ListMFADevicesCommand({ UserName: "ghost" })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe("The user with name ghost cannot be found.");
    const noRole = await rejection(
      iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "ghost" })),
    );
    expect(noRole).toBeInstanceOf(NoSuchEntityException);
    const nobody = await h.user("no-extras-reader");
    const refused = await rejection(
      h.iam(nobody).send(new ListMFADevicesCommand({ UserName: "no-extras" })),
    );
    expect(refused.name).toBe("AccessDenied");
    expect(refused.message).toContain("iam:ListMFADevices");
  });

  it("answers AccessDenied with 403 to a user without IAM permissions", async () => {
    const nobody = await h.user("no-iam");
    const error = await rejection(h.iam(nobody).send(new ListUsersCommand({})));
    expect(error.name).toBe("AccessDenied");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: ${nobody.arn} is not authorized to perform: iam:ListUsers on resource: * because no identity-based policy allows the iam:ListUsers action`,
    );
  });
});
