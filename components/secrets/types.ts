// What the console's secret pages hand to client components: the operations' AWS shapes with
// dates as ISO strings. Never a secret value, except SecretValueView, sent only on request.
export interface TagView {
  Key: string;
  Value: string;
}

export interface SecretListItem {
  ARN: string;
  Name: string;
  Description?: string;
  CreatedDate?: string;
  LastChangedDate?: string;
  LastAccessedDate?: string;
  DeletedDate?: string;
  RotationEnabled: boolean;
  Tags: TagView[];
}

export interface SecretListPage {
  SecretList: SecretListItem[];
  NextToken?: string;
}

export interface SecretDetailsView extends SecretListItem {
  KmsKeyId?: string;
  /** When the secret will be purged (set while it is scheduled for deletion). */
  DeletionDate?: string;
  RotationLambdaARN?: string;
  RotationRules?: {
    AutomaticallyAfterDays?: number;
    ScheduleExpression?: string;
    Duration?: string;
  };
  LastRotatedDate?: string;
  NextRotationDate?: string;
}

export interface SecretVersionView {
  VersionId: string;
  VersionStages: string[];
  CreatedDate?: string;
  LastAccessedDate?: string;
}

export interface SecretValueView {
  VersionId: string;
  VersionStages: string[];
  /** The string value; absent for binary secrets. */
  SecretString?: string;
  /** Base64 of a binary value. */
  SecretBinary?: string;
}

export const DEFAULT_ENCRYPTION_KEY = "aws/secretsmanager";
