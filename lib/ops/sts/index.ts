// STS's operations: temporary credentials for roles, and who a caller is.
export { assumeRole, trustAsResourcePolicy } from "./assume-role";
export { getCallerIdentity } from "./get-caller-identity";
export {
  resolveSessionKey,
  sessionTokenMatches,
  purgeExpiredSessions,
  assumedRolePrincipal,
} from "./sessions";

export type { AssumeRoleInput, AssumeRoleOutput } from "./assume-role";
export type { GetCallerIdentityOutput } from "./get-caller-identity";
export type { ResolvedSession } from "./sessions";
