// More of IAM over the query protocol with the AWS SDK's IAM client: renaming groups, role
// descriptions, the account alias, instance profiles, context keys, the account's authorization
// details and the credential report, each with the errors AWS answers.
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CredentialReportExpiredException,
  CredentialReportNotPresentException,
  DeleteAccountAliasCommand,
  DeleteConflictException,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  EntityAlreadyExistsException,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  GetCredentialReportCommand,
  GetGroupCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  IAMClient,
  InvalidInputException,
  LimitExceededException,
  ListAccountAliasesCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListInstanceProfileTagsCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  NoSuchEntityException,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
  UpdateGroupCommand,
  UpdateRoleDescriptionCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoginProfile } from "@/lib/ops/iam";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import { ADMIN_POLICY, rejection, startHarness, type ApiHarness, type TestUser } from "./harness";

let h: ApiHarness;
let admin: TestUser;
let iam: IAMClient;
let account: string;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user("more-admin", ADMIN_POLICY);
  iam = h.iam(admin);
  account = h.rt.accountId;
});
afterAll(async () => {
  iam?.destroy();
  await h?.close();
});

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});
const allow = (action: string | string[], resource: string | string[]) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: action, Resource: resource }],
});
const DOC = JSON.stringify(allow("secretsmanager:ListSecrets", "*"));

const role = (name: string) =>
  iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST }));

describe("UpdateGroup", () => {
  it("renames and moves a group; its members and policies follow it", async () => {
    await iam.send(new CreateGroupCommand({ GroupName: "ops" }));
    await h.user("ops-member");
    await iam.send(new AddUserToGroupCommand({ GroupName: "ops", UserName: "ops-member" }));
    await iam.send(
      new PutGroupPolicyCommand({ GroupName: "ops", PolicyName: "inline", PolicyDocument: DOC }),
    );
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: "ops-managed", PolicyDocument: DOC }),
    );
    await iam.send(new AttachGroupPolicyCommand({ GroupName: "ops", PolicyArn: Policy!.Arn }));

    await iam.send(
      new UpdateGroupCommand({ GroupName: "ops", NewGroupName: "platform", NewPath: "/team/" }),
    );

    const got = await iam.send(new GetGroupCommand({ GroupName: "platform" }));
    expect(got.Group!.Arn).toBe(`arn:aws:iam::${account}:group/team/platform`);
    expect(got.Group!.Path).toBe("/team/");
    expect(got.Users!.map((u) => u.UserName)).toEqual(["ops-member"]);
    expect(
      (await iam.send(new ListGroupPoliciesCommand({ GroupName: "platform" }))).PolicyNames,
    ).toEqual(["inline"]);
    expect(
      (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: "platform" })))
        .AttachedPolicies,
    ).toEqual([{ PolicyName: "ops-managed", PolicyArn: Policy!.Arn }]);
    const gone = await rejection(iam.send(new GetGroupCommand({ GroupName: "ops" })));
    expect(gone).toBeInstanceOf(NoSuchEntityException);
  });

  it("refuses a name in use, a missing group and a bad path", async () => {
    await iam.send(new CreateGroupCommand({ GroupName: "taken-a" }));
    await iam.send(new CreateGroupCommand({ GroupName: "taken-b" }));
    const taken = await rejection(
      iam.send(new UpdateGroupCommand({ GroupName: "taken-a", NewGroupName: "taken-b" })),
    );
    expect(taken).toBeInstanceOf(EntityAlreadyExistsException);
    expect(taken.message).toBe("Group with name taken-b already exists.");
    const missing = await rejection(
      iam.send(new UpdateGroupCommand({ GroupName: "ghost-group", NewGroupName: "x" })),
    );
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe("The group with name ghost-group cannot be found.");
    const badPath = await rejection(
      iam.send(new UpdateGroupCommand({ GroupName: "taken-a", NewPath: "no-slashes" })),
    );
    expect(badPath.name).toBe("ValidationError");
  });

  it("needs permission on the group under its new name too", async () => {
    await iam.send(new CreateGroupCommand({ GroupName: "renamed-by-limited" }));
    const oldArn = `arn:aws:iam::${account}:group/renamed-by-limited`;
    const newArn = `arn:aws:iam::${account}:group/limited-new`;
    const limited = await h.user("group-renamer", allow("iam:UpdateGroup", oldArn));
    const client = h.iam(limited);
    const refused = await rejection(
      client.send(
        new UpdateGroupCommand({ GroupName: "renamed-by-limited", NewGroupName: "limited-new" }),
      ),
    );
    expect(refused.name).toBe("AccessDenied");
    expect(refused.message).toContain(`iam:UpdateGroup on resource: ${newArn}`);
    expect(
      (await iam.send(new GetGroupCommand({ GroupName: "renamed-by-limited" }))).Group!.Arn,
    ).toBe(oldArn);

    const both = await h.user("group-renamer-2", allow("iam:UpdateGroup", [oldArn, newArn]));
    await h
      .iam(both)
      .send(
        new UpdateGroupCommand({ GroupName: "renamed-by-limited", NewGroupName: "limited-new" }),
      );
    expect((await iam.send(new GetGroupCommand({ GroupName: "limited-new" }))).Group!.Arn).toBe(
      newArn,
    );
  });
});

