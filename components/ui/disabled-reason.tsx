"use client";

import * as React from "react";
import { Tooltip } from "./tooltip";

/**
 * Says why a control is disabled. Disabled buttons get no pointer or focus events, so the hint
 * hangs on a focusable wrapper; the reason is also announced through aria-describedby.
 */
export function DisabledReason({
  reason,
  children,
}: {
  /** Undefined when the control is enabled: children render as they are. */
  reason?: string;
  children: React.ReactElement<Record<string, unknown>>;
}) {
  const id = React.useId();
  if (!reason) return children;
  return (
    <Tooltip content={reason}>
      <span tabIndex={0} className="inline-flex rounded-full" aria-describedby={id}>
        {React.cloneElement(children, { disabled: true, "aria-describedby": id })}
        <span id={id} className="sr-only">
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}
