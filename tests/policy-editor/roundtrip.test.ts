// JSON → visual model → JSON keeps what a policy decides and everything the visual editor cannot
// show: Sids, statement order, member order, unknown fields and unreadable values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPolicySet, evaluate, parseJson, type JsonNode } from "@/lib/iam";
import {
  duplicateBlock,
  modelToJson,
  parseToModel,
  removeBlock,
  setEffect,
  updateBlock,
} from "@/components/policy-editor/model";
import { policy, request, type Json, type RandomRequest } from "./arbitraries";

function decisions(text: string, kind: "identity" | "resource", requests: RandomRequest[]) {
  return requests.map((r) => {
    const policies =
      kind === "identity"
        ? createPolicySet({ identity: [{ label: "p", document: text }] })
        : createPolicySet({ resource: { label: "p", document: text } });
    return evaluate(
      {
        principal: { arn: r.principal, tags: r.team ? { team: r.team } : {} },
        action: r.action,
        resource: r.resource,
        context: {
          "aws:SourceIp": r.sourceIp,
          "aws:SecureTransport": r.secure,
          "secretsmanager:VersionStage": r.stages,
          "aws:CurrentTime": new Date("2026-06-01T00:00:00Z"),
          ...(r.mfaAge !== undefined ? { "aws:MultiFactorAuthAge": r.mfaAge } : {}),
        },
      },
      policies,
    ).decision;
  });
}

/** Keys in order and values: what the document says, whitespace aside (numbers keep their text). */
function shape(node: JsonNode): unknown {
  switch (node.kind) {
    case "object":
      return node.members.map((m) => [m.key, shape(m.value)]);
    case "array":
      return node.items.map(shape);
    case "number":
      return { number: node.raw };
    case "null":
      return null;
    default:
      return node.value;
  }
}

const roundTrip = (text: string, kind: "identity" | "resource") =>
  modelToJson(parseToModel(text, kind));

describe("JSON → visual model → JSON", () => {
  it("keeps the decisions of valid identity policies on random requests", () => {
    fc.assert(
      fc.property(
        policy({ kind: "identity" }),
        fc.array(request, { minLength: 8, maxLength: 8 }),
        (doc, requests) => {
          const text = JSON.stringify(doc, null, 2);
          const back = roundTrip(text, "identity");
          expect(decisions(back, "identity", requests)).toEqual(
            decisions(text, "identity", requests),
          );
        },
      ),
      { numRuns: 250 },
    );
  });

  it("keeps the decisions of valid resource policies (principals) on random requests", () => {
    fc.assert(
      fc.property(
        policy({ kind: "resource" }),
        fc.array(request, { minLength: 8, maxLength: 8 }),
        (doc, requests) => {
          const text = JSON.stringify(doc);
          const back = roundTrip(text, "resource");
          expect(decisions(back, "resource", requests)).toEqual(
            decisions(text, "resource", requests),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("writes the same document back: members, order, Sids, single values and numbers as they were", () => {
    fc.assert(
      fc.property(policy({ kind: "resource" }), (doc) => {
        const text = JSON.stringify(doc, null, 1);
        expect(shape(parseJson(roundTrip(text, "resource")))).toEqual(shape(parseJson(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps unknown fields, unreadable values and malformed statements verbatim, in place", () => {
    fc.assert(
      fc.property(policy({ kind: "identity", unknown: true }), (doc) => {
        const text = JSON.stringify(doc);
        const model = parseToModel(text, "identity");
        expect(model.unreadable).toBeUndefined();
        expect(shape(parseJson(modelToJson(model)))).toEqual(shape(parseJson(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("is stable: writing the model of its own output gives the same text", () => {
    fc.assert(
      fc.property(policy({ kind: "identity", unknown: true }), (doc) => {
        const once = roundTrip(JSON.stringify(doc), "identity");
        expect(roundTrip(once, "identity")).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it("edits touch only the statement edited: the others are written back unchanged", () => {
    fc.assert(
      fc.property(
        policy({ kind: "identity", unknown: true }),
        fc.nat(),
        fc.constantFrom("effect", "duplicate", "remove"),
        (doc, pick, edit) => {
          const text = JSON.stringify(doc);
          const model = parseToModel(text, "identity");
          const target = model.blocks[pick % model.blocks.length];
          const edited =
            edit === "effect"
              ? updateBlock(model, target.id, (b) =>
                  b.rawStatement ? b : setEffect(b, b.effect === "Deny" ? "Allow" : "Deny"),
                )
              : edit === "duplicate"
                ? duplicateBlock(model, target.id)
                : removeBlock(model, target.id);
          const after = parseJson(modelToJson(edited));
          const before = parseJson(text);
          const statements = (node: JsonNode): JsonNode[] => {
            if (node.kind !== "object") return [];
            const s = node.members.find((m) => m.key === "Statement")?.value;
            return !s ? [] : s.kind === "array" ? s.items : [s];
          };
          const index = model.blocks.indexOf(target);
          const untouched = (list: JsonNode[], skip: number[]) =>
            list.filter((_, i) => !skip.includes(i)).map(shape);
          const b = statements(before);
          const a = statements(after);
          if (edit === "remove") {
            expect(a.map(shape)).toEqual(untouched(b, [index]));
          } else if (edit === "duplicate") {
            expect(untouched(a, [index + 1])).toEqual(b.map(shape));
          } else {
            expect(untouched(a, [index])).toEqual(untouched(b, [index]));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("says what it cannot show and why", () => {
    const model = parseToModel(
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "Odd", Effect: "allow", Action: "s3:*", Resource: "*", Comment: "kept" },
          "not a statement",
        ],
      }),
    );
    expect(model.blocks[0].raw.map((r) => [r.key, r.reason])).toEqual([
      ["Effect", 'Effect must be "Allow" or "Deny".'],
      ["Comment", "Comment is not a statement element IAM knows."],
    ]);
    expect(model.blocks[1].rawStatement?.reason).toBe("This statement is not a JSON object.");
    expect(parseToModel("{").unreadable?.message).toMatch(/syntax error/);
    expect(parseToModel('{"Statement": 5}').unreadable?.message).toMatch(/Statement must be/);
  });
});

export type { Json };
