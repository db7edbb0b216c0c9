import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { loadKeyEncryptionKey, loadOrCreateSecretFile } from "./keys";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strongbox-keys-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("loadKeyEncryptionKey", () => {
  it("takes STRONGBOX_MASTER_KEY and writes no file", () => {
    const dataDir = path.join(tempDir(), "data");
    const key = randomBytes(32);
    const logs: string[] = [];
    const loaded = loadKeyEncryptionKey({
      dataDir,
      env: { STRONGBOX_MASTER_KEY: `${key.toString("base64")}\n` },
      log: (m) => logs.push(m),
    });
    expect(loaded.equals(key)).toBe(true);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(logs).toEqual([]);
  });

  it("refuses a STRONGBOX_MASTER_KEY that is not base64 of 32 bytes, naming the variable", () => {
    const dataDir = tempDir();
    for (const value of [
      "",
      "not base64!",
      randomBytes(16).toString("base64"),
      randomBytes(33).toString("base64"),
    ]) {
      expect(() => loadKeyEncryptionKey({ dataDir, env: { STRONGBOX_MASTER_KEY: value } })).toThrow(
        /STRONGBOX_MASTER_KEY must be the base64 encoding of exactly 32 bytes/,
      );
    }
    expect(fs.existsSync(path.join(dataDir, "master.key"))).toBe(false);
  });

  it("generates master.key once, mode 0600, in a data directory it creates, and warns", () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const logs: string[] = [];
    const log = (m: string) => logs.push(m);
    const first = loadKeyEncryptionKey({ dataDir, env: {}, log });
    const file = path.join(dataDir, "master.key");
    expect(first).toHaveLength(32);
    expect(mode(file)).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64").equals(first)).toBe(true);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/generated a new master key/);
    expect(logs[0]).toMatch(/Back this file up/);
    expect(logs[0]).toMatch(/STRONGBOX_MASTER_KEY/);
    expect(logs[0]).not.toContain(first.toString("base64"));

    const second = loadKeyEncryptionKey({ dataDir, env: {}, log });
    expect(second.equals(first)).toBe(true);
    expect(logs).toHaveLength(1);
  });

  it("refuses a damaged key file and warns about loose permissions", () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, "master.key");
    fs.writeFileSync(file, "too short", { mode: 0o600 });
    expect(() => loadKeyEncryptionKey({ dataDir, env: {} })).toThrow(
      `${file} is not a Strongbox master key`,
    );

    fs.writeFileSync(file, randomBytes(32).toString("base64"));
    fs.chmodSync(file, 0o644);
    const logs: string[] = [];
    loadKeyEncryptionKey({ dataDir, env: {}, log: (m) => logs.push(m) });
    expect(logs.join("\n")).toMatch(/readable by other users.*chmod 600/);
  });

  it("waits for a key file another process is still writing", async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, "master.key");
    const key = randomBytes(32).toString("base64");
    fs.writeFileSync(file, "", { mode: 0o600 });
    const writer = spawn(process.execPath, [
      "-e",
      `setTimeout(() => require("fs").writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(key)}), 150)`,
    ]);
    const exited = new Promise((resolve) => writer.on("exit", resolve));
    const loaded = loadKeyEncryptionKey({ dataDir, env: {}, log: () => {} });
    expect(loaded.toString("base64")).toBe(key);
    await exited;
  });

  it("gives every racing process the same generated key", async () => {
    const dataDir = tempDir();
    const tsx = path.resolve("node_modules/.bin/tsx");
    const script = path.join(dataDir, "load.ts");
    fs.writeFileSync(
      script,
      `import { loadKeyEncryptionKey } from ${JSON.stringify(path.resolve(import.meta.dirname, "keys.ts"))};\n` +
        `process.stdout.write(loadKeyEncryptionKey({ dataDir: ${JSON.stringify(path.join(dataDir, "d"))}, env: {}, log: () => {} }).toString("base64"));\n`,
    );
    const run = promisify(execFile);
    const results = await Promise.all(Array.from({ length: 4 }, () => run(tsx, [script])));
    const keys = new Set(results.map((r) => r.stdout));
    expect(keys.size).toBe(1);
    expect(Buffer.from([...keys][0], "base64")).toHaveLength(32);
  });
});

describe("loadOrCreateSecretFile", () => {
  it("creates a base64url secret once, mode 0600", () => {
    const dataDir = path.join(tempDir(), "data");
    const secret = loadOrCreateSecretFile(dataDir, "nextauth.secret");
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mode(path.join(dataDir, "nextauth.secret"))).toBe(0o600);
    expect(loadOrCreateSecretFile(dataDir, "nextauth.secret")).toBe(secret);
    expect(loadOrCreateSecretFile(dataDir, "other.secret", 64)).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });

  it("refuses paths and tiny secrets", () => {
    const dataDir = tempDir();
    expect(() => loadOrCreateSecretFile(dataDir, "../x")).toThrow(/plain file name/);
    expect(() => loadOrCreateSecretFile(dataDir, "a/b")).toThrow(/plain file name/);
    expect(() => loadOrCreateSecretFile(dataDir, "x", 8)).toThrow(/at least 16 bytes/);
  });
});
