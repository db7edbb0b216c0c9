import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

const badgeVariants = cva(
  "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs leading-4 font-bold whitespace-nowrap",
  {
    variants: {
      tone: {
        neutral: "bg-muted text-foreground ring-1 ring-border ring-inset",
        blue: "bg-primary text-primary-foreground",
        red: "bg-destructive text-destructive-foreground",
        green: "bg-success text-white",
        warning: "bg-warning-soft text-warning ring-1 ring-warning-border ring-inset",
      },
    },
    defaultVariants: { tone: "neutral" },
  },
);

export function Badge({
  className,
  tone,
  ...props
}: React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
