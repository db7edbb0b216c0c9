/** Who is asking, and through which door. Every operation takes one. */
export type PrincipalType = "Root" | "User" | "Role" | "AssumedRole";

export interface Principal {
  type: PrincipalType;
  arn: string;
  accountId: string;
  /** The friendly name (user or role name; "root" for the root user). */
  name: string;
  /** AWS's unique id (AIDA..., AROA...:session, or the account id for root). */
  id: string;
  tags?: Record<string, string>;
  /**
   * Signed with temporary credentials: a role session made with session policies (AssumeRole's
   * Policy / PolicyArns), or an IAM user / the root user signing with GetSessionToken's.
   */
  session?: SessionPolicies;
}

/** The session policies of one role session; they never change for the session's life. */
export interface SessionPolicies {
  /** The session's access key id (ASIA...): sessions of one name differ in their policies. */
  id: string;
  /** The inline session policy, as passed. */
  policy?: string;
  /** Managed session policies, resolved to their default version when a request is decided. */
  policyArns?: string[];
}

export interface Caller {
  principal: Principal;
  via: "console" | "api" | "cli" | "rotation" | "system";
  sourceIp?: string;
  userAgent?: string;
  secureTransport?: boolean;
  /** AWS's aws:RequestedRegion (the region the request was signed for). */
  requestedRegion?: string;
}

export function rootPrincipal(accountId: string): Principal {
  return {
    type: "Root",
    arn: `arn:aws:iam::${accountId}:root`,
    accountId,
    name: "root",
    id: accountId,
  };
}
