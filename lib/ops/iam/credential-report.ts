// GenerateCredentialReport and GetCredentialReport: the account's credential report, a CSV with
// one row for the root user and one per IAM user, in AWS's columns and values ("N/A" where a
// field does not apply, "no_information" where nothing was recorded, "not_supported" for what the
// root user lacks). A report is built when asked for and kept for four hours, as AWS keeps it.
import type { Db, Tx } from "../../db/client";
import { AwsError } from "../../errors";
import { defineOperation } from "../operation";
import { readPasswordPolicy } from "./password-policy";
import { passwordExpiresAt } from "./password-rules";

export const CREDENTIAL_REPORT_KEY = "iam.credentialReport";
/** AWS generates a new report when asked only after the last is four hours old. */
export const REPORT_LIFETIME_MS = 4 * 3_600_000;

export const CREDENTIAL_REPORT_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
] as const;

const ReportNotPresent = () =>
  new AwsError(
    "ReportNotPresent",
    "The credential report does not exist. To generate a credential report, use GenerateCredentialReport.",
    { status: 410 },
  );
const ReportExpired = () =>
  new AwsError(
    "ReportExpired",
    "The most recent credential report has expired. To generate a new credential report, use GenerateCredentialReport.",
    { status: 410 },
  );

interface StoredReport {
  generatedTime: string;
  content: string;
}

/** AWS's timestamps in the report: ISO 8601 to the second, with +00:00. */
const time = (date: Date | null | undefined, otherwise = "N/A") =>
  date ? date.toISOString().replace(/\.\d{3}Z$/, "+00:00") : otherwise;

type KeyRow = {
  status: string;
  createDate: Date;
  lastUsedDate: Date | null;
  lastUsedRegion: string | null;
  lastUsedService: string | null;
};

function keyColumns(key: KeyRow | undefined): string[] {
  if (!key) return ["false", "N/A", "N/A", "N/A", "N/A"];
  return [
    key.status === "Active" ? "true" : "false",
    time(key.createDate),
    time(key.lastUsedDate),
    key.lastUsedRegion ?? "N/A",
    key.lastUsedService ?? "N/A",
  ];
}

/** Strongbox has no signing certificates or MFA devices: those columns say so. */
const NO_CERTIFICATES = ["false", "N/A", "false", "N/A"];

/** The report as of `now`: the root user first, then the IAM users by name. */
export async function buildCredentialReport(
  db: Db | Tx,
  accountId: string,
  now: Date,
): Promise<string> {
  const [account, users, policy] = await Promise.all([
    db.account.findUnique({
      where: { id: accountId },
      select: { createdAt: true, rootPasswordHash: true },
    }),
    db.iamUser.findMany({
      orderBy: { name: "asc" },
      select: {
        name: true,
        arn: true,
        createDate: true,
        passwordHash: true,
        passwordLastUsed: true,
        passwordLastChanged: true,
        loginProfileCreateDate: true,
        accessKeys: {
          orderBy: { createDate: "asc" },
          select: {
            status: true,
            createDate: true,
            lastUsedDate: true,
            lastUsedRegion: true,
            lastUsedService: true,
          },
        },
      },
    }),
    readPasswordPolicy(db),
  ]);
  const rows: string[][] = [
    [
      "<root_account>",
      `arn:aws:iam::${accountId}:root`,
      time(account?.createdAt ?? now),
      "not_supported",
      account?.rootPasswordHash ? "no_information" : "N/A",
      "not_supported",
      "not_supported",
      "false",
      ...keyColumns(undefined),
      ...keyColumns(undefined),
      ...NO_CERTIFICATES,
    ],
  ];
  for (const user of users) {
    const hasPassword = !!user.passwordHash;
    const changed = user.passwordLastChanged ?? user.loginProfileCreateDate;
    const expires = hasPassword && changed ? passwordExpiresAt(changed, policy) : undefined;
    rows.push([
      user.name,
      user.arn,
      time(user.createDate),
      hasPassword ? "true" : "false",
      time(user.passwordLastUsed, hasPassword ? "no_information" : "N/A"),
      hasPassword ? time(changed) : "N/A",
      time(expires),
      "false",
      ...keyColumns(user.accessKeys[0]),
      ...keyColumns(user.accessKeys[1]),
      ...NO_CERTIFICATES,
    ]);
  }
  return [CREDENTIAL_REPORT_COLUMNS.join(","), ...rows.map((r) => r.join(","))].join("\n");
}

async function storedReport(db: Db | Tx): Promise<StoredReport | undefined> {
  const row = await db.setting.findUnique({ where: { key: CREDENTIAL_REPORT_KEY } });
  return row ? (JSON.parse(row.value) as StoredReport) : undefined;
}

const expired = (report: StoredReport, now: Date) =>
  now.getTime() - new Date(report.generatedTime).getTime() >= REPORT_LIFETIME_MS;

export const generateCredentialReport = defineOperation<
  Record<string, never>,
  { State: "STARTED" | "COMPLETE"; Description?: string }
>("iam:GenerateCredentialReport", async (ctx) => {
  await ctx.authorize({ resource: "*" });
  const now = ctx.rt.now();
  return ctx.rt.db.$transaction(async (tx) => {
    const current = await storedReport(tx);
    if (current && !expired(current, now)) {
      await ctx.auditIn(tx);
      return { State: "COMPLETE" as const };
    }
    const value = JSON.stringify({
      generatedTime: now.toISOString(),
      content: await buildCredentialReport(tx, ctx.rt.accountId, now),
    } satisfies StoredReport);
    await tx.setting.upsert({
      where: { key: CREDENTIAL_REPORT_KEY },
      create: { key: CREDENTIAL_REPORT_KEY, value },
      update: { value },
    });
    await ctx.auditIn(tx);
    return {
      State: "STARTED" as const,
      Description: "No report exists. Starting a new report generation task",
    };
  });
});

export const getCredentialReport = defineOperation<
  Record<string, never>,
  { Content: Buffer; ReportFormat: "text/csv"; GeneratedTime: Date }
>("iam:GetCredentialReport", async (ctx) => {
  await ctx.authorize({ resource: "*" });
  const report = await storedReport(ctx.rt.db);
  if (!report) throw ReportNotPresent();
  if (expired(report, ctx.rt.now())) throw ReportExpired();
  return {
    Content: Buffer.from(report.content, "utf8"),
    ReportFormat: "text/csv",
    GeneratedTime: new Date(report.generatedTime),
  };
});
