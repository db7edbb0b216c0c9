"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { PolicySummary, ServiceSummary } from "./policies/summary-types";

/** "Permissions defined in this policy": services with their access level, resources, conditions. */
export function PolicySummaryView({ summary }: { summary: PolicySummary }) {
  if (summary.error) {
    return (
      <Alert type="error" header="The policy could not be summarised">
        {summary.error}
      </Alert>
    );
  }
  const allow = summary.rows.filter((r) => r.effect === "Allow");
  const deny = summary.rows.filter((r) => r.effect === "Deny");
  if (summary.rows.length === 0) {
    return <p className="text-sm text-muted-foreground">This policy grants no permissions.</p>;
  }
  return (
    <div className="space-y-4">
      {deny.length > 0 ? (
        <SummaryTable title={`Explicit deny (${services(deny.length)})`} rows={deny} />
      ) : null}
      {allow.length > 0 ? (
        <SummaryTable title={`Allow (${services(allow.length)})`} rows={allow} />
      ) : null}
    </div>
  );
}

const services = (n: number) => `${n} service${n === 1 ? "" : "s"}`;

function SummaryTable({ title, rows }: { title: string; rows: ServiceSummary[] }) {
  return (
    <div className="overflow-hidden rounded-lg border">
      <div className="border-b bg-muted px-4 py-2 text-sm font-bold">{title}</div>
      <Table aria-label={title}>
        <THead>
          <tr>
            <TH className="w-1/4">Service</TH>
            <TH className="w-1/4">Access level</TH>
            <TH className="w-1/4">Resource</TH>
            <TH className="w-1/4">Request condition</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={`${row.effect}-${row.prefix}`}>
              <TD className="font-bold">
                {row.service}
                {row.unrecognized.length > 0 ? (
                  <Badge tone="warning" className="ml-2" title={row.unrecognized.join(", ")}>
                    {row.unrecognized.length} unrecognized
                  </Badge>
                ) : null}
              </TD>
              <TD className="whitespace-pre-wrap">{row.accessLevel.replace("  ", "\n")}</TD>
              <TD className="font-mono text-[13px] break-all">
                {row.resource === "All resources" || /^\d+ resources$/.test(row.resource) ? (
                  <span className="font-sans">{row.resource}</span>
                ) : (
                  row.resource
                )}
              </TD>
              <TD className="text-[13px] break-words">{row.condition}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
