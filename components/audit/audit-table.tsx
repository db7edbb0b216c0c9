"use client";
// The audit log: every request any principal made, newest first, with filters kept in the URL
// (the server renders each page) and a row that opens on its request parameters.
import * as React from "react";
import { useRouter } from "next/navigation";
import {
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  Download,
  Filter,
  RefreshCw,
  X,
} from "lucide-react";
import type { Loaded } from "@/components/actions/result";
import { formatDateTime, formatShortDateTime } from "@/components/secrets/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import {
  type AuditQuery,
  EMPTY_QUERY,
  RANGES,
  type Decision,
  type Range,
  auditQueryToSearch,
} from "./audit-query";
import type { AuditEventView } from "./types";

type Page = { events: AuditEventView[]; nextToken?: string };

const DECISIONS: { value: Decision | "any"; label: string }[] = [
  { value: "any", label: "Any decision" },
  { value: "allowed", label: "Allowed" },
  { value: "denied", label: "Denied" },
  { value: "error", label: "Error" },
];

export function DecisionBadge({ decision }: { decision: string }) {
  if (decision === "allowed") return <Badge tone="green">Allowed</Badge>;
  if (decision === "denied") return <Badge tone="red">Denied</Badge>;
  return <Badge tone="warning">Error</Badge>;
}

/** The friendly end of a principal ARN: "user/alice", "root", "assumed-role/app/session". */
function principalLabel(arn: string): string {
  const resource = arn.split(":").slice(5).join(":");
  return resource || arn;
}

export function AuditTable({ query, page }: { query: AuditQuery; page: Loaded<Page> }) {
  const router = useRouter();
  const [draft, setDraft] = React.useState(query);
  const [refreshing, startRefresh] = React.useTransition();
  const [navigating, startNavigation] = React.useTransition();
  const navigate = (next: AuditQuery) =>
    startNavigation(() => router.push(`/audit${auditQueryToSearch(next)}`));
  const events = page.ok ? page.data.events : [];
  const filtered = auditQueryToSearch({ ...query, tokens: [] }) !== "";
  const set = <K extends keyof AuditQuery>(key: K, value: AuditQuery[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Container
      header={
        <ContainerHeader
          title="Audit log"
          description="Every request from the console, the AWS API and the CLI, and what the policy engine decided."
          actions={
            <>
              <Button
                size="icon"
                aria-label="Refresh"
                title="Refresh"
                disabled={refreshing}
                onClick={() => startRefresh(() => router.refresh())}
              >
                <RefreshCw className={cn(refreshing && "animate-spin")} aria-hidden />
              </Button>
              <Button asChild>
                <a
                  href={`/api/audit/export${auditQueryToSearch(query, { tokens: false })}`}
                  download
                >
                  <Download aria-hidden />
                  Export
                </a>
              </Button>
            </>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <form
        role="search"
        aria-label="Filter events"
        className="grid gap-3 border-b px-5 pb-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ ...draft, tokens: [] });
        }}
      >
        <Field id="audit-range" label="Time range">
          <Select
            value={draft.range}
            onValueChange={(v) => set("range", v as Range)}
            options={RANGES.map((r) => ({ value: r.value, label: r.label }))}
          />
        </Field>
        {draft.range === "custom" ? (
          <>
            <Field id="audit-start" label="From (UTC)">
              <Input
                type="datetime-local"
                value={draft.start}
                onChange={(e) => set("start", e.target.value)}
              />
            </Field>
            <Field id="audit-end" label="To (UTC)">
              <Input
                type="datetime-local"
                value={draft.end}
                onChange={(e) => set("end", e.target.value)}
              />
            </Field>
          </>
        ) : null}
        <Field id="audit-principal" label="Principal ARN">
          <Input
            placeholder="arn:aws:iam::123456789012:user/alice"
            spellCheck={false}
            value={draft.principal}
            onChange={(e) => set("principal", e.target.value)}
          />
        </Field>
        <Field id="audit-action" label="Action">
          <Input
            placeholder="secretsmanager:"
            spellCheck={false}
            value={draft.action}
            onChange={(e) => set("action", e.target.value)}
          />
        </Field>
        <Field id="audit-decision" label="Decision">
          <Select
            value={draft.decision || "any"}
            onValueChange={(v) => set("decision", v === "any" ? "" : (v as Decision))}
            options={DECISIONS.map((d) => ({ value: d.value, label: d.label }))}
          />
        </Field>
        <Field id="audit-error-code" label="Error code">
          <Input
            placeholder="AccessDeniedException"
            spellCheck={false}
            value={draft.errorCode}
            onChange={(e) => set("errorCode", e.target.value)}
          />
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="primary" loading={navigating}>
            <Filter aria-hidden />
            Apply
          </Button>
          {filtered ? (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft(EMPTY_QUERY);
                navigate(EMPTY_QUERY);
              }}
            >
              <X aria-hidden />
              Clear
            </Button>
          ) : null}
        </div>
      </form>

      <div className="flex items-center justify-between gap-3 px-5 py-2">
        <p className="text-sm text-muted-foreground">
          {page.ok
            ? `${events.length} event${events.length === 1 ? "" : "s"} on this page, newest first`
            : null}
        </p>
        <nav aria-label="Pagination" className="flex items-center gap-1">
          <Button
            variant="icon"
            size="icon"
            aria-label="Previous page"
            disabled={query.tokens.length === 0}
            onClick={() => navigate({ ...query, tokens: query.tokens.slice(0, -1) })}
          >
            <ChevronLeft aria-hidden />
          </Button>
          <span className="min-w-14 text-center text-sm" aria-live="polite">
            Page {query.tokens.length + 1}
          </span>
          <Button
            variant="icon"
            size="icon"
            aria-label="Next page"
            disabled={!page.ok || !page.data.nextToken}
            onClick={() =>
              page.ok &&
              page.data.nextToken &&
              navigate({ ...query, tokens: [...query.tokens, page.data.nextToken] })
            }
          >
            <ChevronRight aria-hidden />
          </Button>
        </nav>
      </div>

      {!page.ok ? (
        <div className="px-5 pb-4">
          <Alert type="error" header={page.code}>
            {page.message}
          </Alert>
        </div>
      ) : null}

      <div className={cn("transition-opacity", navigating && "opacity-60")}>
        <Table aria-label="Events" aria-busy={navigating}>
          <THead>
            <tr>
              <TH className="w-10 pr-0">
                <span className="sr-only">Expand</span>
              </TH>
              <TH>Event time (UTC)</TH>
              <TH>Principal</TH>
              <TH>Action</TH>
              <TH>Resource</TH>
              <TH>Decision</TH>
              <TH>Source IP</TH>
              <TH>Error code</TH>
            </tr>
          </THead>
          <TBody>
            {events.map((event) => (
              <EventRow key={event.EventId} event={event} />
            ))}
            {page.ok && events.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-5 py-12 text-center">
                  <div className="font-bold">No events</div>
                  <p className="text-sm text-muted-foreground">
                    {filtered ? "No event matches the filters." : "Nothing has been recorded yet."}
                  </p>
                </td>
              </tr>
            ) : null}
          </TBody>
        </Table>
      </div>
    </Container>
  );
}

