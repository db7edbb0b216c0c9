/** An AWS managed policy as IAM's GetPolicy / GetPolicyVersion describe it (dates as ISO 8601 strings). */
export interface AwsManagedPolicyVersion {
  VersionId: string;
  /** The policy document, as JSON text. */
  Document: string;
  IsDefaultVersion: boolean;
  CreateDate: string;
}

export interface AwsManagedPolicy {
  PolicyName: string;
  Arn: string;
  Path: string;
  Description: string;
  DefaultVersionId: string;
  CreateDate: string;
  UpdateDate: string;
  /** Oldest first (v1, v2, ...). */
  Versions: AwsManagedPolicyVersion[];
}

/** An inline policy as IAM's PutRolePolicy takes it. */
export interface InlinePolicy {
  PolicyName: string;
  PolicyDocument: string;
}
