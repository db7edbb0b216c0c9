import fc from "fast-check";
import { describe, it } from "vitest";
import { arnLike } from "./arn";
import { createPolicySet, evaluate } from "./evaluate";
import { wildcardMatch } from "./glob";

const ALICE = "arn:aws:iam::111122223333:user/alice";
const word = fc.stringMatching(/^[A-Za-z]{1,6}$/);
const pattern = fc.stringMatching(/^[A-Za-z*?]{1,6}$/);
const name = fc.stringMatching(/^[a-z0-9/_-]{1,8}$/);
const namePattern = fc.stringMatching(/^[a-z0-9/_*?-]{1,8}$/);

const allow = (action: string, resource: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: { Effect: "Allow", Action: action, Resource: resource },
  });

describe("evaluation properties", () => {
  it("an Allow applies exactly when the action matches, ignoring case", () => {
    fc.assert(
      fc.property(pattern, word, (p, a) => {
        const policies = createPolicySet({
          identity: [{ label: "p", document: allow(`svc:${p}`, "*") }],
        });
        const result = evaluate(
          { principal: { arn: ALICE }, action: `SVC:${a}`, resource: "*" },
          policies,
        );
        return (result.decision === "allowed") === wildcardMatch(p.toLowerCase(), a.toLowerCase());
      }),
      { numRuns: 300 },
    );
  });

  it("an Allow applies exactly when the resource ARN matches component-wise", () => {
    fc.assert(
      fc.property(namePattern, name, (p, n) => {
        const resourcePattern = `arn:aws:secretsmanager:*:111122223333:secret:${p}`;
        const resource = `arn:aws:secretsmanager:us-east-1:111122223333:secret:${n}`;
        const policies = createPolicySet({
          identity: [{ label: "p", document: allow("secretsmanager:*", resourcePattern) }],
        });
        const result = evaluate(
          { principal: { arn: ALICE }, action: "secretsmanager:GetSecretValue", resource },
          policies,
        );
        return (result.decision === "allowed") === arnLike(resourcePattern, resource);
      }),
      { numRuns: 300 },
    );
  });

  it("a matching Deny always wins, whatever else allows", () => {
    fc.assert(
      fc.property(word, fc.boolean(), (a, withResourcePolicy) => {
        const deny = JSON.stringify({
          Version: "2012-10-17",
          Statement: { Effect: "Deny", Action: "svc:*", Resource: "*" },
        });
        const policies = createPolicySet({
          identity: [
            { label: "allow", document: allow("*", "*") },
            { label: "deny", document: deny },
          ],
          resource: withResourcePolicy
            ? {
                label: "rp",
                document: JSON.stringify({
                  Version: "2012-10-17",
                  Statement: {
                    Effect: "Allow",
                    Principal: { AWS: ALICE },
                    Action: "*",
                    Resource: "*",
                  },
                }),
              }
            : undefined,
        });
        return (
          evaluate({ principal: { arn: ALICE }, action: `svc:${a}`, resource: "*" }, policies)
            .decision === "explicitDeny"
        );
      }),
      { numRuns: 100 },
    );
  });

  it("adding an identity policy never turns an allow into a deny unless it denies", () => {
    fc.assert(
      fc.property(pattern, pattern, word, (p1, p2, a) => {
        const request = { principal: { arn: ALICE }, action: `svc:${a}`, resource: "*" };
        const one = createPolicySet({
          identity: [{ label: "1", document: allow(`svc:${p1}`, "*") }],
        });
        const two = createPolicySet({
          identity: [
            { label: "1", document: allow(`svc:${p1}`, "*") },
            { label: "2", document: allow(`svc:${p2}`, "*") },
          ],
        });
        return (
          evaluate(request, one).decision !== "allowed" ||
          evaluate(request, two).decision === "allowed"
        );
      }),
      { numRuns: 200 },
    );
  });
});