describe("UpdateRoleDescription", () => {
  it("sets the description and answers the role", async () => {
    await role("described");
    const out = await iam.send(
      new UpdateRoleDescriptionCommand({ RoleName: "described", Description: "Runs the web tier" }),
    );
    expect(out.Role!.RoleName).toBe("described");
    expect(out.Role!.Description).toBe("Runs the web tier");
    expect((await iam.send(new GetRoleCommand({ RoleName: "described" }))).Role!.Description).toBe(
      "Runs the web tier",
    );
  });

  it("refuses a missing role and a description over 1000 characters", async () => {
    const missing = await rejection(
      iam.send(new UpdateRoleDescriptionCommand({ RoleName: "ghost-role", Description: "d" })),
    );
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe("The role with name ghost-role cannot be found.");
    await role("long-description");
    const tooLong = await rejection(
      iam.send(
        new UpdateRoleDescriptionCommand({
          RoleName: "long-description",
          Description: "x".repeat(1001),
        }),
      ),
    );
    expect(tooLong.name).toBe("ValidationError");
  });
});

describe("the account alias", () => {
  it("creates, replaces, lists and deletes the one alias of the account", async () => {
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: "example-corp" }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([
      "example-corp",
    ]);
    // One alias per account: a new one takes the old one's place.
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: "example-2" }));
    const listed = await iam.send(new ListAccountAliasesCommand({}));
    expect(listed.AccountAliases).toEqual(["example-2"]);
    expect(listed.IsTruncated).toBe(false);

    const wrong = await rejection(
      iam.send(new DeleteAccountAliasCommand({ AccountAlias: "example-corp" })),
    );
    expect(wrong).toBeInstanceOf(NoSuchEntityException);
    expect(wrong.message).toBe("The account alias example-corp cannot be found.");
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: "example-2" }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
  });

  it.each([
    ["ab", "Member must have length greater than or equal to 3"],
    ["a".repeat(64), "Member must have length less than or equal to 63"],
    ["-corp", "Member must satisfy regular expression pattern"],
    ["corp-", "Member must satisfy regular expression pattern"],
    ["co--rp", "Member must satisfy regular expression pattern"],
    ["Corp", "Member must satisfy regular expression pattern"],
  ])("refuses the alias %s with a ValidationError", async (alias, constraint) => {
    const refused = await rejection(
      iam.send(new CreateAccountAliasCommand({ AccountAlias: alias })),
    );
    expect(refused.name).toBe("ValidationError");
    expect(refused.message).toContain(`Value '${alias}' at 'accountAlias'`);
    expect(refused.message).toContain(constraint);
  });

  it("is refused to a user without iam:CreateAccountAlias", async () => {
    const nobody = await h.user("alias-nobody");
    const refused = await rejection(
      h.iam(nobody).send(new CreateAccountAliasCommand({ AccountAlias: "sneaky" })),
    );
    expect(refused.name).toBe("AccessDenied");
    expect(refused.message).toContain("iam:CreateAccountAlias on resource: *");
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
  });
});

