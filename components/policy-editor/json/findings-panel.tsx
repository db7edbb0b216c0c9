"use client";
// The validator's findings under the editor, in Access Analyzer's four kinds: counters that
// filter, and a list whose entries take you to the place in the policy.
import * as React from "react";
import { CircleAlert, CircleCheck, Info, ShieldAlert, TriangleAlert } from "lucide-react";
import type { FindingType, ValidatePolicyFinding } from "@/lib/iam/validate";
import { cn } from "@/components/ui/cn";
import { FINDING_LABELS, FINDING_TYPES, countFindings } from "../model";

export const FINDING_ICONS: Record<FindingType, { Icon: typeof CircleAlert; className: string }> = {
  ERROR: { Icon: CircleAlert, className: "text-destructive" },
  SECURITY_WARNING: { Icon: ShieldAlert, className: "text-destructive" },
  WARNING: { Icon: TriangleAlert, className: "text-warning" },
  SUGGESTION: { Icon: Info, className: "text-primary" },
};

export function FindingIcon({ type, className }: { type: FindingType; className?: string }) {
  const { Icon, className: color } = FINDING_ICONS[type];
  return <Icon className={cn("size-4 shrink-0", color, className)} aria-hidden />;
}

const SHOWN = 100;

export const FindingsPanel = React.memo(function FindingsPanel({
  findings,
  where,
  onSelect,
  pending,
  id,
}: {
  findings: ValidatePolicyFinding[];
  /** Where a finding is, in the tab's terms ("Ln 5, Col 9", "Permission block 2"). */
  where: (finding: ValidatePolicyFinding) => string;
  onSelect?: (finding: ValidatePolicyFinding) => void;
  /** The catalogue is still loading: findings may change. */
  pending?: boolean;
  id?: string;
}) {
  const [shown, setShown] = React.useState<ReadonlySet<FindingType>>(() => new Set(FINDING_TYPES));
  const counts = countFindings(findings);
  const visible = findings.filter((f) => shown.has(f.findingType));
  const toggle = (type: FindingType) =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next.size === 0 ? new Set(FINDING_TYPES) : next;
    });

  return (
    <section id={id} aria-label="Policy validation" className="border-t bg-muted/40 text-sm">
      <div className="flex flex-wrap items-center gap-x-1 gap-y-1 px-2 py-1.5">
        {FINDING_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            aria-pressed={shown.has(type)}
            onClick={() => toggle(type)}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-bold transition-colors hover:bg-muted",
              !shown.has(type) && "opacity-50",
            )}
          >
            <FindingIcon type={type} className="size-3.5" />
            {FINDING_LABELS[type].many}: {counts[type]}
          </button>
        ))}
        <span className="ml-auto px-2 text-xs text-muted-foreground" aria-live="polite">
          {pending ? "Loading service data…" : null}
        </span>
      </div>
      {findings.length === 0 ? (
        <p className="flex items-center gap-1.5 border-t px-3 py-2 text-xs">
          <CircleCheck className="size-3.5 text-success" aria-hidden />
          No findings: the policy passes validation.
        </p>
      ) : (
        <ul className="max-h-56 divide-y overflow-y-auto border-t" aria-label="Findings">
          {visible.slice(0, SHOWN).map((f, i) => (
            <li key={`${f.issueCode}-${f.locations[0]?.span.start.offset ?? 0}-${i}`}>
              <button
                type="button"
                onClick={onSelect ? () => onSelect(f) : undefined}
                disabled={!onSelect}
                className="flex w-full items-start gap-2 px-3 py-1.5 text-left text-xs hover:bg-muted disabled:cursor-default"
              >
                <FindingIcon type={f.findingType} className="mt-px size-3.5" />
                <span className="w-36 shrink-0 font-bold whitespace-nowrap text-muted-foreground">
                  {where(f)}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="sr-only">{FINDING_LABELS[f.findingType].one}: </span>
                  {f.findingDetails}
                  {f.fix ? <span className="text-muted-foreground"> {f.fix}</span> : null}
                </span>
              </button>
            </li>
          ))}
          {visible.length > SHOWN ? (
            <li className="px-3 py-1.5 text-xs text-muted-foreground">
              and {visible.length - SHOWN} more
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
});
