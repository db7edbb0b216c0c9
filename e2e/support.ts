import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { AxeBuilder } from "@axe-core/playwright";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";

/** The root user the first-run test creates; later tests sign in with it. */
export const ROOT = {
  email: "root@example.com",
  // playwright.config.ts sets it once for the run, so every worker signs in with the same one.
  password: process.env.E2E_ROOT_PASSWORD ?? "e2e-root-correct-horse",
};

/** A name no other test (or earlier run on a reused server) has taken. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const run = promisify(execFile);
const ROOT_DIR = path.resolve(import.meta.dirname, "..");

/**
 * Runs `bin/strongbox` (the AWS CLI's commands, as the root user) on the e2e server's data folder
 * and returns its JSON output: how tests seed users, groups, roles, policies and secrets. Run the
 * calls one after another: SQLite refuses a second writer mid-transaction (SQLITE_BUSY), and a
 * refused call is retried.
 */
export async function strongbox(...args: string[]): Promise<Record<string, unknown>> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  // The e2e server runs on the embedded SQLite default (scripts/e2e-server.sh unsets DATABASE_URL).
  const { DATABASE_URL: _unused, ...env } = process.env;
  for (let attempt = 1; ; attempt++) {
    try {
      const { stdout } = await run(path.join(ROOT_DIR, "bin/strongbox"), args, {
        cwd: ROOT_DIR,
        env: { ...env, STRONGBOX_DATA_DIR: dataDir },
      });
      return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? "");
      if (attempt >= 4 || !stderr.includes("SQLITE_BUSY")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** Creates an IAM user with a console password; returns its ARN and account id. */
export async function createIamUser(
  userName: string,
  password: string,
): Promise<{ arn: string; accountId: string }> {
  const { User } = (await strongbox("iam", "create-user", "--user-name", userName)) as {
    User: { Arn: string };
  };
  await strongbox("iam", "create-login-profile", "--user-name", userName, "--password", password);
  return { arn: User.Arn, accountId: User.Arn.split(":")[4] };
}

/** A console password that meets the account's password policy. */
export function newPassword(): string {
  return `Pw-${Math.random().toString(36).slice(2, 10)}-${Date.now().toString(36)}!A1`;
}

/** Signs in as an IAM user through next-auth's endpoints (no UI). */
export async function signInAsIamUser(
  page: Page,
  user: { accountId: string; userName: string; password: string },
): Promise<void> {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken: csrf.csrfToken,
      kind: "iam",
      account: user.accountId,
      userName: user.userName,
      password: user.password,
      json: "true",
    },
  });
  expect(response.ok()).toBeTruthy();
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBeTruthy();
}

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

// ---------------------------------------------------------------------------------------------
// The guide's sections as tests: each step is a Playwright step that leaves a screenshot attached
// under its title (so a run doubles as a recorded demo) and an axe check of the page it ends on.

/** Serious and critical axe violations fail the test, with where they are. */
export async function expectAccessible(page: Page, where: string = page.url()): Promise<void> {
  // Colours are measured as painted: let finite animations (a toast fading in) end first.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  // Next streams a page's metadata: right after a client-side navigation the <title> can still be
  // on its way. Give it a moment; a page that really has none still fails below, in axe's words.
  await page
    .waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 })
    .catch(() => undefined);
  // Legacy mode runs axe in the page itself: no blank helper page (nor its empty video).
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}` +
        ` (${v.nodes[0]?.failureSummary?.replace(/\s+/g, " ") ?? ""})`,
    );
  expect(serious, `axe: serious or critical violations on ${where}`).toEqual([]);
}

const stepCounts = new Map<string, number>();

/** "01 title", "02 title", ... in the order the test takes its steps. */
function stepName(title: string): string {
  const { testId } = test.info();
  const n = (stepCounts.get(testId) ?? 0) + 1;
  stepCounts.set(testId, n);
  // No dots: Playwright takes what follows the last one for the attachment's file extension.
  return `${String(n).padStart(2, "0")} ${title.replace(/\./g, "")}`;
}

/**
 * One step of a guide section in the console: runs it, then attaches a screenshot of the page
 * under the step's title and checks the page with axe.
 */
export async function guideStep<T>(page: Page, title: string, body: () => Promise<T>): Promise<T> {
  return test.step(title, async () => {
    const result = await body();
    await expect(page.getByRole("main")).toBeVisible();
    // From the top, so the fixed header and navigation sit where they belong in the full page.
    await page.evaluate(() => window.scrollTo(0, 0));
    // A file in the test's output folder (test-results/<test>/NN-step.png) and an attachment.
    const name = stepName(title);
    const file = test.info().outputPath(`${name.replace(/[^\w-]+/g, "-").slice(0, 80)}.png`);
    await page.screenshot({ fullPage: true, path: file });
    await test.info().attach(name, { path: file, contentType: "image/png" });
    await expectAccessible(page, `${page.url()} (${title})`);
    return result;
  });
}

/** A step through the AWS API (no page): what it returned is attached as JSON under its title. */
export async function apiStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  return test.step(title, async () => {
    const result = await body();
    await test.info().attach(stepName(title), {
      body: JSON.stringify(result ?? null, null, 2),
      contentType: "application/json",
    });
    return result;
  });
}

/** An IAM policy document in the guide's shape. */
export function policyDocument(statement: object | object[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statement });
}

/** An access key for an IAM user, made with the CLI. */
export async function createAccessKey(
  userName: string,
): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const { AccessKey } = (await strongbox("iam", "create-access-key", "--user-name", userName)) as {
    AccessKey: { AccessKeyId: string; SecretAccessKey: string };
  };
  return { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
}

/** The unmodified AWS SDK, pointed at the e2e server: it answers the AWS API at its own address. */
export function secretsManagerClient(
  baseURL: string | undefined,
  credentials: { accessKeyId: string; secretAccessKey: string },
): SecretsManagerClient {
  if (!baseURL) throw new Error("baseURL is not set (playwright.config.ts sets it)");
  return new SecretsManagerClient({
    endpoint: baseURL,
    region: "us-east-1",
    credentials,
    maxAttempts: 1,
  });
}

/** The rejection of a call that must fail: the SDK's exception, as { name, message }. */
export async function rejectionOf(
  call: Promise<unknown>,
): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const { name, message } = error as Error;
    return { name, message };
  }
  throw new Error("expected the call to be refused");
}

/** AWS's AccessDenied message for an identity without a policy allowing the action. */
export function notAuthorized(principalArn: string, action: string, resource: string): string {
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

/** A secret made with the CLI; returns its ARN. */
export async function createSecret(
  name: string,
  value: string,
  ...extra: string[]
): Promise<string> {
  const out = (await strongbox(
    "secretsmanager",
    "create-secret",
    "--name",
    name,
    "--secret-string",
    value,
    ...extra,
  )) as { ARN: string };
  return out.ARN;
}

/** The console's page of a secret (names with slashes are path segments). */
export function secretHref(name: string): string {
  return `/secrets/${name.split("/").map(encodeURIComponent).join("/")}`;
}

/** The machine's PostgreSQL server, the rotation tests' target (trust auth, user postgres). */
export const PG = { host: "127.0.0.1", port: 5432 };

/** Runs one statement on PostgreSQL's `postgres` database, as `user` (default postgres). */
export async function pgQuery<T extends pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
  user = "postgres",
  password?: string,
): Promise<T[]> {
  const client = new pg.Client({ ...PG, user, password, database: "postgres" });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