describe("instance profiles", () => {
  it("creates a profile, gives it one role, and keeps role and profile from deletion", async () => {
    const created = await iam.send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: "web",
        Path: "/app/",
        Tags: [{ Key: "tier", Value: "web" }],
      }),
    );
    const profile = created.InstanceProfile!;
    expect(profile.Arn).toBe(`arn:aws:iam::${account}:instance-profile/app/web`);
    expect(profile.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(profile.Roles).toEqual([]);
    expect(profile.Tags).toEqual([{ Key: "tier", Value: "web" }]);

    const again = await rejection(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "web" })),
    );
    expect(again).toBeInstanceOf(EntityAlreadyExistsException);
    expect(again.message).toBe("Instance Profile web already exists.");

    await role("web-role");
    await role("other-role");
    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: "web", RoleName: "web-role" }),
    );
    const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "web" })))
      .InstanceProfile!;
    expect(got.Roles!.map((r) => r.RoleName)).toEqual(["web-role"]);
    expect(got.Roles![0].Arn).toBe(`arn:aws:iam::${account}:role/web-role`);

    const second = await rejection(
      iam.send(
        new AddRoleToInstanceProfileCommand({ InstanceProfileName: "web", RoleName: "other-role" }),
      ),
    );
    expect(second).toBeInstanceOf(LimitExceededException);
    expect(second.message).toBe("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");

    const forRole = await iam.send(
      new ListInstanceProfilesForRoleCommand({ RoleName: "web-role" }),
    );
    expect(forRole.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(["web"]);
    expect(
      (await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "other-role" })))
        .InstanceProfiles,
    ).toEqual([]);

    const roleInUse = await rejection(iam.send(new DeleteRoleCommand({ RoleName: "web-role" })));
    expect(roleInUse).toBeInstanceOf(DeleteConflictException);
    expect(roleInUse.message).toBe(
      "Cannot delete entity, must remove roles from instance profile first.",
    );
    const profileInUse = await rejection(
      iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: "web" })),
    );
    expect(profileInUse).toBeInstanceOf(DeleteConflictException);
    expect(profileInUse.message).toBe(
      "Cannot delete entity, must remove roles from instance profile first.",
    );

    await iam.send(
      new RemoveRoleFromInstanceProfileCommand({
        InstanceProfileName: "web",
        RoleName: "web-role",
      }),
    );
    const notThere = await rejection(
      iam.send(
        new RemoveRoleFromInstanceProfileCommand({
          InstanceProfileName: "web",
          RoleName: "web-role",
        }),
      ),
    );
    expect(notThere).toBeInstanceOf(NoSuchEntityException);
    await iam.send(new DeleteRoleCommand({ RoleName: "web-role" }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: "web" }));
    const deleted = await rejection(
      iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "web" })),
    );
    expect(deleted).toBeInstanceOf(NoSuchEntityException);
    expect(deleted.message).toBe("Instance Profile web cannot be found.");
  });

  it("tags, untags and lists a profile's tags", async () => {
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "tagged" }));
    await iam.send(
      new TagInstanceProfileCommand({
        InstanceProfileName: "tagged",
        Tags: [
          { Key: "team", Value: "blue" },
          { Key: "env", Value: "prod" },
        ],
      }),
    );
    await iam.send(
      new UntagInstanceProfileCommand({ InstanceProfileName: "tagged", TagKeys: ["team"] }),
    );
    expect(
      (await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: "tagged" }))).Tags,
    ).toEqual([{ Key: "env", Value: "prod" }]);
    const missing = await rejection(
      iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: "ghost-profile" })),
    );
    expect(missing).toBeInstanceOf(NoSuchEntityException);
  });

  it("lists profiles by path, a page at a time", async () => {
    for (const name of ["batch-a", "batch-b", "batch-c"]) {
      await iam.send(
        new CreateInstanceProfileCommand({ InstanceProfileName: name, Path: "/batch/" }),
      );
    }
    const first = await iam.send(
      new ListInstanceProfilesCommand({ PathPrefix: "/batch/", MaxItems: 2 }),
    );
    expect(first.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual([
      "batch-a",
      "batch-b",
    ]);
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(
      new ListInstanceProfilesCommand({ PathPrefix: "/batch/", Marker: first.Marker }),
    );
    expect(rest.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(["batch-c"]);
    expect(rest.IsTruncated).toBe(false);
  });

  it("refuses bad names, missing roles, and a caller who may not pass the role", async () => {
    const badName = await rejection(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "no spaces" })),
    );
    expect(badName.name).toBe("ValidationError");
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "guarded" }));
    const noRole = await rejection(
      iam.send(
        new AddRoleToInstanceProfileCommand({ InstanceProfileName: "guarded", RoleName: "ghost" }),
      ),
    );
    expect(noRole).toBeInstanceOf(NoSuchEntityException);
    expect(noRole.message).toBe("The role with name ghost cannot be found.");

    await role("guarded-role");
    const profileArn = `arn:aws:iam::${account}:instance-profile/guarded`;
    const roleArn = `arn:aws:iam::${account}:role/guarded-role`;
    const noPass = await h.user(
      "profile-editor",
      allow("iam:AddRoleToInstanceProfile", profileArn),
    );
    const refused = await rejection(
      h.iam(noPass).send(
        new AddRoleToInstanceProfileCommand({
          InstanceProfileName: "guarded",
          RoleName: "guarded-role",
        }),
      ),
    );
    expect(refused.name).toBe("AccessDenied");
    expect(refused.message).toContain(`iam:PassRole on resource: ${roleArn}`);
    expect(
      (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "guarded" })))
        .InstanceProfile!.Roles,
    ).toEqual([]);

    const nobody = await h.user("profile-nobody");
    const denied = await rejection(
      h.iam(nobody).send(new CreateInstanceProfileCommand({ InstanceProfileName: "not-mine" })),
    );
    expect(denied.name).toBe("AccessDenied");
    expect(denied.message).toContain(
      `iam:CreateInstanceProfile on resource: arn:aws:iam::${account}:instance-profile/not-mine`,
    );
  });
});

