// The console's master-secret picker: "You must have the GetSecretValue permission for the master
// secret to select it in the console." Lists the secrets the caller may list, then asks the
// engine, secret by secret, whether the caller may read its AWSCURRENT value — with the same
// resource, tags, resource policy and context keys GetSecretValue itself decides with. No value is
// read here; choosing one still goes through GetSecretValue/RotateSecret, which decide again.
import { InvalidParameter } from "../errors";
import { decide } from "../ops/authorize";
import type { Caller } from "../ops/caller";
import { listSecrets } from "../ops/secretsmanager/list-secrets";
import { findSecret, secretAuthorization } from "../ops/secretsmanager/secrets";
import { getRuntime } from "../ops/runtime";

export interface MasterSecretCandidate {
  ARN: string;
  Name: string;
}

/** At most this many secrets are looked at (ListSecrets pages of 100). */
const MAX_SECRETS = 1000;

export async function masterSecretCandidates(
  caller: Caller,
  options: { excludeArn?: string } = {},
): Promise<MasterSecretCandidate[]> {
  const rt = await getRuntime();
  const out: MasterSecretCandidate[] = [];
  let nextToken: string | undefined;
  let seen = 0;
  do {
    const page = await listSecrets(caller, {
      MaxResults: 100,
      NextToken: nextToken,
      SortBy: "name",
      SortOrder: "asc",
    });
    nextToken = page.NextToken;
    seen += page.SecretList.length;
    for (const entry of page.SecretList) {
      if (entry.ARN === options.excludeArn || entry.DeletedDate) continue;
      const secret = await findSecret(rt, entry.ARN);
      if (!secret) continue;
      const version = await rt.sql.version(secret.id, { stage: "AWSCURRENT" });
      if (!version) continue;
      const auth = secretAuthorization(secret);
      const outcome = await decide(
        caller,
        {
          ...auth,
          action: "secretsmanager:GetSecretValue",
          context: {
            ...auth.context,
            "secretsmanager:VersionId": version.versionId,
            "secretsmanager:VersionStage": version.stages.map((s) => s.stage),
          },
        },
        rt,
        { explain: false },
      );
      if (outcome.decision === "allowed") out.push({ ARN: secret.arn, Name: secret.name });
    }
  } while (nextToken && seen < MAX_SECRETS);
  return out;
}

/**
 * The secret's JSON with `masterarn` set, as AWS's console writes it when a master secret is
 * chosen; the same text when it already names that master secret.
 */
export function withMasterArn(secretString: string | undefined, masterArn: string): string {
  let value: unknown;
  try {
    value = secretString === undefined ? undefined : JSON.parse(secretString);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw InvalidParameter(
      "To use separate credentials, the secret's value must be a JSON object (engine, host, username, password): Strongbox adds the master secret's ARN to it as masterarn.",
      "MasterSecret",
    );
  }
  const record = value as Record<string, unknown>;
  if (record.masterarn === masterArn) return secretString!;
  return JSON.stringify({ ...record, masterarn: masterArn });
}