function EventRow({ event }: { event: AuditEventView }) {
  const [open, setOpen] = React.useState(false);
  const panel = React.useId();
  const params = React.useMemo(() => {
    if (!event.RequestParameters) return undefined;
    try {
      return JSON.stringify(JSON.parse(event.RequestParameters), null, 2);
    } catch {
      return event.RequestParameters;
    }
  }, [event.RequestParameters]);
  return (
    <>
      <TR className={cn(open && "border-b-0 bg-muted/40")}>
        <TD className="w-10 pr-0">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panel}
            aria-label={`Expand ${event.Action} at ${formatShortDateTime(event.EventTime)}`}
            onClick={() => setOpen((o) => !o)}
            className="rounded-md p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            {open ? (
              <ChevronDown className="size-4" aria-hidden />
            ) : (
              <ChevronRight className="size-4" aria-hidden />
            )}
          </button>
        </TD>
        <TD className="whitespace-nowrap">
          <time
            dateTime={event.EventTime}
            title={formatDateTime(event.EventTime)}
            className="font-mono text-[13px]"
          >
            {event.EventTime.replace("T", " ").slice(0, 19)}
          </time>
        </TD>
        <TD className="max-w-48">
          <Tooltip content={event.PrincipalArn}>
            <span tabIndex={0} className="block truncate font-mono text-[13px]">
              {principalLabel(event.PrincipalArn)}
            </span>
          </Tooltip>
        </TD>
        <TD className="font-mono text-[13px] whitespace-nowrap">{event.Action}</TD>
        <TD className="max-w-64">
          <span className="block truncate font-mono text-[13px]" title={event.Resource}>
            {event.Resource ?? "-"}
          </span>
        </TD>
        <TD>
          <DecisionBadge decision={event.Decision} />
        </TD>
        <TD className="font-mono text-[13px] whitespace-nowrap">{event.SourceIp ?? "-"}</TD>
        <TD className="font-mono text-[13px] whitespace-nowrap">{event.ErrorCode ?? "-"}</TD>
      </TR>
      {open ? (
        <tr id={panel} className="border-b border-border/70 bg-muted/40">
          <td colSpan={8} className="px-5 pt-1 pb-4">
            <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <dl className="space-y-3">
                <KeyValue label="Event ID">
                  <span className="font-mono text-[13px]">{event.EventId}</span>
                </KeyValue>
                <KeyValue label="Principal">
                  <span className="inline-flex items-start gap-1">
                    <span className="font-mono text-[13px] break-all">{event.PrincipalArn}</span>
                    <CopyButton value={event.PrincipalArn} label="Copy principal ARN" />
                  </span>
                </KeyValue>
                {event.Resource ? (
                  <KeyValue label="Resource">
                    <span className="font-mono text-[13px] break-all">{event.Resource}</span>
                  </KeyValue>
                ) : null}
                <KeyValue label="Via">{event.Via}</KeyValue>
                <KeyValue label="User agent">
                  <span className="font-mono text-[13px] break-all">{event.UserAgent ?? "-"}</span>
                </KeyValue>
                {event.ErrorMessage ? (
                  <KeyValue label="Error message">
                    <span className="text-destructive">{event.ErrorMessage}</span>
                  </KeyValue>
                ) : null}
              </dl>
              <div>
                <div className="mb-1 text-sm font-bold text-muted-foreground">
                  Request parameters
                </div>
                {params ? (
                  <pre className="max-h-80 overflow-auto rounded-lg border bg-code p-3 font-mono text-[13px] leading-5 whitespace-pre-wrap break-all">
                    {params}
                  </pre>
                ) : (
                  <p className="text-sm text-muted-foreground">None recorded.</p>
                )}
              </div>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
