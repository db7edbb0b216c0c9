// The visual editor's operations on the model, in the seed's flows.
import { beforeAll, describe, expect, it } from "vitest";
import { createPolicySet, evaluate, parsePolicy } from "@/lib/iam";
import type { Catalog } from "@/lib/iam/catalog";
import { loadCatalog } from "@/lib/iam/catalog/load";
import { rotationRolePolicies } from "@/lib/iam/managed/rotation-role-policies";
import {
  actionSelection,
  addActionValue,
  addBlock,
  anyArn,
  blockServices,
  buildArn,
  conditionConflict,
  conditionRows,
  duplicateBlock,
  emptyBlock,
  groupResources,
  hasSecretSuffix,
  keyTemplate,
  keysForBlock,
  modelToJson,
  normalizeActionInput,
  operatorsForType,
  parseArnTemplate,
  parseToModel,
  principalRows,
  putCondition,
  removeCondition,
  resourceMode,
  resourceTypesForBlock,
  rowsToPrincipal,
  secretArnSuggestion,
  setActionElement,
  setAllActions,
  setLevel,
  setResourceMode,
  setResources,
  setService,
  setSid,
  splitArns,
  toggleAction,
  updateBlock,
  type PermissionBlock,
} from "@/components/policy-editor/model";

let catalog: Catalog;
beforeAll(() => {
  catalog = loadCatalog();
});

const ROLE = "arn:aws:iam::123456789012:role/MyLambdaFunctionRole";
const FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:rotate-db";
const MASTER = "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyDatabaseMasterSecret-a1b2c3";

function rotationPolicy(): string {
  const [, second] = rotationRolePolicies("PostgreSQLRotationSingleUser", FUNCTION, {
    region: "us-east-1",
    accountId: "123456789012",
  });
  return second.PolicyDocument;
}

function allows(text: string, action: string, resource: string): boolean {
  return (
    evaluate(
      { principal: { arn: ROLE }, action, resource },
      createPolicySet({ identity: [{ label: "inline", document: text }] }),
    ).decision === "allowed"
  );
}

describe("the seed's visual-editor flow: grant the rotation role the master secret", () => {
  it("Add additional permissions → Secrets Manager → GetSecretValue → Add ARN", () => {
    const before = rotationPolicy();
    expect(allows(before, "secretsmanager:GetSecretValue", MASTER)).toBe(false);

    let model = parseToModel(before);
    const block = emptyBlock("identity");
    model = addBlock(model, block);
    model = updateBlock(model, block.id, (b) => setService(b, "secretsmanager"));
    model = updateBlock(model, block.id, (b) =>
      toggleAction(b, "secretsmanager", "GetSecretValue", true),
    );
    model = updateBlock(model, block.id, (b) => setResources(b, [MASTER]));
    const after = modelToJson(model);

    expect(() => parsePolicy(after)).not.toThrow();
    expect(allows(after, "secretsmanager:GetSecretValue", MASTER)).toBe(true);
    expect(allows(after, "secretsmanager:PutSecretValue", MASTER)).toBe(false);
    const added = (JSON.parse(after) as { Statement: unknown[] }).Statement.at(-1);
    expect(added).toEqual({
      Effect: "Allow",
      Action: "secretsmanager:GetSecretValue",
      Resource: MASTER,
    });
    // The statements that were there are written back as they were.
    expect((JSON.parse(after) as { Statement: unknown[] }).Statement.slice(0, 2)).toEqual(
      (JSON.parse(before) as { Statement: unknown[] }).Statement,
    );
  });

  it("the JSON path: the seed's statement pasted after line 3 reads as a block", () => {
    const lines = rotationPolicy().split("\n");
    const at = lines.findIndex((l) => l.includes('"Statement": ['));
    lines.splice(
      at + 1,
      0,
      `{ "Action": "secretsmanager:GetSecretValue", "Resource": "${MASTER}", "Effect": "Allow" },`,
    );
    const text = lines.join("\n");
    const model = parseToModel(text);
    expect(model.blocks).toHaveLength(3);
    const first = model.blocks[0];
    expect(first.order).toEqual(["Action", "Resource", "Effect"]);
    expect(blockServices(first)).toEqual({ kind: "one", prefix: "secretsmanager" });
    expect(actionSelection(first, "secretsmanager", catalog).explicit).toEqual(
      new Set(["getsecretvalue"]),
    );
    // Written back in the order it was typed.
    expect(modelToJson(model)).toContain(
      `{\n            "Action": "secretsmanager:GetSecretValue",\n            "Resource": "${MASTER}",\n            "Effect": "Allow"\n        }`,
    );
    expect(allows(modelToJson(model), "secretsmanager:GetSecretValue", MASTER)).toBe(true);
  });
});

