// GetContextKeysForCustomPolicy and GetContextKeysForPrincipalPolicy: the context keys a set of
// policies reads, so a caller knows what to supply to the simulator. A key is read by a condition
// (its key) or by a policy variable in Resource, NotResource or a condition value, as AWS counts
// them ("${aws:username}" in a Resource is the key aws:username). Each key once, in the order the
// policies first mention it, spelled as first written (keys compare case-insensitively).
import type { Db } from "../../db/client";
import { tryParsePolicy, type PolicyDocument } from "../../iam";
import { parseTemplate } from "../../iam/variables";
import { defineOperation } from "../operation";
import { InvalidInput, NoSuchEntity } from "./common";
import { loadIdentityPolicies } from "./policy-set";

/** The context keys of parsed policies, in order of first mention. */
export function contextKeysOf(documents: PolicyDocument[]): string[] {
  const seen = new Map<string, string>();
  const add = (key: string) => {
    const lookup = key.toLowerCase();
    if (key && !seen.has(lookup)) seen.set(lookup, key);
  };
  for (const document of documents) {
    // Version 2008-10-17 (or none) reads ${...} as literal text.
    const variables = document.effectiveVersion === "2012-10-17";
    const fromText = (text: string) => {
      if (!variables) return;
      for (const ref of parseTemplate(text)?.variables ?? []) add(ref.key);
    };
    for (const statement of document.statements) {
      for (const node of statement.resource?.values ?? []) fromText(node.value);
      for (const node of statement.notResource?.values ?? []) fromText(node.value);
      for (const operator of statement.condition?.operators ?? []) {
        for (const entry of operator.entries) {
          add(entry.key);
          for (const value of entry.values) fromText(value.value);
        }
      }
    }
  }
  return [...seen.values()];
}

/** Parses each policy text; InvalidInput (AWS's one error for these operations) names the bad one. */
function parseAll(texts: string[], field: string): PolicyDocument[] {
  return texts.map((text, i) => {
    const { document, errors } = tryParsePolicy(text, { kind: "identity" });
    if (!document || errors.length > 0) {
      throw InvalidInput(
        `${field}.${i + 1}: ${errors[0]?.message ?? "Syntax errors in policy."}`,
        field,
      );
    }
    return document;
  });
}

function policyTexts(value: unknown, required: boolean): string[] {
  if (value === undefined || value === null) {
    if (required) throw InvalidInput("PolicyInputList is required.", "PolicyInputList");
    return [];
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw InvalidInput("PolicyInputList must be a list of policy documents.", "PolicyInputList");
  }
  return value;
}

export const getContextKeysForCustomPolicy = defineOperation<
  { PolicyInputList: string[] },
  { ContextKeyNames: string[] }
>("iam:GetContextKeysForCustomPolicy", async (ctx, input) => {
  const texts = policyTexts(input?.PolicyInputList, true);
  await ctx.authorize({ resource: "*" });
  return { ContextKeyNames: contextKeysOf(parseAll(texts, "PolicyInputList")) };
});

/**
 * The keys of every policy of a user (its own and its groups'), group or role, and of any more
 * policies given in PolicyInputList. A permissions boundary is not among them, as in AWS.
 */
export const getContextKeysForPrincipalPolicy = defineOperation<
  { PolicySourceArn: string; PolicyInputList?: string[] },
  { ContextKeyNames: string[] }
>("iam:GetContextKeysForPrincipalPolicy", async (ctx, input) => {
  const arn = input?.PolicySourceArn;
  if (typeof arn !== "string" || !arn.startsWith("arn:")) {
    throw InvalidInput(`ARN ${String(arn)} is not valid.`, "PolicySourceArn");
  }
  const extra = policyTexts(input.PolicyInputList, false);
  await ctx.authorize({ resource: arn });
  const db = ctx.rt.db;
  const [user, role, group] = await Promise.all([
    db.iamUser.findUnique({ where: { arn }, select: { id: true, name: true } }),
    db.iamRole.findUnique({ where: { arn }, select: { id: true, name: true } }),
    db.iamGroup.findUnique({ where: { arn }, select: { id: true } }),
  ]);
  let texts: string[];
  if (user || role) {
    const entity = (user ?? role)!;
    const policies = await loadIdentityPolicies(ctx.rt, {
      type: user ? "User" : "Role",
      arn,
      accountId: ctx.rt.accountId,
      name: entity.name,
      id: entity.id,
    });
    texts = policies.identity.map((p) => p.document as string);
  } else if (group) {
    texts = await groupPolicyTexts(db, group.id);
  } else {
    throw NoSuchEntity(`The entity ${arn} cannot be found.`);
  }
  const documents = [...parseAll(texts, "PolicySourceArn"), ...parseAll(extra, "PolicyInputList")];
  return { ContextKeyNames: contextKeysOf(documents) };
});

async function groupPolicyTexts(db: Db, groupId: string): Promise<string[]> {
  const [inline, attached] = await Promise.all([
    db.iamInlinePolicy.findMany({
      where: { principalType: "group", principalId: groupId },
      orderBy: { name: "asc" },
      select: { document: true },
    }),
    db.iamPolicyAttachment.findMany({
      where: { principalType: "group", principalId: groupId },
      select: { policy: { select: { id: true, defaultVersionId: true } } },
    }),
  ]);
  const versions = attached.length
    ? await db.iamPolicyVersion.findMany({
        where: {
          OR: attached.map((a) => ({
            policyId: a.policy.id,
            versionId: a.policy.defaultVersionId,
          })),
        },
        select: { document: true },
      })
    : [];
  return [...inline.map((p) => p.document), ...versions.map((v) => v.document)];
}
