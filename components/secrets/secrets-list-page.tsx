import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import { listSecrets } from "@/lib/ops/secretsmanager";
import { parseListQuery, toListSecretsInput } from "./list-query";
import { SecretsTable } from "./secrets-table";
import { toListPage } from "./serialize";
import type { SecretListPage } from "./types";

/** Secrets list: the first page is rendered on the server; the table takes over from there. */
export async function SecretsListPage({
  searchParams,
}: {
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const caller = await getCaller();
  const query = parseListQuery(searchParams);
  let page: SecretListPage | undefined;
  let error: { code: string; message: string } | undefined;
  try {
    page = toListPage(await listSecrets(caller, toListSecretsInput(query)));
  } catch (e) {
    if (!isAwsError(e)) throw e;
    error = { code: e.code, message: e.message };
  }
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "Secrets Manager", href: "/secrets" }, { label: "Secrets" }]} />
      <SecretsTable initialQuery={query} initialPage={page} initialError={error} />
    </div>
  );
}
