// Dates in the console are shown in UTC, as AWS's console labels them, so the server and the
// browser render the same text.
const dateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const shortDateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const shortDate = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
});

const dateOnly = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** "November 30, 2026, 02:58:14 (UTC)" */
export function formatDateTime(iso: string | undefined): string {
  return iso ? `${dateTime.format(new Date(iso))} (UTC)` : "-";
}

/** "Nov 30, 2026, 02:58" for table cells whose header already says (UTC). */
export function formatShortDateTime(iso: string | undefined): string {
  return iso ? shortDateTime.format(new Date(iso)) : "-";
}

/** "November 30, 2026" (for values kept to the day, like Last retrieved). */
export function formatDate(iso: string | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : "-";
}

/** A secret's console path. Slashes stay readable unless a segment would be normalised away. */
export function secretHref(name: string): string {
  const segments = name.split("/");
  // "new" would open the wizard (/secrets/new): an escaped letter reaches the catch-all instead.
  if (name === "new") return "/secrets/%6Eew";
  const unsafe = segments.some((s) => s === "" || s === "." || s === "..");
  return unsafe
    ? `/secrets/${encodeURIComponent(name)}`
    : `/secrets/${segments.map(encodeURIComponent).join("/")}`;
}

/** The secret name from the catch-all route's segments (names never contain "%"). */
export function secretNameFromSegments(segments: string[]): string {
  return segments.map((s) => (s.includes("%") ? safeDecode(s) : s)).join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "Nov 30, 2026" */
export function formatShortDate(iso: string | undefined): string {
  return iso ? shortDate.format(new Date(iso)) : "-";
}
