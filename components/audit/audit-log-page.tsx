import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { lookupEvents } from "@/lib/ops/audit/lookup-events";
import { parseAuditQuery, toLookupFilters } from "./audit-query";
import { AuditTable } from "./audit-table";
import type { AuditEventView } from "./types";

export const PAGE_SIZE = 50;

export async function AuditLogPage({
  searchParams,
}: {
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const caller = await getCaller();
  const query = parseAuditQuery(searchParams);
  const page = await load(async () => {
    const out = await lookupEvents(caller, {
      ...toLookupFilters(query),
      MaxResults: PAGE_SIZE,
      NextToken: query.tokens.at(-1),
    });
    return {
      events: out.Events.map((e): AuditEventView => ({
        ...e,
        EventTime: new Date(e.EventTime).toISOString(),
      })),
      nextToken: out.NextToken,
    };
  });
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "Monitoring" }, { label: "Audit log" }]} />
      <AuditTable query={query} page={page} />
    </div>
  );
}
