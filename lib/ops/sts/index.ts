// STS's operations: temporary credentials for roles and for IAM users, who a caller is, and
// whose an access key is.
export { assumeRole, trustAsResourcePolicy } from "./assume-role";
export { getAccessKeyInfo } from "./get-access-key-info";
export { getCallerIdentity } from "./get-caller-identity";
export { getSessionToken } from "./get-session-token";
export { usesSessionCredentials, usesSessionToken } from "./common";
export {
  resolveSessionKey,
  sessionTokenMatches,
  purgeExpiredSessions,
  assumedRolePrincipal,
} from "./sessions";

export type { AssumeRoleInput, AssumeRoleOutput } from "./assume-role";
export type { GetAccessKeyInfoInput, GetAccessKeyInfoOutput } from "./get-access-key-info";
export type { GetCallerIdentityOutput } from "./get-caller-identity";
export type { GetSessionTokenInput, GetSessionTokenOutput } from "./get-session-token";
export type { ResolvedSession, SessionPrincipalType } from "./sessions";
