"use client";

import { useQuery } from "@tanstack/react-query";
import { summarizePolicyAction } from "./policies/actions";
import type { PolicySummary } from "./policies/summary-types";
import { ActionFailure } from "./use-policies";

/** The service summary of a document being written (review steps), from the server's catalogue. */
export function usePolicySummary(document: string, enabled = true) {
  return useQuery<PolicySummary, ActionFailure>({
    queryKey: ["iam", "summary", document],
    queryFn: async () => {
      const result = await summarizePolicyAction(document);
      if (!result.ok) throw new ActionFailure(result.code, result.message);
      return result.data;
    },
    enabled: enabled && document.trim() !== "",
    staleTime: Infinity,
  });
}
