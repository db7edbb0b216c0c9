import * as React from "react";
import { CircleAlert, CircleCheck, CircleMinus, Clock, TriangleAlert } from "lucide-react";
import { cn } from "./cn";

// AWS's StatusIndicator: an icon and a word, coloured by meaning.
const kinds = {
  success: { Icon: CircleCheck, className: "text-success" },
  error: { Icon: CircleAlert, className: "text-destructive" },
  warning: { Icon: TriangleAlert, className: "text-warning" },
  stopped: { Icon: CircleMinus, className: "text-muted-foreground" },
  pending: { Icon: Clock, className: "text-muted-foreground" },
};

export function StatusIndicator({
  type,
  children,
  className,
}: {
  type: keyof typeof kinds;
  children: React.ReactNode;
  className?: string;
}) {
  const { Icon, className: color } = kinds[type];
  return (
    <span className={cn("inline-flex items-center gap-1.5", color, className)}>
      <Icon className="size-4 shrink-0" aria-hidden />
      <span className={type === "stopped" || type === "pending" ? "text-foreground" : undefined}>
        {children}
      </span>
    </span>
  );
}
