import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Keys that Strongbox keeps outside the database: the key-encryption key (KEK) that wraps every
 * data key, and the NEXTAUTH_SECRET that signs console sessions.
 *
 * For many instances both must be the same everywhere, so they come from the environment; for
 * the embedded default they are generated once into the data directory (mode 0600).
 */

const KEK_BYTES = 32;
const MASTER_KEY_VARIABLE = "STRONGBOX_MASTER_KEY";
const MASTER_KEY_FILE = "master.key";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export interface LoadKeyEncryptionKeyOptions {
  dataDir: string;
  env?: Record<string, string | undefined>;
  log?: (msg: string) => void;
}

function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed) && !BASE64URL.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, BASE64.test(trimmed) ? "base64" : "base64url");
  return key.length === KEK_BYTES ? key : undefined;
}

/**
 * The KEK: `STRONGBOX_MASTER_KEY` (base64 of 32 bytes) when set, else `${dataDir}/master.key`,
 * generated on first run. Load it once at start-up and pass the same Buffer around (the data-key
 * cache is per Buffer).
 */
export function loadKeyEncryptionKey(options: LoadKeyEncryptionKeyOptions): Buffer {
  const env = options.env ?? process.env;
  const log = options.log ?? ((msg: string) => console.warn(msg));
  const fromEnv = env[MASTER_KEY_VARIABLE];
  if (fromEnv !== undefined) {
    // Set but unusable fails closed: falling back to a generated key file would make each
    // instance encrypt with a different key.
    const key = decodeKey(fromEnv);
    if (!key) {
      throw new Error(
        `${MASTER_KEY_VARIABLE} must be the base64 encoding of exactly ${KEK_BYTES} bytes ` +
          `(generate one with: openssl rand -base64 ${KEK_BYTES}); unset it to use ` +
          `${path.join(options.dataDir, MASTER_KEY_FILE)} instead.`,
      );
    }
    return key;
  }

  const file = path.join(options.dataDir, MASTER_KEY_FILE);
  const { text, created } = readOrCreate(
    file,
    () => randomBytes(KEK_BYTES).toString("base64"),
    log,
  );
  const key = decodeKey(text);
  if (!key) {
    throw new Error(
      `${file} is not a Strongbox master key (expected the base64 encoding of exactly ${KEK_BYTES} bytes).`,
    );
  }
  if (created) {
    log(
      `Strongbox generated a new master key in ${file}. Back this file up: without it the stored ` +
        `secret values cannot be decrypted. To run several instances, set ${MASTER_KEY_VARIABLE} ` +
        `to the same value (the file's content) on every instance.`,
    );
  }
  return key;
}

/**
 * A random secret kept in `${dataDir}/${fileName}` (e.g. NEXTAUTH_SECRET in `nextauth.secret`):
 * read if present, else created once with `bytes` random bytes, base64url, mode 0600.
 */
export function loadOrCreateSecretFile(dataDir: string, fileName: string, bytes = 32): string {
  if (path.basename(fileName) !== fileName || fileName === "." || fileName === "..") {
    throw new Error(`Secret file name must be a plain file name, not '${fileName}'.`);
  }
  if (!Number.isInteger(bytes) || bytes < 16) {
    throw new Error("A generated secret must have at least 16 bytes.");
  }
  const file = path.join(dataDir, fileName);
  const { text } = readOrCreate(
    file,
    () => randomBytes(bytes).toString("base64url"),
    () => {},
  );
  const secret = text.trim();
  if (!secret) throw new Error(`${file} is empty.`);
  return secret;
}

const READ_RETRIES = 50;
const READ_RETRY_MS = 20;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads `file`, or creates it with `generate()` when missing. Creation is race-safe between
 * processes: the file is opened with 'wx' (exclusive), and a loser of the race re-reads the
 * winner's file, waiting briefly if the winner has not written it yet.
 */
function readOrCreate(
  file: string,
  generate: () => string,
  log: (msg: string) => void,
): { text: string; created: boolean } {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  for (let attempt = 0; ; attempt++) {
    const existing = readIfExists(file);
    if (existing !== undefined && (existing.trim() !== "" || attempt >= READ_RETRIES)) {
      warnIfReadableByOthers(file, log);
      return { text: existing, created: false };
    }
    if (existing === undefined) {
      const text = generate();
      let fd: number;
      try {
        fd = fs.openSync(file, "wx", 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
        throw error;
      }
      try {
        fs.writeSync(fd, `${text}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return { text, created: true };
    }
    // Another process created the file and is still writing it.
    sleepSync(READ_RETRY_MS);
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function warnIfReadableByOthers(file: string, log: (msg: string) => void): void {
  if (process.platform === "win32") return;
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    log(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  }
}
