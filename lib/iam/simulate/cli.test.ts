import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  EXIT_SERVICE_ERROR,
  EXIT_USAGE,
  readLines,
  simulateCli,
  validatePolicyCommand,
} from "./cli";

const dir = mkdtempSync(path.join(tmpdir(), "strongbox-iam-cli-"));
const policyFile = path.join(dir, "policy.json");
const policy = {
  Version: "2012-10-17",
  Statement: {
    Effect: "Allow",
    Action: "secretsmanager:GetSecretValue",
    Resource: "arn:aws:secretsmanager:us-east-1:111122223333:secret:app-*",
  },
};
writeFileSync(policyFile, JSON.stringify(policy, null, 2));
const secret = "arn:aws:secretsmanager:us-east-1:111122223333:secret:app-a1b2c3";

function io(stdinLines: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  async function* stdin() {
    // Split across chunk boundaries, as a pipe would.
    const text = stdinLines.join("\n");
    for (let i = 0; i < text.length; i += 7) yield new TextEncoder().encode(text.slice(i, i + 7));
  }
  return {
    io: {
      stdin: stdin(),
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

describe("simulateCli", () => {
  it("takes one flag per field, with file:// values, and prints AWS CLI JSON", async () => {
    const t = io();
    const code = await simulateCli(
      [
        "--policy-input-list",
        `file://${policyFile}`,
        "--action-names",
        "secretsmanager:GetSecretValue",
        "secretsmanager:DeleteSecret",
        "--resource-arns",
        secret,
      ],
      t.io,
    );
    expect(code).toBe(0);
    const response = JSON.parse(t.out());
    expect(response.EvaluationResults.map((r: { EvalDecision: string }) => r.EvalDecision)).toEqual(
      ["allowed", "implicitDeny"],
    );
    expect(t.out()).toContain('\n    "EvaluationResults": [');
  });

  it("takes --cli-input-json file://", async () => {
    const requestFile = path.join(dir, "request.json");
    writeFileSync(
      requestFile,
      JSON.stringify({
        PolicyInputList: [JSON.stringify(policy)],
        ActionNames: ["secretsmanager:GetSecretValue"],
        ResourceArns: [secret],
      }),
    );
    const t = io();
    expect(await simulateCli(["--cli-input-json", `file://${requestFile}`], t.io)).toBe(0);
    expect(JSON.parse(t.out()).EvaluationResults[0].EvalDecision).toBe("allowed");
  });

  it("streams --jsonl from stdin, one response per line", async () => {
    const line = (action: string) =>
      JSON.stringify({
        PolicyInputList: [JSON.stringify(policy)],
        ActionNames: [action],
        ResourceArns: [secret],
      });
    const t = io([
      line("secretsmanager:GetSecretValue"),
      "nope",
      line("secretsmanager:PutSecretValue"),
    ]);
    expect(await simulateCli(["--jsonl"], t.io)).toBe(0);
    const out = t
      .out()
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.Error?.Code ?? o.EvaluationResults[0].EvalDecision)).toEqual([
      "allowed",
      "InvalidInput",
      "implicitDeny",
    ]);
  });

  it("reads --jsonl from a file, optionally on worker threads", async () => {
    const file = path.join(dir, "requests.jsonl");
    const line = JSON.stringify({
      PolicyInputList: [JSON.stringify(policy)],
      ActionNames: ["secretsmanager:GetSecretValue"],
      ResourceArns: [secret],
    });
    writeFileSync(file, `${Array.from({ length: 50 }, () => line).join("\n")}\n`);
    const single = io();
    expect(await simulateCli(["--jsonl", "--cli-input-json", `file://${file}`], single.io)).toBe(0);
    const parallel = io();
    expect(
      await simulateCli(
        ["--jsonl", "--cli-input-json", `file://${file}`, "--workers", "2"],
        parallel.io,
      ),
    ).toBe(0);
    expect(single.out().split("\n")).toHaveLength(51);
    expect(parallel.out()).toBe(single.out());
  });

  it("reports service errors and usage errors with the AWS CLI's exit codes", async () => {
    const t = io();
    expect(await simulateCli(["--action-names", "s3:GetObject"], t.io)).toBe(EXIT_SERVICE_ERROR);
    expect(t.err()).toContain(
      "An error occurred (InvalidInput) when calling the SimulateCustomPolicy operation: PolicyInputList is required",
    );
    const u = io();
    expect(
      await simulateCli(
        ["--policy-input-list", "file:///no/such/file.json", "--action-names", "x:y"],
        u.io,
      ),
    ).toBe(EXIT_USAGE);
    expect(u.err()).toMatch(/Unable to load paramfile/);
  });
});

describe("validatePolicyCommand", () => {
  it("prints Access Analyzer's JSON", async () => {
    const t = io();
    expect(
      await validatePolicyCommand(
        ["--policy-document", `file://${policyFile}`, "--policy-type", "IDENTITY_POLICY"],
        t.io,
      ),
    ).toBe(0);
    const response = JSON.parse(t.out());
    expect(response.findings.map((f: { issueCode: string }) => f.issueCode)).toEqual([
      "SECRET_ARN_WILDCARD_SUFFIX",
    ]);
    expect(response.findings[0].fix).toBeUndefined();
  });

  it("requires the document and the type", async () => {
    const t = io();
    expect(await validatePolicyCommand(["--policy-type", "IDENTITY_POLICY"], t.io)).toBe(
      EXIT_USAGE,
    );
    expect(t.err()).toMatch(/--policy-document/);
  });
});

describe("readLines", () => {
  it("splits text and UTF-8 bytes into lines across chunks", async () => {
    async function* chunks() {
      const bytes = new TextEncoder().encode("a\nüb\r\nc");
      for (const b of bytes) yield Uint8Array.of(b);
    }
    const lines: string[] = [];
    for await (const line of readLines(chunks())) lines.push(line);
    expect(lines).toEqual(["a", "üb\r", "c"]);
  });
});
