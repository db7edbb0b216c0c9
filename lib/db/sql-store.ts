// The hot path in plain SQL: one statement loads a secret with its tags and labels, one loads a
// version, and audit rows go in by the batch (on SQLite from a worker thread: audit-writer.ts). Prisma stays the way to change
// data; what sits on every request (GetSecretValue at tens of thousands per second) skips its
// per-query cost.
//
// On SQLite the records read here are also kept in memory, and trusted only while the file's
// `PRAGMA data_version` is the one they were read under: SQLite changes it on this connection
// whenever any other connection (Prisma in this process, the CLI, another server) commits, so a
// secret changed or deleted anywhere is read again at the next call. Checking costs one pragma,
// a few microseconds; a write anywhere empties the whole cache, which is then refilled on demand.
// PostgreSQL has no such cheap global counter: there every call reads the database.
import { randomUUID } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath, type DatabaseConfig } from "../config";
import { SqliteAuditWriter } from "./audit-writer";

export interface SecretRecord {
  id: string;
  arn: string;
  name: string;
  description: string | null;
  kmsKeyId: string | null;
  createdDate: Date;
  lastChangedDate: Date;
  lastAccessedDate: Date | null;
  deletedDate: Date | null;
  deletionDate: Date | null;
  rotationEnabled: boolean;
  rotationLambdaArn: string | null;
  rotationRules: string | null;
  lastRotatedDate: Date | null;
  nextRotationDate: Date | null;
  resourcePolicy: string | null;
  primaryRegion: string | null;
  owningService: string | null;
  tags: { key: string; value: string }[];
  stages: { stage: string; version: { versionId: string } }[];
}

export interface VersionRecord {
  id: string;
  versionId: string;
  createdDate: Date;
  lastAccessedDate: Date | null;
  valueType: string | null;
  ciphertext: Uint8Array | null;
  wrappedKey: Uint8Array | null;
  stages: { stage: string }[];
}

export interface AuditRow {
  time: Date;
  principalArn: string;
  action: string;
  resource?: string;
  decision: string;
  via: string;
  sourceIp?: string;
  userAgent?: string;
  requestParameters?: string;
  errorCode?: string;
  errorMessage?: string;
}

const AUDIT_COLUMNS = [
  "id",
  "time",
  "principalArn",
  "action",
  "resource",
  "decision",
  "via",
  "sourceIp",
  "userAgent",
  "requestParameters",
  "errorCode",
  "errorMessage",
] as const;

let sequence = 0;
const instance = randomUUID().slice(0, 8);

/** Time-ordered ids: new rows append to the primary-key index instead of landing at random. */
function auditId(time: Date): string {
  sequence = (sequence + 1) % 0x100000;
  return `${time.getTime().toString(36).padStart(9, "0")}${sequence.toString(36).padStart(4, "0")}${instance}`;
}

function auditValues(row: AuditRow, time: unknown): unknown[] {
  return [
    auditId(row.time),
    time,
    row.principalArn,
    row.action,
    row.resource ?? null,
    row.decision,
    row.via,
    row.sourceIp ?? null,
    row.userAgent ?? null,
    row.requestParameters ?? null,
    row.errorCode ?? null,
    row.errorMessage ?? null,
  ];
}

/** Prisma's text form of a DateTime in SQLite. */
const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * The reads of one operation (GetSecretValue: the secret, its version, the IAM generation). The
 * first read through a scope checks whether the database changed since the cache was filled;
 * later reads through it trust that check, so they see the database as it was at some moment
 * after the scope began (or later), never older. Make one per call, and do not read through it
 * after the call wrote anything itself.
 */
export interface ReadScope {
  checked?: boolean;
}

export interface SqlStore {
  secret(
    by: { arn: string } | { name: string },
    scope?: ReadScope,
  ): Promise<SecretRecord | undefined>;
  version(
    secretId: string,
    by: { versionId?: string; stage?: string },
    scope?: ReadScope,
  ): Promise<VersionRecord | undefined>;
  insertAuditEvents(rows: AuditRow[]): Promise<void>;
  /** A Setting's value (the IAM generation that tells caches they are stale). */
  setting(key: string, scope?: ReadScope): Promise<string | undefined>;
  close(): Promise<void>;
}

