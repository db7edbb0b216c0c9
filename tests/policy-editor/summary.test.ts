// The policy summary (by service, access level, resource, condition) and the one line a
// collapsed permission block shows.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "@/lib/iam/catalog";
import { loadCatalog } from "@/lib/iam/catalog/load";
import { blockSummary, blockTitle, parseToModel } from "@/components/policy-editor/model";
import { summarizePolicy } from "@/components/policy-editor/summary/summarize";

let catalog: Catalog;
beforeAll(() => {
  catalog = loadCatalog();
});

const SEED_READ_ONLY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["secretsmanager:Describe*", "secretsmanager:Get*", "secretsmanager:List*"],
      Resource: "*",
    },
    {
      Effect: "Deny",
      Action: "secretsmanager:GetSecretValue",
      Resource: "arn:aws:secretsmanager:*:*:secret:prod/*",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } },
    },
    { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
  ],
});

describe("summarizePolicy", () => {
  it("groups by effect and service, with access levels, resources and conditions", () => {
    const { rows, error } = summarizePolicy(SEED_READ_ONLY, "identity", catalog);
    expect(error).toBeUndefined();
    expect(rows.map((r) => [r.effect, r.service])).toEqual([
      ["Deny", "Secrets Manager"],
      ["Allow", "All services"],
      ["Allow", "Secrets Manager"],
    ]);
    const deny = rows[0];
    expect(deny.accessLevel).toBe("Limited: Read");
    expect(deny.resources).toEqual(["arn:aws:secretsmanager:*:*:secret:prod/*"]);
    expect(deny.conditions).toEqual(["aws:MultiFactorAuthPresent Bool false"]);
    const read = rows[2];
    expect(read.accessLevel).toBe("Full: List  Limited: Read");
    // Describe*, Get* and List* leave BatchGetSecretValue out: Read is limited.
    expect(read.levels.find((l) => l.level === "Read")?.actions).toEqual([
      "DescribeSecret",
      "GetRandomPassword",
      "GetResourcePolicy",
      "GetSecretValue",
      "ListSecretVersionIds",
    ]);
    expect(read.resources).toEqual(["All resources"]);
    expect(rows[1].accessLevel).toBe("All actions except iam:*");
  });

  it("says Multiple when a service's statements name different resources, and lists them per action", () => {
    const text = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: "arn:aws:secretsmanager:*:*:secret:a-??????",
        },
        { Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" },
      ],
    });
    const [row] = summarizePolicy(text, "identity", catalog).rows;
    expect(row.resources).toEqual(["Multiple"]);
    expect(row.grants.map((g) => [g.action, g.resources, g.statement])).toEqual([
      ["GetSecretValue", ["arn:aws:secretsmanager:*:*:secret:a-??????"], 0],
      ["ListSecrets", ["All resources"], 1],
    ]);
  });

  it("reports what it cannot read and names unrecognized actions", () => {
    expect(summarizePolicy("{", "identity", catalog).error).toMatch(/Syntax errors/);
    const { rows } = summarizePolicy(
      JSON.stringify({
        Statement: { Effect: "Allow", Action: "secretsmanager:Nope", Resource: "*" },
      }),
      "identity",
      catalog,
    );
    expect(rows[0].unrecognized).toEqual(["secretsmanager:Nope"]);
    expect(rows[0].accessLevel).toBe("None");
  });
});

describe("a collapsed block's title and summary line", () => {
  it("says what the block does in one line", () => {
    const [read, deny, all] = parseToModel(SEED_READ_ONLY).blocks;
    expect(blockTitle(read, catalog)).toBe("Secrets Manager");
    expect(blockSummary(read, catalog)).toBe("Allow · 6 actions · all resources");
    expect(blockSummary(deny, catalog)).toBe(
      "Deny · GetSecretValue · 1 resource · 1 request condition",
    );
    expect(blockTitle(all, catalog)).toBe(
      "All services except chosen Identity and Access Management (IAM) actions",
    );
    expect(blockSummary(all, catalog)).toBe("Allow · all actions except 1 action · all resources");
    const trust = parseToModel(
      JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" } }),
      "trust",
    ).blocks[0];
    expect(blockSummary(trust, catalog)).toBe("Allow · everyone (*) · AssumeRole");
  });
});
