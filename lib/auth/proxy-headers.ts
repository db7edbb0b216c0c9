/** Request header proxy.ts sets to the path (and query) being requested, for sign-in redirects. */
export const CURRENT_PATH_HEADER = "x-strongbox-path";