const DATE_FIELDS = [
  "createdDate",
  "lastChangedDate",
  "lastAccessedDate",
  "deletedDate",
  "deletionDate",
  "lastRotatedDate",
  "nextRotationDate",
] as const;

type Row = Record<string, unknown>;

const toDate = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(typeof value === "number" ? value : String(value));

function secretFromRow(row: Row): SecretRecord {
  const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : (v ?? [])) as string[][];
  const record = {
    ...row,
    rotationEnabled: row.rotationEnabled === true || row.rotationEnabled === 1,
    tags: parse(row.tags)
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    stages: parse(row.stages).map(([stage, versionId]) => ({ stage, version: { versionId } })),
  } as Row;
  for (const field of DATE_FIELDS) record[field] = toDate(row[field]);
  return record as unknown as SecretRecord;
}

function versionFromRow(row: Row): VersionRecord {
  const stages = (
    typeof row.stages === "string" ? JSON.parse(row.stages) : (row.stages ?? [])
  ) as string[];
  return {
    id: row.id as string,
    versionId: row.versionId as string,
    createdDate: toDate(row.createdDate)!,
    lastAccessedDate: toDate(row.lastAccessedDate),
    valueType: (row.valueType as string | null) ?? null,
    ciphertext: (row.ciphertext as Uint8Array | null) ?? null,
    wrappedKey: (row.wrappedKey as Uint8Array | null) ?? null,
    stages: stages.map((stage) => ({ stage })),
  };
}

const SECRET_COLUMNS = `s."id", s."arn", s."name", s."description", s."kmsKeyId", s."createdDate",
  s."lastChangedDate", s."lastAccessedDate", s."deletedDate", s."deletionDate", s."rotationEnabled",
  s."rotationLambdaArn", s."rotationRules", s."lastRotatedDate", s."nextRotationDate",
  s."resourcePolicy", s."primaryRegion", s."owningService"`;

/** Records handed out from the cache are shared between callers: frozen, so none can alter one. */
function frozenSecret(record: SecretRecord): SecretRecord {
  for (const tag of record.tags) Object.freeze(tag);
  for (const stage of record.stages) Object.freeze(Object.freeze(stage).version);
  Object.freeze(record.tags);
  Object.freeze(record.stages);
  return Object.freeze(record);
}

function frozenVersion(record: VersionRecord): VersionRecord {
  for (const stage of record.stages) Object.freeze(stage);
  Object.freeze(record.stages);
  return Object.freeze(record);
}

/**
 * Memo whose entries are all dropped together when the database changed, bounded in entries and
 * in (approximate) bytes: the oldest entries go first.
 */
class GenerationCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}
  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  set(key: string, value: V): V {
    const bytes = key.length + this.sizeOf(value);
    if (bytes > this.maxBytes) return value;
    this.drop(key);
    while (this.entries.size >= this.maxEntries || this.bytes + bytes > this.maxBytes) {
      this.drop(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    return value;
  }
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** How many secrets (and as many versions) the SQLite reader keeps in memory, and in how much. */
const CACHED_RECORDS = 10_000;
const CACHED_BYTES = 32 * 1024 * 1024;

const textBytes = (value: string | null) => (value === null ? 0 : value.length * 2);

function secretBytes(record: SecretRecord | undefined): number {
  if (!record) return 16;
  let bytes = 512 + textBytes(record.arn) * 2 + textBytes(record.description);
  bytes += textBytes(record.resourcePolicy) + textBytes(record.rotationRules);
  for (const tag of record.tags) bytes += 64 + textBytes(tag.key) + textBytes(tag.value);
  for (const stage of record.stages) bytes += 128 + textBytes(stage.stage);
  return bytes;
}

function versionBytes(record: VersionRecord | undefined): number {
  if (!record) return 16;
  return 256 + (record.ciphertext?.length ?? 0) + (record.wrappedKey?.length ?? 0);
}

/**
 * Whether any connection committed to a WAL-mode database, from the WAL-index header at the start
 * of its `-shm` file (https://www.sqlite.org/walformat.html): every commit rewrites it (iChange
 * counts transactions; mxFrame, salts and checksums move too), and every process maps the same
 * file. Reading those 48 bytes costs one pread; `PRAGMA data_version` costs a read transaction,
 * which waits while a writer (the audit worker, another process) updates the index. So the
 * pragma runs only once the header moved. Where the header cannot be read, nothing is trusted.
 */
class CommitWatch {
  private fd: number | undefined;
  private readonly header = Buffer.alloc(48);
  private readonly seen = Buffer.alloc(48);
  private valid = false;

  constructor(shmFile: string) {
    try {
      this.fd = openSync(shmFile, "r");
    } catch {
      this.fd = undefined;
    }
  }

  /**
   * True when nothing was committed since the previous call that returned false; false the first
   * time and whenever the header changed (the caller then asks SQLite itself).
   */
  unchanged(): boolean {
    if (this.fd === undefined) return false;
    let read = 0;
    try {
      read = readSync(this.fd, this.header, 0, 48, 0);
    } catch {
      read = 0;
    }
    if (read !== 48) {
      this.valid = false;
      return false;
    }
    if (this.valid && this.header.equals(this.seen)) return true;
    // Read before the caller's pragma: a commit after this read changes the header again.
    this.header.copy(this.seen);
    this.valid = true;
    return false;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function sqliteReader(file: string): SqlStore {
  // No busy wait: this connection only reads (WAL reads never wait) and must never block the
  // event loop. Audit rows are written by the worker's own connection, with synchronous=NORMAL:
  // in WAL mode that skips the fsync at each batch's commit; a commit can then be lost only to a
  // power failure or an OS crash, never to a crash of this process, and the file stays
  // consistent — less than the up to 100 ms of rows the audit buffer already holds in memory.
  const db = new Database(file, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  let seenVersion: unknown = undefined;
  const secrets = new GenerationCache(CACHED_RECORDS, CACHED_BYTES, secretBytes);
  const versions = new GenerationCache(CACHED_RECORDS, CACHED_BYTES, versionBytes);
  const settings = new GenerationCache<string | undefined>(1_000, 1024 * 1024, (value) =>
    value === undefined ? 16 : textBytes(value),
  );
  const commits = new CommitWatch(`${file}-shm`);
  /** Empties the caches when another connection committed since the last check. */
  const checkFresh = (scope: ReadScope | undefined) => {
    if (scope) {
      if (scope.checked) return;
      scope.checked = true;
    }
    if (commits.unchanged()) return;
    const current = dataVersion.get();
    if (current !== seenVersion) {
      seenVersion = current;
      secrets.clear();
      versions.clear();
      settings.clear();
    }
  };
  const secretSql = (column: string) =>
    db.prepare(`SELECT ${SECRET_COLUMNS},
      (SELECT json_group_array(json_array(t."key", t."value")) FROM "SecretTag" t WHERE t."secretId" = s."id") AS tags,
      (SELECT json_group_array(json_array(st."stage", v."versionId")) FROM "SecretVersionStage" st
         JOIN "SecretVersion" v ON v."id" = st."versionPk" WHERE st."secretId" = s."id") AS stages
      FROM "Secret" s WHERE s."${column}" = ?`);
  const byArn = secretSql("arn");
  const byName = secretSql("name");
  const versionColumns = `v."id", v."versionId", v."createdDate", v."lastAccessedDate", v."valueType", v."ciphertext", v."wrappedKey",
      (SELECT json_group_array(st."stage") FROM "SecretVersionStage" st WHERE st."versionPk" = v."id") AS stages`;
  const byVersionId = db.prepare(
    `SELECT ${versionColumns} FROM "SecretVersion" v WHERE v."secretId" = ? AND v."versionId" = ?`,
  );
  const byStage = db.prepare(
    `SELECT ${versionColumns} FROM "SecretVersionStage" x JOIN "SecretVersion" v ON v."id" = x."versionPk"
      WHERE x."secretId" = ? AND x."stage" = ?`,
  );
  const audit = new SqliteAuditWriter(
    file,
    `INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${AUDIT_COLUMNS.map(() => "?").join(", ")})`,
  );
  const settingSql = db.prepare(`SELECT "value" FROM "Setting" WHERE "key" = ?`).pluck();
  return {
    insertAuditEvents(rows) {
      return audit.insert(rows.map((row) => auditValues(row, sqliteTime(row.time))));
    },
    async setting(key, scope) {
      checkFresh(scope);
      if (settings.has(key)) return settings.get(key);
      return settings.set(key, settingSql.get(key) as string | undefined);
    },
    async secret(by, scope) {
      checkFresh(scope);
      const key = "arn" in by ? `a\u0000${by.arn}` : `n\u0000${by.name}`;
      if (secrets.has(key)) return secrets.get(key);
      const row = ("arn" in by ? byArn.get(by.arn) : byName.get(by.name)) as Row | undefined;
      return secrets.set(key, row ? frozenSecret(secretFromRow(row)) : undefined);
    },
    async version(secretId, { versionId, stage }, scope) {
      checkFresh(scope);
      const key = `${secretId}\u0000${versionId ?? ""}\u0000${stage ?? ""}`;
      if (versions.has(key)) return versions.get(key);
      const row = (
        versionId ? byVersionId.get(secretId, versionId) : byStage.get(secretId, stage)
      ) as Row | undefined;
      const version = row ? versionFromRow(row) : undefined;
      const found =
        version && (!versionId || !stage || version.stages.some((s) => s.stage === stage));
      return versions.set(key, found ? frozenVersion(version) : undefined);
    },
    async close() {
      await audit.close();
      commits.close();
      db.close();
    },
  };
}

function postgresReader(url: string): SqlStore {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const secretSql = (column: string) => `SELECT ${SECRET_COLUMNS},
      (SELECT COALESCE(json_agg(json_build_array(t."key", t."value")), '[]') FROM "SecretTag" t WHERE t."secretId" = s."id") AS tags,
      (SELECT COALESCE(json_agg(json_build_array(st."stage", v."versionId")), '[]') FROM "SecretVersionStage" st
         JOIN "SecretVersion" v ON v."id" = st."versionPk" WHERE st."secretId" = s."id") AS stages
      FROM "Secret" s WHERE s."${column}" = $1`;
  const byArn = secretSql("arn");
  const byName = secretSql("name");
  const versionColumns = `v."id", v."versionId", v."createdDate", v."lastAccessedDate", v."valueType", v."ciphertext", v."wrappedKey",
      (SELECT COALESCE(json_agg(st."stage"), '[]') FROM "SecretVersionStage" st WHERE st."versionPk" = v."id") AS stages`;
  return {
    async setting(key) {
      const { rows } = await pool.query({
        name: "setting",
        text: `SELECT "value" FROM "Setting" WHERE "key" = $1`,
        values: [key],
      });
      return rows[0]?.value as string | undefined;
    },
    async insertAuditEvents(rows) {
      for (let start = 0; start < rows.length; start += 500) {
        const chunk = rows.slice(start, start + 500);
        const values: unknown[] = [];
        const tuples = chunk.map((row, i) => {
          values.push(...auditValues(row, row.time));
          const base = i * AUDIT_COLUMNS.length;
          return `(${AUDIT_COLUMNS.map((_, j) => `$${base + j + 1}`).join(", ")})`;
        });
        await pool.query(
          `INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`,
          values,
        );
      }
    },
    async secret(by) {
      const { rows } = await pool.query({
        name: "arn" in by ? "secret-by-arn" : "secret-by-name",
        text: "arn" in by ? byArn : byName,
        values: ["arn" in by ? by.arn : by.name],
      });
      return rows[0] ? secretFromRow(rows[0]) : undefined;
    },
    async version(secretId, { versionId, stage }) {
      const { rows } = versionId
        ? await pool.query({
            name: "version-by-id",
            text: `SELECT ${versionColumns} FROM "SecretVersion" v WHERE v."secretId" = $1 AND v."versionId" = $2`,
            values: [secretId, versionId],
          })
        : await pool.query({
            name: "version-by-stage",
            text: `SELECT ${versionColumns} FROM "SecretVersionStage" x JOIN "SecretVersion" v ON v."id" = x."versionPk"
              WHERE x."secretId" = $1 AND x."stage" = $2`,
            values: [secretId, stage],
          });
      const row = rows[0] as Row | undefined;
      if (!row) return undefined;
      const version = versionFromRow(row);
      if (versionId && stage && !version.stages.some((s) => s.stage === stage)) return undefined;
      return version;
    },
    async close() {
      await pool.end();
    },
  };
}

export function createSqlStore(config: DatabaseConfig): SqlStore {
  return config.provider === "sqlite"
    ? sqliteReader(sqliteFilePath(config.url))
    : postgresReader(config.url);
}
