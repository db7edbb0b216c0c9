/**
 * AWS managed policies and rotation-role policy templates (pure). Loading the managed policies
 * from their package is server-only: "@/lib/iam/managed/load".
 */
export {
  addMasterSecretGrant,
  masterSecretStatement,
  rotationPolicyBaseName,
  rotationRolePolicies,
  type RotationRoleOptions,
} from "./rotation-role-policies";
export { MANAGED_POLICY_DESCRIPTIONS } from "./descriptions";
export type { AwsManagedPolicy, AwsManagedPolicyVersion, InlinePolicy } from "./types";
