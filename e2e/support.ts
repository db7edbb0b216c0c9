import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";

/** The root user the first-run test creates; later tests sign in with it. */
export const ROOT = {
  email: "root@example.com",
  password: `e2e-${Date.now().toString(36)}-correct-horse`,
};

/** Signs in through next-auth's endpoints (no UI): for tests about something else. */
export async function signInAsRoot(page: Page): Promise<void> {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken: csrf.csrfToken,
      kind: "root",
      email: ROOT.email,
      password: ROOT.password,
      json: "true",
    },
  });
  expect(response.ok()).toBeTruthy();
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBeTruthy();
}

const require = createRequire(import.meta.url);

/** axe-core's script, when the package is installed (it arrives with eslint-plugin-jsx-a11y). */
export function axeSource(): string | undefined {
  try {
    return require.resolve("axe-core/axe.min.js");
  } catch {
    return undefined;
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical accessibility violations on the current page, as readable lines. */
export async function seriousViolations(page: Page, axePath: string): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}
