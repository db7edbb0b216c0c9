"use client";
// Runs a server action from a client component: pending state, AWS's error to show in place, and a
// refresh of the server-rendered page on success.
import * as React from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "./result";

export type ActionError = { code: string; message: string; field?: string };

export function useAction() {
  const router = useRouter();
  const [pending, setPending] = React.useState(false);
  const [error, setError] = React.useState<ActionError>();
  const run = React.useCallback(
    async <T>(
      call: () => Promise<ActionResult<T>>,
      options: { refresh?: boolean } = {},
    ): Promise<{ ok: true; data: T } | { ok: false; error: ActionError }> => {
      setPending(true);
      setError(undefined);
      try {
        const result = await call();
        if (!result.ok) {
          const error = { code: result.code, message: result.message, field: result.field };
          setError(error);
          return { ok: false, error };
        }
        if (options.refresh !== false) router.refresh();
        return { ok: true, data: result.data };
      } finally {
        setPending(false);
      }
    },
    [router],
  );
  return { pending, error, setError, run };
}
