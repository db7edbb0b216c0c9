// Rotation functions as Lambda shows them: names, ARNs, AWS's FunctionConfiguration shape, and
// Lambda's errors in its words. A function is a template (lib/rotation/templates) plus its
// configuration; it runs as its execution role.
import { createHash } from "node:crypto";
import { openValue, sealValue } from "../../crypto/envelope";
import { AwsError } from "../../errors";
import type { Runtime } from "../runtime";
import { isTemplateId, type TemplateId } from "../../rotation/templates/catalog";

export const ResourceNotFound = (message: string) =>
  new AwsError("ResourceNotFoundException", message, { status: 404 });
export const ResourceConflict = (message: string) =>
  new AwsError("ResourceConflictException", message, { status: 409 });
export const InvalidParameterValue = (message: string, field?: string) =>
  new AwsError("InvalidParameterValueException", message, { status: 400, field });

/** AWS's Runtime value for every Strongbox rotation function. */
export const RUNTIME = "strongbox-template";

export interface FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Runtime: string;
  Role: string;
  /** The template the function runs (postgres-single-user, ..., http). */
  Handler: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: string;
  Environment?: { Variables: Record<string, string> };
  TracingConfig: { Mode: string };
  RevisionId: string;
  State: "Active";
  LastUpdateStatus: "Successful";
  PackageType: "Zip";
  Architectures: string[];
  /** Strongbox's addition, the http template's endpoint. */
  Endpoint?: string;
}

export type FunctionRow = {
  id: string;
  name: string;
  arn: string;
  template: string;
  roleArn: string;
  description: string | null;
  timeout: number;
  environment: string | null;
  endpoint: string | null;
  signingSealed: Uint8Array | null;
  signingWrapped: Uint8Array | null;
  revisionId: string;
  createdDate: Date;
  lastModified: Date;
};

export function functionArn(rt: Pick<Runtime, "region" | "accountId">, name: string): string {
  return `arn:aws:lambda:${rt.region}:${rt.accountId}:function:${name}`;
}

/** Lambda's date form: 2019-08-14T22:26:11.234+0000. */
const lambdaDate = (date: Date) => date.toISOString().replace("Z", "+0000");

export function configurationShape(row: FunctionRow): FunctionConfiguration {
  const variables = row.environment
    ? (JSON.parse(row.environment) as Record<string, string>)
    : undefined;
  return {
    FunctionName: row.name,
    FunctionArn: row.arn,
    Runtime: RUNTIME,
    Role: row.roleArn,
    Handler: row.template,
    CodeSize: 0,
    Description: row.description ?? "",
    Timeout: row.timeout,
    MemorySize: 128,
    LastModified: lambdaDate(row.lastModified),
    CodeSha256: createHash("sha256").update(`strongbox-template:${row.template}`).digest("base64"),
    Version: "$LATEST",
    Environment: variables ? { Variables: variables } : undefined,
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: row.revisionId,
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    Architectures: ["x86_64"],
    Endpoint: row.endpoint ?? undefined,
  };
}

/**
 * FunctionName as Lambda accepts it: a name (1-64 of letters, digits, - and _), a full ARN
 * or a partial ARN (ACCOUNT:function:NAME). Returns the bare name.
 */
export function functionNameOf(value: unknown, field = "FunctionName"): string {
  if (typeof value !== "string" || value.length === 0) {
    throw InvalidParameterValue(`${field} is required.`, field);
  }
  const match =
    /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?([a-zA-Z0-9-_]+)$/.exec(
      value,
    );
  if (!match || match[1].length > 64) {
    throw InvalidParameterValue(
      `1 validation error detected: Value '${value}' at '${field.charAt(0).toLowerCase() + field.slice(1)}' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
      field,
    );
  }
  return match[1];
}

export const notFound = (arn: string) => ResourceNotFound(`Function not found: ${arn}`);

export function checkTimeout(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 900) {
    throw InvalidParameterValue(
      "Timeout must be a whole number of seconds from 1 to 900.",
      "Timeout",
    );
  }
  return value;
}

export function checkDescription(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.length > 256) {
    throw InvalidParameterValue("Description must be at most 256 characters.", "Description");
  }
  return value;
}

/** Environment.Variables: names of letters, digits and _ (starting with a letter), 4 KB in all. */
export function checkEnvironment(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const variables = (value as { Variables?: unknown }).Variables ?? {};
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) {
    throw InvalidParameterValue(
      "Environment.Variables must be a map of names to values.",
      "Environment",
    );
  }
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(variables as Record<string, unknown>)) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(name)) {
      throw InvalidParameterValue(
        `Environment variable name ${name} is invalid: use letters, digits and _, starting with a letter.`,
        "Environment",
      );
    }
    if (typeof raw !== "string") {
      throw InvalidParameterValue(`Environment variable ${name} must be a string.`, "Environment");
    }
    out[name] = raw;
  }
  if (Buffer.byteLength(JSON.stringify(out)) > 4096) {
    throw InvalidParameterValue(
      "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.",
      "Environment",
    );
  }
  return out;
}

export function checkTemplate(value: unknown): TemplateId {
  if (!isTemplateId(value)) {
    throw InvalidParameterValue(
      `Template must be one of postgres-single-user, postgres-alternating-users, mysql-single-user, mysql-alternating-users, generic, http; got ${String(value)}.`,
      "Template",
    );
  }
  return value;
}

/** The http template's endpoint: an absolute http(s) URL without credentials in it. */
export function checkEndpoint(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.username ||
    url.password
  ) {
    throw InvalidParameterValue(
      "The http template needs Endpoint: an absolute http:// or https:// URL (without user name or password in it).",
      "Endpoint",
    );
  }
  return url.toString();
}

const signingAad = (arn: string) => `${arn}\nsigning-secret`;

export function sealSigningSecret(kek: Buffer, arn: string, secret: string) {
  const sealed = sealValue(kek, Buffer.from(secret, "utf8"), signingAad(arn));
  return {
    signingSealed: new Uint8Array(sealed.ciphertext),
    signingWrapped: new Uint8Array(sealed.wrappedKey),
  };
}

export function openSigningSecret(kek: Buffer, row: FunctionRow): string | undefined {
  if (!row.signingSealed || !row.signingWrapped) return undefined;
  return openValue(
    kek,
    { ciphertext: Buffer.from(row.signingSealed), wrappedKey: Buffer.from(row.signingWrapped) },
    signingAad(row.arn),
  ).toString("utf8");
}

/** The function a FunctionName names, or undefined. */
export async function findFunction(rt: Runtime, name: string): Promise<FunctionRow | undefined> {
  return (await rt.db.lambdaFunction.findUnique({ where: { name } })) ?? undefined;
}