describe("context keys", () => {
  it("lists the keys a custom policy reads: conditions and policy variables", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Action: "dynamodb:*",
        Resource: "arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}",
        Condition: { DateGreaterThan: { "aws:CurrentTime": "2015-08-16T12:00:00Z" } },
      },
    });
    const other = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Action: "*",
          Resource: "*",
          Condition: {
            NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" },
            StringEquals: {
              "AWS:CurrentTime": "x",
              "aws:RequestTag/team": "${aws:PrincipalTag/team}",
            },
          },
        },
      ],
    });
    const out = await iam.send(
      new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [policy, other] }),
    );
    expect(out.ContextKeyNames).toEqual([
      "aws:username",
      "aws:CurrentTime",
      "aws:SourceIp",
      "aws:RequestTag/team",
      "aws:PrincipalTag/team",
    ]);
  });

  it("refuses a policy that is not valid JSON with InvalidInput", async () => {
    const refused = await rejection(
      iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ["{not json"] })),
    );
    expect(refused).toBeInstanceOf(InvalidInputException);
  });

  it("lists the keys of a user's own and group policies", async () => {
    const user = await h.user("keyed-user", {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
          Condition: { Bool: { "aws:SecureTransport": "true" } },
        },
      ],
    });
    await iam.send(new CreateGroupCommand({ GroupName: "keyed-group" }));
    await iam.send(new AddUserToGroupCommand({ GroupName: "keyed-group", UserName: "keyed-user" }));
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: "keyed-group",
        PolicyName: "by-tag",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: "secretsmanager:ListSecrets",
              Resource: "*",
              Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
            },
          ],
        }),
      }),
    );
    const forUser = await iam.send(
      new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: user.arn }),
    );
    expect([...forUser.ContextKeyNames!].sort()).toEqual(
      ["aws:PrincipalTag/team", "aws:ResourceTag/team", "aws:SecureTransport"].sort(),
    );
    const forGroup = await iam.send(
      new GetContextKeysForPrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${account}:group/keyed-group`,
        PolicyInputList: [
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: "s3:GetObject",
                Resource: "*",
                Condition: { StringLike: { "s3:prefix": "home/" } },
              },
            ],
          }),
        ],
      }),
    );
    expect(forGroup.ContextKeyNames).toEqual([
      "aws:ResourceTag/team",
      "aws:PrincipalTag/team",
      "s3:prefix",
    ]);
    const missing = await rejection(
      iam.send(
        new GetContextKeysForPrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${account}:user/ghost`,
        }),
      ),
    );
    expect(missing).toBeInstanceOf(NoSuchEntityException);
  });
});

