import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import { describeSecret, getResourcePolicy, listSecretVersionIds } from "@/lib/ops/secretsmanager";
import { secretNameFromSegments } from "./format";
import { SecretDetails } from "./secret-details";
import { toDetails, toVersions } from "./serialize";

type Loaded<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** An operation's answer, or the AWS error it gave (other errors are bugs and propagate). */
async function load<T>(call: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

/** Secret details: metadata, versions and resource policy. Never the value (see SecretValuePanel). */
export async function SecretDetailsPage({
  segments,
  searchParams,
}: {
  segments: string[];
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const caller = await getCaller();
  const name = secretNameFromSegments(segments);
  const described = await load(() => describeSecret(caller, { SecretId: name }));
  if (!described.ok) {
    if (described.code === "ResourceNotFoundException") notFound();
    return (
      <div className="space-y-5">
        <Breadcrumbs items={[{ label: "Secrets", href: "/secrets" }, { label: name }]} />
        <h1 className="text-2xl leading-8 font-bold break-all">{name}</h1>
        <Alert type="error" header={described.code}>
          {described.message}
        </Alert>
      </div>
    );
  }
  const arn = described.data.ARN;
  const [versions, policy] = await Promise.all([
    load(async () =>
      toVersions(
        (await listSecretVersionIds(caller, { SecretId: arn, IncludeDeprecated: true })).Versions,
      ),
    ),
    load(async () => (await getResourcePolicy(caller, { SecretId: arn })).ResourcePolicy),
  ]);
  return (
    <SecretDetails
      key={arn}
      secret={toDetails(described.data)}
      versions={versions}
      policy={policy}
      created={searchParams.created === "1"}
      initialTab={typeof searchParams.tab === "string" ? searchParams.tab : undefined}
    />
  );
}
