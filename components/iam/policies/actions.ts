"use server";
// The policies console's server actions: list every policy (for instant search), read documents,
// summarise them, create and version customer managed policies, attach and detach entities.
import { z } from "zod";
import { parseInput } from "@/components/actions/parse";
import type { ActionResult } from "@/components/actions/result";
import { runAction } from "@/components/actions/run-action";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import type { Caller } from "@/lib/ops/caller";
import {
  createPolicy,
  createPolicyVersion,
  deletePolicy,
  deletePolicyVersion,
  getPolicy,
  getPolicyVersion,
  listEntitiesForPolicy,
  listPolicies,
  listPolicyVersions,
  setDefaultPolicyVersion,
  tagPolicy,
  untagPolicy,
} from "@/lib/ops/iam";
import type { BatchFailure } from "../actions";
import { attachPolicy, detachPolicy } from "../entity-ops";
import { entityRef, policyArn, policyDocument, tagList } from "../schemas";
import { documentText, toPolicyListItem } from "../serialize";
import type { EntityRef, PolicyListItem } from "../types";
import { summarizePolicy } from "./summary";
import type { PolicySummary } from "./summary-types";

const PAGE = 400;

/**
 * One page of every policy the caller may list, in the list's compact shape. The console loads
 * the pages one after another and filters and searches them in the browser, so the list narrows
 * as you type with no round trip.
 */
export async function listPoliciesPageAction(
  marker?: string,
): Promise<ActionResult<{ Policies: PolicyListItem[]; Marker?: string }>> {
  const caller = await getCaller();
  return runAction("listPolicies", async () => {
    const page = await listPolicies(caller, {
      Scope: "All",
      MaxItems: PAGE,
      Marker: parseInput(z.string().max(64).optional(), marker),
    });
    return {
      Policies: page.Policies.map(toPolicyListItem),
      Marker: page.IsTruncated ? page.Marker : undefined,
    };
  });
}

async function defaultDocument(caller: Caller, arn: string, versionId?: string) {
  const version =
    versionId ?? (await getPolicy(caller, { PolicyArn: arn })).Policy.DefaultVersionId;
  const out = await getPolicyVersion(caller, { PolicyArn: arn, VersionId: version });
  return documentText(out.PolicyVersion.Document ?? "");
}

/** A managed policy's document: the default version, or the one asked for. */
export async function getPolicyDocumentAction(
  arn: string,
  versionId?: string,
): Promise<ActionResult<string>> {
  const caller = await getCaller();
  return runAction("getPolicyVersion", async () =>
    defaultDocument(
      caller,
      parseInput(policyArn, arn),
      parseInput(
        z
          .string()
          .regex(/^v\d+$/)
          .optional(),
        versionId,
      ),
    ),
  );
}

export async function summarizePolicyAction(
  document: string,
  kind: "identity" | "trust" = "identity",
): Promise<ActionResult<PolicySummary>> {
  await getCaller();
  return runAction("summarizePolicy", async () =>
    summarizePolicy(parseInput(policyDocument, document), kind === "trust" ? "trust" : "identity"),
  );
}

export async function attachPolicyToEntitiesAction(
  arn: string,
  entities: EntityRef[],
): Promise<ActionResult<{ attached: EntityRef[]; failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("attachPolicyToEntities", async () => {
    const policy = parseInput(policyArn, arn);
    const list = parseInput(z.array(entityRef).min(1).max(500), entities);
    const attached: EntityRef[] = [];
    const failed: BatchFailure[] = [];
    for (const entity of list) {
      try {
        await attachPolicy(caller, entity.kind, entity.name, policy);
        attached.push(entity);
      } catch (error) {
        if (!isAwsError(error)) throw error;
        failed.push({
          item: `${entity.kind}/${entity.name}`,
          code: error.code,
          message: error.message,
        });
      }
    }
    return { attached, failed };
  });
}

