import * as React from "react";
import { cn } from "./cn";

export const inputClass =
  "h-8 w-full min-w-0 rounded-md border border-input bg-card px-2.5 text-sm text-foreground placeholder:text-muted-foreground placeholder:italic focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring disabled:cursor-not-allowed disabled:bg-muted disabled:text-muted-foreground aria-invalid:border-destructive aria-invalid:border-l-4";

export function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return <input type={type ?? "text"} className={cn(inputClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(inputClass, "h-auto min-h-24 py-1.5 leading-5", className)}
      {...props}
    />
  );
}
