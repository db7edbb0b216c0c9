// Audit rows as CloudTrail event records: userIdentity from the principal's ARN, eventSource and
// eventName from the action, responseElements for console sign-ins.
import { describe, expect, it } from "vitest";
import {
  cloudTrailEvent,
  eventSourceAndName,
  userIdentityOf,
} from "@/lib/ops/audit/cloudtrail-event";

describe("userIdentityOf", () => {
  it.each([
    [
      "arn:aws:iam::111122223333:root",
      {
        type: "Root",
        arn: "arn:aws:iam::111122223333:root",
        accountId: "111122223333",
        principalId: "111122223333",
      },
    ],
    [
      "arn:aws:iam::111122223333:user/dev/alice",
      {
        type: "IAMUser",
        arn: "arn:aws:iam::111122223333:user/dev/alice",
        accountId: "111122223333",
        userName: "alice",
      },
    ],
    [
      "arn:aws:iam::111122223333:user/HIDDEN_DUE_TO_SECURITY_REASONS",
      { type: "IAMUser", accountId: "111122223333", userName: "HIDDEN_DUE_TO_SECURITY_REASONS" },
    ],
    [
      "arn:aws:sts::111122223333:assumed-role/Reader/s1",
      {
        type: "AssumedRole",
        arn: "arn:aws:sts::111122223333:assumed-role/Reader/s1",
        accountId: "111122223333",
      },
    ],
    ["not-an-arn", { type: "Unknown", arn: "not-an-arn" }],
  ])("%s", (arn, identity) => {
    expect(userIdentityOf(arn)).toEqual(identity);
  });
});

describe("cloudTrailEvent", () => {
  const base = {
    id: "evt1",
    time: new Date("2026-11-30T06:00:00.123Z"),
    principalArn: "arn:aws:iam::111122223333:user/alice",
    sourceIp: "192.0.2.1",
    userAgent: "Mozilla/5.0",
  };

  it("writes a failed console sign-in as CloudTrail does", () => {
    expect(
      cloudTrailEvent(
        {
          ...base,
          action: "signin:ConsoleLogin",
          decision: "denied",
          errorMessage: "Failed authentication",
        },
        "eu-west-1",
      ),
    ).toMatchObject({
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      eventType: "AwsConsoleSignIn",
      eventTime: "2026-11-30T06:00:00Z",
      awsRegion: "us-east-1",
      sourceIPAddress: "192.0.2.1",
      userAgent: "Mozilla/5.0",
      requestParameters: null,
      responseElements: { ConsoleLogin: "Failure" },
      errorMessage: "Failed authentication",
      userIdentity: { type: "IAMUser", userName: "alice" },
      recipientAccountId: "111122223333",
    });
  });

  it("writes an API call with its parameters, error and resource", () => {
    const event = cloudTrailEvent(
      {
        ...base,
        action: "secretsmanager:GetSecretValue",
        resource: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf",
        decision: "denied",
        requestParameters: JSON.stringify({ SecretId: "db" }),
        errorCode: "AccessDeniedException",
        errorMessage: "not authorized",
      },
      "eu-west-1",
    );
    expect(event).toMatchObject({
      eventSource: "secretsmanager.amazonaws.com",
      eventName: "GetSecretValue",
      eventType: "AwsApiCall",
      awsRegion: "eu-west-1",
      requestParameters: { SecretId: "db" },
      responseElements: null,
      errorCode: "AccessDeniedException",
      resources: [{ ARN: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf" }],
    });
  });

  it("splits actions into source and name", () => {
    expect(eventSourceAndName("iam:ChangePassword")).toEqual({
      eventSource: "iam.amazonaws.com",
      eventName: "ChangePassword",
    });
  });
});
