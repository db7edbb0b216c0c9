// sts:AssumeRole: temporary credentials for a role, when the role's trust policy lets the caller
// in and the caller may sts:AssumeRole (AWS's rules: within one account, a trust policy that
// names the caller itself suffices; one that names the account delegates to the caller's
// identity policies; an explicit deny anywhere wins). Session policies (Policy, PolicyArns) are
// kept with the session and limit every request made with its credentials.
import { deflateRawSync } from "node:zlib";
import { AccessDenied, AwsError } from "../../errors";
import { isMalformedPolicyError, parsePolicy } from "../../iam";
import { decide } from "../authorize";
import { newId } from "../iam/common";
import { defineOperation, type OpContext } from "../operation";
import { NOT_NULL, constraint, validation } from "./common";
import {
  assumedRolePrincipal,
  newSecretAccessKey,
  newSessionToken,
  sealSessionSecret,
  sessionTokenHash,
} from "./sessions";

export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
  ExternalId?: string;
  Policy?: string;
  PolicyArns?: { arn?: string }[];
  Tags?: { Key: string; Value: string }[];
  TransitiveTagKeys?: string[];
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
  ProvidedContexts?: unknown[];
}

export interface AssumeRoleOutput {
  Credentials: {
    AccessKeyId: string;
    SecretAccessKey: string;
    SessionToken: string;
    Expiration: Date;
  };
  AssumedRoleUser: { AssumedRoleId: string; Arn: string };
  /** How full the packed session policies are, in percent; only when some were passed. */
  PackedPolicySize?: number;
}

const ACTION = "sts:AssumeRole";
const MIN_DURATION = 900;
const DEFAULT_DURATION = 3600;
/** AWS limits a session that a role session asked for (role chaining) to one hour. */
const CHAINED_MAX_DURATION = 3600;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** AWS's quotas: an inline session policy's plaintext, and how many managed ones. */
const MAX_POLICY_LENGTH = 2048;
const MAX_POLICY_ARNS = 10;
const POLICY_PATTERN = /^[\u0009\u000A\u000D\u0020-\u00FF]+$/;
/**
 * The packed budget. AWS compresses the session policies into the session token and reports the
 * share of a limit it does not publish; Strongbox deflates the minified policy and the ARNs and
 * counts them against 2,048 bytes, so a quota-sized policy of ordinary text sits well under it.
 */
const PACKED_BUDGET_BYTES = 2048;

const malformed = (message: string) =>
  new AwsError("MalformedPolicyDocument", message, { status: 400 });

// Features whose effect Strongbox cannot yet honour: refused, never silently ignored (a session
// policy ignored would grant more than was asked for).
const UNSUPPORTED: (keyof AssumeRoleInput)[] = [
  "Tags",
  "TransitiveTagKeys",
  "SerialNumber",
  "TokenCode",
  "SourceIdentity",
  "ProvidedContexts",
];

