// NextToken: an opaque, URL-safe encoding of the last row's sort key (keyset pagination), so
// every page is an index range scan however deep the listing goes.
export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeToken<T>(token: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as T;
  } catch {
    return undefined;
  }
}
