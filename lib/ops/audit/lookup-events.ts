// Reading the audit log (CloudTrail's LookupEvents, by name): newest first, filtered by time,
// principal, action, decision and error code, paged by a cursor on (time, id).
import { InvalidParameter, InvalidNextToken } from "../../errors";
import type { Prisma } from "../../db/client";
import { defineOperation } from "../operation";
import { decodeToken, encodeToken } from "../secretsmanager/paging";
import { flushAudit } from "../operation";
import { cloudTrailEvent, eventSourceAndName } from "./cloudtrail-event";

export interface LookupEventsInput {
  StartTime?: Date;
  EndTime?: Date;
  PrincipalArn?: string;
  Action?: string;
  Resource?: string;
  Decision?: "allowed" | "denied" | "error";
  ErrorCode?: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface AuditEvent {
  EventId: string;
  EventTime: Date;
  PrincipalArn: string;
  Action: string;
  Resource?: string;
  Decision: string;
  Via: string;
  SourceIp?: string;
  UserAgent?: string;
  RequestParameters?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
  /** CloudTrail's names: signin.amazonaws.com / ConsoleLogin, iam.amazonaws.com / CreateUser. */
  EventSource: string;
  EventName: string;
  /** The event record as CloudTrail writes it (JSON): userIdentity, responseElements, ... */
  CloudTrailEvent: string;
}

export const lookupEvents = defineOperation<
  LookupEventsInput,
  { Events: AuditEvent[]; NextToken?: string }
>("cloudtrail:LookupEvents", async (ctx, input) => {
  const max = input?.MaxResults ?? 50;
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw InvalidParameter("MaxResults must be between 1 and 1000.", "MaxResults");
  }
  await ctx.authorize({ resource: "*" });
  await flushAudit();
  const where: Prisma.AuditEventWhereInput[] = [];
  if (input?.StartTime) where.push({ time: { gte: new Date(input.StartTime) } });
  if (input?.EndTime) where.push({ time: { lte: new Date(input.EndTime) } });
  if (input?.PrincipalArn) where.push({ principalArn: input.PrincipalArn });
  if (input?.Action) where.push({ action: { startsWith: input.Action } });
  if (input?.Resource) where.push({ resource: { startsWith: input.Resource } });
  if (input?.Decision) where.push({ decision: input.Decision });
  if (input?.ErrorCode) where.push({ errorCode: input.ErrorCode });
  if (input?.NextToken) {
    const cursor = decodeToken<{ t: string; i: string }>(input.NextToken);
    if (!cursor?.t || !cursor.i) throw InvalidNextToken("The NextToken value is invalid.");
    where.push({
      OR: [
        { time: { lt: new Date(cursor.t) } },
        { time: new Date(cursor.t), id: { lt: cursor.i } },
      ],
    });
  }
  const rows = await ctx.rt.db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ time: "desc" }, { id: "desc" }],
    take: max + 1,
  });
  const page = rows.slice(0, max);
  const last = page[page.length - 1];
  return {
    Events: page.map((r) => {
      const { eventSource, eventName } = eventSourceAndName(r.action);
      return {
        EventId: r.id,
        EventTime: r.time,
        PrincipalArn: r.principalArn,
        Action: r.action,
        Resource: r.resource ?? undefined,
        Decision: r.decision,
        Via: r.via,
        SourceIp: r.sourceIp ?? undefined,
        UserAgent: r.userAgent ?? undefined,
        RequestParameters: r.requestParameters ?? undefined,
        ErrorCode: r.errorCode ?? undefined,
        ErrorMessage: r.errorMessage ?? undefined,
        EventSource: eventSource,
        EventName: eventName,
        CloudTrailEvent: JSON.stringify(cloudTrailEvent(r, ctx.rt.region)),
      };
    }),
    NextToken:
      rows.length > max && last
        ? encodeToken({ t: last.time.toISOString(), i: last.id })
        : undefined,
  };
});
