/**
 * Descriptions of the AWS managed policies Strongbox's users meet most. The managed-policy data
 * package carries no descriptions; these are AWS's own, as the IAM console shows them.
 */
export const MANAGED_POLICY_DESCRIPTIONS: Record<string, string> = {
  AdministratorAccess: "Provides full access to AWS services and resources.",
  PowerUserAccess:
    "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
  ReadOnlyAccess: "Provides read-only access to AWS services and resources.",
  IAMFullAccess: "Provides full access to IAM via the AWS Management Console.",
  IAMReadOnlyAccess: "Provides read only access to IAM via the AWS Management Console.",
  IAMUserChangePassword: "Provides the ability for an IAM user to change their own password.",
  SecretsManagerReadWrite:
    "Provides read/write access to AWS Secrets Manager via the AWS Management Console. Note: this exludes IAM actions, so combine with IAMFullAccess if rotation configuration is required.",
  AWSLambdaBasicExecutionRole: "Provides write permissions to CloudWatch Logs.",
  AWSLambdaVPCAccessExecutionRole:
    "Provides minimum permissions for a Lambda function to execute while accessing a resource within a VPC - create, describe, delete network interfaces and write permissions to CloudWatch Logs.",
};
