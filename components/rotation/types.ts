// What the rotation pages hand to client components: AWS's shapes with dates as ISO strings.
// Never a secret value.
import type { TemplateId } from "@/lib/rotation/templates/catalog";

export interface RotationFunctionView {
  FunctionName: string;
  FunctionArn: string;
  /** The template the function runs (Lambda's Handler). */
  Template: string;
  Runtime: string;
  Role: string;
  RoleName: string;
  Description: string;
  Timeout: number;
  LastModified: string;
  Endpoint?: string;
}

export interface SecretRef {
  ARN: string;
  Name: string;
}

/** The seed's message and what the console needs to act on it (MasterSecretGrant). */
export interface MasterSecretGrantView {
  SecretName: string;
  RoleName: string;
  PolicyName: string;
  MasterSecretArn: string;
  Granted: boolean;
  Message: string;
}

export interface RotationStepView {
  Step: string;
  StartedAt: string;
  EndedAt?: string;
  Outcome: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface RotationAttemptView {
  AttemptId: string;
  VersionId: string;
  PreviousVersionId?: string;
  RotationLambdaARN: string;
  Trigger: string;
  Status: string;
  Steps: RotationStepView[];
  ErrorCode?: string;
  ErrorMessage?: string;
  StartedAt: string;
  EndedAt?: string;
}

export interface NewFunctionInput {
  FunctionName: string;
  Template: TemplateId;
  Endpoint?: string;
}

export interface SaveRotationInput {
  SecretId: string;
  AutomaticRotation: boolean;
  RotationRules?: {
    AutomaticallyAfterDays?: number;
    ScheduleExpression?: string;
    Duration?: string;
  };
  RotateImmediately: boolean;
  /** An existing function, or NewFunction to create one from a template first. */
  RotationLambdaARN?: string;
  NewFunction?: NewFunctionInput;
  /** The master secret to write into the secret's value as masterarn. */
  MasterSecretArn?: string;
}

export interface SaveRotationResult {
  ARN: string;
  Name: string;
  RotationLambdaARN?: string;
  /** Set when a rotation started now (RotateImmediately). */
  VersionId?: string;
  /** The http template's signing secret, shown once when the function was created here. */
  SigningSecret?: string;
  /** Set when the function's role cannot read the master secret yet. */
  Grant?: MasterSecretGrantView;
  /** CancelRotateSecret's note about a version left with AWSPENDING. */
  Message?: string;
}
