/** IAM SimulateCustomPolicy's request and response, in AWS's PascalCase shapes. */

export type ContextKeyTypeName =
  | "string"
  | "stringList"
  | "numeric"
  | "numericList"
  | "boolean"
  | "booleanList"
  | "ip"
  | "ipList"
  | "binary"
  | "binaryList"
  | "date"
  | "dateList";

export interface ContextEntryInput {
  ContextKeyName: string;
  ContextKeyValues: string[];
  ContextKeyType?: ContextKeyTypeName;
}

export interface SimulateCustomPolicyRequest {
  PolicyInputList: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  /** An account ARN (`arn:aws:iam::111122223333:root`); Strongbox also takes the bare account ID. */
  ResourceOwner?: string;
  /** An IAM user ARN (as AWS takes); Strongbox also takes a role, an assumed-role session or the root user. */
  CallerArn?: string;
  ContextEntries?: ContextEntryInput[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
}

export type EvalDecision = "allowed" | "explicitDeny" | "implicitDeny";

export interface StatementPosition {
  Line: number;
  Column: number;
}

export interface SimulationStatement {
  SourcePolicyId: string;
  SourcePolicyType: "resource" | "none";
  StartPosition: StatementPosition;
  EndPosition: StatementPosition;
}

export interface PermissionsBoundaryDecisionDetail {
  AllowedByPermissionsBoundary: boolean;
}

export interface ResourceSpecificResult {
  EvalResourceName: string;
  EvalResourceDecision: EvalDecision;
  MatchedStatements: SimulationStatement[];
  MissingContextValues: string[];
  EvalDecisionDetails?: Record<string, EvalDecision>;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
}

export interface EvaluationResultShape {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: EvalDecision;
  MatchedStatements: SimulationStatement[];
  MissingContextValues: string[];
  EvalDecisionDetails?: Record<string, EvalDecision>;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
  ResourceSpecificResults?: ResourceSpecificResult[];
}

export interface SimulateCustomPolicyResponse {
  EvaluationResults: EvaluationResultShape[];
  IsTruncated: boolean;
  Marker?: string;
}
