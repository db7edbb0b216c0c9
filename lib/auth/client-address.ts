// The browser's address as the console sees it, for aws:SourceIp and sign-in throttling: the first
// X-Forwarded-For entry (set by the load balancer), else X-Real-IP.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The browser's User-Agent header, for aws:UserAgent and the audit log. */
export function clientUserAgent(source: HeaderSource): string | undefined {
  return header(source, "user-agent") || undefined;
}

export function clientAddress(source: HeaderSource): string | undefined {
  const forwarded = header(source, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || header(source, "x-real-ip")?.trim();
  return ip ? ip.replace(/^::ffff:/, "") : undefined;
}
