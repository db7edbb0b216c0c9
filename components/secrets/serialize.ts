// Shapes operation outputs (Dates, Buffers) into the plain views client components receive.
import "server-only";
import type {
  DescribeSecretOutput,
  GetSecretValueOutput,
  ListSecretsOutput,
  SecretListEntry,
} from "@/lib/ops/secretsmanager";
import type {
  SecretDetailsView,
  SecretListItem,
  SecretListPage,
  SecretValueView,
  SecretVersionView,
} from "./types";

const iso = (date: Date | string | undefined | null) =>
  date ? new Date(date).toISOString() : undefined;

export function toListItem(entry: SecretListEntry | DescribeSecretOutput): SecretListItem {
  return {
    ARN: entry.ARN,
    Name: entry.Name,
    Description: entry.Description,
    CreatedDate: iso(entry.CreatedDate),
    LastChangedDate: iso(entry.LastChangedDate),
    LastAccessedDate: iso(entry.LastAccessedDate),
    DeletedDate: iso(entry.DeletedDate),
    RotationEnabled: entry.RotationEnabled === true,
    Tags: (entry.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
  };
}

export function toListPage(output: ListSecretsOutput): SecretListPage {
  return { SecretList: output.SecretList.map(toListItem), NextToken: output.NextToken };
}

export function toDetails(output: DescribeSecretOutput): SecretDetailsView {
  // DeletionDate is Strongbox's addition to DescribeSecret (AWS gives only DeletedDate).
  const deletion = (output as { DeletionDate?: Date }).DeletionDate;
  return {
    ...toListItem(output),
    KmsKeyId: output.KmsKeyId,
    DeletionDate: iso(deletion),
    RotationLambdaARN: output.RotationLambdaARN,
    RotationRules: output.RotationRules as SecretDetailsView["RotationRules"],
    LastRotatedDate: iso(output.LastRotatedDate),
    NextRotationDate: iso(output.NextRotationDate),
  };
}

export function toVersions(
  versions: {
    VersionId: string;
    VersionStages?: string[];
    CreatedDate?: Date;
    LastAccessedDate?: Date;
  }[],
): SecretVersionView[] {
  return versions.map((v) => ({
    VersionId: v.VersionId,
    VersionStages: v.VersionStages ?? [],
    CreatedDate: iso(v.CreatedDate),
    LastAccessedDate: iso(v.LastAccessedDate),
  }));
}

export function toValue(output: GetSecretValueOutput): SecretValueView {
  return {
    VersionId: output.VersionId,
    VersionStages: output.VersionStages,
    SecretString: output.SecretString,
    SecretBinary: output.SecretBinary
      ? Buffer.from(output.SecretBinary).toString("base64")
      : undefined,
  };
}