describe("GetAccountAuthorizationDetails", () => {
  let details: GetAccountAuthorizationDetailsCommandOutput;

  beforeAll(async () => {
    await syncAwsManagedPolicies(h.rt.db, { names: ["ReadOnlyAccess", "IAMReadOnlyAccess"] });
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: "details-managed", PolicyDocument: DOC }),
    );
    await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: Policy!.Arn,
        PolicyDocument: JSON.stringify(allow("secretsmanager:DescribeSecret", "*")),
        SetAsDefault: true,
      }),
    );
    await h.user("details-user", allow("secretsmanager:GetSecretValue", "*"));
    await iam.send(
      new AttachUserPolicyCommand({
        UserName: "details-user",
        PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
    );
    await iam.send(new CreateGroupCommand({ GroupName: "details-group" }));
    await iam.send(
      new AddUserToGroupCommand({ GroupName: "details-group", UserName: "details-user" }),
    );
    await iam.send(
      new AttachGroupPolicyCommand({ GroupName: "details-group", PolicyArn: Policy!.Arn }),
    );
    await role("details-role");
    await iam.send(
      new PutRolePolicyCommand({ RoleName: "details-role", PolicyName: "r", PolicyDocument: DOC }),
    );
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "details-profile" }));
    await iam.send(
      new AddRoleToInstanceProfileCommand({
        InstanceProfileName: "details-profile",
        RoleName: "details-role",
      }),
    );
    details = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 1000 }));
  });

  it("describes users, groups and roles with their policies", () => {
    const user = details.UserDetailList!.find((u) => u.UserName === "details-user")!;
    expect(user.Arn).toBe(`arn:aws:iam::${account}:user/details-user`);
    expect(user.GroupList).toEqual(["details-group"]);
    expect(user.AttachedManagedPolicies).toEqual([
      { PolicyName: "ReadOnlyAccess", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" },
    ]);
    expect(user.UserPolicyList!.map((p) => p.PolicyName)).toEqual(["details-user-policy"]);
    expect(JSON.parse(decodeURIComponent(user.UserPolicyList![0].PolicyDocument!))).toEqual(
      allow("secretsmanager:GetSecretValue", "*"),
    );

    const group = details.GroupDetailList!.find((g) => g.GroupName === "details-group")!;
    expect(group.AttachedManagedPolicies!.map((p) => p.PolicyName)).toEqual(["details-managed"]);

    const role = details.RoleDetailList!.find((r) => r.RoleName === "details-role")!;
    expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!))).toEqual(
      JSON.parse(TRUST),
    );
    expect(role.RolePolicyList!.map((p) => p.PolicyName)).toEqual(["r"]);
    expect(role.InstanceProfileList!.map((p) => p.InstanceProfileName)).toEqual([
      "details-profile",
    ]);
  });

  it("lists managed policies with every version; AWS managed ones only when in use", () => {
    const names = details.Policies!.map((p) => p.PolicyName);
    expect(names).toContain("ReadOnlyAccess");
    expect(names).not.toContain("IAMReadOnlyAccess");
    const managed = details.Policies!.find((p) => p.PolicyName === "details-managed")!;
    expect(managed.DefaultVersionId).toBe("v2");
    expect(managed.AttachmentCount).toBe(1);
    expect(managed.PolicyVersionList!.map((v) => [v.VersionId, v.IsDefaultVersion]).sort()).toEqual(
      [
        ["v1", false],
        ["v2", true],
      ],
    );
    const v2 = managed.PolicyVersionList!.find((v) => v.VersionId === "v2")!;
    expect(JSON.parse(decodeURIComponent(v2.Document!))).toEqual(
      allow("secretsmanager:DescribeSecret", "*"),
    );
  });

  it("answers only the kinds the Filter names", async () => {
    const roles = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["Role"] }));
    expect(roles.RoleDetailList!.length).toBeGreaterThan(0);
    expect(roles.UserDetailList ?? []).toEqual([]);
    expect(roles.GroupDetailList ?? []).toEqual([]);
    expect(roles.Policies ?? []).toEqual([]);
    const local = await iam.send(
      new GetAccountAuthorizationDetailsCommand({ Filter: ["LocalManagedPolicy"] }),
    );
    expect(local.Policies!.map((p) => p.PolicyName)).toContain("details-managed");
    expect(local.Policies!.map((p) => p.PolicyName)).not.toContain("ReadOnlyAccess");
    const refused = await rejection(
      iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["Users" as "User"] })),
    );
    expect(refused.name).toBe("ValidationError");
  });

  it("pages with MaxItems and Marker over every kind together", async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out = await iam.send(
        new GetAccountAuthorizationDetailsCommand({ MaxItems: 2, Marker: marker }),
      );
      const count =
        (out.UserDetailList?.length ?? 0) +
        (out.GroupDetailList?.length ?? 0) +
        (out.RoleDetailList?.length ?? 0) +
        (out.Policies?.length ?? 0);
      expect(count).toBeLessThanOrEqual(2);
      seen.push(
        ...(out.UserDetailList ?? []).map((u) => u.Arn!),
        ...(out.GroupDetailList ?? []).map((g) => g.Arn!),
        ...(out.RoleDetailList ?? []).map((r) => r.Arn!),
        ...(out.Policies ?? []).map((p) => p.Arn!),
      );
      marker = out.IsTruncated ? out.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBeGreaterThan(1);
    const whole = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 1000 }));
    expect(seen).toEqual([
      ...whole.UserDetailList!.map((u) => u.Arn!),
      ...whole.GroupDetailList!.map((g) => g.Arn!),
      ...whole.RoleDetailList!.map((r) => r.Arn!),
      ...whole.Policies!.map((p) => p.Arn!),
    ]);
  });

  it("is refused to a user without iam:GetAccountAuthorizationDetails", async () => {
    const nobody = await h.user("details-nobody");
    const refused = await rejection(
      h.iam(nobody).send(new GetAccountAuthorizationDetailsCommand({})),
    );
    expect(refused.name).toBe("AccessDenied");
    expect(refused.message).toContain("iam:GetAccountAuthorizationDetails");
  });
});

