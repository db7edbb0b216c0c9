import { beforeAll, describe, expect, it } from "vitest";
import { Catalog } from "./catalog";
import { loadCatalog, nodeCatalogSource } from "./load";
import { buildCatalogSnapshot, catalogFromSnapshot } from "./snapshot";
import { conditionKey, expandActionPattern, getAction, getService, listServices } from "./index";

let catalog: Catalog;

beforeAll(() => {
  catalog = loadCatalog();
});

describe("actions from the AWS data", () => {
  it.each([
    ["secretsmanager:GetSecretValue", "Read"],
    ["secretsmanager:ListSecrets", "List"],
    ["secretsmanager:CreateSecret", "Write"],
    ["secretsmanager:PutResourcePolicy", "Permissions management"],
    ["secretsmanager:TagResource", "Tagging"],
    ["iam:AttachUserPolicy", "Permissions management"],
    ["iam:CreateRole", "Write"],
    ["iam:PassRole", "Write"],
    ["lambda:CreateFunction", "Write"],
    ["kms:Decrypt", "Write"],
    ["sts:GetCallerIdentity", "Read"],
    ["cloudformation:CreateChangeSet", "Write"],
    ["cloudformation:DescribeStacks", "List"],
    ["rds:DescribeDBInstances", "List"],
  ])("%s is %s", (name, level) => {
    expect(getAction(name)?.accessLevel).toBe(level);
  });

  it("looks names up case-insensitively and keeps AWS's spelling", () => {
    const action = getAction("SECRETSMANAGER:getsecretvalue");
    expect(action?.fullName).toBe("secretsmanager:GetSecretValue");
    expect(action?.resourceTypes).toEqual([
      { name: "Secret", required: true, conditionKeys: [], dependentActions: [] },
    ]);
    expect(action?.conditionKeys).toContain("secretsmanager:VersionStage");
    expect(action?.wildcardOnly).toBe(false);
  });

  it("marks actions without resource-level permissions", () => {
    expect(getAction("secretsmanager:ListSecrets")?.wildcardOnly).toBe(true);
    expect(getAction("secretsmanager:GetRandomPassword")?.wildcardOnly).toBe(true);
  });

  it("answers undefined for unknown actions, services and patterns", () => {
    expect(getAction("secretsmanager:GetSecret")).toBeUndefined();
    expect(getAction("nosuchservice:Get")).toBeUndefined();
    expect(getAction("secretsmanager:Get*")).toBeUndefined();
    expect(getAction("GetSecretValue")).toBeUndefined();
  });

  it("expands action patterns", () => {
    expect(expandActionPattern("secretsmanager:Get*").map((a) => a.name)).toEqual([
      "GetRandomPassword",
      "GetResourcePolicy",
      "GetSecretValue",
    ]);
    expect(expandActionPattern("secretsmanager:*").length).toBeGreaterThanOrEqual(20);
    expect(expandActionPattern("secretsmanager:?etSecretValue").map((a) => a.fullName)).toEqual([
      "secretsmanager:GetSecretValue",
    ]);
    expect(expandActionPattern("secretsmanager:Nothing*")).toEqual([]);
    expect(catalog.actionPatternMatches("iam:*User*")).toBe(true);
    expect(catalog.actionPatternMatches("iam:Frobnicate*")).toBe(false);
  });

  it("applies Strongbox's corrections with a note", () => {
    expect(getAction("sts:DecodeAuthorizationMessage")?.accessLevel).toBe("Read");
    expect(getAction("sts:DecodeAuthorizationMessage")?.note).toMatch(/Listed by AWS as Write/);
    expect(getAction("iam:PassRole")?.note).toMatch(/role/);
  });
});

describe("services", () => {
  it("lists every service with Strongbox's support level", () => {
    const services = listServices();
    expect(services.length).toBeGreaterThan(400);
    const byPrefix = new Map(services.map((s) => [s.prefix, s]));
    expect(byPrefix.get("secretsmanager")).toMatchObject({
      name: "AWS Secrets Manager",
      strongbox: { level: "full" },
    });
    expect(byPrefix.get("lambda")?.strongbox.note).toMatch(/Rotation functions only/);
    expect(byPrefix.get("kms")?.strongbox.note).toMatch(/stub key/);
    expect(byPrefix.get("s3")?.strongbox.level).toBe("none");
  });

  it("gives a service's actions, resource types and condition keys", () => {
    const service = getService("secretsmanager");
    expect(service?.actions.map((a) => a.name)).toContain("UpdateSecretVersionStage");
    expect(service?.resourceTypes).toEqual([
      expect.objectContaining({
        name: "Secret",
        arn: "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}",
      }),
    ]);
    expect(service?.conditionKeys.map((k) => k.name)).toContain(
      "secretsmanager:resource/AllowRotationLambdaArn",
    );
    expect(getService("nosuchservice")).toBeUndefined();
  });
});