export async function detachPolicyFromEntitiesAction(
  arn: string,
  entities: EntityRef[],
): Promise<ActionResult<{ detached: EntityRef[]; failed: BatchFailure[] }>> {
  const caller = await getCaller();
  return runAction("detachPolicyFromEntities", async () => {
    const policy = parseInput(policyArn, arn);
    const list = parseInput(z.array(entityRef).min(1).max(500), entities);
    const detached: EntityRef[] = [];
    const failed: BatchFailure[] = [];
    for (const entity of list) {
      try {
        await detachPolicy(caller, entity.kind, entity.name, policy);
        detached.push(entity);
      } catch (error) {
        if (!isAwsError(error)) throw error;
        failed.push({
          item: `${entity.kind}/${entity.name}`,
          code: error.code,
          message: error.message,
        });
      }
    }
    return { detached, failed };
  });
}

const createInput = z.object({
  PolicyName: z.string(),
  Description: z.string().optional(),
  PolicyDocument: policyDocument,
  Tags: tagList,
});

export async function createPolicyAction(
  raw: z.infer<typeof createInput>,
): Promise<ActionResult<{ Arn: string }>> {
  const caller = await getCaller();
  return runAction("createPolicy", async () => {
    const input = parseInput(createInput, raw);
    const out = await createPolicy(caller, {
      PolicyName: input.PolicyName,
      Description: input.Description || undefined,
      PolicyDocument: input.PolicyDocument,
      Tags: input.Tags.length > 0 ? input.Tags : undefined,
    });
    return { Arn: out.Policy.Arn };
  });
}

/** Saves an edit as a new default version, as the console's policy editor does. */
export async function createPolicyVersionAction(
  arn: string,
  document: string,
): Promise<ActionResult<{ VersionId: string }>> {
  const caller = await getCaller();
  return runAction("createPolicyVersion", async () => {
    const out = await createPolicyVersion(caller, {
      PolicyArn: parseInput(policyArn, arn),
      PolicyDocument: parseInput(policyDocument, document),
      SetAsDefault: true,
    });
    return { VersionId: out.PolicyVersion.VersionId };
  });
}

const versionId = z.string().regex(/^v\d+$/);

export async function setDefaultPolicyVersionAction(
  arn: string,
  version: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("setDefaultPolicyVersion", async () => {
    await setDefaultPolicyVersion(caller, {
      PolicyArn: parseInput(policyArn, arn),
      VersionId: parseInput(versionId, version),
    });
    return null;
  });
}

export async function deletePolicyVersionAction(
  arn: string,
  version: string,
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deletePolicyVersion", async () => {
    await deletePolicyVersion(caller, {
      PolicyArn: parseInput(policyArn, arn),
      VersionId: parseInput(versionId, version),
    });
    return null;
  });
}

/**
 * Deletes a customer managed policy the way the console does: detach it from every entity, delete
 * its other versions, then the policy. The first refusal stops it and is shown.
 */
export async function deletePolicyAction(arn: string): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("deletePolicy", async () => {
    const PolicyArn = parseInput(policyArn, arn);
    const entities = await listEntitiesForPolicy(caller, { PolicyArn, MaxItems: 1000 });
    for (const u of entities.PolicyUsers) await detachPolicy(caller, "user", u.UserName, PolicyArn);
    for (const g of entities.PolicyGroups)
      await detachPolicy(caller, "group", g.GroupName, PolicyArn);
    for (const r of entities.PolicyRoles) await detachPolicy(caller, "role", r.RoleName, PolicyArn);
    const versions = await listPolicyVersions(caller, { PolicyArn, MaxItems: 1000 });
    for (const v of versions.Versions.filter((v) => !v.IsDefaultVersion)) {
      await deletePolicyVersion(caller, { PolicyArn, VersionId: v.VersionId });
    }
    await deletePolicy(caller, { PolicyArn });
    return null;
  });
}

export async function updatePolicyTagsAction(
  arn: string,
  next: { Key: string; Value: string }[],
  removedKeys: string[],
): Promise<ActionResult<null>> {
  const caller = await getCaller();
  return runAction("updatePolicyTags", async () => {
    const PolicyArn = parseInput(policyArn, arn);
    const Tags = parseInput(tagList, next);
    const TagKeys = parseInput(z.array(z.string()).max(50), removedKeys);
    if (TagKeys.length > 0) await untagPolicy(caller, { PolicyArn, TagKeys });
    if (Tags.length > 0) await tagPolicy(caller, { PolicyArn, Tags });
    return null;
  });
}
