// IAM's operations: one per AWS action, each `(caller, input) => output` in AWS's shapes.
export { createUser, getUser, listUsers, updateUser, deleteUser } from "./users";
export {
  createLoginProfile,
  getLoginProfile,
  updateLoginProfile,
  deleteLoginProfile,
} from "./login-profiles";
export { changePassword } from "./change-password";
export {
  createAccessKey,
  listAccessKeys,
  updateAccessKey,
  deleteAccessKey,
  getAccessKeyLastUsed,
} from "./access-keys";
export {
  createGroup,
  getGroup,
  listGroups,
  updateGroup,
  deleteGroup,
  addUserToGroup,
  removeUserFromGroup,
  listGroupsForUser,
} from "./groups";
export {
  createRole,
  getRole,
  listRoles,
  updateRole,
  updateRoleDescription,
  updateAssumeRolePolicy,
  deleteRole,
} from "./roles";
export {
  createPolicy,
  getPolicy,
  listPolicies,
  deletePolicy,
  createPolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
  setDefaultPolicyVersion,
  deletePolicyVersion,
} from "./policies";
export {
  attachUserPolicy,
  attachGroupPolicy,
  attachRolePolicy,
  detachUserPolicy,
  detachGroupPolicy,
  detachRolePolicy,
  listAttachedUserPolicies,
  listAttachedGroupPolicies,
  listAttachedRolePolicies,
  listEntitiesForPolicy,
} from "./attachments";
export {
  putUserPolicy,
  putGroupPolicy,
  putRolePolicy,
  getUserPolicy,
  getGroupPolicy,
  getRolePolicy,
  deleteUserPolicy,
  deleteGroupPolicy,
  deleteRolePolicy,
  listUserPolicies,
  listGroupPolicies,
  listRolePolicies,
} from "./inline-policies";
export {
  putUserPermissionsBoundary,
  deleteUserPermissionsBoundary,
  putRolePermissionsBoundary,
  deleteRolePermissionsBoundary,
  tagUser,
  tagRole,
  tagPolicy,
  untagUser,
  untagRole,
  untagPolicy,
  listUserTags,
  listRoleTags,
  listPolicyTags,
} from "./boundaries-and-tags";
export { getAccountSummary, simulateCustomPolicy, simulatePrincipalPolicy } from "./account";
export {
  listMFADevices,
  listVirtualMFADevices,
  listSigningCertificates,
  listSSHPublicKeys,
  listServiceSpecificCredentials,
} from "./absent-entities";
export { createAccountAlias, deleteAccountAlias, listAccountAliases } from "./account-aliases";
export {
  createInstanceProfile,
  getInstanceProfile,
  deleteInstanceProfile,
  addRoleToInstanceProfile,
  removeRoleFromInstanceProfile,
  listInstanceProfiles,
  listInstanceProfilesForRole,
  tagInstanceProfile,
  untagInstanceProfile,
  listInstanceProfileTags,
} from "./instance-profiles";
export { getContextKeysForCustomPolicy, getContextKeysForPrincipalPolicy } from "./context-keys";
export { getAccountAuthorizationDetails } from "./authorization-details";
export {
  getAccountPasswordPolicy,
  updateAccountPasswordPolicy,
  deleteAccountPasswordPolicy,
} from "./password-policy";
export { generateCredentialReport, getCredentialReport } from "./credential-report";
