// What the IAM pages hand to client components: the operations' AWS shapes, dates as ISO strings.
export interface TagView {
  Key: string;
  Value: string;
}

export type EntityKind = "user" | "group" | "role";

export interface UserView {
  UserName: string;
  UserId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  PasswordLastUsed?: string;
  PermissionsBoundaryArn?: string;
  Tags: TagView[];
}

export interface UserListItem extends UserView {
  /** Undefined when ListGroupsForUser was refused. */
  GroupCount?: number;
}

export interface GroupView {
  GroupName: string;
  GroupId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
}

export interface GroupListItem extends GroupView {
  UserCount?: number;
}

export interface RoleView {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  Description?: string;
  MaxSessionDuration: number;
  AssumeRolePolicyDocument: string;
  LastUsedDate?: string;
  LastUsedRegion?: string;
  PermissionsBoundaryArn?: string;
  Tags: TagView[];
}

export type PolicyType = "AWS managed" | "AWS managed - job function" | "Customer managed";

/** A row of the policies list: small, because the console holds all ~1,600 at once. */
export interface PolicyListItem {
  Arn: string;
  PolicyName: string;
  Path: string;
  Description?: string;
  Type: PolicyType;
  AttachmentCount: number;
  PermissionsBoundaryUsageCount: number;
}

export interface PolicyView extends PolicyListItem {
  PolicyId: string;
  DefaultVersionId: string;
  CreateDate: string;
  UpdateDate: string;
  Tags: TagView[];
}

export interface PolicyVersionView {
  VersionId: string;
  IsDefaultVersion: boolean;
  CreateDate: string;
}

/** A managed policy attached to a principal, directly or through one of a user's groups. */
export interface AttachedPolicyView {
  PolicyName: string;
  PolicyArn: string;
  /** The group it comes from; undefined when attached directly. */
  Group?: string;
}

export interface InlinePolicyView {
  PolicyName: string;
  PolicyDocument: string;
  /** The group it comes from; undefined when it is the principal's own. */
  Group?: string;
}

export interface AccessKeyView {
  AccessKeyId: string;
  Status: "Active" | "Inactive";
  CreateDate: string;
  LastUsedDate?: string;
  LastUsedService?: string;
  LastUsedRegion?: string;
}

export interface LoginProfileView {
  CreateDate: string;
  PasswordResetRequired: boolean;
}

export interface EntityRef {
  kind: EntityKind;
  name: string;
}

/** Why a control is disabled for the signed-in principal (undefined: allowed). */
export type Hints<K extends string> = Partial<Record<K, string>>;
