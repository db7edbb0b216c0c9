// Shapes IAM operation outputs (Dates) into the plain views client components receive.
import "server-only";
import { policyType } from "./paths";
import type {
  GroupView,
  PolicyListItem,
  PolicyVersionView,
  PolicyView,
  RoleView,
  TagView,
  UserView,
} from "./types";

export const iso = (date: Date | string | undefined | null) =>
  date ? new Date(date).toISOString() : undefined;

const tags = (list: { Key: string; Value: string }[] | undefined): TagView[] =>
  (list ?? []).map((t) => ({ Key: t.Key, Value: t.Value }));

export function toUser(u: {
  UserName: string;
  UserId: string;
  Arn: string;
  Path: string;
  CreateDate: Date;
  PasswordLastUsed?: Date;
  PermissionsBoundary?: { PermissionsBoundaryArn: string };
  Tags?: { Key: string; Value: string }[];
}): UserView {
  return {
    UserName: u.UserName,
    UserId: u.UserId,
    Arn: u.Arn,
    Path: u.Path,
    CreateDate: iso(u.CreateDate)!,
    PasswordLastUsed: iso(u.PasswordLastUsed),
    PermissionsBoundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn,
    Tags: tags(u.Tags),
  };
}

export function toGroup(g: {
  GroupName: string;
  GroupId: string;
  Arn: string;
  Path: string;
  CreateDate: Date;
}): GroupView {
  return {
    GroupName: g.GroupName,
    GroupId: g.GroupId,
    Arn: g.Arn,
    Path: g.Path,
    CreateDate: iso(g.CreateDate)!,
  };
}

export function toRole(r: {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  CreateDate: Date;
  Description?: string;
  MaxSessionDuration?: number;
  AssumeRolePolicyDocument?: string;
  RoleLastUsed?: { LastUsedDate?: Date; Region?: string };
  PermissionsBoundary?: { PermissionsBoundaryArn: string };
  Tags?: { Key: string; Value: string }[];
}): RoleView {
  return {
    RoleName: r.RoleName,
    RoleId: r.RoleId,
    Arn: r.Arn,
    Path: r.Path,
    CreateDate: iso(r.CreateDate)!,
    Description: r.Description,
    MaxSessionDuration: r.MaxSessionDuration ?? 3600,
    AssumeRolePolicyDocument: r.AssumeRolePolicyDocument ?? "",
    LastUsedDate: iso(r.RoleLastUsed?.LastUsedDate),
    LastUsedRegion: r.RoleLastUsed?.Region,
    PermissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn,
    Tags: tags(r.Tags),
  };
}

type PolicyShape = {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  PermissionsBoundaryUsageCount: number;
  Description?: string;
  CreateDate: Date;
  UpdateDate: Date;
  Tags?: { Key: string; Value: string }[];
};

export function toPolicyListItem(p: PolicyShape): PolicyListItem {
  return {
    Arn: p.Arn,
    PolicyName: p.PolicyName,
    Path: p.Path,
    Description: p.Description || undefined,
    Type: policyType(p.Arn, p.Path),
    AttachmentCount: p.AttachmentCount,
    PermissionsBoundaryUsageCount: p.PermissionsBoundaryUsageCount,
  };
}

export function toPolicy(p: PolicyShape): PolicyView {
  return {
    ...toPolicyListItem(p),
    PolicyId: p.PolicyId,
    DefaultVersionId: p.DefaultVersionId,
    CreateDate: iso(p.CreateDate)!,
    UpdateDate: iso(p.UpdateDate)!,
    Tags: tags(p.Tags),
  };
}

export function toPolicyVersion(v: {
  VersionId: string;
  IsDefaultVersion: boolean;
  CreateDate: Date;
}): PolicyVersionView {
  return {
    VersionId: v.VersionId,
    IsDefaultVersion: v.IsDefaultVersion,
    CreateDate: iso(v.CreateDate)!,
  };
}

/** Policy documents may arrive URL-encoded (as IAM's API returns them); the console shows JSON. */
export function documentText(document: string): string {
  if (document.trimStart().startsWith("{")) return document;
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}