function checkInput(input: AssumeRoleInput) {
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  const roleArn = raw.RoleArn;
  if (roleArn === undefined || roleArn === null) throw constraint(roleArn, "roleArn", NOT_NULL);
  if (typeof roleArn !== "string" || roleArn.length < 20) {
    throw constraint(roleArn, "roleArn", "Member must have length greater than or equal to 20");
  }
  if (roleArn.length > 2048) {
    throw constraint(roleArn, "roleArn", "Member must have length less than or equal to 2048");
  }
  const sessionName = raw.RoleSessionName;
  if (sessionName === undefined || sessionName === null) {
    throw constraint(sessionName, "roleSessionName", NOT_NULL);
  }
  if (typeof sessionName === "string" && sessionName.length < 2) {
    throw constraint(
      sessionName,
      "roleSessionName",
      "Member must have length greater than or equal to 2",
    );
  }
  if (typeof sessionName === "string" && sessionName.length > 64) {
    throw constraint(
      sessionName,
      "roleSessionName",
      "Member must have length less than or equal to 64",
    );
  }
  if (typeof sessionName !== "string" || !SESSION_NAME.test(sessionName)) {
    throw constraint(
      sessionName,
      "roleSessionName",
      "Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  }
  const duration = raw.DurationSeconds ?? DEFAULT_DURATION;
  if (typeof duration !== "number" || !Number.isInteger(duration) || duration < MIN_DURATION) {
    throw constraint(
      duration,
      "durationSeconds",
      `Member must have value greater than or equal to ${MIN_DURATION}`,
    );
  }
  const externalId = raw.ExternalId;
  if (
    externalId !== undefined &&
    (typeof externalId !== "string" || !/^[\w+=,.@:/-]{2,1224}$/.test(externalId))
  ) {
    throw constraint(
      externalId,
      "externalId",
      "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*",
    );
  }
  for (const field of UNSUPPORTED) {
    const value = raw[field];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      throw validation(`Strongbox does not support ${field} in AssumeRole yet.`);
    }
  }
  return {
    roleArn,
    sessionName,
    duration,
    externalId: externalId as string | undefined,
    policy: checkPolicy(raw.Policy),
    policyArns: checkPolicyArns(raw.PolicyArns),
  };
}

/** The inline session policy: AWS's length and character constraints, then IAM's grammar. */
function checkPolicy(policy: unknown): string | undefined {
  if (policy === undefined || policy === null) return undefined;
  if (typeof policy !== "string" || policy.length < 1) {
    throw constraint(policy, "policy", "Member must have length greater than or equal to 1");
  }
  if (policy.length > MAX_POLICY_LENGTH) {
    throw constraint(
      policy,
      "policy",
      `Member must have length less than or equal to ${MAX_POLICY_LENGTH}`,
    );
  }
  if (!POLICY_PATTERN.test(policy)) {
    throw constraint(
      policy,
      "policy",
      "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    );
  }
  try {
    // A session policy is an identity policy (no Principal), as IAM parses those.
    parsePolicy(policy, { kind: "identity" });
  } catch (error) {
    if (isMalformedPolicyError(error)) throw malformed(error.message);
    throw error;
  }
  return policy;
}

/** The managed session policies' ARNs (their existence is checked against the database). */
function checkPolicyArns(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw constraint(value, "policyArns", "Member must be a list");
  }
  if (value.length > MAX_POLICY_ARNS) {
    const shown = value
      .map((d: unknown) => `PolicyDescriptorType(arn=${(d as { arn?: unknown })?.arn})`)
      .join(", ");
    throw validation(
      `1 validation error detected: Value '[${shown}]' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to ${MAX_POLICY_ARNS}`,
    );
  }
  return value.map((descriptor: unknown, i) => {
    const arn = (descriptor as { arn?: unknown } | null)?.arn;
    const field = `policyArns.${i + 1}.member.arn`;
    if (typeof arn !== "string" || arn.length < 20) {
      throw constraint(arn, field, "Member must have length greater than or equal to 20");
    }
    if (arn.length > 2048) {
      throw constraint(arn, field, "Member must have length less than or equal to 2048");
    }
    return arn;
  });
}

/** PackedPolicySize: the session policies deflated, as a share of the packed budget (percent). */
export function packedPolicySize(policy: string | undefined, policyArns: string[]): number {
  const minified = policy === undefined ? "" : JSON.stringify(JSON.parse(policy));
  const packed = deflateRawSync(Buffer.from([minified, ...policyArns].join("\n"), "utf8"));
  return Math.max(1, Math.ceil((packed.length * 100) / PACKED_BUDGET_BYTES));
}

/**
 * The trust policy as a resource policy of the role (its statements name no Resource; they are
 * about the role itself), so the engine can weigh it against the caller's identity policies.
 */
export function trustAsResourcePolicy(trustPolicy: string, roleArn: string): string {
  const document = JSON.parse(trustPolicy) as { Statement?: unknown };
  const statements = Array.isArray(document.Statement)
    ? document.Statement
    : document.Statement === undefined
      ? []
      : [document.Statement];
  document.Statement = statements.map((s: Record<string, unknown>) => ({
    ...s,
    Resource: roleArn,
  }));
  return JSON.stringify(document);
}

function notAuthorized(ctx: OpContext, roleArn: string) {
  return AccessDenied(
    `User: ${ctx.caller.principal.arn} is not authorized to perform: ${ACTION} on resource: ${roleArn}`,
  );
}

export const assumeRole = defineOperation<AssumeRoleInput, AssumeRoleOutput>(
  ACTION,
  async (ctx, input) => {
    const { roleArn, sessionName, duration, externalId, policy, policyArns } = checkInput(input);
    const { rt, caller } = ctx;
    if (caller.principal.type === "Root") {
      throw AccessDenied("Roles may not be assumed by root accounts.");
    }
    const role = await rt.db.iamRole.findUnique({ where: { arn: roleArn } });
    // An unknown role reads as a refusal, as in AWS: the answer must not reveal which roles exist.
    if (!role) throw notAuthorized(ctx, roleArn);

    const request = {
      action: ACTION,
      resource: roleArn,
      resourcePolicy: trustAsResourcePolicy(role.assumeRolePolicyDocument, roleArn),
      context: {
        "sts:RoleSessionName": sessionName,
        ...(externalId !== undefined ? { "sts:ExternalId": externalId } : {}),
      },
    };
    // The trust policy must let the caller in whatever the identity policies say.
    const trust = await decide(caller, request, rt);
    if (!trust.result.facts.resourceAllow && !trust.result.facts.resourceDeny) {
      throw notAuthorized(ctx, roleArn);
    }
    await ctx.authorize(request);

    const chained = caller.principal.type === "AssumedRole";
    if (chained && duration > CHAINED_MAX_DURATION) {
      throw validation(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      );
    }
    if (duration > role.maxSessionDuration) {
      throw validation(
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      );
    }

    const withSessionPolicies = policy !== undefined || policyArns.length > 0;
    const packedSize = withSessionPolicies ? packedPolicySize(policy, policyArns) : undefined;
    if (packedSize !== undefined && packedSize > 100) {
      throw new AwsError(
        "PackedPolicyTooLarge",
        `Packed policy consumes ${packedSize}% of allotted space, please use smaller policy.`,
        { status: 400 },
      );
    }
    if (policyArns.length > 0) {
      // Managed session policies: AWS managed ones, or customer managed ones of the role's account.
      const found = await rt.db.iamPolicy.findMany({
        where: { arn: { in: policyArns } },
        select: { arn: true },
      });
      const known = new Set(found.map((p) => p.arn));
      const missing = policyArns.find(
        (arn) =>
          !known.has(arn) ||
          !(
            arn.startsWith("arn:aws:iam::aws:policy/") ||
            arn.startsWith(`arn:aws:iam::${rt.accountId}:policy/`)
          ),
      );
      if (missing) throw malformed(`Policy ${missing} does not exist or is not attachable.`);
    }

    const id = newId("ASIA", 20);
    const secret = newSecretAccessKey();
    const token = newSessionToken();
    const now = rt.now();
    // AWS reports expiry to the second.
    const expiration = new Date(Math.floor(now.getTime() / 1000) * 1000 + duration * 1000);
    await rt.db.$transaction(async (tx) => {
      await tx.stsSession.create({
        data: {
          id,
          roleId: role.id,
          sessionName,
          ...sealSessionSecret(rt.kek, id, secret),
          sessionTokenHash: sessionTokenHash(token),
          expiration,
          sessionPolicy: policy ?? null,
          sessionPolicyArns: policyArns.length > 0 ? JSON.stringify(policyArns) : null,
        },
      });
      await tx.iamRole.update({
        where: { id: role.id },
        data: { lastUsedDate: now, lastUsedRegion: caller.requestedRegion ?? rt.region },
      });
      await ctx.auditIn(tx);
    });
    const principal = assumedRolePrincipal(rt.accountId, role, sessionName);
    return {
      Credentials: {
        AccessKeyId: id,
        SecretAccessKey: secret,
        SessionToken: token,
        Expiration: expiration,
      },
      AssumedRoleUser: { AssumedRoleId: principal.id, Arn: principal.arn },
      ...(packedSize !== undefined ? { PackedPolicySize: packedSize } : {}),
    };
  },
);
