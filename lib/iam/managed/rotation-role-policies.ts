/**
 * The inline policies of a rotation function's execution role, as AWS's Serverless Application
 * Repository rotation templates create them (SAM's VPCAccessPolicy and
 * AWSSecretsManagerRotationPolicy): `SecretsManager<Template>0` lets the function run in a VPC,
 * `SecretsManager<Template>1` lets it call Secrets Manager on the secrets that name it as their
 * rotation function, and generate passwords.
 */
import { InvalidParameter } from "@/lib/errors";
import { parseArn } from "../catalog/arn";
import type { InlinePolicy } from "./types";

export interface RotationRoleOptions {
  region: string;
  accountId: string;
}

/** Normalises "PostgreSQLRotationSingleUser" and "SecretsManagerPostgreSQLRotationSingleUser" alike. */
export function rotationPolicyBaseName(templateName: string): string {
  const bare = templateName.replace(/^SecretsManager/, "");
  return `SecretsManager${bare}`;
}

export function rotationRolePolicies(
  templateName: string,
  functionArn: string,
  { region, accountId }: RotationRoleOptions,
): [InlinePolicy, InlinePolicy] {
  if (!/^[A-Za-z0-9]+$/.test(templateName)) {
    throw InvalidParameter(`Invalid rotation template name: ${templateName}`, "templateName");
  }
  const arn = parseArn(functionArn);
  if (!arn || arn.service !== "lambda" || !arn.resource.startsWith("function:")) {
    throw InvalidParameter(`Invalid rotation function ARN: ${functionArn}`, "functionArn");
  }
  if (!/^\d{12}$/.test(accountId))
    throw InvalidParameter(`Invalid account ID: ${accountId}`, "accountId");
  if (!/^[a-z0-9-]+$/.test(region)) throw InvalidParameter(`Invalid region: ${region}`, "region");
  const base = rotationPolicyBaseName(templateName);

  const vpc = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "ec2:CreateNetworkInterface",
          "ec2:DeleteNetworkInterface",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DetachNetworkInterface",
        ],
        Resource: "*",
      },
    ],
  };
  const secretsManager = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "secretsmanager:DescribeSecret",
          "secretsmanager:GetSecretValue",
          "secretsmanager:PutSecretValue",
          "secretsmanager:UpdateSecretVersionStage",
        ],
        Resource: `arn:${arn.partition}:secretsmanager:${region}:${accountId}:secret:*`,
        Condition: {
          StringEquals: { "secretsmanager:resource/AllowRotationLambdaArn": functionArn },
        },
      },
      {
        Effect: "Allow",
        Action: ["secretsmanager:GetRandomPassword"],
        Resource: "*",
      },
    ],
  };
  return [
    { PolicyName: `${base}0`, PolicyDocument: JSON.stringify(vpc, null, 4) },
    { PolicyName: `${base}1`, PolicyDocument: JSON.stringify(secretsManager, null, 4) },
  ];
}

/** The statement the seed has administrators add for a master secret (first in the policy). */
export function masterSecretStatement(masterSecretArn: string): {
  Action: string;
  Resource: string;
  Effect: "Allow";
} {
  return { Action: "secretsmanager:GetSecretValue", Resource: masterSecretArn, Effect: "Allow" };
}

/**
 * `SecretsManager<Template>1` with the master-secret grant added as its first statement (the
 * console's one-step grant). Returns the document unchanged when it already grants it.
 */
export function addMasterSecretGrant(policyDocument: string, masterSecretArn: string): string {
  const doc = JSON.parse(policyDocument) as { Statement?: unknown };
  const statements = Array.isArray(doc.Statement)
    ? doc.Statement
    : doc.Statement
      ? [doc.Statement]
      : [];
  const already = statements.some(
    (s: { Action?: unknown; Resource?: unknown; Effect?: unknown; Condition?: unknown }) =>
      s.Effect === "Allow" &&
      s.Condition === undefined &&
      includes(s.Action, "secretsmanager:GetSecretValue") &&
      includes(s.Resource, masterSecretArn),
  );
  if (already) return policyDocument;
  return JSON.stringify(
    { ...doc, Statement: [masterSecretStatement(masterSecretArn), ...statements] },
    null,
    4,
  );
}

function includes(value: unknown, wanted: string): boolean {
  return Array.isArray(value) ? value.includes(wanted) : value === wanted;
}
