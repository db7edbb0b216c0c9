"use client";
// Every policy the caller may list, fetched once (page after page, shown as they arrive) and kept
// for a few minutes: the policies page and every "attach policies" picker search it in the
// browser, so the list narrows as you type.
import * as React from "react";
import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { listPoliciesPageAction } from "./policies/actions";
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

type Page = { Policies: PolicyListItem[]; Marker?: string };

export function usePolicies() {
  const query = useInfiniteQuery<Page, ActionFailure>({
    queryKey: POLICIES_KEY,
    initialPageParam: undefined,
    queryFn: async ({ pageParam }) => {
      const result = await listPoliciesPageAction(pageParam as string | undefined);
      if (!result.ok) throw new ActionFailure(result.code, result.message);
      return result.data;
    },
    getNextPageParam: (last) => last.Marker,
    staleTime: 5 * 60_000,
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  // Keep going until every page is in.
  React.useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const data = React.useMemo(
    () => query.data?.pages.flatMap((page) => page.Policies),
    [query.data],
  );
  return {
    data,
    error: query.error,
    isPending: query.isPending,
    /** More pages are on their way: the list is not complete yet. */
    isLoadingMore: hasNextPage === true,
    isFetching: query.isFetching,
    refetch: query.refetch,
  };
}

/** Call after attaching, detaching, creating or deleting policies: counts and lists change. */
export function useInvalidatePolicies() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: POLICIES_KEY });
}

/**
 * After attaching or detaching: adjust the cached counts ("Used as") in place instead of loading
 * every policy again. `changes` maps a policy ARN to how many attachments it gained or lost.
 */
export function useAdjustAttachmentCounts() {
  const client = useQueryClient();
  return (changes: Record<string, number>) =>
    client.setQueryData<InfiniteData<Page>>(POLICIES_KEY, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              Policies: page.Policies.map((p) =>
                changes[p.Arn]
                  ? { ...p, AttachmentCount: Math.max(0, p.AttachmentCount + changes[p.Arn]) }
                  : p,
              ),
            })),
          }
        : data,
    );
}