describe("the credential report", () => {
  const csv = (content: Uint8Array) =>
    Buffer.from(content)
      .toString("utf8")
      .split("\n")
      .map((line) => line.split(","));

  it("is absent until generated, then answered as CSV in AWS's columns", async () => {
    const absent = await rejection(iam.send(new GetCredentialReportCommand({})));
    expect(absent).toBeInstanceOf(CredentialReportNotPresentException);

    await h.user("report-user");
    await createLoginProfile(h.rt.root, { UserName: "report-user", Password: "Report-Pass-123!" });

    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("STARTED");
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");

    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe("text/csv");
    expect(report.GeneratedTime).toBeInstanceOf(Date);
    const [header, ...rows] = csv(report.Content!);
    expect(header).toEqual([
      "user",
      "arn",
      "user_creation_time",
      "password_enabled",
      "password_last_used",
      "password_last_changed",
      "password_next_rotation",
      "mfa_active",
      "access_key_1_active",
      "access_key_1_last_rotated",
      "access_key_1_last_used_date",
      "access_key_1_last_used_region",
      "access_key_1_last_used_service",
      "access_key_2_active",
      "access_key_2_last_rotated",
      "access_key_2_last_used_date",
      "access_key_2_last_used_region",
      "access_key_2_last_used_service",
      "cert_1_active",
      "cert_1_last_rotated",
      "cert_2_active",
      "cert_2_last_rotated",
    ]);
    const byUser = new Map(
      rows.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]),
    );
    const root = byUser.get("<root_account>")!;
    expect(root.arn).toBe(`arn:aws:iam::${account}:root`);
    expect(root.password_enabled).toBe("not_supported");
    expect(root.access_key_1_active).toBe("false");

    const user = byUser.get("report-user")!;
    expect(user.arn).toBe(`arn:aws:iam::${account}:user/report-user`);
    expect(user.password_enabled).toBe("true");
    expect(user.password_last_used).toBe("no_information");
    expect(user.password_last_changed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(user.password_next_rotation).toBe("N/A");
    expect(user.mfa_active).toBe("false");
    expect(user.access_key_1_active).toBe("true");
    expect(user.access_key_1_last_rotated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(user.access_key_2_active).toBe("false");
    expect(user.access_key_2_last_rotated).toBe("N/A");
    expect(user.cert_1_active).toBe("false");

    // The admin's key has been used for every call above: the report says where.
    const adminRow = byUser.get("more-admin")!;
    expect(adminRow.password_enabled).toBe("false");
    expect(adminRow.password_last_used).toBe("N/A");
    expect(adminRow.access_key_1_last_used_service).toBe("iam");
  });

  it("expires four hours after it was generated", async () => {
    await iam.send(new GenerateCredentialReportCommand({}));
    const realNow = h.rt.now;
    const later = new Date(Date.now() + 5 * 3_600_000);
    h.rt.now = () => later;
    try {
      const expired = await rejection(iam.send(new GetCredentialReportCommand({})));
      expect(expired).toBeInstanceOf(CredentialReportExpiredException);
      expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("STARTED");
      // A fresh report replaces the expired one.
      expect((await iam.send(new GetCredentialReportCommand({}))).ReportFormat).toBe("text/csv");
    } finally {
      h.rt.now = realNow;
    }
  });

  it("is refused to a user without iam:GenerateCredentialReport", async () => {
    const nobody = await h.user("report-nobody");
    const refused = await rejection(h.iam(nobody).send(new GenerateCredentialReportCommand({})));
    expect(refused.name).toBe("AccessDenied");
    expect(refused.message).toContain("iam:GenerateCredentialReport on resource: *");
  });
});
