"use client";

import * as React from "react";
import { Check, Copy } from "lucide-react";
import { cn } from "./cn";

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP consoles (no Clipboard API): copy through a hidden, selected textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

/** An icon button that copies `value` and says so. `label` names what is copied. */
export function CopyButton({
  value,
  label,
  className,
  showText = false,
}: {
  value: string | (() => string);
  label: string;
  className?: string;
  showText?: boolean;
}) {
  const [copied, setCopied] = React.useState(false);
  React.useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={async () => {
        await writeClipboard(typeof value === "function" ? value() : value);
        setCopied(true);
      }}
      className={cn(
        "inline-flex shrink-0 items-center gap-1 rounded-md p-1 align-middle text-muted-foreground hover:bg-muted hover:text-foreground",
        className,
      )}
    >
      {copied ? (
        <Check className="size-4 text-success" aria-hidden />
      ) : (
        <Copy className="size-4" aria-hidden />
      )}
      {showText ? <span className="text-xs font-bold">{copied ? "Copied" : "Copy"}</span> : null}
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied" : ""}
      </span>
    </button>
  );
}
