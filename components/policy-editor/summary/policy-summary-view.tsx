"use client";
// "Permissions defined in this policy", in IAM's manner: by effect and service, the access
// levels granted (full or limited), the resources and the request conditions — and, per service,
// the action-level view (each action with the resources and conditions its statement gives).
import * as React from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import type { PolicyKind } from "@/lib/iam";
import { Alert } from "@/components/ui/alert";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useCatalog } from "../catalog-provider";
import { summarizePolicy, type SummaryRow } from "./summarize";

export function PolicySummaryView({ text, kind }: { text: string; kind: PolicyKind }) {
  const { catalog, ensureServices, pending } = useCatalog();
  const deferred = React.useDeferredValue(text);
  const summary = React.useMemo(
    () => (catalog ? summarizePolicy(deferred, kind, catalog) : undefined),
    [deferred, kind, catalog],
  );
  React.useEffect(() => {
    if (summary && summary.missingServices.length > 0) ensureServices(summary.missingServices);
  }, [summary, ensureServices]);

  if (!summary) {
    return (
      <p className="text-sm text-muted-foreground" role="status">
        Loading the IAM catalogue…
      </p>
    );
  }
  if (summary.error) {
    return (
      <Alert type="error" header="The policy cannot be summarised">
        {summary.error}
      </Alert>
    );
  }
  if (summary.rows.length === 0) {
    return <p className="text-sm text-muted-foreground">This policy defines no permissions.</p>;
  }
  const deny = summary.rows.filter((r) => r.effect === "Deny");
  const allow = summary.rows.filter((r) => r.effect === "Allow");
  const total = catalog?.listServices().length ?? 0;
  const principals = kind === "trust" || kind === "resource";
  return (
    <div className="space-y-4" aria-busy={pending.size > 0 || undefined}>
      {deny.length > 0 ? (
        <SummaryTable
          title={`Explicit deny (${deny.length} of ${total} services)`}
          rows={deny}
          principals={principals}
        />
      ) : null}
      {allow.length > 0 ? (
        <SummaryTable
          title={`Allow (${allow.length} of ${total} services)`}
          rows={allow}
          principals={principals}
        />
      ) : null}
    </div>
  );
}

function SummaryTable({
  title,
  rows,
  principals,
}: {
  title: string;
  rows: SummaryRow[];
  principals: boolean;
}) {
  const [open, setOpen] = React.useState<ReadonlySet<string>>(() => new Set());
  const id = React.useId();
  return (
    <div className="overflow-hidden rounded-lg border">
      <p className="border-b bg-muted px-4 py-2 text-sm font-bold">{title}</p>
      <Table aria-label={title}>
        <THead>
          <tr>
            <TH className="w-44">Service</TH>
            <TH className="w-56">Access level</TH>
            <TH className="min-w-56">Resource</TH>
            <TH className="min-w-56">Request condition</TH>
            {principals ? <TH className="min-w-48">Principal</TH> : null}
          </tr>
        </THead>
        <TBody>
          {rows.map((row, i) => {
            const key = `${row.effect}-${row.prefix}`;
            const expanded = open.has(key);
            const detailsId = `${id}-${i}`;
            return (
              <React.Fragment key={key}>
                <TR>
                  <TD className="font-bold">
                    <button
                      type="button"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() =>
                        setOpen((current) => {
                          const next = new Set(current);
                          if (next.has(key)) next.delete(key);
                          else next.add(key);
                          return next;
                        })
                      }
                      className="flex items-start gap-1 text-left font-bold text-link hover:underline"
                    >
                      {expanded ? (
                        <ChevronDown className="mt-0.5 size-4 shrink-0" aria-hidden />
                      ) : (
                        <ChevronRight className="mt-0.5 size-4 shrink-0" aria-hidden />
                      )}
                      {row.service}
                    </button>
                    {row.unrecognized.length > 0 ? (
                      <span className="mt-0.5 block text-xs font-normal text-warning">
                        Unrecognized: {row.unrecognized.join(", ")}
                      </span>
                    ) : null}
                  </TD>
                  <TD className="whitespace-pre-wrap">{row.accessLevel.replace("  ", "\n")}</TD>
                  <TD className="max-w-sm">
                    <List items={row.resources} mono={(r) => r.startsWith("arn:")} />
                  </TD>
                  <TD className="max-w-sm">
                    <List items={row.conditions} mono={(c) => c !== "Multiple"} />
                  </TD>
                  {principals ? (
                    <TD className="max-w-xs">
                      <List items={row.principals} mono={(p) => p.includes(":")} />
                    </TD>
                  ) : null}
                </TR>
                {expanded ? (
                  <tr id={detailsId}>
                    <td colSpan={principals ? 5 : 4} className="bg-muted/40 px-5 py-3">
                      <Table aria-label={`${row.service} actions`} className="text-[13px]">
                        <THead>
                          <tr>
                            <TH>Action</TH>
                            <TH>Access level</TH>
                            <TH>Resource</TH>
                            <TH>Request condition</TH>
                            <TH>Block</TH>
                          </tr>
                        </THead>
                        <TBody>
                          {row.grants.map((g) => (
                            <TR key={`${g.action}-${g.statement}`}>
                              <TD className="font-bold">{g.action}</TD>
                              <TD>{g.level ?? "—"}</TD>
                              <TD>
                                <List items={g.resources} mono={(r) => r.startsWith("arn:")} />
                              </TD>
                              <TD>
                                <List items={g.conditions} mono={() => true} />
                              </TD>
                              <TD>{g.statement + 1}</TD>
                            </TR>
                          ))}
                        </TBody>
                      </Table>
                    </td>
                  </tr>
                ) : null}
              </React.Fragment>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}

function List({ items, mono }: { items: string[]; mono: (item: string) => boolean }) {
  if (items.length === 0) return <span className="text-muted-foreground">None</span>;
  return (
    <ul className="space-y-0.5">
      {items.map((item) => (
        <li key={item} className={mono(item) ? "font-mono text-[13px] break-all" : undefined}>
          {item}
        </li>
      ))}
    </ul>
  );
}