describe("actions", () => {
  const block = (actions: string[]): PermissionBlock => ({
    ...emptyBlock("identity"),
    action: { element: "Action", values: actions, array: true },
  });

  it("finds the block's service, or says it spans several", () => {
    expect(blockServices(block([]))).toEqual({ kind: "none" });
    expect(blockServices(setService(emptyBlock("identity"), "kms"))).toEqual({
      kind: "one",
      prefix: "kms",
    });
    expect(blockServices(block(["SecretsManager:Get*", "secretsmanager:ListSecrets"]))).toEqual({
      kind: "one",
      prefix: "secretsmanager",
    });
    expect(blockServices(block(["*"]))).toEqual({ kind: "all" });
    expect(blockServices(block(["s3:GetObject", "kms:Decrypt"]))).toEqual({
      kind: "mixed",
      prefixes: ["s3", "kms"],
    });
    expect(blockServices(block(["s*:Get*"])).kind).toBe("mixed");
  });

  it("shows what a typed wildcard matches and which names are unknown", () => {
    const sel = actionSelection(
      block(["secretsmanager:Get*", "secretsmanager:GetSecretValue", "secretsmanager:Nope"]),
      "secretsmanager",
      catalog,
    );
    expect(sel.patterns[0].matches.map((a) => a.name)).toEqual([
      "GetRandomPassword",
      "GetResourcePolicy",
      "GetSecretValue",
    ]);
    expect(sel.covered.get("getrandompassword")).toBe("secretsmanager:Get*");
    expect(sel.explicit).toEqual(new Set(["getsecretvalue"]));
    expect(sel.unknown).toEqual(["secretsmanager:Nope"]);
  });

  it("checks and clears actions, access levels and all actions", () => {
    let b = toggleAction(block([]), "secretsmanager", "GetSecretValue", true);
    expect(b.action).toEqual({
      element: "Action",
      values: ["secretsmanager:GetSecretValue"],
      array: false,
    });
    b = toggleAction(b, "secretsmanager", "DescribeSecret", true);
    expect(b.action?.array).toBe(true);
    b = toggleAction(b, "secretsmanager", "getsecretvalue", false);
    expect(b.action?.values).toEqual(["secretsmanager:DescribeSecret"]);
    const list = catalog
      .getService("secretsmanager")!
      .actions.filter((a) => a.accessLevel === "List");
    b = setLevel(b, "secretsmanager", list, true);
    expect(b.action?.values).toEqual([
      "secretsmanager:DescribeSecret",
      "secretsmanager:ListSecrets",
    ]);
    b = setAllActions(b, "secretsmanager", true);
    expect(b.action?.values).toEqual(["secretsmanager:*"]);
    b = setActionElement(b, "NotAction");
    expect(modelToJson({ ...parseToModel(""), blocks: [b] })).toContain(
      '"NotAction": "secretsmanager:*"',
    );
  });

  it("accepts typed wildcards with or without the service prefix", () => {
    expect(normalizeActionInput("secretsmanager", "Get*")).toEqual({
      value: "secretsmanager:Get*",
    });
    expect(normalizeActionInput("secretsmanager", "secretsmanager:List*")).toEqual({
      value: "secretsmanager:List*",
    });
    expect(normalizeActionInput("secretsmanager", "kms:Decrypt")).toHaveProperty("error");
    expect(normalizeActionInput("secretsmanager", "Get Secret")).toHaveProperty("error");
    const b = addActionValue(block(["secretsmanager:Get*"]), "secretsmanager:get*");
    expect(b.action?.values).toEqual(["secretsmanager:Get*"]);
  });

  it("lists the resource types of the chosen actions and the actions that need *", () => {
    const { types, wildcardOnly } = resourceTypesForBlock(
      block(["secretsmanager:GetSecretValue", "secretsmanager:ListSecrets"]),
      "secretsmanager",
      catalog,
    );
    expect(types.map((t) => t.name)).toEqual(["Secret"]);
    expect(wildcardOnly.map((a) => a.name)).toEqual(["ListSecrets"]);
  });
});

