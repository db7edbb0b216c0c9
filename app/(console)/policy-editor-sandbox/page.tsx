// TEMPORARY sandbox for the policy editor's screenshots: deleted before the work is handed in.
import { readFileSync } from "node:fs";
import { policyEditorCatalog } from "@/components/policy-editor/catalog-snapshot";
import { rotationRolePolicies } from "@/lib/iam/managed/rotation-role-policies";
import { Sandbox } from "./sandbox";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const params = await searchParams;
  const [, second] = rotationRolePolicies(
    "PostgreSQLRotationSingleUser",
    "arn:aws:lambda:us-east-1:123456789012:function:rotate-db",
    { region: "us-east-1", accountId: "123456789012" },
  );
  let doc = second.PolicyDocument;
  if (params.doc === "big") doc = readFileSync("/tmp/big-policy.json", "utf8");
  if (params.doc === "trust")
    doc = JSON.stringify(
      {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
          { Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } },
        ],
      },
      null,
      4,
    );
  if (params.doc === "odd")
    doc = JSON.stringify(
      {
        Version: "2012-10-17",
        Comment: "kept as written",
        Statement: [
          { Sid: "Odd", Effect: "allow", Action: ["s3:GetObject", "kms:Decrypt"], Resource: "*", Note: 5 },
          "not a statement",
          { Effect: "Deny", NotAction: "secretsmanager:Get*", Resource: "arn:aws:secretsmanager:*:*:secret:prod/*", Condition: { Bool: { "aws:SecureTransport": false }, "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": ["AWSCURRENT"] } } },
        ],
      },
      null,
      4,
    );
  const kind = (params.kind as "identity" | "resource" | "trust" | undefined) ?? (params.doc === "trust" ? "trust" : "identity");
  const snapshot = policyEditorCatalog([doc]);
  const { iamDataDirectory } = await import("@/lib/iam/catalog/load");
  console.log("SANDBOX snapshot", Object.keys(snapshot.services).length, Object.keys(snapshot.data), iamDataDirectory());
  return (
    <div className="mx-auto max-w-6xl space-y-4 p-6">
      <h1 className="text-2xl font-bold">Policy editor sandbox</h1>
      <Sandbox
        initial={doc}
        kind={kind}
        tab={params.tab === "json" ? "json" : "visual"}
        snapshot={snapshot}
        newPolicy={params.new === "1"}
        max={params.doc === "big" ? 10240 : undefined}
      />
    </div>
  );
}
