// lambda:CreateFunction from a rotation template. Unless the caller names an existing Role, it
// also creates the execution role (trusting lambda.amazonaws.com) and its two inline policies
// SecretsManager<Template>0 and ...1 through the IAM operations, as AWS's rotation templates do.
// So the caller needs lambda:CreateFunction, iam:CreateRole, iam:PutRolePolicy and iam:PassRole:
// SecretsManagerReadWrite alone is not enough; with IAMFullAccess added it is.
import { randomBytes, randomUUID } from "node:crypto";
import { isUniqueViolation } from "../../db/errors";
import { rotationRolePolicies } from "../../iam/managed/rotation-role-policies";
import { TEMPLATES } from "../../rotation/templates/catalog";
import { iamArn, newId } from "../iam/common";
import { createRole, deleteRole } from "../iam/roles";
import { deleteRolePolicy, putRolePolicy } from "../iam/inline-policies";
import { defineOperation, type OpContext } from "../operation";
import {
  InvalidParameterValue,
  ResourceConflict,
  checkDescription,
  checkEndpoint,
  checkEnvironment,
  checkTemplate,
  checkTimeout,
  configurationShape,
  functionArn,
  functionNameOf,
  sealSigningSecret,
  type FunctionConfiguration,
} from "./functions";

export interface CreateFunctionInput {
  FunctionName: string;
  /** The rotation template (Strongbox); `Handler` is accepted for it too. */
  Template?: string;
  Handler?: string;
  Runtime?: string;
  /** An existing execution role; without it one is created with the template's policies. */
  Role?: string;
  Description?: string;
  Timeout?: number;
  Environment?: { Variables?: Record<string, string> };
  /** The http template's endpoint. */
  Endpoint?: string;
}

export type CreateFunctionOutput = FunctionConfiguration & {
  /** The http template's signing secret: shown once, here (as CreateAccessKey shows its secret). */
  SigningSecret?: string;
};

const LAMBDA_TRUST_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "lambda.amazonaws.com" },
      Action: "sts:AssumeRole",
    },
  ],
});

/** `<function>-role-<8 random>` under /service-role/, as the Lambda console names them. */
function executionRoleName(functionName: string): string {
  const suffix = randomBytes(6)
    .toString("base64url")
    .replace(/[-_]/g, "x")
    .slice(0, 8)
    .toLowerCase();
  return `${functionName.slice(0, 50)}-role-${suffix}`;
}

/** Whether a trust policy lets Lambda assume the role. */
function trustsLambda(document: string): boolean {
  try {
    const doc = JSON.parse(document) as { Statement?: unknown };
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    return statements.some(
      (s: { Effect?: unknown; Principal?: { Service?: unknown }; Action?: unknown }) => {
        const services = [s?.Principal?.Service].flat();
        const actions = [s?.Action].flat();
        return (
          s?.Effect === "Allow" &&
          services.includes("lambda.amazonaws.com") &&
          actions.some((a) => a === "sts:AssumeRole" || a === "sts:*" || a === "*")
        );
      },
    );
  } catch {
    return false;
  }
}

async function existingRole(ctx: OpContext, roleArn: string) {
  const role = await ctx.rt.db.iamRole.findUnique({ where: { arn: roleArn } });
  if (!role || !trustsLambda(role.assumeRolePolicyDocument)) {
    throw InvalidParameterValue(
      "The role defined for the function cannot be assumed by Lambda.",
      "Role",
    );
  }
  return role;
}

export const createFunction = defineOperation<CreateFunctionInput, CreateFunctionOutput>(
  "lambda:CreateFunction",
  async (ctx, input) => {
    const { rt, caller } = ctx;
    const name = functionNameOf(input.FunctionName);
    if (input.FunctionName.startsWith("arn:") || input.FunctionName.includes(":")) {
      throw InvalidParameterValue(
        "CreateFunction takes a function name, not an ARN.",
        "FunctionName",
      );
    }
    const template = TEMPLATES[checkTemplate(input.Template ?? input.Handler)];
    if (input.Runtime !== undefined && input.Runtime !== "strongbox-template") {
      throw InvalidParameterValue(
        `Runtime must be strongbox-template (rotation functions run Strongbox's templates); got ${input.Runtime}.`,
        "Runtime",
      );
    }
    const description = checkDescription(input.Description) ?? template.description;
    const timeout = checkTimeout(input.Timeout) ?? 30;
    const environment = checkEnvironment(input.Environment);
    const endpoint = template.id === "http" ? checkEndpoint(input.Endpoint) : undefined;
    if (template.id !== "http" && input.Endpoint !== undefined) {
      throw InvalidParameterValue("Endpoint is for the http template only.", "Endpoint");
    }
    const arn = functionArn(rt, name);
    const creatingRole = input.Role === undefined;
    const roleName = creatingRole ? executionRoleName(name) : undefined;
    const roleArn = input.Role ?? iamArn(rt, "role", "/service-role/", roleName!);

    // Every permission the whole change needs, before any of it is made.
    if (creatingRole) {
      await ctx.authorize({ action: "iam:CreateRole", resource: roleArn });
      await ctx.authorize({ action: "iam:PutRolePolicy", resource: roleArn });
    }
    await ctx.authorize({
      action: "iam:PassRole",
      resource: roleArn,
      context: { "iam:PassedToService": "lambda.amazonaws.com" },
    });
    await ctx.authorize({ resource: arn });

    if (await rt.db.lambdaFunction.findUnique({ where: { name }, select: { id: true } })) {
      throw ResourceConflict(`Function already exist: ${name}`);
    }
    if (!creatingRole) await existingRole(ctx, roleArn);

    const policies = rotationRolePolicies(template.policyName, arn, {
      region: rt.region,
      accountId: rt.accountId,
    });
    if (creatingRole) {
      await createRole(caller, {
        RoleName: roleName!,
        Path: "/service-role/",
        AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY,
        Description: `Execution role of the rotation function ${name}`,
      });
      for (const policy of policies) {
        await putRolePolicy(caller, { RoleName: roleName!, ...policy });
      }
    }

    const signingSecret =
      template.id === "http" ? randomBytes(32).toString("base64url") : undefined;
    const now = rt.now();
    try {
      const row = await rt.db.$transaction(async (tx) => {
        const created = await tx.lambdaFunction.create({
          data: {
            id: newId("FUNC"),
            name,
            arn,
            template: template.id,
            roleArn,
            description,
            timeout,
            environment: environment ? JSON.stringify(environment) : null,
            endpoint,
            ...(signingSecret ? sealSigningSecret(rt.kek, arn, signingSecret) : {}),
            revisionId: randomUUID(),
            createdDate: now,
            lastModified: now,
          },
        });
        await ctx.auditIn(tx);
        return created;
      });
      return { ...configurationShape(row), SigningSecret: signingSecret };
    } catch (error) {
      // Undo the role this call made, so a failed CreateFunction leaves nothing behind.
      if (creatingRole) {
        for (const policy of policies) {
          await deleteRolePolicy(caller, {
            RoleName: roleName!,
            PolicyName: policy.PolicyName,
          }).catch(() => undefined);
        }
        await deleteRole(caller, { RoleName: roleName! }).catch(() => undefined);
      }
      if (isUniqueViolation(error)) throw ResourceConflict(`Function already exist: ${name}`);
      throw error;
    }
  },
);
