import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from "lucide-react";
import { cn } from "./cn";

// AWS's flash bars and inline alerts: a coloured status frame, an icon, a bold header, text and
// an optional action on the right.
const alertVariants = cva("flex items-start gap-3 rounded-lg border-2 px-4 py-3 text-sm", {
  variants: {
    type: {
      info: "border-primary bg-info-soft",
      success: "border-success bg-success-soft",
      warning: "border-warning-border bg-warning-soft",
      error: "border-destructive bg-error-soft",
    },
  },
  defaultVariants: { type: "info" },
});

const icons = {
  info: { Icon: Info, className: "text-primary" },
  success: { Icon: CircleCheck, className: "text-success" },
  warning: { Icon: TriangleAlert, className: "text-warning" },
  error: { Icon: CircleAlert, className: "text-destructive" },
};

export interface AlertProps extends VariantProps<typeof alertVariants> {
  header?: React.ReactNode;
  children?: React.ReactNode;
  action?: React.ReactNode;
  onDismiss?: () => void;
  className?: string;
  /** "status" for news the user caused; "alert" only for errors that need attention now. */
  role?: "status" | "alert" | "note";
}

export function Alert({
  type,
  header,
  children,
  action,
  onDismiss,
  className,
  role = "status",
}: AlertProps) {
  const { Icon, className: iconClass } = icons[type ?? "info"];
  return (
    <div role={role} className={cn(alertVariants({ type }), className)}>
      <Icon className={cn("mt-0.5 size-4 shrink-0", iconClass)} aria-hidden />
      <div className="min-w-0 flex-1 space-y-0.5 break-words">
        {header ? <div className="font-bold">{header}</div> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
      {onDismiss ? (
        <button
          type="button"
          onClick={onDismiss}
          className="-mr-1 rounded-full p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
          aria-label="Dismiss"
        >
          <X className="size-4" aria-hidden />
        </button>
      ) : null}
    </div>
  );
}
