"use client";

import * as React from "react";
import { Eye, EyeOff } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";

/** A value shown once (a password, a secret access key): masked until asked, with copy. */
export function SecretText({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = React.useState(false);
  return (
    <span className="inline-flex max-w-full items-center gap-1">
      <span
        className="min-w-0 font-mono text-[13px] break-all"
        aria-label={shown ? undefined : `${label} hidden`}
      >
        {shown ? value : "•".repeat(Math.min(24, value.length))}
      </span>
      <button
        type="button"
        onClick={() => setShown((s) => !s)}
        className="inline-flex items-center gap-1 rounded-md p-1 text-xs font-bold text-link hover:bg-muted"
        aria-label={shown ? `Hide ${label}` : `Show ${label}`}
      >
        {shown ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
        {shown ? "Hide" : "Show"}
      </button>
      <CopyButton value={value} label={`Copy ${label}`} />
    </span>
  );
}
