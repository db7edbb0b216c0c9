"use client";
// The JSON policy editor. The visual editor (a later issue) replaces this component; callers use
// only these props and usePolicyProblems(), so the swap stays inside components/policy-editor/.
import * as React from "react";
import { Braces, CircleAlert, CircleCheck } from "lucide-react";
import type { PolicyKind } from "@/lib/iam";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { policyProblems, type PolicyProblem } from "./problems";

export function usePolicyProblems(text: string, kind: PolicyKind): PolicyProblem[] {
  const deferred = React.useDeferredValue(text);
  return React.useMemo(() => policyProblems(deferred, kind), [deferred, kind]);
}

export function PolicyJsonEditor({
  id = "policy-document",
  value,
  onChange,
  kind = "identity",
  label = "Policy editor",
  rows = 20,
  serverError,
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  kind?: PolicyKind;
  label?: string;
  rows?: number;
  /** The operation's refusal (MalformedPolicyDocument ...), shown with the parse problems. */
  serverError?: string;
}) {
  const problems = usePolicyProblems(value, kind);
  const gutter = React.useRef<HTMLDivElement>(null);
  const lineCount = Math.max(rows, value.split("\n").length);
  const problemLines = new Set(problems.map((p) => p.line));

  const format = () => {
    try {
      onChange(JSON.stringify(JSON.parse(value), null, 2));
    } catch {
      // Not JSON yet: the problems list already says where.
    }
  };

  return (
    <div className="overflow-hidden rounded-lg border">
      <div className="flex items-center justify-between gap-2 border-b bg-muted px-3 py-1.5">
        <label htmlFor={id} className="text-sm font-bold">
          {label}
          <span className="ml-2 rounded-sm bg-card px-1.5 py-0.5 text-xs font-bold text-muted-foreground ring-1 ring-border">
            JSON
          </span>
        </label>
        <Button size="sm" variant="ghost" onClick={format}>
          <Braces aria-hidden />
          Format JSON
        </Button>
      </div>
      <div className="flex max-h-[34rem] overflow-hidden bg-card">
        <div
          ref={gutter}
          aria-hidden
          className="shrink-0 overflow-hidden border-r bg-muted/60 py-2 text-right font-mono text-[13px] leading-5 text-muted-foreground/70 select-none"
        >
          {Array.from({ length: lineCount }, (_, i) => (
            <div
              key={i}
              className={cn("px-2", problemLines.has(i + 1) && "bg-error-soft text-destructive")}
            >
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
          onKeyDown={(event) => {
            // Tab indents inside the editor (Escape, then Tab, leaves it, as code editors do).
            if (event.key !== "Tab" || event.shiftKey) return;
            event.preventDefault();
            const el = event.currentTarget;
            const { selectionStart, selectionEnd } = el;
            const next = `${value.slice(0, selectionStart)}  ${value.slice(selectionEnd)}`;
            onChange(next);
            requestAnimationFrame(() =>
              el.setSelectionRange(selectionStart + 2, selectionStart + 2),
            );
          }}
          rows={rows}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          aria-invalid={problems.length > 0 || !!serverError || undefined}
          aria-describedby={`${id}-problems`}
          className="min-h-0 flex-1 resize-none overflow-auto bg-card px-3 py-2 font-mono text-[13px] leading-5 text-foreground outline-none focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-ring"
        />
      </div>
      <div
        id={`${id}-problems`}
        className="border-t bg-muted/40 px-3 py-2 text-xs"
        aria-live="polite"
      >
        {serverError ? (
          <p className="flex items-start gap-1.5 font-bold text-destructive">
            <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
            {serverError}
          </p>
        ) : null}
        {problems.length === 0 ? (
          serverError ? null : (
            <p className="flex items-center gap-1.5 text-success">
              <CircleCheck className="size-3.5" aria-hidden />
              <span className="text-foreground">No errors found.</span>
            </p>
          )
        ) : (
          <ul className="space-y-0.5">
            {problems.slice(0, 5).map((p, i) => (
              <li key={i} className="flex items-start gap-1.5 text-destructive">
                <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
                <span>
                  <span className="font-bold">
                    Ln {p.line}, Col {p.column + 1}:
                  </span>{" "}
                  {p.message}
                </span>
              </li>
            ))}
            {problems.length > 5 ? (
              <li className="text-muted-foreground">and {problems.length - 5} more</li>
            ) : null}
          </ul>
        )}
      </div>
    </div>
  );
}
