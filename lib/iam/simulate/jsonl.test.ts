import { describe, expect, it } from "vitest";
import { runSimulateJsonl } from "./jsonl";
import { runSimulateJsonlParallel } from "./parallel";
import { serializeSimulateResponse } from "./serialize";
import { simulateCustomPolicy } from "./simulate-custom-policy";

const ACCOUNT = "111122223333";
const allowRead = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: "secretsmanager:GetSecretValue",
      Resource: `arn:aws:secretsmanager:*:${ACCOUNT}:secret:app/*`,
    },
    {
      Effect: "Deny",
      Action: "secretsmanager:GetSecretValue",
      Resource: "*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});

function request(
  name: string,
  action = "secretsmanager:GetSecretValue",
  extra: object = {},
): string {
  return JSON.stringify({
    PolicyInputList: [allowRead],
    ActionNames: [action],
    ResourceArns: [`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-a1b2c3`],
    ...extra,
  });
}

async function run(lines: string[]): Promise<string[]> {
  const out: string[] = [];
  await runSimulateJsonl(lines, (line) => out.push(line));
  return out;
}

describe("runSimulateJsonl", () => {
  it("answers each line in order, one line each", async () => {
    const lines = [
      request("app/db"),
      request("other/db"),
      request("app/api", "secretsmanager:PutSecretValue"),
    ];
    const out = await run(lines);
    expect(out).toHaveLength(3);
    expect(out.map((l) => JSON.parse(l).EvaluationResults[0].EvalDecision)).toEqual([
      "allowed",
      "implicitDeny",
      "implicitDeny",
    ]);
    expect(out.every((l) => !l.includes("\n"))).toBe(true);
  });

  it("turns a bad line into an error line and goes on", async () => {
    const lines = [
      request("app/one"),
      "{not json",
      JSON.stringify({ PolicyInputList: ["{"], ActionNames: ["s3:GetObject"] }),
      JSON.stringify({ ActionNames: ["s3:GetObject"] }),
      "[]",
      request("app/two", "secretsmanager:GetSecretValue", {
        ContextEntries: [
          {
            ContextKeyName: "aws:SecureTransport",
            ContextKeyValues: ["false"],
            ContextKeyType: "boolean",
          },
        ],
      }),
    ];
    const out = (await run(lines)).map((l) => JSON.parse(l));
    expect(out[0].EvaluationResults[0].EvalDecision).toBe("allowed");
    expect(out[1].Error.Code).toBe("InvalidInput");
    expect(out[1].Error.Message).toMatch(/not valid JSON/);
    expect(out[2].Error).toEqual({
      Code: "MalformedPolicyDocumentException",
      Message: "PolicyInputList.1: Syntax errors in policy.",
    });
    expect(out[3].Error.Code).toBe("InvalidInput");
    expect(out[4].Error.Code).toBe("InvalidInput");
    expect(out[5].EvaluationResults[0].EvalDecision).toBe("explicitDeny");
  });

  it("skips blank lines and strips CR line ends", async () => {
    const summary = await runSimulateJsonl(["", `${request("app/x")}\r`, "   "], () => undefined);
    expect(summary).toEqual({ requests: 1, errors: 0 });
  });

  it("reads from an async source", async () => {
    async function* source() {
      yield request("app/a");
      yield "oops";
    }
    const out: string[] = [];
    const summary = await runSimulateJsonl(source(), (l) => out.push(l));
    expect(summary).toEqual({ requests: 2, errors: 1 });
    expect(JSON.parse(out[1]).Error.Code).toBe("InvalidInput");
  });

  it("writes exactly what JSON.stringify would", () => {
    const response = simulateCustomPolicy({
      PolicyInputList: [allowRead],
      ActionNames: ["secretsmanager:GetSecretValue", "secretsmanager:DeleteSecret"],
      ResourceArns: [
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app/"quoted"\\name-a1b2c3`,
        "arn:aws:secretsmanager:us-east-1:111122223333:secret:ünïcode-a1b2c3",
      ],
      PermissionsBoundaryPolicyInputList: [allowRead],
      MaxItems: 3,
    });
    expect(serializeSimulateResponse(response)).toBe(JSON.stringify(response));
  });
});

describe("runSimulateJsonlParallel", () => {
  it("gives the same lines in the same order as the single-thread mode", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++)
      lines.push(i % 37 === 5 ? "{bad" : request(i % 3 === 0 ? "app/x" : "other/y"));
    const single = await run(lines);
    const chunks: string[] = [];
    const summary = await runSimulateJsonlParallel(lines, (chunk) => chunks.push(chunk), {
      workers: 2,
      batchSize: 16,
    });
    expect(chunks.join("\n").split("\n")).toEqual(single);
    expect(summary).toEqual({ requests: 300, errors: 8 });
  });
});
