"use client";
// The frame of IAM's multi-step pages (create user, group, role): numbered
// steps on the left, the step's heading and body, Cancel / Previous / Next on the right.
import * as React from "react";
import Link from "next/link";
import { Check } from "lucide-react";
import { TagsEditor } from "@/components/secrets/tags-editor";
import type { TagRow } from "@/components/secrets/tags-model";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader } from "@/components/ui/container";
import type { BatchFailure } from "./actions";

export function Wizard({
  steps,
  step,
  onStep,
  cancelHref,
  onNext,
  finishLabel,
  finishing,
  nextLabel = "Next",
  children,
}: {
  steps: { title: string; heading?: string }[];
  step: number;
  onStep: (step: number) => void;
  cancelHref: string;
  /** Checks the current step; resolves true to move on (or finish on the last step). */
  onNext: () => Promise<boolean> | boolean;
  finishLabel: string;
  finishing?: boolean;
  nextLabel?: string;
  children: React.ReactNode;
}) {
  const heading = React.useRef<HTMLHeadingElement>(null);
  const [visited, setVisited] = React.useState(0);
  const last = step === steps.length - 1;
  const go = (index: number) => {
    onStep(index);
    setVisited((v) => Math.max(v, index));
    requestAnimationFrame(() => heading.current?.focus());
  };
  return (
    <div className="grid gap-8 lg:grid-cols-[220px_1fr]">
      <nav aria-label="Steps" className="lg:pt-1">
        <ol className="space-y-4">
          {steps.map((s, i) => {
            const state = i === step ? "current" : i < step ? "done" : "todo";
            return (
              <li key={s.title} className="flex gap-3">
                <span
                  className={cn(
                    "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold",
                    state === "current" && "bg-primary text-primary-foreground",
                    state === "done" && "bg-muted text-foreground ring-1 ring-border",
                    state === "todo" && "text-muted-foreground ring-1 ring-border",
                  )}
                  aria-hidden
                >
                  {state === "done" ? <Check className="size-3" /> : i + 1}
                </span>
                <div className="min-w-0">
                  <div className="text-xs text-muted-foreground">Step {i + 1}</div>
                  {i <= visited && i !== step ? (
                    <button
                      type="button"
                      className="text-left text-sm font-bold text-link hover:underline"
                      onClick={() => go(i)}
                    >
                      {s.title}
                    </button>
                  ) : (
                    <span
                      aria-current={i === step ? "step" : undefined}
                      className={cn("text-sm font-bold", i !== step && "text-muted-foreground")}
                    >
                      {s.title}
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </nav>
      <form
        noValidate
        className="min-w-0 space-y-5"
        onSubmit={async (event) => {
          event.preventDefault();
          const ok = await onNext();
          if (ok && !last) go(step + 1);
        }}
      >
        <h1 ref={heading} tabIndex={-1} className="text-2xl leading-8 font-bold outline-none">
          {steps[step].heading ?? steps[step].title}
        </h1>
        {children}
        <div className="flex items-center justify-end gap-2 pt-1">
          <Button variant="link" asChild className="mr-3">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
          {step > 0 ? <Button onClick={() => go(step - 1)}>Previous</Button> : null}
          <Button type="submit" variant="primary" loading={last && finishing}>
            {last ? finishLabel : nextLabel}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** A step's errors show once Next finds any, until the step passes. */
export function useStepErrors() {
  const [showErrors, setShowErrors] = React.useState(false);
  /** True when none of the step's problems is set; shows them otherwise. */
  const passes = (...problems: unknown[]) => {
    const ok = !problems.some(Boolean);
    setShowErrors(!ok);
    return ok;
  };
  return { showErrors, passes };
}

/** "Tags - optional" on the last step of the create wizards. */
export function WizardTags({
  rows,
  onChange,
  showErrors,
  description,
}: {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  showErrors: boolean;
  description?: string;
}) {
  return (
    <Container
      header={
        <ContainerHeader
          title={
            <>
              Tags{" "}
              <span className="text-base font-normal italic text-muted-foreground">- optional</span>
            </>
          }
          description={description}
        />
      }
    >
      <TagsEditor rows={rows} onChange={onChange} showErrors={showErrors} />
    </Container>
  );
}

/** What a create adds to the policies' attachment counts: one per policy IAM did not refuse. */
export function attachedCounts(arns: string[], failed: BatchFailure[]): Record<string, number> {
  return Object.fromEntries(
    arns.filter((arn) => !failed.some((f) => f.item === arn)).map((arn) => [arn, 1]),
  );
}
