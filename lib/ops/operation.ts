// defineOperation: the frame every AWS action runs in. It resolves the runtime, hands the
// operation an authorize() bound to the caller, and records the call for the audit log whatever
// happens. An operation that returns without having asked authorize() is a bug: it fails closed.
import { AwsError, InternalServiceError, isAwsError } from "../errors";
import type { Tx } from "../db/client";
import { AuditBuffer, auditRecord, writeAudit, type AuditRecord } from "./audit";
import { authorize, type AuthorizationRequest } from "./authorize";
import type { Caller } from "./caller";
import { getRuntime, readyRuntime, type Runtime } from "./runtime";

export interface OpContext {
  rt: Runtime;
  caller: Caller;
  /** Decide the request; throws AccessDeniedException in AWS's words when refused. */
  authorize(request: Omit<AuthorizationRequest, "action"> & { action?: string }): Promise<void>;
  /** Write this call's audit row inside the change's transaction. */
  auditIn(tx: Tx): Promise<void>;
}

export type Operation<I, O> = ((caller: Caller, input: I) => Promise<O>) & { action: string };

let buffer: AuditBuffer | undefined;
let runtimeForBuffer: Runtime | undefined;

/** Flush buffered audit rows (tests and shutdown call this). */
export async function flushAudit(): Promise<void> {
  await buffer?.flush();
}

function auditBuffer(rt: Runtime): AuditBuffer {
  runtimeForBuffer = rt;
  buffer ??= new AuditBuffer(() => runtimeForBuffer!.sql);
  return buffer;
}

export function defineOperation<I, O>(
  action: string,
  run: (ctx: OpContext, input: I) => Promise<O>,
): Operation<I, O> {
  const op = async (caller: Caller, input: I): Promise<O> => {
    const rt = readyRuntime() ?? (await getRuntime());
    let authorized = false;
    let resource: string | undefined;
    let audited = false;
    const record = (fields: Partial<AuditRecord>): AuditRecord =>
      auditRecord(caller, {
        time: rt.now(),
        action,
        resource,
        decision: "allowed",
        input,
        ...fields,
      });
    const ctx: OpContext = {
      rt,
      caller,
      async authorize(request) {
        resource = request.resource;
        await authorize(caller, { ...request, action: request.action ?? action }, rt);
        authorized = true;
      },
      async auditIn(tx) {
        await writeAudit(tx, record({}));
        audited = true;
      },
    };
    try {
      const output = await run(ctx, input);
      if (!authorized) {
        throw InternalServiceError(`${action} completed without an authorization decision`);
      }
      if (!audited) auditBuffer(rt).push(record({}));
      return output;
    } catch (error) {
      const aws: AwsError = isAwsError(error) ? error : InternalServiceError("An error occurred");
      if (!isAwsError(error)) console.error(`${action} failed`, error);
      const denied = aws.code === "AccessDeniedException" && !authorized;
      auditBuffer(rt).push(
        record({
          decision: denied ? "denied" : "error",
          errorCode: aws.code,
          errorMessage: aws.message,
        }),
      );
      throw aws;
    }
  };
  return Object.assign(op, { action });
}