describe("resources and ARNs", () => {
  const secret = () => catalog.getResourceType("secretsmanager", "Secret")!;

  it("takes a resource type's ARN apart into the fields the dialog shows", () => {
    const t = parseArnTemplate(secret().arn)!;
    expect(t.fields.map((f) => f.label)).toEqual(["Region", "Account", "Secret name"]);
    expect(
      buildArn(t, {
        Region: { text: "us-east-1", any: false },
        Account: { text: "", any: true },
        SecretId: { text: "prod/db-??????", any: false },
      }),
    ).toBe("arn:aws:secretsmanager:us-east-1:*:secret:prod/db-??????");
    const role = parseArnTemplate(catalog.getResourceType("iam", "role")!.arn)!;
    expect(role.hasRegion).toBe(false);
    expect(role.fields.map((f) => f.label)).toEqual(["Account", "Role name with path"]);
    expect(anyArn(secret())).toBe("arn:aws:secretsmanager:*:*:secret:*");
  });

  it("knows the six random characters of a secret's ARN (the seed's -?????? rule)", () => {
    expect(hasSecretSuffix("MyDatabaseMasterSecret")).toBe(false);
    expect(hasSecretSuffix("MyDatabaseMasterSecret-a1b2c3")).toBe(true);
    expect(hasSecretSuffix("another_secret_name-??????")).toBe(true);
    expect(
      secretArnSuggestion(
        "arn:aws:secretsmanager:region:123456789012:secret:MyDatabaseMasterSecret",
      ),
    ).toBe("arn:aws:secretsmanager:region:123456789012:secret:MyDatabaseMasterSecret-??????");
    expect(secretArnSuggestion(MASTER)).toBeUndefined();
  });

  it("splits pasted ARNs and groups a block's resources by type", () => {
    expect(splitArns(`${MASTER}\n "arn:aws:s3:::b" ,${MASTER}`)).toEqual([
      MASTER,
      "arn:aws:s3:::b",
    ]);
    const { byType, other } = groupResources([MASTER, "arn:aws:s3:::b", "*"], [secret()], catalog);
    expect(byType.get("Secret")).toEqual([MASTER]);
    expect(other).toEqual(["arn:aws:s3:::b"]);
  });

  it("switches between specific, all and all-except resources", () => {
    let b = setResources(emptyBlock("identity"), [MASTER]);
    expect(resourceMode(b)).toBe("specific");
    b = setResourceMode(b, "all");
    expect(b.resource).toEqual({ element: "Resource", values: ["*"], array: false });
    b = setResourceMode(setResources(b, [MASTER]), "except");
    expect(b.resource?.element).toBe("NotResource");
    expect(resourceMode(b)).toBe("except");
  });
});

