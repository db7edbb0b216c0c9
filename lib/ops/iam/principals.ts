// Users, groups and roles alike, for the operations IAM offers on all three (attach, inline).
import type { OpContext } from "../operation";
import { checkName } from "./common";
import { authorizedGroup } from "./groups";
import { authorizedRole } from "./roles";
import { authorizedUser } from "./users";

export type PrincipalKind = "user" | "group" | "role";

export const KIND_FIELD: Record<PrincipalKind, "UserName" | "GroupName" | "RoleName"> = {
  user: "UserName",
  group: "GroupName",
  role: "RoleName",
};

export async function authorizedPrincipal(
  ctx: OpContext,
  kind: PrincipalKind,
  name: unknown,
  context?: Record<string, string>,
): Promise<{ id: string; name: string; arn: string }> {
  const field = KIND_FIELD[kind];
  const checked = checkName(name, field, kind === "group" ? 128 : 64);
  if (kind === "user") return authorizedUser(ctx, checked, context);
  if (kind === "group") return authorizedGroup(ctx, checked);
  return authorizedRole(ctx, checked, undefined, context);
}
