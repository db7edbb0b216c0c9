import { describe, expect, it } from "vitest";
import { getAwsManagedPolicy, loadAwsManagedPolicies, policyPath } from "./load";

describe("AWS managed policies", () => {
  it("finds SecretsManagerReadWrite at v6 with its version history", async () => {
    const policy = await getAwsManagedPolicy("SecretsManagerReadWrite");
    expect(policy).toMatchObject({
      PolicyName: "SecretsManagerReadWrite",
      Arn: "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
      Path: "/",
      DefaultVersionId: "v6",
    });
    expect(policy!.Description).toMatch(/combine with IAMFullAccess/);
    expect(policy!.Versions.map((v) => v.VersionId)).toEqual(["v1", "v2", "v3", "v4", "v5", "v6"]);
    expect(policy!.Versions.filter((v) => v.IsDefaultVersion).map((v) => v.VersionId)).toEqual([
      "v6",
    ]);
    const document = JSON.parse(policy!.Versions[5].Document);
    expect(document.Version).toBe("2012-10-17");
    expect(document.Statement[0].Action).toContain("secretsmanager:*");
    // It does not grant what rotation setup needs from IAM (the seed's point).
    expect(JSON.stringify(document)).not.toMatch(/iam:(CreateRole|PassRole|PutRolePolicy)/);
    // Versions are dated in order, the default one at the policy's last update.
    const dates = policy!.Versions.map((v) => v.CreateDate);
    expect([...dates].sort()).toEqual(dates);
    expect(policy!.Versions[5].CreateDate).toBe(policy!.UpdateDate);
  });

  it("finds IAMFullAccess at v2", async () => {
    const policy = await getAwsManagedPolicy("IAMFullAccess");
    expect(policy?.DefaultVersionId).toBe("v2");
    expect(policy?.Versions).toHaveLength(2);
    const document = JSON.parse(policy!.Versions[1].Document);
    expect(document.Statement[0]).toMatchObject({ Effect: "Allow", Resource: "*" });
    expect(document.Statement[0].Action).toContain("iam:*");
  });

  it("reads several policies in one pass and keeps service-role paths", async () => {
    const names = ["AdministratorAccess", "AWSLambdaBasicExecutionRole", "IAMReadOnlyAccess"];
    const found = new Map<string, string>();
    for await (const p of loadAwsManagedPolicies({ names })) found.set(p.PolicyName, p.Path);
    expect(Object.fromEntries(found)).toEqual({
      AdministratorAccess: "/",
      AWSLambdaBasicExecutionRole: "/service-role/",
      IAMReadOnlyAccess: "/",
    });
  });

  it("derives the path from the ARN", () => {
    expect(
      policyPath("arn:aws:iam::aws:policy/aws-service-role/AccessAnalyzerServiceRolePolicy"),
    ).toBe("/aws-service-role/");
    expect(policyPath("arn:aws:iam::aws:policy/ReadOnlyAccess")).toBe("/");
  });

  it("answers undefined for an unknown name", async () => {
    expect(await getAwsManagedPolicy("NoSuchPolicy")).toBeUndefined();
  });
});
