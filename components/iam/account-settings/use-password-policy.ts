"use client";
// The account password policy for the console's password fields: asked once per page load.
import * as React from "react";
import type { PasswordPolicy } from "@/lib/ops/iam/password-rules";
import { getPasswordPolicyAction } from "./actions";

/** The custom policy, null for the default one, "unknown" while loading or when not readable. */
export type KnownPasswordPolicy = PasswordPolicy | null | "unknown";

export function usePasswordPolicy(): KnownPasswordPolicy {
  const [policy, setPolicy] = React.useState<KnownPasswordPolicy>("unknown");
  React.useEffect(() => {
    let live = true;
    getPasswordPolicyAction().then(
      (result) => {
        if (live && result.ok) setPolicy(result.data);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return policy;
}