describe("resource types", () => {
  it("finds the resource types an ARN pattern can name", () => {
    expect(
      catalog.resourceTypesForArn("arn:aws:secretsmanager:*:*:secret:Prod*").map((t) => t.name),
    ).toEqual(["Secret"]);
    expect(
      catalog.resourceTypesForArn("arn:aws:iam::111122223333:role/app/Rotation").map((t) => t.name),
    ).toEqual(["role"]);
    expect(
      catalog
        .resourceTypesForArn("arn:aws:lambda:us-east-1:111122223333:function:SecretsManager*")
        .map((t) => t.name),
    ).toContain("function");
    expect(catalog.resourceTypesForArn("arn:aws:secretsmanager:*:*:vault:x")).toEqual([]);
  });

  it("knows which actions apply to which resources", () => {
    const get = getAction("secretsmanager:GetSecretValue")!;
    const list = getAction("secretsmanager:ListSecrets")!;
    const secret = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-a1b2c3";
    expect(catalog.actionAppliesToResource(get, secret)).toBe(true);
    expect(catalog.actionAppliesToResource(get, "arn:aws:s3:::bucket")).toBe(false);
    expect(catalog.actionAppliesToResource(list, secret)).toBe(false);
    expect(catalog.actionAppliesToResource(list, "*")).toBe(true);
  });
});

describe("condition keys", () => {
  it.each([
    ["aws:SourceIp", "IPAddress", true],
    ["aws:CurrentTime", "Date", true],
    ["aws:MultiFactorAuthPresent", "Bool", true],
    ["aws:MultiFactorAuthAge", "Numeric", true],
    ["aws:PrincipalArn", "ARN", true],
    ["aws:TagKeys", "ArrayOfString", true],
    ["aws:PrincipalTag/team", "String", true],
    ["aws:ResourceTag/Project", "String", true],
    ["secretsmanager:RecoveryWindowInDays", "Numeric", false],
    ["secretsmanager:ResourceTag/ServerName", "String", false],
    ["secretsmanager:resource/AllowRotationLambdaArn", "ARN", false],
    ["SECRETSMANAGER:NAME", "String", false],
  ])("%s is %s", (name, type, global) => {
    expect(conditionKey(name)).toMatchObject({ type, global });
  });

  it("describes global keys", () => {
    expect(conditionKey("aws:SourceIp")?.description).toMatch(/IP address/);
    expect(catalog.globalConditionKeys().length).toBeGreaterThan(50);
  });

  it("treats staging labels as a list (Strongbox correction)", () => {
    expect(conditionKey("secretsmanager:VersionStage")?.type).toBe("ArrayOfString");
  });

  it("answers undefined for unknown keys", () => {
    expect(conditionKey("aws:NoSuchKey")).toBeUndefined();
    expect(conditionKey("secretsmanager:NoSuchKey")).toBeUndefined();
  });

  it("knows which keys an action supports", () => {
    const get = getAction("secretsmanager:GetSecretValue")!;
    expect(catalog.actionSupportsConditionKey(get, "secretsmanager:VersionStage")).toBe(true);
    expect(catalog.actionSupportsConditionKey(get, "secretsmanager:ResourceTag/env")).toBe(true);
    expect(catalog.actionSupportsConditionKey(get, "aws:SourceIp")).toBe(true);
    expect(catalog.actionSupportsConditionKey(get, "secretsmanager:Name")).toBe(false);
    const create = getAction("secretsmanager:CreateSecret")!;
    expect(catalog.actionSupportsConditionKey(create, "secretsmanager:Name")).toBe(true);
  });
});

describe("snapshots for the browser", () => {
  it("round-trips through JSON and answers the same", () => {
    const snapshot = JSON.parse(JSON.stringify(buildCatalogSnapshot(["secretsmanager", "iam"])));
    const browser = catalogFromSnapshot(snapshot);
    expect(browser.getAction("secretsmanager:GetSecretValue")).toEqual(
      getAction("secretsmanager:GetSecretValue"),
    );
    expect(browser.getAction("iam:AttachUserPolicy")?.accessLevel).toBe("Permissions management");
    expect(browser.conditionKey("aws:SourceIp")?.type).toBe("IPAddress");
    expect(browser.listServices().length).toBe(listServices().length);
    // Services outside the snapshot are known by name, without data.
    expect(browser.hasService("s3")).toBe(true);
    expect(browser.hasServiceData("s3")).toBe(false);
    expect(browser.hasServiceData("secretsmanager")).toBe(true);
  });

  it("defaults to the services Strongbox implements and can drop descriptions", () => {
    const snapshot = buildCatalogSnapshot(undefined, { descriptions: false });
    expect(Object.keys(snapshot.data).sort()).toEqual([
      "iam",
      "kms",
      "lambda",
      "secretsmanager",
      "sts",
    ]);
    expect(snapshot.data.secretsmanager.actions.getsecretvalue.description).toBe("");
  });

  it("reads the installed package's data", () => {
    expect(nodeCatalogSource().version).toMatch(/^0\.21\./);
  });
});
