// GET /api/audit/export: the audit log as JSON Lines, newest first, with the page's filters.
// Pages through LookupEvents as the signed-in principal (so cloudtrail:LookupEvents decides),
// streaming each page as it comes.
import { parseAuditQuery, toLookupFilters } from "@/components/audit/audit-query";
import { getRouteCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import { lookupEvents } from "@/lib/ops/audit/lookup-events";

export const dynamic = "force-dynamic";

const PAGE = 1000;
const HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status, headers: HEADERS });
}

export async function GET(request: Request): Promise<Response> {
  const caller = await getRouteCaller();
  if (!caller)
    return errorResponse(401, "UnauthorizedException", "Sign in to export the audit log.");
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const filters = toLookupFilters(query);
  let first;
  try {
    first = await lookupEvents(caller, { ...filters, MaxResults: PAGE });
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return errorResponse(
      error.code === "AccessDeniedException" ? 403 : 400,
      error.code,
      error.message,
    );
  }
  const encoder = new TextEncoder();
  const lines = (events: typeof first.Events) =>
    encoder.encode(
      events
        .map((e) => JSON.stringify({ ...e, EventTime: new Date(e.EventTime).toISOString() }))
        .join("\n") + (events.length > 0 ? "\n" : ""),
    );
  let next = first.NextToken;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(lines(first.Events));
      if (!next) controller.close();
    },
    async pull(controller) {
      if (!next) return;
      try {
        const page = await lookupEvents(caller, { ...filters, MaxResults: PAGE, NextToken: next });
        controller.enqueue(lines(page.Events));
        next = page.NextToken;
        if (!next) controller.close();
      } catch (error) {
        console.error("audit export failed", error);
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(stream, {
    headers: {
      ...HEADERS,
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="strongbox-audit-${stamp}.jsonl"`,
    },
  });
}
