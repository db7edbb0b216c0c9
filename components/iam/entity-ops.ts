// The IAM operations users, groups and roles share (attach, detach, inline policies), chosen by
// entity kind. Server only.
import "server-only";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import type { EntityKind } from "./types";

type NameField = "UserName" | "GroupName" | "RoleName";
export const NAME_FIELD: Record<EntityKind, NameField> = {
  user: "UserName",
  group: "GroupName",
  role: "RoleName",
};

const named = (kind: EntityKind, name: string) => ({ [NAME_FIELD[kind]]: name });

export function attachPolicy(caller: Caller, kind: EntityKind, name: string, arn: string) {
  const input = { ...named(kind, name), PolicyArn: arn };
  if (kind === "user") return iam.attachUserPolicy(caller, input);
  if (kind === "group") return iam.attachGroupPolicy(caller, input);
  return iam.attachRolePolicy(caller, input);
}

export function detachPolicy(caller: Caller, kind: EntityKind, name: string, arn: string) {
  const input = { ...named(kind, name), PolicyArn: arn };
  if (kind === "user") return iam.detachUserPolicy(caller, input);
  if (kind === "group") return iam.detachGroupPolicy(caller, input);
  return iam.detachRolePolicy(caller, input);
}

export async function listAttached(caller: Caller, kind: EntityKind, name: string) {
  const input = { ...named(kind, name), MaxItems: 1000 };
  const out =
    kind === "user"
      ? await iam.listAttachedUserPolicies(caller, input)
      : kind === "group"
        ? await iam.listAttachedGroupPolicies(caller, input)
        : await iam.listAttachedRolePolicies(caller, input);
  return out.AttachedPolicies;
}

export async function listInlineNames(caller: Caller, kind: EntityKind, name: string) {
  const input = { ...named(kind, name), MaxItems: 1000 };
  const out =
    kind === "user"
      ? await iam.listUserPolicies(caller, input)
      : kind === "group"
        ? await iam.listGroupPolicies(caller, input)
        : await iam.listRolePolicies(caller, input);
  return out.PolicyNames;
}

export async function getInline(caller: Caller, kind: EntityKind, name: string, policy: string) {
  const input = { ...named(kind, name), PolicyName: policy };
  const out =
    kind === "user"
      ? await iam.getUserPolicy(caller, input)
      : kind === "group"
        ? await iam.getGroupPolicy(caller, input)
        : await iam.getRolePolicy(caller, input);
  return out.PolicyDocument;
}

export function putInline(
  caller: Caller,
  kind: EntityKind,
  name: string,
  policy: string,
  document: string,
) {
  const input = { ...named(kind, name), PolicyName: policy, PolicyDocument: document };
  if (kind === "user") return iam.putUserPolicy(caller, input);
  if (kind === "group") return iam.putGroupPolicy(caller, input);
  return iam.putRolePolicy(caller, input);
}

export function deleteInline(caller: Caller, kind: EntityKind, name: string, policy: string) {
  const input = { ...named(kind, name), PolicyName: policy };
  if (kind === "user") return iam.deleteUserPolicy(caller, input);
  if (kind === "group") return iam.deleteGroupPolicy(caller, input);
  return iam.deleteRolePolicy(caller, input);
}
