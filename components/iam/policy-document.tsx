"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/components/ui/cn";
import { pretty } from "./format";

/** A policy document as formatted JSON with line numbers and a copy button. */
export function PolicyDocumentView({
  document,
  label,
  className,
}: {
  document: string;
  /** Names the document for screen readers and the copy button ("SecretsManagerReadWrite"). */
  label: string;
  className?: string;
}) {
  const text = pretty(document);
  const lines = text.split("\n");
  return (
    <div className={cn("relative rounded-lg border bg-code", className)}>
      {/* A scrollable region: reachable by keyboard to scroll long lines and documents. */}
      <pre
        role="region"
        aria-label={`${label} policy document`}
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-lg py-3 pr-12 font-mono text-[13px] leading-5 focus-visible:outline-2 focus-visible:outline-ring"
      >
        <code className="grid grid-cols-[auto_1fr]">
          {lines.map((line, i) => (
            <span key={i} className="contents">
              <span aria-hidden className="pr-3 pl-3 text-right text-muted-foreground select-none">
                {i + 1}
              </span>
              <span className="pr-2 whitespace-pre">{line || " "}</span>
            </span>
          ))}
        </code>
      </pre>
      <CopyButton value={text} label={`Copy ${label} policy`} className="absolute top-2 right-2" />
    </div>
  );
}
