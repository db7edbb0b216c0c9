"use client";

import { Loader2 } from "lucide-react";
import { Container, ContainerHeader } from "@/components/ui/container";
import { ErrorAlert } from "./error-alert";
import { PolicySummaryView } from "./policy-summary";
import { usePolicySummary } from "./use-summary";

/** "Permissions defined in this policy" for a document that is being written. */
export function SummaryPanel({ document }: { document: string }) {
  const summary = usePolicySummary(document);
  return (
    <Container
      header={
        <ContainerHeader
          title="Permissions defined in this policy"
          description="What the policy will allow and deny, by service."
        />
      }
    >
      {summary.isPending ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 className="size-4 animate-spin" aria-hidden /> Summarising the policy
        </p>
      ) : summary.error ? (
        <ErrorAlert error={summary.error} />
      ) : (
        <PolicySummaryView summary={summary.data} />
      )}
    </Container>
  );
}
