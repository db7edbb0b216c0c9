// Dates in the IAM console: exact times in UTC (as the secrets pages show them) and AWS's
// "3 days ago" for activity columns.
export { formatDateTime, formatShortDateTime, formatDate } from "@/components/secrets/format";

const UNITS: [number, string][] = [
  [365 * 24 * 3600, "year"],
  [30 * 24 * 3600, "month"],
  [7 * 24 * 3600, "week"],
  [24 * 3600, "day"],
  [3600, "hour"],
  [60, "minute"],
];

/** "Never", "Just now", "5 minutes ago", "2 days ago". */
export function formatAge(iso: string | undefined, now = Date.now()): string {
  if (!iso) return "Never";
  const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  for (const [size, unit] of UNITS) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${unit}${n === 1 ? "" : "s"} ago`;
    }
  }
  return "Just now";
}

export function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
