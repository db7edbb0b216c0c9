import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import {
  describeSecret,
  getResourcePolicy,
  listRotationAttempts,
  listSecretVersionIds,
} from "@/lib/ops/secretsmanager";
import { masterSecretGrant } from "@/lib/rotation/master-secret";
import { toAttemptView, toGrantView } from "@/components/rotation/serialize";
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
  const [versions, policy, attempts, grant] = await Promise.all([
    load(async () =>
      toVersions(
        (await listSecretVersionIds(caller, { SecretId: arn, IncludeDeprecated: true })).Versions,
      ),
    ),
    load(async () => (await getResourcePolicy(caller, { SecretId: arn })).ResourcePolicy),
    load(async () =>
      (await listRotationAttempts(caller, { SecretId: arn, MaxResults: 20 })).RotationAttempts.map(
        toAttemptView,
      ),
    ),
    // The seed's master-secret message shows while the function's role can't read the master
    // secret; a caller who may not look (no iam:GetRolePolicy...) just doesn't see it.
    described.data.RotationLambdaARN
      ? load(() => masterSecretGrant(caller, arn))
      : Promise.resolve(undefined),
  ]);
  const missingGrant = grant?.ok && grant.data && !grant.data.Granted ? grant.data : undefined;
  return (
    <SecretDetails
      key={arn}
      secret={toDetails(described.data)}
      versions={versions}
      policy={policy}
      rotation={{
        grant: missingGrant ? toGrantView(missingGrant) : undefined,
        attempts,
        masterArn: grant?.ok ? grant.data?.MasterSecretArn : undefined,
      }}
      created={searchParams.created === "1"}
      initialTab={typeof searchParams.tab === "string" ? searchParams.tab : undefined}
    />
  );
}
