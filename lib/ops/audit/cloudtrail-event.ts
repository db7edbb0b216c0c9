// An audit row as CloudTrail writes its event record (LookupEvents' CloudTrailEvent): who
// (userIdentity from the principal's ARN), what (eventSource, eventName), from where, and how it
// ended. ConsoleLogin events carry responseElements {"ConsoleLogin": "Success" | "Failure"}.
export interface AuditRow {
  id: string;
  time: Date;
  principalArn: string;
  action: string;
  resource?: string | null;
  decision: string;
  sourceIp?: string | null;
  userAgent?: string | null;
  requestParameters?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
}

export interface UserIdentity {
  type: "Root" | "IAMUser" | "AssumedRole" | "AWSService" | "Unknown";
  arn?: string;
  accountId?: string;
  principalId?: string;
  userName?: string;
}

const HIDDEN_USER_NAME = "HIDDEN_DUE_TO_SECURITY_REASONS";

/** CloudTrail's userIdentity for a principal ARN. */
export function userIdentityOf(arn: string): UserIdentity {
  const match = /^arn:aws:(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!match) return { type: "Unknown", arn };
  const [, , accountId, rest] = match;
  if (rest === "root") return { type: "Root", arn, accountId, principalId: accountId };
  if (rest.startsWith("user/")) {
    const userName = rest.slice(rest.lastIndexOf("/") + 1);
    // A sign-in attempt at a user name that names nobody: CloudTrail shows no ARN.
    if (userName === HIDDEN_USER_NAME) return { type: "IAMUser", accountId, userName };
    return { type: "IAMUser", arn, accountId, userName };
  }
  if (rest.startsWith("assumed-role/") || rest.startsWith("role/")) {
    return { type: "AssumedRole", arn, accountId };
  }
  return { type: "Unknown", arn, accountId };
}

/** signin:ConsoleLogin -> signin.amazonaws.com and ConsoleLogin. */
export function eventSourceAndName(action: string): { eventSource: string; eventName: string } {
  const colon = action.indexOf(":");
  if (colon < 0) return { eventSource: "strongbox", eventName: action };
  return {
    eventSource: `${action.slice(0, colon)}.amazonaws.com`,
    eventName: action.slice(colon + 1),
  };
}

const GLOBAL_SERVICES = new Set(["iam.amazonaws.com", "signin.amazonaws.com"]);

function parseJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function cloudTrailEvent(row: AuditRow, region: string): Record<string, unknown> {
  const { eventSource, eventName } = eventSourceAndName(row.action);
  const identity = userIdentityOf(row.principalArn);
  const consoleLogin = eventSource === "signin.amazonaws.com" && eventName === "ConsoleLogin";
  return {
    eventVersion: "1.08",
    userIdentity: identity,
    eventTime: row.time.toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource,
    eventName,
    awsRegion: GLOBAL_SERVICES.has(eventSource) ? "us-east-1" : region,
    sourceIPAddress: row.sourceIp ?? undefined,
    userAgent: row.userAgent ?? undefined,
    ...(row.errorCode && !consoleLogin ? { errorCode: row.errorCode } : {}),
    ...(row.errorMessage ? { errorMessage: row.errorMessage } : {}),
    requestParameters: parseJson(row.requestParameters),
    responseElements: consoleLogin
      ? { ConsoleLogin: row.decision === "allowed" ? "Success" : "Failure" }
      : null,
    ...(consoleLogin
      ? {
          additionalEventData: {
            MobileVersion: "No",
            MFAUsed: "No",
            ...(row.errorCode === "Throttling" ? { Throttled: "Yes" } : {}),
          },
        }
      : {}),
    ...(row.resource && row.resource !== "*" ? { resources: [{ ARN: row.resource }] } : {}),
    eventID: row.id,
    readOnly: consoleLogin ? false : undefined,
    eventType: consoleLogin ? "AwsConsoleSignIn" : "AwsApiCall",
    recipientAccountId: identity.accountId,
  };
}
