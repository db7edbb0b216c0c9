// Console passwords the console makes up for users: long, random, and meeting the account's
// password policy (all four classes, symbols among those AWS's RequireSymbols counts).
import {
  MAX_PASSWORD_LENGTH,
  passwordViolation,
  type PasswordPolicy,
} from "@/lib/ops/iam/password-rules";

const SETS = [
  "abcdefghijkmnopqrstuvwxyz",
  "ABCDEFGHJKLMNPQRSTUVWXYZ",
  "23456789",
  "!@#$%^&*()-_=+",
];

function randomIndex(n: number): number {
  const buf = new Uint32Array(1);
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  do crypto.getRandomValues(buf);
  while (buf[0] >= limit);
  return buf[0] % n;
}

export function generatePassword(length = 20): string {
  const all = SETS.join("");
  const chars = SETS.map((set) => set[randomIndex(set.length)]);
  while (chars.length < length) chars.push(all[randomIndex(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

/**
 * The account's password policy, as the operation checks it, for messages next to the field: the
 * custom policy, null for the default one, or "unknown" (not readable by the caller, or not loaded
 * yet) when only the operation can tell.
 */
export function passwordProblem(
  password: string,
  policy: PasswordPolicy | null | "unknown" = null,
): string | undefined {
  if (!password) return "Enter a password.";
  if (policy === "unknown") {
    return password.length > MAX_PASSWORD_LENGTH
      ? `Password should have a maximum length of ${MAX_PASSWORD_LENGTH}`
      : undefined;
  }
  return passwordViolation(password, policy);
}

export const PASSWORD_CONSTRAINT =
  "At least 8 characters, with at least three of: lowercase letters, uppercase letters, numbers, symbols.";

/** The constraint text under a password field: the rules of the account's policy. */
export function passwordConstraint(policy: PasswordPolicy | null | "unknown"): string {
  if (policy === "unknown") return "Must meet the account password policy.";
  if (!policy) return PASSWORD_CONSTRAINT;
  const needs = [
    policy.RequireUppercaseCharacters ? "an uppercase letter" : undefined,
    policy.RequireLowercaseCharacters ? "a lowercase letter" : undefined,
    policy.RequireNumbers ? "a number" : undefined,
    policy.RequireSymbols ? "a symbol (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')" : undefined,
  ].filter(Boolean);
  const length = `At least ${policy.MinimumPasswordLength} characters`;
  return needs.length === 0 ? `${length}.` : `${length}, with at least ${needs.join(", ")}.`;
}

/** A CSV file the browser saves (credentials shown once are offered for download). */
export function downloadCsv(filename: string, rows: string[][]): void {
  const escape = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = rows.map((row) => row.map(escape).join(",")).join("\r\n") + "\r\n";
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
