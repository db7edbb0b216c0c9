// Console passwords the console makes up for users: long, random, and meeting the account's
// password policy (three of: lowercase, uppercase, digits, symbols).
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

/** The account's password policy, as the operation checks it, for messages next to the field. */
export function passwordProblem(password: string): string | undefined {
  if (!password) return "Enter a password.";
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  if (password.length < 8 || password.length > 128 || classes.length < 3) {
    return "Password should have at least 8 characters and at least 3 of: lowercase letters, uppercase letters, numbers, symbols.";
  }
  return undefined;
}

export const PASSWORD_CONSTRAINT =
  "At least 8 characters, with at least three of: lowercase letters, uppercase letters, numbers, symbols.";

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
