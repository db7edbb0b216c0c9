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
