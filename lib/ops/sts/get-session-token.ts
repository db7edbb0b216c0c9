// sts:GetSessionToken: temporary credentials for the IAM user (or root user) that signs with its
// long-term access key. Requests signed with them act as that user, with the user's permissions;
// as in AWS they cannot call IAM's API (no MFA: Strongbox has no MFA devices) nor any STS
// operation but AssumeRole and GetCallerIdentity. AWS needs no permission for it and policies
// cannot stop it ("You cannot use policies to control authentication operations"), so it asks no
// policy; it is audited like every operation that changes something.
import { unrecognizedClient } from "../../crypto/sigv4";
import { AccessDenied, AwsError, InternalServiceError, isAwsError } from "../../errors";
import { auditRecord, writeAudit } from "../audit";
import type { Caller } from "../caller";
import { newId } from "../iam/common";
import type { Operation } from "../operation";
import { getRuntime, type Runtime } from "../runtime";
import { constraint, usesSessionCredentials } from "./common";
import type { SessionPrincipalType } from "./sessions";
import {
  newSecretAccessKey,
  newSessionToken,
  sealSessionSecret,
  sessionTokenHash,
} from "./sessions";

export interface GetSessionTokenInput {
  DurationSeconds?: number;
  SerialNumber?: string;
  TokenCode?: string;
}

export interface GetSessionTokenOutput {
  Credentials: {
    AccessKeyId: string;
    SecretAccessKey: string;
    SessionToken: string;
    Expiration: Date;
  };
}

const ACTION = "sts:GetSessionToken";
const MIN_DURATION = 900;
const MAX_DURATION = 129_600;
const DEFAULT_DURATION = 43_200;
/** The root user's sessions last at most an hour; a longer request gets an hour (AWS's rule). */
const ROOT_MAX_DURATION = 3600;

const SERIAL_NUMBER = /^[\w+=/:,.@-]*$/;
const TOKEN_CODE = /^\d*$/;

// AWS's words when the MFA device named is not one of the caller's: Strongbox has no MFA
// devices, so every SerialNumber is such a device (two spaces after the first sentence, as AWS).
const MFA_FAILED =
  "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.";

function checkInput(input: GetSessionTokenInput | undefined) {
  const raw = (input ?? {}) as Record<string, unknown>;
  const duration = raw.DurationSeconds ?? DEFAULT_DURATION;
  if (typeof duration !== "number" || !Number.isInteger(duration) || duration < MIN_DURATION) {
    throw constraint(
      duration,
      "durationSeconds",
      `Member must have value greater than or equal to ${MIN_DURATION}`,
    );
  }
  if (duration > MAX_DURATION) {
    throw constraint(
      duration,
      "durationSeconds",
      `Member must have value less than or equal to ${MAX_DURATION}`,
    );
  }
  const serial = raw.SerialNumber;
  if (serial !== undefined && serial !== null) {
    const text = String(serial);
    if (text.length < 9) {
      throw constraint(text, "serialNumber", "Member must have length greater than or equal to 9");
    }
    if (text.length > 256) {
      throw constraint(text, "serialNumber", "Member must have length less than or equal to 256");
    }
    if (!SERIAL_NUMBER.test(text)) {
      throw constraint(
        text,
        "serialNumber",
        "Member must satisfy regular expression pattern: [\\w+=/:,.@-]*",
      );
    }
  }
  const code = raw.TokenCode;
  if (code !== undefined && code !== null) {
    const text = String(code);
    if (text.length < 6) {
      throw constraint(text, "tokenCode", "Member must have length greater than or equal to 6");
    }
    if (text.length > 6) {
      throw constraint(text, "tokenCode", "Member must have length less than or equal to 6");
    }
    if (!TOKEN_CODE.test(text)) {
      throw constraint(text, "tokenCode", "Member must satisfy regular expression pattern: [\\d]*");
    }
  }
  const mfa = (serial !== undefined && serial !== null) || (code !== undefined && code !== null);
  return { duration, mfa };
}

async function issue(
  rt: Runtime,
  caller: Caller,
  input: GetSessionTokenInput | undefined,
): Promise<GetSessionTokenOutput> {
  const { duration: requested, mfa } = checkInput(input);
  const { principal } = caller;
  // Only long-term credentials may ask: AWS refuses every kind of temporary credentials.
  if (usesSessionCredentials(principal) || principal.type === "Role") {
    throw AccessDenied("Cannot call GetSessionToken with session credentials");
  }
  if (mfa) throw AccessDenied(MFA_FAILED);

  let principalType: SessionPrincipalType;
  let userId: string | null = null;
  let duration = requested;
  if (principal.type === "Root") {
    principalType = "Root";
    duration = Math.min(duration, ROOT_MAX_DURATION);
  } else {
    const user = await rt.db.iamUser.findUnique({
      where: { id: principal.id },
      select: { id: true },
    });
    // The user was deleted since its key was checked: the key is no longer recognised.
    if (!user) throw unrecognizedClient("query");
    principalType = "User";
    userId = user.id;
  }

  const id = newId("ASIA", 20);
  const secret = newSecretAccessKey();
  const token = newSessionToken();
  // AWS reports expiry to the second.
  const expiration = new Date(Math.floor(rt.now().getTime() / 1000) * 1000 + duration * 1000);
  await rt.db.$transaction(async (tx) => {
    await tx.stsSession.create({
      data: {
        id,
        principalType,
        userId,
        ...sealSessionSecret(rt.kek, id, secret),
        sessionTokenHash: sessionTokenHash(token),
        expiration,
      },
    });
    await writeAudit(
      tx,
      auditRecord(caller, { time: rt.now(), action: ACTION, decision: "allowed", input }),
    );
  });
  return {
    Credentials: {
      AccessKeyId: id,
      SecretAccessKey: secret,
      SessionToken: token,
      Expiration: expiration,
    },
  };
}

async function run(
  caller: Caller,
  input: GetSessionTokenInput | undefined,
): Promise<GetSessionTokenOutput> {
  const rt = await getRuntime();
  try {
    return await issue(rt, caller, input);
  } catch (error) {
    const aws: AwsError = isAwsError(error) ? error : InternalServiceError("An error occurred");
    if (!isAwsError(error)) console.error(`${ACTION} failed`, error);
    await writeAudit(
      rt.db,
      auditRecord(caller, {
        time: rt.now(),
        action: ACTION,
        decision: aws.code === "AccessDeniedException" ? "denied" : "error",
        input,
        errorCode: aws.code,
        errorMessage: aws.message,
      }),
    ).catch((auditError: unknown) => console.error(`${ACTION}: could not audit`, auditError));
    throw aws;
  }
}

export const getSessionToken: Operation<GetSessionTokenInput | undefined, GetSessionTokenOutput> =
  Object.assign(run, { action: ACTION });
