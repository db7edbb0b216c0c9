"use client";
// Every policy the caller may list, fetched once and kept for a few minutes: the policies page and
// every "attach policies" picker search it in the browser, so the list narrows as you type.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { listAllPoliciesAction } from "./policies/actions";
import type { PolicyListItem } from "./types";

export const POLICIES_KEY = ["iam", "policies"] as const;

export class ActionFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function usePolicies() {
  return useQuery<PolicyListItem[], ActionFailure>({
    queryKey: POLICIES_KEY,
    queryFn: async () => {
      const result = await listAllPoliciesAction();
      if (!result.ok) throw new ActionFailure(result.code, result.message);
      return result.data;
    },
    staleTime: 5 * 60_000,
  });
}

/** Call after attaching, detaching, creating or deleting policies: counts and lists change. */
export function useInvalidatePolicies() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: POLICIES_KEY });
}
