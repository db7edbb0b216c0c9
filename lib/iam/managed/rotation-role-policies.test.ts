import { describe, expect, it } from "vitest";
import { simulateCustomPolicy } from "../simulate";
import { addMasterSecretGrant, rotationRolePolicies } from "./rotation-role-policies";

const FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:SecretsManagerPostgresRotation";
const SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-a1b2c3";
const MASTER = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/master-Zx9Yw8";

describe("rotationRolePolicies", () => {
  const [vpc, sm] = rotationRolePolicies("RDSPostgreSQLRotationSingleUser", FUNCTION, {
    region: "us-east-1",
    accountId: "111122223333",
  });

  it("names the two inline policies as AWS's templates do", () => {
    expect(vpc.PolicyName).toBe("SecretsManagerRDSPostgreSQLRotationSingleUser0");
    expect(sm.PolicyName).toBe("SecretsManagerRDSPostgreSQLRotationSingleUser1");
    const [again] = rotationRolePolicies(
      "SecretsManagerRDSPostgreSQLRotationSingleUser",
      FUNCTION,
      {
        region: "us-east-1",
        accountId: "111122223333",
      },
    );
    expect(again.PolicyName).toBe("SecretsManagerRDSPostgreSQLRotationSingleUser0");
  });

  it("lets the function work in a VPC", () => {
    expect(JSON.parse(vpc.PolicyDocument).Statement[0]).toEqual({
      Effect: "Allow",
      Action: [
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DetachNetworkInterface",
      ],
      Resource: "*",
    });
  });

  it("grants the four rotation actions only where the secret names this function", () => {
    const document = JSON.parse(sm.PolicyDocument);
    expect(document.Statement[0].Action).toEqual([
      "secretsmanager:DescribeSecret",
      "secretsmanager:GetSecretValue",
      "secretsmanager:PutSecretValue",
      "secretsmanager:UpdateSecretVersionStage",
    ]);
    expect(document.Statement[0].Condition).toEqual({
      StringEquals: { "secretsmanager:resource/AllowRotationLambdaArn": FUNCTION },
    });
    const simulate = (rotationArn: string, action = "secretsmanager:PutSecretValue") =>
      simulateCustomPolicy({
        PolicyInputList: [sm.PolicyDocument],
        ActionNames: [action],
        ResourceArns: [SECRET],
        ContextEntries: [
          {
            ContextKeyName: "secretsmanager:resource/AllowRotationLambdaArn",
            ContextKeyValues: [rotationArn],
            ContextKeyType: "string",
          },
        ],
      }).EvaluationResults[0].EvalDecision;
    expect(simulate(FUNCTION)).toBe("allowed");
    expect(simulate(FUNCTION.replace("Postgres", "Other"))).toBe("implicitDeny");
    expect(simulate(FUNCTION, "secretsmanager:DeleteSecret")).toBe("implicitDeny");
  });

  it("grants GetRandomPassword without condition", () => {
    const result = simulateCustomPolicy({
      PolicyInputList: [sm.PolicyDocument],
      ActionNames: ["secretsmanager:GetRandomPassword"],
    });
    expect(result.EvaluationResults[0].EvalDecision).toBe("allowed");
  });

  it("rejects what is not a function ARN", () => {
    expect(() =>
      rotationRolePolicies("X", "arn:aws:iam::111122223333:role/x", {
        region: "us-east-1",
        accountId: "111122223333",
      }),
    ).toThrow(/function ARN/);
    expect(() =>
      rotationRolePolicies("Bad Name", FUNCTION, {
        region: "us-east-1",
        accountId: "111122223333",
      }),
    ).toThrow(/template name/);
  });
});

describe("addMasterSecretGrant", () => {
  const [, sm] = rotationRolePolicies("RDSPostgreSQLRotationMultiUser", FUNCTION, {
    region: "us-east-1",
    accountId: "111122223333",
  });

  it("adds the seed's statement first, once", () => {
    const granted = addMasterSecretGrant(sm.PolicyDocument, MASTER);
    const statements = JSON.parse(granted).Statement;
    expect(statements[0]).toEqual({
      Action: "secretsmanager:GetSecretValue",
      Resource: MASTER,
      Effect: "Allow",
    });
    expect(statements).toHaveLength(3);
    expect(addMasterSecretGrant(granted, MASTER)).toBe(granted);
  });

  it("lets the function read the master secret, which it could not before", () => {
    const read = (policy: string) =>
      simulateCustomPolicy({
        PolicyInputList: [policy],
        ActionNames: ["secretsmanager:GetSecretValue"],
        ResourceArns: [MASTER],
      }).EvaluationResults[0].EvalDecision;
    expect(read(sm.PolicyDocument)).toBe("implicitDeny");
    expect(read(addMasterSecretGrant(sm.PolicyDocument, MASTER))).toBe("allowed");
  });
});
