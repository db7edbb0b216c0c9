/**
 * Crypto hot paths: envelope open/seal and SigV4 verification.
 * Run: npx tsx bench/crypto.bench.ts (prints figures; nothing asserts on time).
 */
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { configureDataKeyCache, openValue, sealValue } from "../lib/crypto/envelope";
import {
  parseAuthorization,
  signRequest,
  verifySigV4,
  type SigV4Request,
} from "../lib/crypto/sigv4";

export interface BenchResult {
  name: string;
  opsPerSecond: number;
}

/** Runs `fn` in batches until `ms` have passed; returns operations per second. */
function measure(fn: (i: number) => void, ms = 1000): number {
  for (let i = 0; i < 2000; i++) fn(i);
  let ops = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 1000; i++) fn(ops + i);
    ops += 1000;
    elapsed = process.hrtime.bigint() - start;
  }
  return (ops * 1e9) / Number(elapsed);
}

export async function run(options: { ms?: number; log?: (line: string) => void } = {}) {
  const ms = options.ms ?? 1000;
  const log = options.log ?? ((line: string) => console.log(line));
  const results: BenchResult[] = [];
  const record = (name: string, opsPerSecond: number) => {
    results.push({ name, opsPerSecond });
    log(`${name.padEnd(44)} ${Math.round(opsPerSecond).toLocaleString("en-US").padStart(12)} /s`);
  };

  const kek = randomBytes(32);
  const arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf";
  const value = Buffer.from(
    JSON.stringify({
      username: "app",
      password: randomBytes(48).toString("base64"),
      host: "db.internal",
      port: 5432,
    }),
  );
  const sealed = Array.from({ length: 100 }, (_, i) => {
    const aad = `${arn}\nversion-${i}`;
    return { aad, sealed: sealValue(kek, value, aad) };
  });
  const large = Buffer.alloc(65_536, 7);
  const largeSealed = sealValue(kek, large, `${arn}\nlarge`);

  log(`crypto bench (${value.length}-byte value, 100 versions, ${ms} ms per case)`);
  record(
    "sealValue",
    measure((i) => sealValue(kek, value, sealed[i % 100].aad), ms),
  );
  configureDataKeyCache({ maxEntries: 0 });
  record(
    "openValue (no data-key cache)",
    measure((i) => openValue(kek, sealed[i % 100].sealed, sealed[i % 100].aad), ms),
  );
  configureDataKeyCache({ maxEntries: 1024 });
  record(
    "openValue (data-key cache)",
    measure((i) => openValue(kek, sealed[i % 100].sealed, sealed[i % 100].aad), ms),
  );
  record(
    "openValue 64 KiB (data-key cache)",
    measure(() => openValue(kek, largeSealed, `${arn}\nlarge`), ms),
  );

  const now = new Date("2015-08-30T12:36:00Z");
  const body = JSON.stringify({ SecretId: "prod/db" });
  const signed = signRequest({
    method: "POST",
    path: "/",
    headers: {
      host: "localhost:3000",
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "secretsmanager.GetSecretValue",
    },
    body,
    region: "us-east-1",
    service: "secretsmanager",
    credentials: {
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    },
    date: now,
  });
  const req: SigV4Request = { method: "POST", path: "/", query: "", headers: signed.headers, body };
  const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  record(
    "parseAuthorization + verifySigV4",
    measure(
      () => verifySigV4(req, parseAuthorization(req), secret, { now, service: "secretsmanager" }),
      ms,
    ),
  );
  record(
    "GetSecretValue crypto (verify + open, cached)",
    measure((i) => {
      verifySigV4(req, parseAuthorization(req), secret, { now, service: "secretsmanager" });
      openValue(kek, sealed[i % 100].sealed, sealed[i % 100].aad);
    }, ms),
  );
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
