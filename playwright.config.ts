import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive the production build in Debian's Chromium (never a downloaded browser).
// scripts/e2e-server.sh serves it against a fresh data folder, so first-run setup is part of the
// flow; the server is always started fresh for the same reason.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Set once in the runner; workers inherit them. Tests seed their own data with bin/strongbox on
// the server's data folder, and sign in as the root user the first-run project creates.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "strongbox-e2e-"));
process.env.E2E_ROOT_PASSWORD ??= `e2e-${Date.now().toString(36)}-correct-horse`;
const chromium = { ...devices["Desktop Chrome"], channel: undefined };
// `npm run demo:record` (scripts/demo-record.ts): trace (and video) of every test, an HTML report.
const recording = process.env.STRONGBOX_DEMO_RECORD; // "video" | "trace"

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_HTML_REPORT
    ? [["list"], ["html", { outputFolder: process.env.PW_HTML_REPORT, open: "never" }]]
    : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: process.env.PW_OUTPUT_DIR ?? "test-results",
  use: {
    baseURL,
    screenshot: "on",
    trace: recording ? "on" : "retain-on-failure",
    video: recording === "video" ? { mode: "on", size: { width: 1280, height: 720 } } : "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // First-run setup (the root user) happens once, before every other test.
    { name: "first-run", testMatch: /first-run\.spec\.ts$/, use: chromium },
    {
      name: "chromium",
      testIgnore: /first-run\.spec\.ts$/,
      dependencies: ["first-run"],
      use: chromium,
    },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `${baseURL}/api/auth/csrf`,
    env: { PORT: String(PORT), E2E_DATA_DIR: process.env.E2E_DATA_DIR },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
