// The hot path in plain SQL: one statement loads a secret with its tags and labels, one loads a
// version, and audit rows go in as one multi-row insert per batch. Prisma stays the way to change
// data; what sits on every request (GetSecretValue at tens of thousands per second) skips its
// per-query cost.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath, type DatabaseConfig } from "../config";

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

export interface SqlStore {
  secret(by: { arn: string } | { name: string }): Promise<SecretRecord | undefined>;
  version(
    secretId: string,
    by: { versionId?: string; stage?: string },
  ): Promise<VersionRecord | undefined>;
  insertAuditEvents(rows: AuditRow[]): Promise<void>;
  /** A Setting's value (the IAM generation that tells caches they are stale). */
  setting(key: string): Promise<string | undefined>;
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

function sqliteReader(file: string): SqlStore {
  // No busy wait: this connection must never block the event loop while a Prisma transaction in
  // the same process holds the write lock (audit batches are retried instead; WAL reads never wait).
  const db = new Database(file, { timeout: 0 });
  db.pragma("journal_mode = WAL");
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
  const insertAudit = db.prepare(
    `INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${AUDIT_COLUMNS.map(() => "?").join(", ")})`,
  );
  const insertAuditBatch = db.transaction((rows: AuditRow[]) => {
    for (const row of rows) insertAudit.run(...auditValues(row, sqliteTime(row.time)));
  });
  const settingSql = db.prepare(`SELECT "value" FROM "Setting" WHERE "key" = ?`).pluck();
  return {
    async insertAuditEvents(rows) {
      insertAuditBatch(rows);
    },
    async setting(key) {
      return settingSql.get(key) as string | undefined;
    },
    async secret(by) {
      const row = ("arn" in by ? byArn.get(by.arn) : byName.get(by.name)) as Row | undefined;
      return row ? secretFromRow(row) : undefined;
    },
    async version(secretId, { versionId, stage }) {
      const row = (
        versionId ? byVersionId.get(secretId, versionId) : byStage.get(secretId, stage)
      ) as Row | undefined;
      if (
        !row ||
        (versionId && stage && !versionFromRow(row).stages.some((s) => s.stage === stage))
      ) {
        return undefined;
      }
      return versionFromRow(row);
    },
    async close() {
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
