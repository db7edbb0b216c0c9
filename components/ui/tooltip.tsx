"use client";

import * as React from "react";
import { Tooltip as TooltipPrimitive } from "radix-ui";
import { cn } from "./cn";

export const TooltipProvider = TooltipPrimitive.Provider;

/** A short hint on hover and focus. The trigger must be focusable. */
export function Tooltip({
  content,
  children,
  side = "top",
  className,
}: {
  content: React.ReactNode;
  children: React.ReactNode;
  side?: "top" | "right" | "bottom" | "left";
  className?: string;
}) {
  return (
    <TooltipPrimitive.Root delayDuration={200}>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          side={side}
          sideOffset={6}
          className={cn(
            "z-50 max-w-xs rounded-md bg-[#0f141a] px-2.5 py-1.5 text-xs leading-4 text-white shadow-lg data-[state=delayed-open]:animate-in dark:bg-[#e9ebed] dark:text-[#0f141a]",
            className,
          )}
        >
          {content}
          <TooltipPrimitive.Arrow className="fill-[#0f141a] dark:fill-[#e9ebed]" />
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}
