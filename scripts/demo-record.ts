// `npm run demo:record`: runs the AWS guide's sections (e2e/granting-*.spec.ts and
// e2e/limiting-*.spec.ts) headless against a fresh server, with video, trace and a screenshot of
// every step, into demo-recordings/<timestamp>/: results/ holds each test's video.webm and
// trace.zip, report/ the HTML report (open it with `npx playwright show-report <folder>/report`).
// Extra arguments go to Playwright (e.g. a single file, or --grep).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const folder = path.join(root, "demo-recordings", stamp);
const extra = process.argv.slice(2);
/**
 * Playwright records video with its own ffmpeg build. Where that is not installed but the
 * system's ffmpeg is (Debian: `apt install ffmpeg`), it is offered to Playwright in its place.
 */
function ffmpegEnv(): Record<string, string> | undefined {
  const { browsers } = JSON.parse(
    readFileSync(path.join(root, "node_modules/playwright-core/browsers.json"), "utf8"),
  ) as { browsers: { name: string; revision: string }[] };
  const revision = browsers.find((b) => b.name === "ffmpeg")?.revision;
  const registry =
    process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(os.homedir(), ".cache", "ms-playwright");
  if (!revision || process.platform !== "linux") return undefined;
  if (existsSync(path.join(registry, `ffmpeg-${revision}`, "ffmpeg-linux"))) return {};
  const system = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].find((p) => existsSync(p));
  if (!system) {
    console.warn(
      "strongbox: no ffmpeg for video (npx playwright install ffmpeg, or apt install ffmpeg): recording traces and screenshots only",
    );
    return undefined;
  }
  const own = path.join(root, "demo-recordings", ".playwright");
  const target = path.join(own, `ffmpeg-${revision}`, "ffmpeg-linux");
  mkdirSync(path.dirname(target), { recursive: true });
  if (!existsSync(target)) symlinkSync(system, target);
  return { PLAYWRIGHT_BROWSERS_PATH: own };
}

const sections = readdirSync(path.join(root, "e2e"))
  .filter((f) => /^(granting|limiting)-.*\.spec\.ts$/.test(f))
  .map((f) => `e2e/${f}`);

const ffmpeg = ffmpegEnv();
const run = spawnSync(
  path.join(root, "node_modules/.bin/playwright"),
  ["test", ...(extra.length > 0 ? extra : sections)],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...ffmpeg,
      STRONGBOX_DEMO_RECORD: ffmpeg ? "video" : "trace",
      PW_OUTPUT_DIR: path.join(folder, "results"),
      PW_HTML_REPORT: path.join(folder, "report"),
    },
  },
);
console.log(`\nstrongbox: recordings in ${path.relative(root, folder)}/`);
console.log(`  videos and traces: ${path.relative(root, folder)}/results/<test>/`);
console.log(
  `  report with every step's screenshot: npx playwright show-report ${path.relative(root, folder)}/report`,
);
process.exit(run.status ?? 1);
