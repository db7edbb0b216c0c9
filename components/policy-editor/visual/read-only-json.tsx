// A part of the policy the visual editor cannot show, as JSON, with why. It is written back
// unchanged; the JSON tab edits it.
import * as React from "react";
import { Lock } from "lucide-react";
import type { JsonNode } from "@/lib/iam";
import { writeNode } from "../model";

export function ReadOnlyJson({
  label,
  reason,
  node,
  text,
}: {
  label: string;
  reason: string;
  node?: JsonNode;
  text?: string;
}) {
  const json = text ?? (node ? writeNode(node) : "");
  return (
    <div
      className="rounded-lg border border-dashed bg-muted/50 px-3 py-2"
      role="group"
      aria-label={`${label} (read-only)`}
    >
      <p className="flex items-center gap-1.5 text-xs font-bold text-muted-foreground">
        <Lock className="size-3.5" aria-hidden />
        {label}: read-only here
      </p>
      <p className="mt-0.5 text-xs text-muted-foreground">
        {reason} The visual editor keeps it as written; edit it in the JSON tab.
      </p>
      <pre className="mt-1.5 max-h-48 overflow-auto rounded-md bg-code px-2 py-1.5 font-mono text-xs leading-5 whitespace-pre">
        {json}
      </pre>
    </div>
  );
}
