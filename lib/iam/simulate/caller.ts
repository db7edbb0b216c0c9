/**
 * The simulated caller, from CallerArn. AWS takes only an IAM user's ARN; Strongbox also takes
 * a role (simulated as a session of it), an assumed-role session, a federated user and the root
 * user. Without CallerArn the caller is an unnamed principal of the resource owner's account.
 */
import { AwsError } from "@/lib/errors";
import {
  EvaluationContext,
  parseArn,
  type AuthorizationRequest,
  type ContextEntry,
  type RequestPrincipal,
} from "../index";

export const SIMULATED_SESSION = "SimulatedSession";

export function invalidInput(message: string): AwsError {
  return new AwsError("InvalidInput", message, { status: 400 });
}

const principals = new Map<string, RequestPrincipal>();

/** The principal a CallerArn stands for (cached: bulk runs repeat a few callers). */
export function callerPrincipal(callerArn: string): RequestPrincipal {
  let principal = principals.get(callerArn);
  if (!principal) {
    principal = principalOf(callerArn);
    if (principals.size >= 1024) principals.clear();
    principals.set(callerArn, principal);
  }
  return principal;
}

function principalOf(callerArn: string): RequestPrincipal {
  const arn = parseArn(callerArn);
  if (!arn || !/^\d{12}$/.test(arn.account)) {
    throw invalidInput(
      `Invalid CallerArn: ${callerArn} is not the ARN of an IAM user, role or role session.`,
    );
  }
  const { partition, account, resource } = arn;
  if (arn.service === "iam" && resource === "root") {
    return { arn: callerArn, type: "Account", accountId: account };
  }
  if (arn.service === "iam" && resource.startsWith("user/") && resource.length > 5) {
    return {
      arn: callerArn,
      type: "User",
      accountId: account,
      username: resource.slice(resource.lastIndexOf("/") + 1),
    };
  }
  if (arn.service === "iam" && resource.startsWith("role/") && resource.length > 5) {
    const name = resource.slice(resource.lastIndexOf("/") + 1);
    return {
      arn: `arn:${partition}:sts::${account}:assumed-role/${name}/${SIMULATED_SESSION}`,
      type: "AssumedRole",
      accountId: account,
      roleArn: callerArn,
    };
  }
  if (arn.service === "sts" && /^assumed-role\/[^/]+\/[^/]+$/.test(resource)) {
    return { arn: callerArn, type: "AssumedRole", accountId: account };
  }
  if (arn.service === "sts" && /^federated-user\/[^/]+$/.test(resource)) {
    return { arn: callerArn, type: "FederatedUser", accountId: account };
  }
  throw invalidInput(
    `Invalid CallerArn: ${callerArn} is not the ARN of an IAM user, role or role session.`,
  );
}

/** Keys the engine would derive from a caller's ARN: unknown when no caller was named. */
const UNNAMED_CALLER_KEYS = new Set([
  "aws:principalarn",
  "aws:username",
  "aws:userid",
  "aws:principaltype",
]);

/**
 * A request context for an unnamed caller: the principal keys stay absent (so policies using
 * them report MissingContextValues, as AWS's simulator does) unless ContextEntries give them.
 */
export class UnnamedCallerContext extends EvaluationContext {
  private readonly given: ReadonlySet<string>;

  constructor(request: AuthorizationRequest) {
    super(request);
    this.given = new Set(Object.keys(request.context ?? {}).map((k) => k.toLowerCase()));
  }

  override get(lookup: string): ContextEntry | undefined {
    if (UNNAMED_CALLER_KEYS.has(lookup) && !this.given.has(lookup)) return undefined;
    return super.get(lookup);
  }
}

export function unnamedPrincipal(account: string): RequestPrincipal {
  return {
    arn: `arn:aws:iam::${account}:user/${SIMULATED_SESSION}`,
    type: "User",
    accountId: account,
  };
}
