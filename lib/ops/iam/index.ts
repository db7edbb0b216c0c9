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
  listInstanceProfiles,
  listInstanceProfilesForRole,
  listAccountAliases,
} from "./absent-entities";
export {
  getAccountPasswordPolicy,
  updateAccountPasswordPolicy,
  deleteAccountPasswordPolicy,
} from "./password-policy";
