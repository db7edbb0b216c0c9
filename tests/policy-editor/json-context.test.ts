// Where the cursor is in a policy being typed (for completions), even in unfinished JSON.
import { describe, expect, it } from "vitest";
import { cursorContext, policySlot, servicesNamed } from "@/components/policy-editor/model";

/** The slot at the `|` in the text. */
function slotAt(marked: string) {
  const offset = marked.indexOf("|");
  const cursor = cursorContext(marked.replace("|", ""), offset);
  return cursor && { ...policySlot(cursor), prefix: cursor.prefix, inString: cursor.inString };
}

describe("cursorContext / policySlot", () => {
  it("knows actions, resources and Effect in array and single-statement forms", () => {
    expect(slotAt('{"Statement": [{"Effect": "Allow", "Action": ["secretsmanager:Get|')).toEqual({
      slot: "action",
      statement: 0,
      prefix: "secretsmanager:Get",
      inString: true,
    });
    expect(slotAt('{"Statement": [{}, {"Action": "s3:|"}]}')).toMatchObject({
      slot: "action",
      statement: 1,
    });
    expect(slotAt('{"Statement": {"Resource": ["*", "arn:|')).toMatchObject({
      slot: "resource",
      statement: 0,
    });
    expect(slotAt('{"Statement": [{"Effect": "A|')).toMatchObject({ slot: "effect", prefix: "A" });
  });

  it("knows element names, condition operators, keys and values", () => {
    expect(slotAt('{"Statement": [{"Effect": "Allow", "|')).toMatchObject({
      slot: "statement-key",
    });
    expect(slotAt('{"Statement": [{"Condition": {"String|')).toMatchObject({
      slot: "condition-operator",
      prefix: "String",
    });
    expect(slotAt('{"Statement": [{"Condition": {"StringEquals": {"aws:Pr|')).toMatchObject({
      slot: "condition-key",
      operator: "StringEquals",
    });
    expect(
      slotAt('{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": "t|'),
    ).toMatchObject({
      slot: "condition-value",
      operator: "Bool",
      key: "aws:SecureTransport",
    });
    expect(slotAt('{"Statement": [{"Principal": {"Service": ["lam|')).toMatchObject({
      slot: "principal",
      type: "Service",
    });
    expect(slotAt('{"|')).toMatchObject({ slot: "top-key" });
  });

  it("completes a whole word outside a string, and ignores escaped quotes", () => {
    expect(slotAt('{"Statement": [{"Action": [ secretsmanager:Li|')).toMatchObject({
      slot: "action",
      inString: false,
      prefix: "secretsmanager:Li",
    });
    expect(slotAt('{"Id": "a \\" b", "Statement": {"Action": "|')).toMatchObject({
      slot: "action",
    });
  });
});

describe("servicesNamed", () => {
  it("reads service prefixes from actions and condition keys, not ARNs or aws:", () => {
    expect(
      servicesNamed(
        '{"Action": ["kms:Decrypt", "secretsmanager:Get*"], "Resource": "arn:aws:s3:::b", "Condition": {"StringEquals": {"aws:SourceIp": "x", "lambda:FunctionArn": "y"}}}',
      ),
    ).toEqual(["kms", "secretsmanager", "lambda"]);
  });
});