describe("request conditions", () => {
  it("adds, edits, moves and removes rows; keeps value types", () => {
    const part = parseToModel(
      JSON.stringify({
        Statement: {
          Effect: "Allow",
          Action: "s3:*",
          Resource: "*",
          Condition: {
            Bool: { "aws:SecureTransport": true },
            NumericLessThan: { "aws:MultiFactorAuthAge": 3600 },
          },
        },
      }),
    ).blocks[0].condition!;
    let next = putCondition(
      part,
      { opIndex: 1, entryIndex: 0 },
      {
        operator: "NumericLessThan",
        key: "aws:MultiFactorAuthAge",
        values: ["3600", "60"],
      },
    );
    expect(next.operators[1].entries[0].values).toEqual([
      { text: "3600", type: "number" },
      { text: "60", type: "string" },
    ]);
    next = putCondition(
      next,
      { opIndex: 0, entryIndex: 0 },
      {
        operator: "BoolIfExists",
        key: "aws:SecureTransport",
        values: ["true"],
      },
    );
    expect(next.operators.map((o) => o.operator)).toEqual(["NumericLessThan", "BoolIfExists"]);
    expect(conditionRows(next).map((r) => r.parsed)).toEqual([
      { set: undefined, base: "NumericLessThan", ifExists: false },
      { set: undefined, base: "Bool", ifExists: true },
    ]);
    expect(
      conditionConflict(next, undefined, {
        operator: "BoolIfExists",
        key: "AWS:securetransport",
        values: [],
      }),
    ).toBe(true);
    expect(removeCondition(next, { opIndex: 0, entryIndex: 0 }).operators).toHaveLength(1);
  });

  it("offers operators that suit the key's type and the keys of the chosen actions", () => {
    expect(operatorsForType("IPAddress")).toEqual(["IpAddress", "NotIpAddress", "Null"]);
    expect(operatorsForType("ArrayOfString")).toContain("StringLike");
    expect(operatorsForType("ARN")).toContain("ArnLike");
    expect(keyTemplate("aws:ResourceTag/${TagKey}")).toEqual({
      prefix: "aws:ResourceTag/",
      label: "Tag key",
    });
    expect(keyTemplate("secretsmanager:ResourceTag/tag-key")).toEqual({
      prefix: "secretsmanager:ResourceTag/",
      label: "Tag key",
    });
    const b = toggleAction(
      setService(emptyBlock("identity"), "secretsmanager"),
      "secretsmanager",
      "GetSecretValue",
      true,
    );
    const names = keysForBlock(b, catalog).map((k) => k.name);
    expect(names).toContain("secretsmanager:VersionStage");
    expect(names).not.toContain("secretsmanager:Name"); // CreateSecret's, not GetSecretValue's
    expect(names).toContain("aws:SourceIp");
  });
});

describe("principals", () => {
  it("lists principals by kind and groups them back by type", () => {
    const part = parseToModel(
      JSON.stringify({
        Statement: {
          Effect: "Allow",
          Principal: {
            Service: "lambda.amazonaws.com",
            AWS: ["111122223333", "arn:aws:iam::111122223333:role/r", "*"],
          },
          Action: "sts:AssumeRole",
        },
      }),
      "trust",
    ).blocks[0].principal!;
    const rows = principalRows(part);
    expect(rows.map((r) => r.kind)).toEqual(["service", "account", "arn", "everyone"]);
    expect(rowsToPrincipal(rows, part)).toEqual(part);
    expect(rowsToPrincipal([{ kind: "everyone", value: "*" }])).toEqual({
      element: "Principal",
      wildcard: true,
      groups: [],
    });
  });
});

describe("blocks", () => {
  it("duplicates a block with a unique Sid, right after it", () => {
    let model = parseToModel(
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:Get*", Resource: "*" }],
      }),
    );
    model = duplicateBlock(model, model.blocks[0].id);
    model = duplicateBlock(model, model.blocks[0].id);
    expect(model.blocks.map((b) => b.sid)).toEqual(["Read", "Read3", "Read2"]);
    expect(() => parsePolicy(modelToJson(model))).not.toThrow();
    model = updateBlock(model, model.blocks[1].id, (b) => setSid(b, ""));
    expect(JSON.parse(modelToJson(model)).Statement[1]).toEqual({
      Effect: "Allow",
      Action: "s3:Get*",
      Resource: "*",
    });
  });

  it("an empty document starts a policy with Version", () => {
    const model = addBlock(parseToModel(""));
    expect(JSON.parse(modelToJson(model))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: [], Resource: [] }],
    });
  });
});
