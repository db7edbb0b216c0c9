"use client";
// A secret's rotation history (strongbox:ListRotationAttempts): each attempt with its steps,
// outcome, error and version ids, newest first.
import { Alert } from "@/components/ui/alert";
import { StatusIndicator } from "@/components/ui/status";
import { TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDateTime } from "@/components/secrets/format";
import type { RotationAttemptView } from "./types";

function outcome(status: string) {
  switch (status) {
    case "Succeeded":
      return <StatusIndicator type="success">Succeeded</StatusIndicator>;
    case "Failed":
      return <StatusIndicator type="error">Failed</StatusIndicator>;
    case "InProgress":
      return <StatusIndicator type="pending">In progress</StatusIndicator>;
    default:
      return <StatusIndicator type="stopped">{status}</StatusIndicator>;
  }
}

export function RotationHistory({
  attempts,
}: {
  attempts:
    { ok: true; data: RotationAttemptView[] } | { ok: false; code: string; message: string };
}) {
  if (!attempts.ok) {
    return (
      <Alert type="error" header={attempts.code}>
        {attempts.message}
      </Alert>
    );
  }
  if (attempts.data.length === 0) {
    return <p className="text-sm text-muted-foreground">This secret has not been rotated yet.</p>;
  }
  return (
    // A wide table: its own scrollable region, reachable by keyboard.
    <div
      role="region"
      aria-label="Rotation history (scrollable)"
      tabIndex={0}
      className="w-full overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-ring"
    >
      <table aria-label="Rotation history" className="w-full border-collapse text-left text-sm">
        <THead>
          <tr>
            <TH>Started (UTC)</TH>
            <TH>Trigger</TH>
            <TH>Outcome</TH>
            <TH>Steps</TH>
            <TH>Error</TH>
            <TH>Versions</TH>
          </tr>
        </THead>
        <TBody>
          {attempts.data.map((a) => (
            <TR key={a.AttemptId}>
              <TD className="whitespace-nowrap">{formatDateTime(a.StartedAt)}</TD>
              <TD>{a.Trigger}</TD>
              <TD>{outcome(a.Status)}</TD>
              <TD>
                <ol className="space-y-0.5">
                  {a.Steps.map((s) => (
                    <li key={`${s.Step}-${s.StartedAt}`} className="whitespace-nowrap">
                      <span className="font-mono text-[13px]">{s.Step}</span>: {s.Outcome}
                    </li>
                  ))}
                </ol>
              </TD>
              <TD className="max-w-md">
                {a.ErrorCode ? (
                  <span className="break-words">
                    <span className="font-bold">{a.ErrorCode}</span>
                    {a.ErrorMessage ? `: ${a.ErrorMessage}` : ""}
                  </span>
                ) : (
                  <span className="text-muted-foreground">-</span>
                )}
              </TD>
              <TD className="font-mono text-[13px] break-all">
                <span className="block">New: {a.VersionId}</span>
                {a.PreviousVersionId ? (
                  <span className="block text-muted-foreground">
                    Previous: {a.PreviousVersionId}
                  </span>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </table>
    </div>
  );
}
