"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** The console's origin ("https://strongbox.example.com"); empty while rendering on the server. */
export function useOrigin(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
}

/** Where an IAM user of the account signs in: the sign-in page, opened on IAM user sign-in. */
export function signInPath(accountId: string): string {
  return `/signin?account=${accountId}`;
}
