import * as React from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "./cn";
import { Label } from "./label";

export interface FieldProps {
  /** The control's id; the label points at it. */
  id: string;
  label: React.ReactNode;
  /** Shown after the label in AWS's manner: "Description - optional". */
  optional?: boolean;
  /** Help under the label. */
  description?: React.ReactNode;
  /** Constraint text under the control (e.g. allowed characters). */
  constraint?: React.ReactNode;
  error?: string;
  className?: string;
  /** The control; it receives id, aria-describedby and aria-invalid. */
  children: React.ReactElement<Record<string, unknown>>;
}

/** A labelled form control with description, constraint and error text wired for screen readers. */
export function Field({
  id,
  label,
  optional,
  description,
  constraint,
  error,
  className,
  children,
}: FieldProps) {
  const describedBy = [
    description ? `${id}-description` : undefined,
    error ? `${id}-error` : undefined,
    constraint ? `${id}-constraint` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  const control = React.cloneElement(children, {
    id,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": error ? true : undefined,
  });
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <Label htmlFor={id}>
        {label}
        {optional ? (
          <span className="font-normal italic text-muted-foreground"> - optional</span>
        ) : null}
      </Label>
      {description ? (
        <p id={`${id}-description`} className="-mt-0.5 text-xs leading-4 text-muted-foreground">
          {description}
        </p>
      ) : null}
      <div className="mt-0.5">{control}</div>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
      {constraint ? (
        <p id={`${id}-constraint`} className="text-xs leading-4 text-muted-foreground">
          {constraint}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: React.ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1 text-xs leading-4 font-bold text-destructive">
      <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
      <span>{children}</span>
    </p>
  );
}
